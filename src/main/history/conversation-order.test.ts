import { afterEach, expect, it } from 'vitest';
import { compareConversations } from '../../shared/conversation-order';
import type { Conversation } from '../../shared/domain';
import type { HistoryDatabase } from './database';
import { SqliteHistory } from './sqlite-history';

let history: SqliteHistory;
afterEach(() => history?.close());

const imported = (id: string, times: { createdAt: number; updatedAt: number }, extra: Partial<Conversation> = {}) => ({
  conversation: {
    id,
    title: id,
    model: 'm',
    params: {},
    systemPrompt: '',
    leafId: null,
    pinned: false,
    folder: null,
    contextLength: null,
    sendLast: null,
    titleEdited: false,
    ...times,
    ...extra,
  },
  messages: [],
});

/** Pins, folders, chats made here and imported ones, equal activity times, equal creation times, ids of every kind. */
function varied(): void {
  const made = ['first', 'second', 'third', 'fourth'].map((title, i) =>
    history.createConversation({ title, model: 'm', params: {}, systemPrompt: '', folder: i % 2 ? 'work' : null }),
  );
  history.addMessage({
    conversationId: made[0]!.id,
    parentId: null,
    role: 'user',
    content: 'now the most recent',
    status: 'done',
    model: null,
  });
  history.updateConversation(made[2]!.id, { pinned: true });
  history.deleteConversation(made[3]!.id);
  // Imported in an order that is neither their id order nor their time order. '😀' (U+1F600) comes after '\uFFFD'
  // by code point, as SQLite compares, and before it by UTF-16 unit, as JS's `<` would.
  history.merge([
    imported('b-same', { createdAt: 10, updatedAt: 50 }),
    imported('a-same', { createdAt: 10, updatedAt: 50 }),
    imported('c-same', { createdAt: 10, updatedAt: 50 }, { folder: 'work' }),
    imported('\uFFFD', { createdAt: 10, updatedAt: 50 }),
    imported('😀', { createdAt: 10, updatedAt: 50 }),
    imported('é', { createdAt: 10, updatedAt: 50 }),
    imported('older-made', { createdAt: 5, updatedAt: 50 }),
    imported('newer-made', { createdAt: 20, updatedAt: 50 }),
    imported('pinned-old', { createdAt: 1, updatedAt: 2 }, { pinned: true }),
    imported('pinned-tie-a', { createdAt: 1, updatedAt: 2 }, { pinned: true }),
    imported('future', { createdAt: 1, updatedAt: Number.MAX_SAFE_INTEGER }),
  ]);
}

function shuffled<T>(items: T[]): T[] {
  // A fixed permutation: the sort, not the order things were read in, must decide.
  return items
    .map((item, i) => ({ item, key: (i * 7919) % 101 }))
    .sort((a, b) => a.key - b.key)
    .map((e) => e.item);
}

it('lists conversations in exactly the shared order, in every page and folder', () => {
  history = new SqliteHistory(null);
  varied();
  const listed = history.listConversations();
  const expected = shuffled(listed.map((c) => history.getConversation(c.id)!)).sort(compareConversations);
  expect(listed.map((c) => c.title)).toEqual(expected.map((c) => c.title));
  expect(listed).toHaveLength(14);

  const pages: Conversation[] = [];
  for (let offset = 0; offset < listed.length; offset += 3) {
    pages.push(...history.pageConversations({ offset, limit: 3 }).items);
  }
  expect(pages).toEqual(listed);
  expect(history.listConversations({ folder: 'work' })).toEqual(listed.filter((c) => c.folder === 'work'));
  expect(history.listConversations({ folder: null })).toEqual(listed.filter((c) => c.folder === null));
});

it('tripwire: the fixture tells that order from the insertion order of chats with equal times', () => {
  history = new SqliteHistory(null);
  varied();
  const { db } = history as unknown as { db: HistoryDatabase };
  const byInsertion = db
    .sql('SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC, rowid DESC')
    .pluck()
    .all();
  expect(byInsertion).not.toEqual(history.listConversations().map((c) => c.id));
});

it('puts pinned chats first, then the most recently active, then the newer chat', () => {
  const at = (pinned: boolean, updatedAt: number, createdAt: number, id = 'x') => ({
    pinned,
    updatedAt,
    createdAt,
    id,
  });
  expect(compareConversations(at(true, 1, 1), at(false, 9, 9))).toBeLessThan(0);
  expect(compareConversations(at(false, 9, 1), at(false, 1, 9))).toBeLessThan(0);
  expect(compareConversations(at(false, 5, 9), at(false, 5, 1))).toBeLessThan(0);
  expect(compareConversations(at(false, 5, 5, 'b'), at(false, 5, 5, 'a'))).toBeLessThan(0);
  expect(compareConversations(at(false, 5, 5, 'a'), at(false, 5, 5, 'a'))).toBe(0);
});
