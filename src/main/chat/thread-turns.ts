import { MESSAGE_OVERHEAD, estimateTokens } from '../../shared/context';
import type { Message } from '../../shared/domain';

/**
 * A thread as a strict server accepts it: user and assistant strictly alternating, starting with the user.
 * Replies that failed, or were stopped before any text, are left out; the user messages that leaves side by side
 * are joined into one. A reply that failed part-way is sent only when it is the one being continued.
 */

/** One message of the request: one or more thread messages of the same role, joined. */
export interface Entry {
  role: 'user' | 'assistant';
  messages: Message[];
  /** Where its first message is in the thread. */
  index: number;
  /** Tokens of the joined text and the template around it; images are added by the budget. */
  tokens: number;
}

/** A user entry and the reply to it, if any: the unit the budget keeps or leaves out whole. */
export type Turn = [Entry] | [Entry, Entry];

/** How the thread ends: with the user's turn to answer (`reply`), with a reply to carry on (`continue`), or with a
 * message still being typed (`preview`: the turn it joins counts, the text itself is the window's estimate). */
export type Mode = 'reply' | 'continue' | 'preview';

const JOINER = '\n\n';
/** The joiner is one token, but it can change how the text either side of it splits: one more, to be safe. */
const JOIN_TOKENS = 2;

function tokensOf(message: Message): number {
  return message.tokens ?? estimateTokens(message.content);
}

function sendable(message: Message, isLast: boolean, mode: Mode): boolean {
  if (message.role === 'user') return message.content.trim() !== '' || message.attachments.length > 0;
  if (message.role !== 'assistant' || message.content.trim() === '') return false;
  // The reply being continued goes last, whatever became of it, so the model carries on from its text.
  if (isLast && mode === 'continue') return true;
  return message.status === 'done' || message.status === 'stopped' || message.status === 'interrupted';
}

export function entriesOf(thread: readonly Message[], mode: Mode): Entry[] {
  const entries: Entry[] = [];
  thread.forEach((message, i) => {
    if (!sendable(message, i === thread.length - 1, mode)) return;
    const role = message.role as Entry['role'];
    const last = entries.at(-1);
    if (!last && role === 'assistant') return; // a thread must start with the user
    if (last?.role === role) {
      last.messages.push(message);
      last.tokens += tokensOf(message) + JOIN_TOKENS;
    } else {
      entries.push({ role, messages: [message], index: i, tokens: tokensOf(message) + MESSAGE_OVERHEAD });
    }
  });
  if (mode === 'preview') {
    const last = entries.at(-1);
    if (last?.role === 'user') last.tokens += JOIN_TOKENS;
    else entries.push({ role: 'user', messages: [], index: thread.length, tokens: MESSAGE_OVERHEAD });
  }
  return entries;
}

/** Pairs each user entry with the reply that follows it. */
export function turnsOf(entries: readonly Entry[]): Turn[] {
  const turns: Turn[] = [];
  for (const entry of entries) {
    const last = turns.at(-1);
    if (entry.role === 'assistant' && last?.length === 1) last.push(entry);
    else turns.push([entry]);
  }
  return turns;
}

export function textOf(entry: Entry): string {
  if (entry.messages.length === 1) return entry.messages[0]!.content;
  // An image-only message joined to a neighbour adds no empty paragraph.
  return entry.messages
    .map((m) => m.content)
    .filter((text) => text !== '')
    .join(JOINER);
}
