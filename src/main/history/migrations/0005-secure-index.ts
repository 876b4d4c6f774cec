import type { Migration } from './index';

/**
 * The full-text index holds finished messages only, and forgets a deleted one at once.
 *
 * A streaming reply used to be re-indexed at every save; each save left its earlier version in the index
 * until segments merged, so a deleted chat's words could stay in the file. Now a reply enters the index
 * when it stops streaming (done, stopped, failed, or found interrupted at the next start), which also makes
 * those saves cheaper, and the index's `secure-delete` removes a message's words when it is deleted.
 * Rows still `streaming` are marked `interrupted` first, under the old triggers, so what is in the index
 * matches the new rule; `optimize` then merges away what earlier saves left behind.
 */
export const secureIndex: Migration = {
  version: 5,
  name: 'secure-index',
  up: (db) =>
    db.exec(`
      UPDATE messages SET status = 'interrupted' WHERE status = 'streaming';
      DROP TRIGGER messages_fts_insert;
      DROP TRIGGER messages_fts_delete;
      DROP TRIGGER messages_fts_update;
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
        INSERT INTO messages_fts(rowid, content) VALUES (new.seq, new.content);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content)
          SELECT 'delete', old.seq, old.content WHERE old.status <> 'streaming';
        INSERT INTO messages_fts(rowid, content) SELECT new.seq, new.content WHERE new.status <> 'streaming';
      END;
      INSERT INTO messages_fts(messages_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO messages_fts(messages_fts) VALUES ('optimize');
    `),
};
