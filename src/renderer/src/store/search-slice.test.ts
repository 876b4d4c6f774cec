import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/history';
import { fakeApi } from '../testing/fake-api';
import { conversation, detail } from '../testing/fixtures';
import { useStore } from './index';

const state = () => useStore.getState();
const hit = (n: number) => ({ conversationId: 'c1', messageId: `m${n}` }) as SearchHit;

describe('search', () => {
  it('keeps only the latest query’s answer when answers come out of order', async () => {
    const waiting: Record<string, () => void> = {};
    fakeApi.answer(
      'search',
      'messages',
      (query) =>
        new Promise((resolve) => (waiting[query] = () => resolve({ hits: [hit(query.length)], nextOffset: null }))),
    );
    const first = state().runSearch('ab');
    const second = state().runSearch('abc');
    waiting.abc!();
    await second;
    waiting.ab!();
    await first;
    expect(state().searchHits).toEqual([hit(3)]);
    expect(state().searchLoading).toBe(false);
  });

  it('an empty query clears the hits without asking main', async () => {
    await state().runSearch('   ');
    expect(fakeApi.called('search.messages')).toEqual([]);
    expect(state().searchHits).toEqual([]);
  });

  it('pages on from where the last page ended, and stops when none is left', async () => {
    fakeApi.answer('search', 'messages', async (_q, page) =>
      page?.offset ? { hits: [hit(2)], nextOffset: null } : { hits: [hit(1)], nextOffset: 20 },
    );
    await state().runSearch('x');
    await state().searchMore();
    expect(state().searchHits).toEqual([hit(1), hit(2)]);
    await state().searchMore();
    expect(fakeApi.called('search.messages')).toHaveLength(2);
  });

  it('a failed search says why, with its code', async () => {
    fakeApi.fail('search', 'messages', { code: 'history_unavailable', message: 'locked' });
    await state().runSearch('x');
    expect(state().searchError?.code).toBe('history_unavailable');
    expect(state().searchHits).toEqual([]);
  });

  it('opening a hit closes search and opens the chat at that message', async () => {
    state().openSearch();
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), []));
    await state().openHit(hit(7));
    expect(state().searchOpen).toBe(false);
    expect(state().activeId).toBe('c1');
    expect(state().focusMessageId).toBe('m7');
  });
});
