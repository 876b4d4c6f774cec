import type { Migration } from './index';

/** Pins, folders, undoable deletes, attachments, and a full-text index kept in step with messages by triggers. */
export const organizeAndSearch: Migration = {
  version: 2,
  name: 'organize-and-search',
  up: (db) =>
    db.exec(`
      ALTER TABLE conversations ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN folder TEXT;
      ALTER TABLE conversations ADD COLUMN deleted_at INTEGER;
      ALTER TABLE messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';

      CREATE INDEX conversations_by_activity ON conversations(pinned, updated_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX conversations_by_folder ON conversations(folder, pinned, updated_at)
        WHERE deleted_at IS NULL;
      CREATE INDEX conversations_deleted ON conversations(deleted_at) WHERE deleted_at IS NOT NULL;
      -- Found at start after a crash; without it that check would read every message.
      CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

      CREATE VIRTUAL TABLE messages_fts USING fts5(
        content,
        content = 'messages',
        content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');

      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts(rowid, content) VALUES (new.seq, new.content);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
        INSERT INTO messages_fts(rowid, content) VALUES (new.seq, new.content);
      END;
    `),
};
