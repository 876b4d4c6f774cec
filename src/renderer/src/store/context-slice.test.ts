import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContextView } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { fakeApi } from '../testing/fake-api';
import { conversation, detail, message } from '../testing/fixtures';
import { useStore } from './index';

const state = () => useStore.getState();
afterEach(() => vi.useRealTimers());

const VIEW = { contextLength: 8000, baseTokens: 1000 } as ContextView;

describe('the context view', () => {
  it('asks main once, a moment after the last of several quick changes', async () => {
    vi.useFakeTimers();
    fakeApi.answer('chat', 'context', async () => VIEW);
    state().refreshContext();
    state().refreshContext();
    state().refreshContext();
    await vi.advanceTimersByTimeAsync(200);
    expect(fakeApi.called('chat.context')).toHaveLength(1);
    expect(state().contextView).toEqual(VIEW);
    expect(state().contextFor).toBeNull();
  });

  it('context settings change the draft through the chat’s own action', () => {
    state().setContextSettings({ sendLast: 3 });
    expect(state().draft.context).toEqual({ contextLength: null, sendLast: 3 });
  });

  it('raise and continue doubles max_tokens within the room the prompt leaves', async () => {
    vi.useFakeTimers();
    fakeApi.answer('chat', 'context', async () => VIEW);
    state().refreshContext();
    await vi.advanceTimersByTimeAsync(200);
    state().setParam('max_tokens', 4000);
    fakeApi.answer('chat', 'continue', async (id) => message(id, { status: 'streaming', updatedAt: 5000 }));
    await state().raiseAndContinue('a1');
    expect(state().draft.params.max_tokens).toBe(7000);
    expect(fakeApi.called('chat.continue')).toEqual([['a1', { maxTokens: 7000 }]]);
  });
});

describe('after a rate limit', () => {
  async function failedReply(autoRetry: boolean) {
    vi.useFakeTimers({ now: 100_000 });
    fakeApi.answer('settings', 'get', async () => ({
      values: { ...DEFAULT_SETTINGS, autoRetry },
      language: 'en' as const,
      notice: null,
    }));
    await state().loadSettings();
    const failed = message('a1', {
      status: 'error',
      updatedAt: 100_000,
      error: { code: 'rate_limited', message: 'slow', status: 429, retryAfter: 2 },
    });
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), [failed]));
    await state().openConversation('c1');
    fakeApi.answer('chat', 'retry', async () => message('a2', { status: 'streaming' }));
    fakeApi.answer('chat', 'context', async () => VIEW);
    state().afterEvent({ type: 'end', message: failed });
    state().afterEvent({ type: 'end', message: failed });
  }

  it('retries once by itself after the wait the server asked for, when the user chose so', async () => {
    await failedReply(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fakeApi.called('chat.retry')).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(fakeApi.called('chat.retry')).toEqual([['a1']]);
  });

  it('does not retry when the user did not choose so', async () => {
    await failedReply(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fakeApi.called('chat.retry')).toEqual([]);
  });
});
