import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, SqliteHistory } from './sqlite-history';

const dirs: string[] = [];
const stores: SqliteHistory[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'history-'));
  dirs.push(dir);
  return dir;
}

function open(dir: string | null = tempDir()): SqliteHistory {
  const store = new SqliteHistory(dir);
  stores.push(store);
  return store;
}

function chat(store: SqliteHistory, title: string, ...texts: string[]) {
  const c = store.createConversation({ title, model: 'm', params: { temperature: 0.5 }, systemPrompt: '' });
  let parentId: string | null = null;
  const messages = texts.map((content, i) => {
    const m = store.addMessage({
      conversationId: c.id,
      parentId,
      role: i % 2 ? 'assistant' : 'user',
      content,
      status: 'done',
      model: null,
    });
    parentId = m.id;
    return m;
  });
  return { conversation: store.getConversation(c.id)!, messages };
}

describe('SqliteHistory', () => {
  it('keeps conversations and messages across a reopen, with WAL and foreign keys', () => {
    const dir = tempDir();
    const first = open(dir);
    const { conversation, messages } = chat(first, 'Trip', 'Plan a trip to Lisbon', 'Day one: Alfama');
    first.updateMessage(messages[1]!.id, { usage: { promptTokens: 3, completionTokens: 4 } });
    first.close();
    const again = open(dir);
    expect(again.getConversation(conversation.id)).toMatchObject({ title: 'Trip', params: { temperature: 0.5 } });
    expect(again.listMessages(conversation.id).map((m) => m.content)).toEqual([
      'Plan a trip to Lisbon',
      'Day one: Alfama',
    ]);
    expect(again.getMessage(messages[1]!.id)!.usage).toEqual({ promptTokens: 3, completionTokens: 4 });
  });

  it('lists pinned first, then the most recently active, in pages, and by folder', () => {
    const store = open();
    const a = chat(store, 'a', 'x').conversation;
    const b = chat(store, 'b', 'x').conversation;
    const c = chat(store, 'c', 'x').conversation;
    store.updateConversation(a.id, { pinned: true });
    store.updateConversation(b.id, { folder: 'Work' });
    expect(store.listConversations().map((x) => x.title)).toEqual(['a', 'c', 'b']);
    store.addMessage({ conversationId: b.id, parentId: null, role: 'user', content: 'y', status: 'done', model: null });
    expect(store.listConversations().map((x) => x.title)).toEqual(['a', 'b', 'c']);
    expect(store.pageConversations({ offset: 1, limit: 1 })).toMatchObject({ items: [{ id: b.id }], total: 3 });
    expect(store.pageConversations({ folder: 'Work' }).items.map((x) => x.id)).toEqual([b.id]);
    expect(store.folders()).toEqual(['Work']);
    expect(c.pinned).toBe(false);
  });

  it('hides a deleted conversation until restored, and drops it for good at the next start', () => {
    const dir = tempDir();
    const store = open(dir);
    const kept = chat(store, 'kept', 'zebra crossing').conversation;
    const gone = chat(store, 'gone', 'zebra stripes').conversation;
    store.deleteConversation(gone.id);
    expect(store.listConversations().map((c) => c.id)).toEqual([kept.id]);
    expect(store.search('zebra').hits.map((h) => h.conversationId)).toEqual([kept.id]);
    store.restoreConversation(gone.id);
    expect(store.search('zebra').hits).toHaveLength(2);
    store.deleteConversation(gone.id);
    store.close();
    const again = open(dir);
    expect(again.listConversations().map((c) => c.id)).toEqual([kept.id]);
    expect(again.search('stripes').hits).toEqual([]);
  });

  it('pages messages newest first, and back to a requested message', () => {
    const store = open();
    const texts = Array.from({ length: 250 }, (_, i) => `message ${i}`);
    const { conversation, messages } = chat(store, 'long', ...texts);
    const newest = store.pageMessages(conversation.id, { limit: 100 });
    expect(newest.messages.map((m) => m.content)).toEqual(texts.slice(150));
    expect(newest.hasOlder).toBe(true);
    const older = store.pageMessages(conversation.id, { limit: 100, beforeId: newest.messages[0]!.id });
    expect(older.messages.map((m) => m.content)).toEqual(texts.slice(50, 150));
    const last = store.pageMessages(conversation.id, { limit: 100, beforeId: older.messages[0]!.id });
    expect(last).toMatchObject({ hasOlder: false });
    expect(last.messages).toHaveLength(50);
    const toHit = store.pageMessages(conversation.id, { limit: 100, includeId: messages[10]!.id });
    expect(toHit.messages[0]!.id).toBe(messages[10]!.id);
    expect(toHit.messages.at(-1)!.content).toBe('message 249');
  });

  it('finds words and prefixes ranked by relevance, with safe highlighted snippets, in pages', () => {
    const store = open();
    chat(store, 'once', 'The <b>quokka</b> is a small marsupial.', 'Nothing else here.');
    chat(store, 'often', 'quokka quokka quokka, a quokka selfie', 'Quokkas smile.');
    for (let i = 0; i < 30; i++) chat(store, `filler ${i}`, `a note about gardening number ${i}`);
    const hits = store.search('quokka ').hits;
    expect(hits.map((h) => h.conversationTitle)).toEqual(['often', 'once']);
    expect(hits[1]!.snippet).toEqual([
      { text: 'The <b>', hit: false },
      { text: 'quokka', hit: true },
      { text: '</b> is a small marsupial.', hit: false },
    ]);
    expect(store.search('quok').hits.length).toBe(3);
    expect(store.search('quok ').hits).toEqual([]);
    expect(store.search('garden marsup').hits).toEqual([]);
    const first = store.search('gardening', { limit: 20 });
    const second = store.search('gardening', { limit: 20, offset: first.nextOffset! });
    expect([first.hits.length, first.nextOffset, second.hits.length, second.nextOffset]).toEqual([20, 20, 10, null]);
    expect(store.search('"OR" NEAR(* ) -').hits).toEqual([]);
  });

  it('pages through every hit of a word found in more messages than one ranking window', () => {
    const store = open();
    const texts = Array.from({ length: 1050 }, (_, i) => (i === 1040 ? 'otter otter otter' : `an otter, number ${i}`));
    chat(store, 'many', ...texts);
    const seen: string[] = [];
    let page = store.search('otter ', { limit: 200 });
    expect(page.hits[0]!.snippet.filter((p) => p.hit)).toHaveLength(3);
    for (;;) {
      seen.push(...page.hits.map((h) => h.messageId));
      if (page.nextOffset === null) break;
      page = store.search('otter ', { limit: 200, offset: page.nextOffset });
    }
    expect(new Set(seen).size).toBe(1050);
  });

  it('keeps the index in step when a reply grows and when a conversation is removed', () => {
    const store = open();
    const { messages } = chat(store, 'grow', 'hello', '');
    store.updateMessage(messages[1]!.id, { content: 'aardvark' });
    expect(store.search('aardvark').hits).toHaveLength(1);
    store.updateMessage(messages[1]!.id, { content: 'aardvark and badger' });
    expect(store.search('badger').hits).toHaveLength(1);
    expect(store.search('aardvark').hits).toHaveLength(1);
  });

  it('marks replies left streaming as interrupted at the next start, keeping their text', () => {
    const dir = tempDir();
    const store = open(dir);
    const { conversation } = chat(store, 'x', 'question');
    const reply = store.addMessage({
      conversationId: conversation.id,
      parentId: null,
      role: 'assistant',
      content: 'half an ans',
      status: 'streaming',
      model: 'm',
    });
    store.close();
    expect(open(dir).getMessage(reply.id)).toMatchObject({ status: 'interrupted', content: 'half an ans' });
  });

  it('keeps an unreadable database, reports it, and starts fresh only when asked', () => {
    const dir = tempDir();
    const garbage = 'this is not a database '.repeat(100);
    writeFileSync(join(dir, DB_FILE), garbage);
    const store = open(dir);
    expect(store.status().problem).toMatchObject({ path: join(dir, DB_FILE) });
    expect(() => store.listConversations()).toThrow(expect.objectContaining({ code: 'history_unavailable' }));
    expect(readFileSync(join(dir, DB_FILE), 'utf8')).toBe(garbage);
    const after = store.startFresh();
    expect(after.problem).toBeNull();
    expect(readFileSync(after.keptAt!, 'utf8')).toBe(garbage);
    expect(store.listConversations()).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith('history.unreadable'))).toHaveLength(1);
  });
});

describe('snippets', () => {
  it('show the words around the first match, marked, with the rest elided', () => {
    const store = open();
    const long = `${'filler '.repeat(40)}the heron waited by the river ${'more '.repeat(40)}`;
    chat(store, 'birds', long);
    const [hit] = store.search('heron').hits;
    expect(hit!.snippet.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('')).toBe(
      '…filler filler filler the [heron] waited by the river more more more more more more more…',
    );
  });
});
