import type Database from 'better-sqlite3';
import { LATEST_VERSION } from './migrations';

/**
 * What is deleted leaves no trace on disk: SQLite overwrites freed space with zeros, the full-text index
 * removes a message's words at once (its `secure-delete`, see migration 0005), and the write-ahead log,
 * which still holds the old pages, is emptied after deleting.
 */
export function eraseOnDelete(db: Database.Database): void {
  db.pragma('secure_delete = ON');
}

/** Copies the log into the database and truncates it, so deleted text is not left in the `-wal` file. */
export function emptyLog(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export function attachmentIdsIn(rows: { attachments: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const row of rows) {
    for (const a of JSON.parse(row.attachments) as { id: unknown }[]) if (typeof a.id === 'string') ids.add(a.id);
  }
  return ids;
}

/**
 * Drops for good the conversations deleted before this start (their undo window is over) and returns the
 * ids of their images, which no other conversation uses (images are saved, or imported, per message).
 * Runs before migrations, so the copy taken before one does not keep deleted chats either.
 */
export function purgeDeleted(db: Database.Database): Set<string> {
  const version = db.pragma('user_version', { simple: true }) as number;
  // Schema 1 had no deleted_at; a newer schema than this app knows is left alone.
  if (version < 2 || version > LATEST_VERSION) return new Set();
  const images = attachmentIdsIn(
    db
      .prepare(
        `SELECT m.attachments FROM conversations c JOIN messages m ON m.conversation_id = c.id
         WHERE c.deleted_at IS NOT NULL AND m.attachments <> '[]'`,
      )
      .all() as { attachments: string }[],
  );
  const { changes } = db.prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL').run();
  if (changes > 0) emptyLog(db);
  return images;
}
