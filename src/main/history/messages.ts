import { randomUUID } from 'node:crypto';
import type { Message, Usage } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import { existingConversation } from './conversations';
import type { HistoryDatabase } from './database';
import type { MessagePatch, NewMessage } from './history-store';
import { attachmentIdsIn } from './hygiene';
import { json, toMessage, type MessageRow } from './rows';

/** The messages table: saving, the growing reply's updates, token counts, deleting, and the images referred to. */

export function addMessage(db: HistoryDatabase, input: NewMessage): Message {
  existingConversation(db, input.conversationId);
  const at = db.tick();
  const id = randomUUID();
  db.transaction(() => {
    db.sql(
      `INSERT INTO messages (id, conversation_id, parent_id, role, content, attachments, documents, status, model, tokens,
         images_pinned, compare_run, compare_column, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.conversationId,
      input.parentId,
      input.role,
      input.content,
      JSON.stringify(input.attachments ?? []),
      JSON.stringify(input.documents ?? []),
      input.status,
      input.model,
      input.tokens ?? null,
      input.imagesPinned ? 1 : 0,
      input.compare?.runId ?? null,
      input.compare?.column ?? null,
      at,
      at,
    );
    db.sql('UPDATE conversations SET updated_at = ? WHERE id = ?').run(at, input.conversationId);
  });
  return getMessage(db, id)!;
}

export function getMessage(db: HistoryDatabase, id: string): Message | null {
  const row = db.sql('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
  return row ? toMessage(row) : null;
}

export function updateMessage(db: HistoryDatabase, id: string, patch: MessagePatch): Message {
  const sets = ['updated_at = ?'];
  const values: unknown[] = [db.tick()];
  for (const key of ['content', 'status', 'error', 'usage', 'stats'] as const) {
    if (patch[key] === undefined) continue;
    sets.push(`${key} = ?`);
    values.push(key === 'content' || key === 'status' ? patch[key] : json(patch[key]));
  }
  for (const [key, column] of [
    ['tokens', 'tokens'],
    ['finishReason', 'finish_reason'],
    ['imagesPinned', 'images_pinned'],
  ] as const) {
    const value = patch[key];
    if (value === undefined) continue;
    sets.push(`${column} = ?`);
    values.push(typeof value === 'boolean' ? Number(value) : value);
  }
  const { changes } = db.sql(`UPDATE messages SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  if (changes === 0) throw new ApiError(appError('not_found', 'That message no longer exists.'));
  return getMessage(db, id)!;
}

export function listMessages(db: HistoryDatabase, conversationId: string): Message[] {
  const rows = db.sql('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationId);
  return (rows as MessageRow[]).map(toMessage);
}

export function saveTokenCounts(db: HistoryDatabase, counts: ReadonlyMap<string, number>): void {
  const save = db.sql('UPDATE messages SET tokens = ? WHERE id = ?');
  db.transaction(() => counts.forEach((tokens, id) => save.run(tokens, id)));
}

export function usageTotals(db: HistoryDatabase, conversationId: string): Usage {
  const row = db
    .sql(
      `SELECT coalesce(sum(json_extract(usage, '$.promptTokens')), 0) AS promptTokens,
              coalesce(sum(json_extract(usage, '$.completionTokens')), 0) AS completionTokens
       FROM messages WHERE conversation_id = ? AND usage IS NOT NULL`,
    )
    .get(conversationId) as Usage;
  return { promptTokens: row.promptTokens, completionTokens: row.completionTokens };
}

export function deleteMessages(db: HistoryDatabase, ids: string[]): void {
  const doomed = db
    .sql('SELECT conversation_id, attachments FROM messages WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { conversation_id: string; attachments: string }[];
  const remove = db.sql('DELETE FROM messages WHERE id = ?');
  db.transaction(() => ids.forEach((id) => remove.run(id)));
  db.changed();
  db.emptyLog();
  // An edit's new version shares its images with the old one: only images nothing else in the chat uses go.
  const images = attachmentIdsIn(doomed);
  if (images.size === 0) return;
  for (const conversationId of new Set(doomed.map((d) => d.conversation_id))) {
    for (const id of attachmentIds(db, conversationId)) images.delete(id);
  }
  db.onUnreferenced([...images]);
}

/** Every image id messages refer to; in one conversation, or in all of them (a full scan). */
export function attachmentIds(db: HistoryDatabase, conversationId?: string): Set<string> {
  const rows = conversationId
    ? db.sql(`SELECT attachments FROM messages WHERE conversation_id = ? AND attachments <> '[]'`).all(conversationId)
    : db.sql(`SELECT attachments FROM messages WHERE attachments <> '[]'`).all();
  return attachmentIdsIn(rows as { attachments: string }[]);
}
