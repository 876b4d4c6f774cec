import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { DocumentRef } from '../../../shared/domain';
import { DB_FILE, SqliteHistory } from '../sqlite-history';
import { migrate } from './index';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ref = (id: string, name: string): DocumentRef => ({
  id,
  name,
  kind: 'pdf',
  pages: 2,
  lines: 2,
  chars: 40,
  tokens: 20,
  keptChars: null,
});
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

it('migrates a version 5 database: old messages have no documents, and documents are searchable and forgotten', () => {
  dir = mkdtempSync(join(tmpdir(), 'migrate-'));
  const v5 = new Database(join(dir, DB_FILE));
  migrate(v5, { target: 5, beforeEach: () => {} });
  v5.prepare(
    `INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES ('c1', 'Old', 'm', 1, 2)`,
  ).run();
  v5.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at)
     VALUES ('m1', 'c1', NULL, 'user', 'about the report', 'done', 1, 1)`,
  ).run();
  v5.close();

  const texts = new Map([
    [A, 'The axolotl population rose in the second quarter.'],
    [B, 'Minutes of the budget meeting.'],
  ]);
  const store = new SqliteHistory(dir, { documentText: (id) => texts.get(id) ?? null });
  expect(store.status().problem).toBeNull();
  expect(store.getMessage('m1')!.documents).toEqual([]);

  store.indexDocument(A, texts.get(A)!);
  store.indexDocument(A, texts.get(A)!); // the same text again is indexed once
  store.indexDocument(B, texts.get(B)!);
  const m2 = store.addMessage({
    conversationId: 'c1',
    parentId: 'm1',
    role: 'user',
    content: 'what does it say?',
    status: 'done',
    model: null,
    documents: [ref(A, 'report.pdf')],
  });
  expect(store.getMessage(m2.id)!.documents).toEqual([ref(A, 'report.pdf')]);
  expect(store.documentIds()).toEqual(new Set([A]));
  expect(store.documentName(A)).toBe('report.pdf');

  // A word only in the document finds the chat, and the snippet names the document.
  const [hit, ...rest] = store.search('axolotl').hits;
  expect(rest).toEqual([]);
  expect(hit).toMatchObject({ conversationId: 'c1', messageId: m2.id });
  expect(hit!.snippet[0]).toEqual({ text: 'report.pdf: ', hit: false });
  expect(hit!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['axolotl']);

  // B was indexed but never sent: the sweep's clean-up drops it; A stays while a message refers to it.
  expect(store.dropUnreferencedDocuments()).toBe(1);
  expect(store.search('budget').hits).toEqual([]);
  store.deleteMessages([m2.id]);
  expect(store.documentIds()).toEqual(new Set());
  expect(store.search('axolotl').hits).toEqual([]);
  store.close();

  // Nothing of the deleted document's words is left in the index.
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  expect(db.prepare(`SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH 'axolotl'`).get()).toEqual({
    n: 0,
  });
  expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 0 });
  db.close();
});
