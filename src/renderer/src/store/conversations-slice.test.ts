import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../../shared/history';
import { fakeApi } from '../testing/fake-api';
import { conversation, detail, sent } from '../testing/fixtures';
import { useStore } from './index';

const state = () => useStore.getState();
const ids = () => state().conversations.map((c) => c.id);

function listOf(total: number) {
  const all = Array.from({ length: total }, (_, i) => conversation(`c${i}`, { updatedAt: 10_000 - i }));
  fakeApi.answer('conversations', 'list', async (request) => {
    const offset = request?.offset ?? 0;
    return { items: all.slice(offset, offset + (request?.limit ?? total)), total };
  });
  fakeApi.answer('conversations', 'folders', async () => ['Work']);
  return all;
}

describe('the conversation list', () => {
  it('loads a page, then the next from where it ended, and stops at the total', async () => {
    listOf(PAGE_SIZE.conversations + 3);
    await state().loadConversations();
    expect(state().conversations).toHaveLength(PAGE_SIZE.conversations);
    expect(state().conversationTotal).toBe(PAGE_SIZE.conversations + 3);
    expect(state().folders).toEqual(['Work']);
    await state().loadMoreConversations();
    expect(fakeApi.called('conversations.list')[1]![0]).toMatchObject({ offset: PAGE_SIZE.conversations });
    expect(state().conversations).toHaveLength(PAGE_SIZE.conversations + 3);
    await state().loadMoreConversations();
    expect(fakeApi.called('conversations.list')).toHaveLength(2);
  });

  it('says when the list cannot be read', async () => {
    fakeApi.fail('conversations', 'list', { code: 'history_unavailable', message: 'locked' });
    fakeApi.answer('conversations', 'folders', async () => []);
    await state().loadConversations();
    expect(state().historyError?.code).toBe('history_unavailable');
  });

  it('asks for one folder, or for chats in none, and for all again', async () => {
    listOf(2);
    await state().setFolderFilter('Work');
    await state().setFolderFilter(null);
    await state().setFolderFilter(undefined);
    expect(fakeApi.called('conversations.list').map(([r]) => (r as { folder?: unknown }).folder)).toEqual([
      'Work',
      null,
      undefined,
    ]);
  });

  it('keeps main’s order: pinned first, then the most recent, then the newer chat, then by id', () => {
    const { placeConversation } = state();
    placeConversation(conversation('b', { updatedAt: 5 }), true);
    placeConversation(conversation('a', { updatedAt: 5 }), true);
    placeConversation(conversation('old', { updatedAt: 1, pinned: true }), true);
    placeConversation(conversation('new', { updatedAt: 9 }), true);
    placeConversation(conversation('born-later', { updatedAt: 5, createdAt: 2000 }), true);
    expect(ids()).toEqual(['old', 'new', 'born-later', 'b', 'a']);
    expect(state().conversationTotal).toBe(5);
  });

  it('counts a chat the first message made, and not one a later message moved to the top', async () => {
    listOf(2);
    await state().loadConversations();
    fakeApi.answer('chat', 'send', async () => sent('fresh', 'Hi', 20_000));
    await state().send('Hi');
    expect(ids()[0]).toBe('fresh');
    expect(state().conversationTotal).toBe(3);
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c1'), []));
    await state().openConversation('c1');
    fakeApi.answer('chat', 'send', async () => sent('c1', 'More', 30_000));
    await state().send('More');
    expect(ids()).toEqual(['c1', 'fresh', 'c0']);
    expect(state().conversationTotal).toBe(3);
  });

  it('deleting counts one fewer, leaves the open chat, and offers an undo that brings it back', async () => {
    listOf(2);
    await state().loadConversations();
    fakeApi.answer('conversations', 'get', async () => detail(conversation('c0'), []));
    await state().openConversation('c0');
    fakeApi.answer('conversations', 'remove', async () => undefined);
    await state().deleteConversation('c0');
    expect(ids()).toEqual(['c1']);
    expect(state().conversationTotal).toBe(1);
    expect(state().activeId).toBeNull();
    expect(state().toast).toEqual({ text: 'Deleted “Chat c0”', undoId: 'c0' });
    fakeApi.answer('conversations', 'restore', async () => conversation('c0', { updatedAt: 10_000 }));
    await state().undoDelete('c0');
    expect(ids()).toEqual(['c0', 'c1']);
    expect(state().conversationTotal).toBe(2);
    expect(state().toast).toBeNull();
  });

  it('a failed delete keeps the chat and says why', async () => {
    listOf(1);
    await state().loadConversations();
    fakeApi.fail('conversations', 'remove', { code: 'history_unavailable', message: 'The history is locked' });
    await state().deleteConversation('c0');
    expect(ids()).toEqual(['c0']);
    expect(state().toast).toEqual({ text: 'The history is locked' });
  });

  it('rename, pin and a model-made title replace the listed copy; a title for an unlisted chat stays out', async () => {
    listOf(2);
    await state().loadConversations();
    fakeApi.answer('conversations', 'update', async (id, patch) => conversation(id, { ...patch, updatedAt: 1 }));
    await state().renameConversation('c0', 'Renamed');
    expect(state().conversations.find((c) => c.id === 'c0')?.title).toBe('Renamed');
    await state().togglePin('c0');
    expect(state().conversations[0]).toMatchObject({ id: 'c0', pinned: true });
    state().afterEvent({ type: 'title', conversation: conversation('c1', { title: 'Made', updatedAt: 9_999 }) });
    expect(state().conversations.find((c) => c.id === 'c1')?.title).toBe('Made');
    state().afterEvent({ type: 'title', conversation: conversation('elsewhere') });
    expect(ids()).not.toContain('elsewhere');
  });

  it('moving a chat out of the folder on screen reloads the list', async () => {
    listOf(2);
    await state().setFolderFilter('Work');
    fakeApi.answer('conversations', 'update', async (id, patch) => conversation(id, patch));
    await state().moveToFolder('c0', 'Home');
    expect(fakeApi.called('conversations.list')).toHaveLength(2);
    expect(fakeApi.called('conversations.folders')).toHaveLength(3);
  });
});
