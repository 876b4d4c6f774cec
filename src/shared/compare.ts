import type { ChatParams, Conversation, Message } from './domain';

/** Compare mode: one question sent to 2–4 models at once, each reply a column; one is then chosen as the answer. */

export const COMPARE_COLUMNS = { min: 2, max: 4 } as const;

/** Which compare run and column a reply belongs to; absent on ordinary replies. */
export interface CompareMark {
  runId: string;
  /** 0-based, left to right. */
  column: number;
}

export interface CompareColumnInput {
  model: string;
  /** Left out: the run's shared parameters. */
  params?: ChatParams;
}

export interface CompareInput {
  /** null starts a new conversation. */
  conversationId: string | null;
  content: string;
  systemPrompt: string;
  /** Shared by every column that has none of its own. */
  params: ChatParams;
  columns: CompareColumnInput[];
}

export interface CompareColumn {
  column: number;
  model: string;
  /** What this column's requests are sent with: its own parameters, or the shared ones. */
  params: ChatParams;
  ownParams: boolean;
  /** The column's newest reply (a regenerated column shows its new one). */
  message: Message;
}

export interface CompareRun {
  id: string;
  conversationId: string;
  /** The user message every column answers. */
  questionId: string;
  /** The reply chosen as the turn's answer; null until the user picks one. */
  chosenId: string | null;
  createdAt: number;
  columns: CompareColumn[];
}

export interface CompareStarted {
  conversation: Conversation;
  userMessage: Message;
  run: CompareRun;
}

/** One model's record in a conversation's compare turns, from stored facts only. */
export interface ArenaModel {
  model: string;
  /** Compare turns it took part in. */
  turns: number;
  /** Turns whose chosen answer was its reply. */
  chosen: number;
  medianFirstTokenMs: number | null;
  medianTokensPerSecond: number | null;
}

export interface ArenaSummary {
  turns: number;
  /** Turns with a chosen answer. */
  decided: number;
  /** Most often chosen first. */
  models: ArenaModel[];
}

/** What the window needs when a conversation opens: the compare turn waiting for a choice at its end, if any. */
export interface CompareState {
  run: CompareRun | null;
  arena: ArenaSummary;
}

export interface CompareRegenerateInput {
  /** A column's reply; the column gets a new one. */
  messageId: string;
  /** Left out: the column's parameters as they were. */
  params?: ChatParams;
}

/** Pushed by main to the window that started the run, on their own channel so the thread's replies stay apart. */
export type CompareEvent =
  { type: 'delta'; runId: string; messageId: string; text: string } | { type: 'end'; runId: string; message: Message };
