import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DB_FILE, SqliteHistory } from '../sqlite-history';
import { LATEST_VERSION, MIGRATIONS, migrate } from './index';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('migrates a version 1 database to the latest, keeping its data and a copy of the old file', () => {
  dir = mkdtempSync(join(tmpdir(), 'migrate-'));
  const v1 = new Database(join(dir, DB_FILE));
  migrate(v1, { target: 1, beforeEach: () => {} });
  v1.prepare(`INSERT INTO conversations VALUES ('c1', 'Old chat', 'm', '{}', '', 1, 2)`).run();
  v1.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at)
     VALUES ('m1', 'c1', NULL, 'user', 'an ocelot in the garden', 'done', 1, 1),
            ('m2', 'c1', 'm1', 'assistant', 'half a rep', 'streaming', 2, 2)`,
  ).run();
  expect(v1.pragma('user_version', { simple: true })).toBe(1);
  v1.close();

  const store = new SqliteHistory(dir);
  expect(store.status().problem).toBeNull();
  expect(store.getConversation('c1')).toMatchObject({ title: 'Old chat', pinned: false, folder: null });
  expect(store.listMessages('c1').map((m) => [m.content, m.status, m.attachments])).toEqual([
    ['an ocelot in the garden', 'done', []],
    ['half a rep', 'interrupted', []],
  ]);
  // Messages written before the index existed are searchable.
  expect(store.search('ocelot').hits.map((h) => h.messageId)).toEqual(['m1']);
  store.close();

  const copies = readdirSync(join(dir, 'backups'));
  expect(copies).toHaveLength(MIGRATIONS.length - 1);
  const copy = new Database(join(dir, 'backups', copies[0]!), { readonly: true });
  expect(copy.pragma('user_version', { simple: true })).toBe(1);
  expect(copy.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 2 });
  copy.close();
});

it('refuses a database from a newer version of the app instead of changing it', () => {
  dir = mkdtempSync(join(tmpdir(), 'migrate-'));
  const future = new Database(join(dir, DB_FILE));
  future.pragma(`user_version = ${LATEST_VERSION + 1}`);
  future.close();
  const store = new SqliteHistory(dir);
  expect(store.status().problem?.message).toMatch(/newer version/);
  store.close();
});

it('indexes a reply when it stops streaming, and forgets a deleted message at once (schema 3 to 5)', () => {
  dir = mkdtempSync(join(tmpdir(), 'migrate-'));
  const v3 = new Database(join(dir, DB_FILE));
  migrate(v3, { target: 3, beforeEach: () => {} });
  v3.prepare(
    `INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES ('c1', 'Old', 'm', 1, 2)`,
  ).run();
  const insert = v3.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at)
     VALUES (?, 'c1', ?, ?, ?, ?, 1, 1)`,
  );
  insert.run('m1', null, 'user', 'tell me about okapis', 'done');
  insert.run('m2', 'm1', 'assistant', 'okapis are', 'streaming');
  // Saves of a growing reply under the old triggers, each leaving its earlier version in the index.
  for (const text of ['okapis are shy', 'okapis are shy giraffids']) {
    v3.prepare(`UPDATE messages SET content = ? WHERE id = 'm2'`).run(text);
  }
  v3.close();

  const store = new SqliteHistory(dir);
  expect(store.getMessage('m2')).toMatchObject({ status: 'interrupted', content: 'okapis are shy giraffids' });
  expect(store.search('giraffids').hits.map((h) => h.messageId)).toEqual(['m2']);
  const reply = store.addMessage({
    conversationId: 'c1',
    parentId: 'm1',
    role: 'assistant',
    content: '',
    status: 'streaming',
    model: 'm',
  });
  store.updateMessage(reply.id, { content: 'a streaming zebroid' });
  expect(store.search('zebroid').hits).toEqual([]);
  store.updateMessage(reply.id, { content: 'a streaming zebroid, done', status: 'done' });
  expect(store.search('zebroid').hits.map((h) => h.messageId)).toEqual([reply.id]);
  store.deleteMessages(['m2', reply.id]);
  expect(store.search('giraffids').hits).toEqual([]);
  store.close();
  const file = readFileSync(join(dir, DB_FILE));
  expect(file.includes('giraffids')).toBe(false);
  expect(file.includes('zebroid')).toBe(false);
  expect(file.includes('okapis')).toBe(true);
});

