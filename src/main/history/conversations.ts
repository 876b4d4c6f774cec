import { randomUUID } from 'node:crypto';
import type { Conversation } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import { PAGE_SIZE, type ConversationListRequest, type ConversationPage } from '../../shared/history';
import type { HistoryDatabase } from './database';
import type { ConversationPatch, NewConversation } from './history-store';
import { toConversation, type ConversationRow } from './rows';

/** The conversations table: the list, its pages and folders, and undoable deletes. */

const LIVE = 'deleted_at IS NULL';
/** compareConversations (src/shared/conversation-order.ts) in SQL; the index gives the first two terms. */
const ORDER = 'ORDER BY pinned DESC, updated_at DESC, created_at DESC, id DESC';

const COLUMNS: Record<keyof ConversationPatch, string> = {
  title: 'title',
  model: 'model',
  params: 'params',
  systemPrompt: 'system_prompt',
  pinned: 'pinned',
  folder: 'folder',
  leafId: 'leaf_id',
  contextLength: 'context_length',
  sendLast: 'send_last',
  titleEdited: 'title_edited',
};

export function createConversation(db: HistoryDatabase, input: NewConversation): Conversation {
  const at = db.tick();
  const id = randomUUID();
  db.sql(
    `INSERT INTO conversations (id, title, model, params, system_prompt, pinned, folder, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    input.title,
    input.model,
    JSON.stringify(input.params),
    input.systemPrompt,
    input.pinned ? 1 : 0,
    input.folder ?? null,
    at,
    at,
  );
  return getConversation(db, id)!;
}

/** Whether the id is taken, also by a conversation deleted but still restorable. */
export function hasConversation(db: HistoryDatabase, id: string): boolean {
  return db.sql('SELECT 1 FROM conversations WHERE id = ?').get(id) !== undefined;
}

export function getConversation(db: HistoryDatabase, id: string): Conversation | null {
  const row = db.sql(`SELECT * FROM conversations WHERE id = ? AND ${LIVE}`).get(id) as ConversationRow | undefined;
  return row ? toConversation(row) : null;
}

export function existingConversation(db: HistoryDatabase, id: string): Conversation {
  const conversation = getConversation(db, id);
  if (!conversation) throw new ApiError(appError('not_found', 'That conversation no longer exists.'));
  return conversation;
}

export function pageConversations(db: HistoryDatabase, request: ConversationListRequest): ConversationPage {
  const { offset = 0, limit = PAGE_SIZE.conversations, folder } = request;
  const where = folder === undefined ? LIVE : folder === null ? `folder IS NULL AND ${LIVE}` : `folder = ? AND ${LIVE}`;
  const args = folder ? [folder] : [];
  const rows = db
    .sql(`SELECT * FROM conversations WHERE ${where} ${ORDER} LIMIT ? OFFSET ?`)
    .all(...args, limit, offset) as ConversationRow[];
  const total = (db.sql(`SELECT count(*) AS n FROM conversations WHERE ${where}`).get(...args) as { n: number }).n;
  return { items: rows.map(toConversation), total };
}

export function folders(db: HistoryDatabase): string[] {
  const rows = db
    .sql(`SELECT DISTINCT folder FROM conversations WHERE folder IS NOT NULL AND ${LIVE} ORDER BY folder`)
    .all() as { folder: string }[];
  return rows.map((r) => r.folder);
}

export function updateConversation(db: HistoryDatabase, id: string, patch: ConversationPatch): Conversation {
  existingConversation(db, id);
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof ConversationPatch, unknown][]) {
    if (value === undefined) continue;
    sets.push(`${COLUMNS[key]} = ?`);
    values.push(key === 'params' ? JSON.stringify(value) : typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }
  if (sets.length) db.sql(`UPDATE conversations SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
  return getConversation(db, id)!;
}

export function deleteConversation(db: HistoryDatabase, id: string): void {
  existingConversation(db, id);
  db.sql('UPDATE conversations SET deleted_at = ? WHERE id = ?').run(db.tick(), id);
}

export function restoreConversation(db: HistoryDatabase, id: string): Conversation {
  db.changed();
  db.sql('UPDATE conversations SET deleted_at = NULL WHERE id = ?').run(id);
  return existingConversation(db, id);
}
