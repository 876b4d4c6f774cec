import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { sweepDocuments } from '../attachments/sweep';
import { SqliteHistory } from '../history/sqlite-history';
import { FileDocumentStore } from './document-store';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('removes texts no message refers to, but never a draft still in the composer', () => {
  dir = mkdtempSync(join(tmpdir(), 'sweep-'));
  const history = new SqliteHistory(dir);
  const store = new FileDocumentStore(join(dir, 'documents'));
  const conversation = history.createConversation({ title: 't', model: 'm', params: {}, systemPrompt: '' });
  const sent = store.put({ text: 'sent with a message', pages: null });
  const draft = store.put({ text: 'in the composer', pages: null });
  const orphan = store.put({ text: 'left by a crash', pages: null });
  for (const id of [sent, orphan]) history.indexDocument(id, 'x');
  const ref = {
    id: sent,
    name: 'a.txt',
    kind: 'text' as const,
    pages: null,
    lines: 1,
    chars: 19,
    tokens: 9,
    keptChars: null,
  };
  const message = history.addMessage({
    conversationId: conversation.id,
    parentId: null,
    role: 'user',
    content: 'hi',
    status: 'done',
    model: null,
    documents: [ref],
  });

  expect(sweepDocuments(history, { store, drafts: () => new Set([draft]) })).toBe(1);
  expect(store.ids().sort()).toEqual([sent, draft].sort());

  // Deleting the message that referred to a text lets the next sweep remove it.
  history.deleteMessages([message.id]);
  expect(sweepDocuments(history, { store, drafts: () => new Set() })).toBe(2);
  expect(store.ids()).toEqual([]);
  history.close();
});