it('migrates a version 3 database: token counts to be made, no finish reasons, chats with the default context', () => {
  dir = mkdtempSync(join(tmpdir(), 'migrate-'));
  const v3 = new Database(join(dir, DB_FILE));
  migrate(v3, { target: 3, beforeEach: () => {} });
  v3.prepare(
    `INSERT INTO conversations (id, title, model, params, system_prompt, created_at, updated_at, leaf_id)
     VALUES ('c1', 'Named by hand', 'm', '{"max_tokens":50}', '', 1, 2, 'm2')`,
  ).run();
  v3.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, usage, created_at, updated_at)
     VALUES ('m1', 'c1', NULL, 'user', 'How tall is a giraffe?', 'done', NULL, 1, 1),
            ('m2', 'c1', 'm1', 'assistant', 'About five metres.', 'done', '{"promptTokens":9,"completionTokens":5}', 2, 2)`,
  ).run();
  v3.close();

  const store = new SqliteHistory(dir);
  expect(store.status().problem).toBeNull();
  expect(store.getConversation('c1')).toMatchObject({
    title: 'Named by hand',
    leafId: 'm2',
    params: { max_tokens: 50 },
    contextLength: null,
    sendLast: null,
    titleEdited: false,
  });
  expect(store.listMessages('c1').map((m) => [m.content, m.tokens, m.finishReason, m.imagesPinned])).toEqual([
    ['How tall is a giraffe?', null, null, false],
    ['About five metres.', null, null, false],
  ]);
  expect(store.usageTotals('c1')).toEqual({ promptTokens: 9, completionTokens: 5 });
  // The new columns take writes.
  store.saveTokenCounts(new Map([['m1', 6]]));
  store.updateMessage('m2', { finishReason: 'length', imagesPinned: true });
  store.updateConversation('c1', { contextLength: 4096, sendLast: 10, titleEdited: true });
  expect(store.getMessage('m1')!.tokens).toBe(6);
  expect(store.getMessage('m2')).toMatchObject({ finishReason: 'length', imagesPinned: true });
  expect(store.getConversation('c1')).toMatchObject({ contextLength: 4096, sendLast: 10, titleEdited: true });
  store.close();

  const copies = readdirSync(join(dir, 'backups'));
  expect(copies).toEqual([
    expect.stringMatching(/^history\.v3\.before-context-budget\./),
    expect.stringMatching(/^history\.v4\.before-secure-index\./),
    expect.stringMatching(/^history\.v5\.before-documents\./),
    expect.stringMatching(/^history\.v6\.before-compare\./),
  ]);
});

it('migrates a version 6 database to compare runs: old replies are no compare reply, new runs take writes', () => {
  dir = mkdtempSync(join(tmpdir(), 'migrate-'));
  const v6 = new Database(join(dir, DB_FILE));
  migrate(v6, { target: 6, beforeEach: () => {} });
  v6.prepare(
    `INSERT INTO conversations (id, title, model, created_at, updated_at, leaf_id) VALUES ('c1', 'Old', 'm', 1, 2, 'm1')`,
  ).run();
  v6.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at)
     VALUES ('m1', 'c1', NULL, 'user', 'Which is faster?', 'done', 1, 1)`,
  ).run();
  v6.close();

  const store = new SqliteHistory(dir);
  expect(store.status().problem).toBeNull();
  expect(store.getMessage('m1')).not.toHaveProperty('compare');
  const run = store.addCompareRun({
    conversationId: 'c1',
    questionId: 'm1',
    columns: [
      { model: 'a', params: null },
      { model: 'b', params: { temperature: 1 } },
    ],
  });
  const reply = store.addMessage({
    conversationId: 'c1',
    parentId: 'm1',
    role: 'assistant',
    content: 'b is',
    status: 'done',
    model: 'b',
    compare: { runId: run.id, column: 1 },
  });
  expect(store.getMessage(reply.id)!.compare).toEqual({ runId: run.id, column: 1 });
  expect(store.compareRunOf('m1')).toMatchObject({ id: run.id, chosenId: null });
  expect(store.chooseCompare(run.id, reply.id).chosenId).toBe(reply.id);
  expect(() => store.chooseCompare(run.id, 'm1')).toThrow(/not part of this comparison/);
  expect(store.compareRuns('c1').map((r) => r.columns)).toEqual([run.columns]);
  store.close();
  expect(readdirSync(join(dir, 'backups'))).toEqual([expect.stringMatching(/^history\.v6\.before-compare\./)]);
});
