import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../testing/fake-api';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { message, nextFrame } from '../testing/fixtures';
import { resetStore, startEvents, useStore } from './index';

const state = () => useStore.getState();

describe('resetting the store', () => {
  it('leaves nothing behind: fields, and deltas waiting for a frame', async () => {
    state().setDraft({ systemPrompt: 'x' });
    state().applyEvent({ type: 'delta', conversationId: 'c1', messageId: 'm1', text: 'late' });
    resetStore();
    await nextFrame();
    await nextFrame();
    expect(state().messages).toEqual({});
    expect(state().draft.systemPrompt).toBe('');
  });

  it('a retry waiting from before the reset does not run after it', async () => {
    vi.useFakeTimers();
    fakeApi.answer('settings', 'get', async () => ({
      values: { ...DEFAULT_SETTINGS, autoRetry: true },
      language: 'en' as const,
      notice: null,
    }));
    await state().loadSettings();
    const error = { code: 'rate_limited' as const, message: 'slow', retryAfter: 1 };
    const failed = message('a1', { status: 'error', updatedAt: Date.now(), error });
    state().applyEvent({ type: 'end', message: failed });
    state().afterEvent({ type: 'end', message: failed });
    resetStore();
    state().applyEvent({ type: 'end', message: failed });
    fakeApi.answer('chat', 'retry', async () => message('a2'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(fakeApi.called('chat.retry')).toEqual([]);
    vi.useRealTimers();
  });

  it('main’s stream events reach the store once connected, and not after', async () => {
    fakeApi.answer('chat', 'context', async () => ({}) as never);
    const stop = startEvents();
    fakeApi.emit('chat.event', { type: 'delta', conversationId: 'c1', messageId: 'm1', text: 'Hi' });
    await nextFrame();
    expect(state().messages.m1?.content).toBe('Hi');
    stop();
    fakeApi.emit('chat.event', { type: 'delta', conversationId: 'c1', messageId: 'm1', text: ' again' });
    await nextFrame();
    expect(state().messages.m1?.content).toBe('Hi');
  });
});
