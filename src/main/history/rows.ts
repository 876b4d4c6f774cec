import type { Conversation, Message } from '../../shared/domain';

/** The tables' rows as SQLite returns them, and how each becomes the domain's value. */

export interface ConversationRow {
  id: string;
  title: string;
  model: string;
  params: string;
  system_prompt: string;
  pinned: number;
  folder: string | null;
  leaf_id: string | null;
  context_length: number | null;
  send_last: number | null;
  title_edited: number;
  created_at: number;
  updated_at: number;
}

export interface MessageRow {
  seq: number;
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: Message['role'];
  content: string;
  attachments: string;
  documents: string;
  status: Message['status'];
  error: string | null;
  usage: string | null;
  stats: string | null;
  model: string | null;
  tokens: number | null;
  finish_reason: string | null;
  images_pinned: number;
  /** Before schema 7 these columns do not exist. */
  compare_run?: string | null;
  compare_column?: number | null;
  created_at: number;
  updated_at: number;
}

export const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  title: r.title,
  model: r.model,
  params: JSON.parse(r.params),
  systemPrompt: r.system_prompt,
  pinned: r.pinned === 1,
  folder: r.folder,
  leafId: r.leaf_id,
  contextLength: r.context_length,
  sendLast: r.send_last,
  titleEdited: r.title_edited === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  conversationId: r.conversation_id,
  parentId: r.parent_id,
  role: r.role,
  content: r.content,
  attachments: JSON.parse(r.attachments),
  documents: JSON.parse(r.documents),
  status: r.status,
  error: r.error ? JSON.parse(r.error) : null,
  usage: r.usage ? JSON.parse(r.usage) : null,
  stats: r.stats ? JSON.parse(r.stats) : null,
  model: r.model,
  tokens: r.tokens,
  finishReason: r.finish_reason,
  imagesPinned: r.images_pinned === 1,
  // Only on compare replies, so every other message reads exactly as before.
  ...(r.compare_run ? { compare: { runId: r.compare_run, column: r.compare_column ?? 0 } } : {}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A nullable JSON column. */
export const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
