import type { Conversation, Message, Role } from './domain';
import type { ErrorCode } from './errors';

export interface PageRequest {
  offset?: number;
  limit?: number;
}

export interface ConversationListRequest extends PageRequest {
  /** Only this folder's conversations; undefined means every conversation. */
  folder?: string | null;
}

export interface ConversationPage {
  items: Conversation[];
  /** How many conversations the whole list holds, so the sidebar can size its scroll area. */
  total: number;
}

export interface ConversationPatchInput {
  title?: string;
  pinned?: boolean;
  folder?: string | null;
}

export interface OpenRequest {
  /** How many of the newest messages to load. */
  limit?: number;
  /** Load back far enough to include this message (a search hit). */
  includeId?: string;
}

export interface MessagePage {
  /** Oldest first. */
  messages: Message[];
  /** Whether older messages remain. */
  hasOlder: boolean;
}

/** A piece of a snippet; `hit` parts matched the query. Rendered as text, never as HTML. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  conversationId: string;
  conversationTitle: string;
  messageId: string;
  role: Role;
  createdAt: number;
  snippet: SnippetPart[];
}

export interface SearchPage {
  hits: SearchHit[];
  /** Where the next page starts; null when there are no more hits. */
  nextOffset: number | null;
}

export type ExportFormat = 'markdown' | 'json';

/** null: the user cancelled the dialog. */
export interface SaveOutcome {
  path: string | null;
}

/** Something an imported file held that was left out, and why. */
export interface ImportNote {
  /** The chat's title, as the file gives it. */
  title: string;
  message: string;
  /** The whole chat was left out; otherwise it was imported without what the message names. */
  refused: boolean;
}

export interface ImportReport {
  /** null: the user cancelled the dialog. */
  path: string | null;
  conversations: number;
  messages: number;
  /** Conversations already present, left as they were. */
  skipped: number;
  notes: ImportNote[];
}

/**
 * `history_unavailable`: the database could not be read; it is kept where it is until the user agrees to start a
 * new one. `history_engine_unavailable`: SQLite could not be loaded on this system, so the file was never opened;
 * starting a new history would not help and is refused.
 */
export interface HistoryProblem {
  code: Extract<ErrorCode, 'history_unavailable' | 'history_engine_unavailable'>;
  path: string;
  message: string;
}

export interface HistoryStatus {
  problem: HistoryProblem | null;
  /** Where an unreadable database was moved when a fresh one was started. */
  keptAt: string | null;
}

export const PAGE_SIZE = { conversations: 100, messages: 100, search: 20 } as const;
