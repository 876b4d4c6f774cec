import { afterEach, expect, it } from 'vitest';
import type { DocumentRef } from '../../shared/domain';
import { MemoryAttachmentStore } from '../attachments/attachment-store';
import { MemoryDocumentStore, serialise } from '../documents/document-store';
import { DEFAULT_LIMITS } from '../documents/types';
import { importChats } from './import-chats';
import { SqliteHistory } from './sqlite-history';
import { BACKUP_FORMAT, parseImport, toBackupJson } from './transfer';

const stores: SqliteHistory[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function open(documents: MemoryDocumentStore) {
  const store = new SqliteHistory(null, { documentText: (id) => documents.get(id)?.text ?? null });
  stores.push(store);
  return store;
}

const records = (store: SqliteHistory) =>
  store.listConversations().map((conversation) => ({ conversation, messages: store.listMessages(conversation.id) }));

it('a backup carries documents with their text, and restoring it makes them sendable and searchable again', () => {
  const sourceTexts = new MemoryDocumentStore();
  const source = open(sourceTexts);
  const stored = { text: 'The pangolin survey\ncounted nine.', pages: ['The pangolin survey', 'counted nine.'] };
  const id = sourceTexts.put(stored);
  source.indexDocument(id, stored.text);
  const c = source.createConversation({ title: 'Survey', model: 'm', params: {}, systemPrompt: '' });
  const ref: DocumentRef = {
    id,
    name: 'survey.pdf',
    kind: 'pdf',
    pages: 2,
    lines: 2,
    chars: 33,
    tokens: 40,
    keptChars: null,
  };
  source.addMessage({
    conversationId: c.id,
    parentId: null,
    role: 'user',
    content: 'Sum up',
    status: 'done',
    model: null,
    documents: [ref],
  });

  const backup = toBackupJson(
    records(source),
    1,
    () => null,
    (r) => sourceTexts.get(r.id),
  );
  const targetTexts = new MemoryDocumentStore();
  const target = open(targetTexts);
  const counts = importChats(target, new MemoryAttachmentStore(), parseImport(backup), targetTexts);
  expect(counts).toMatchObject({ conversations: 1, messages: 1, notes: [] });
  const [message] = target.listMessages(c.id);
  expect(message!.documents).toEqual([{ ...ref, tokens: expect.any(Number) }]);
  expect(targetTexts.get(id)).toEqual(stored);
  expect(target.search('pangolin').hits.map((h) => h.snippet[0]!.text)).toEqual(['survey.pdf: ']);
});

it('imported documents are hostile input: ids are recomputed, sizes bounded, names cleaned', () => {
  const big = 'x'.repeat(DEFAULT_LIMITS.maxChars + 1);
  const message = (id: string, role: string, documents: unknown) => ({
    id,
    parentId: null,
    role,
    content: 'q',
    documents,
    createdAt: 1,
    updatedAt: 1,
  });
  const file = JSON.stringify({
    format: BACKUP_FORMAT,
    conversations: [
      {
        conversation: { id: 'c1', title: 'Planted', model: 'm', createdAt: 1, updatedAt: 1 },
        messages: [
          message('m1', 'user', [
            // Claims another text's id: it is kept under the hash of its own text.
            { id: 'a'.repeat(64), name: 'evil\u202e.txt', kind: 'text', text: 'honest words', keptChars: 999 },
            { name: 'huge.txt', kind: 'text', text: big },
            { name: 'odd.bin', kind: 'exe', text: 'x' },
            { name: 'empty.txt', kind: 'text' },
          ]),
          message('m2', 'assistant', [{ name: 'reply.txt', kind: 'text', text: 'a reply carries none' }]),
        ],
      },
    ],
  });
  const texts = new MemoryDocumentStore();
  const store = open(texts);
  const counts = importChats(store, new MemoryAttachmentStore(), parseImport(file), texts);
  expect(counts.notes.map((n) => n.message)).toEqual(['3 documents left out: the file holds no readable text.']);
  const [m1, m2] = store.listMessages('c1');
  const expectedId = serialise({ text: 'honest words', pages: null }).id;
  expect(m1!.documents).toEqual([
    {
      id: expectedId,
      name: 'evil.txt',
      kind: 'text',
      pages: null,
      lines: 1,
      chars: 12,
      tokens: expect.any(Number),
      keptChars: null,
    },
  ]);
  expect(m2!.documents).toEqual([]);
  expect(texts.ids()).toEqual([expectedId]);
});
