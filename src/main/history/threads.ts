import type { Message } from '../../shared/domain';
import { PAGE_SIZE, type MessagePage, type OpenRequest } from '../../shared/history';
import { existingConversation } from './conversations';
import type { HistoryDatabase } from './database';
import { toMessage, type MessageRow } from './rows';

/**
 * The thread on screen, read by walking parent links up from a message (a conversation holds several versions of
 * its turns). Each walk ends at a parent loop planted in the file, so none can run forever.
 */

/**
 * Walks up the thread from `startId` through parent links, newest first; at most `limit` rows. A parent is
 * always saved before its children (imports insert parents first), so each step must reach an older row of
 * the same conversation: a parent loop planted in the file ends the walk instead of running forever.
 */
function walkUp(db: HistoryDatabase, conversationId: string, startId: string, limit: number): MessageRow[] {
  return db
    .sql(
      `WITH RECURSIVE up(id, parent_id, seq, n) AS (
         SELECT id, parent_id, seq, 1 FROM messages WHERE id = ? AND conversation_id = ?
         UNION ALL
         SELECT m.id, m.parent_id, m.seq, up.n + 1 FROM messages m JOIN up ON m.id = up.parent_id
         WHERE up.n < ? AND m.seq < up.seq AND m.conversation_id = ?
       )
       SELECT messages.* FROM up JOIN messages ON messages.id = up.id ORDER BY up.n`,
    )
    .all(startId, conversationId, limit, conversationId) as MessageRow[];
}

export function threadEndingAt(db: HistoryDatabase, id: string, limit: number): MessagePage {
  const row = db.sql('SELECT conversation_id FROM messages WHERE id = ?').get(id) as
    { conversation_id: string } | undefined;
  if (!row) return { messages: [], hasOlder: false };
  const rows = walkUp(db, row.conversation_id, id, limit);
  return { messages: rows.reverse().map(toMessage), hasOlder: rows[0]?.parent_id != null };
}

export function countAbove(db: HistoryDatabase, id: string): number {
  // UNION, not UNION ALL: a message met again ends the walk, so parent links that loop cannot run it forever.
  const n = db
    .sql(
      `WITH RECURSIVE up(id, parent_id) AS (
         SELECT id, parent_id FROM messages WHERE id = ?
         UNION
         SELECT m.id, m.parent_id FROM messages m JOIN up ON m.id = up.parent_id
       )
       SELECT count(*) FROM up`,
    )
    .pluck()
    .get(id) as number;
  return Math.max(0, n - 1);
}

export function pageMessages(
  db: HistoryDatabase,
  conversationId: string,
  request: OpenRequest & { beforeId?: string },
): MessagePage {
  const conversation = existingConversation(db, conversationId);
  const start =
    request.beforeId ??
    conversation.leafId ??
    (
      db.sql('SELECT id FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1').get(conversationId) as
        { id: string } | undefined
    )?.id;
  if (!start) return { messages: [], hasOlder: false };
  // An older page starts above `beforeId`; one row more than the page tells whether older ones remain.
  const skip = request.beforeId ? 1 : 0;
  let take = request.limit ?? PAGE_SIZE.messages;
  let rows = walkUp(db, conversationId, start, skip + take + 1).slice(skip);
  // A search hit further back: read back far enough to include it, when it is on this thread.
  if (request.includeId && !rows.slice(0, take).some((r) => r.id === request.includeId)) {
    const all = walkUp(db, conversationId, start, Number.MAX_SAFE_INTEGER).slice(skip);
    const at = all.findIndex((r) => r.id === request.includeId);
    if (at >= 0) {
      take = at + 1;
      rows = all.slice(0, take + 1);
    }
  }
  return { messages: rows.slice(0, take).reverse().map(toMessage), hasOlder: rows.length > take };
}

/** For each of these messages that has other versions: every version's id, oldest first. */
export function versionsOf(db: HistoryDatabase, messages: Message[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const siblings = db.sql('SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY seq');
  for (const m of messages) {
    const ids = (siblings.all(m.conversationId, m.parentId) as { id: string }[]).map((r) => r.id);
    if (ids.length > 1) out[m.id] = ids;
  }
  return out;
}
