import type { Migration } from './index';

/**
 * Documents attached to messages. A message keeps its documents' chips as JSON (like its images); the texts live in
 * files beside the database, named by the hash of their content. `documents` has one row per text that a message
 * refers to, and `documents_fts` indexes that text so search finds a chat by what its documents say.
 *
 * The index is contentless (the text is already in its file; a second copy would double the disk used), with
 * `contentless_delete` so a row can be dropped by rowid, and `secure-delete` so its words leave the file at once.
 * `message_documents` is kept by triggers from the messages' JSON, whatever writes them (a send, an import);
 * a document row goes with the last message that refers to it.
 */
export const documents: Migration = {
  version: 6,
  name: 'documents',
  up: (db) =>
    db.exec(`
      ALTER TABLE messages ADD COLUMN documents TEXT NOT NULL DEFAULT '[]';

      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE message_documents (
        message_id TEXT NOT NULL,
        document_id TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (message_id, document_id)
      ) WITHOUT ROWID;
      CREATE INDEX message_documents_by_document ON message_documents(document_id);

      CREATE VIRTUAL TABLE documents_fts USING fts5(
        text,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      INSERT INTO documents_fts(documents_fts, rank) VALUES ('secure-delete', 1);

      CREATE TRIGGER messages_documents_insert AFTER INSERT ON messages WHEN new.documents <> '[]' BEGIN
        INSERT OR IGNORE INTO message_documents(message_id, document_id, name)
          SELECT new.id, json_extract(value, '$.id'), json_extract(value, '$.name') FROM json_each(new.documents)
          WHERE json_extract(value, '$.id') IS NOT NULL;
      END;
      CREATE TRIGGER messages_documents_delete AFTER DELETE ON messages WHEN old.documents <> '[]' BEGIN
        DELETE FROM message_documents WHERE message_id = old.id;
      END;
      CREATE TRIGGER message_documents_last AFTER DELETE ON message_documents BEGIN
        DELETE FROM documents WHERE id = old.document_id
          AND NOT EXISTS (SELECT 1 FROM message_documents WHERE document_id = old.document_id);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM documents_fts WHERE rowid = old.seq;
      END;
    `),
};
