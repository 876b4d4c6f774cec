import type { ChatEvent } from '../../../shared/contract';
import type { Message } from '../../../shared/domain';

/** The chat's message records: messages by id, and each conversation's ids in order. */
export interface MessageState {
  messages: Record<string, Message>;
  order: Record<string, string[]>;
}

/**
 * The one rule for a copy of a message meeting the one the store holds. Main's answers (send, open, edit, continue)
 * and its stream events race: deltas, or even the end, may arrive before the answer that announced the reply. A copy
 * still streaming never overwrites a held copy that already streams (it has the deltas since) or that ended after
 * the copy was taken; a finished copy always wins, since main saved it whole.
 */
export function settle(held: Message | undefined, incoming: Message): Message {
  if (!held || incoming.status !== 'streaming') return incoming;
  if (held.status === 'streaming') return held;
  return held.updatedAt >= incoming.updatedAt ? held : incoming;
}

export function withMessage(state: MessageState, message: Message): MessageState {
  const ids = state.order[message.conversationId] ?? [];
  return {
    messages: { ...state.messages, [message.id]: settle(state.messages[message.id], message) },
    order: ids.includes(message.id) ? state.order : { ...state.order, [message.conversationId]: [...ids, message.id] },
  };
}

/** A delta's text added to its reply; a reply main has not announced yet starts empty, one that ended takes none. */
export function withDelta(state: MessageState, event: Extract<ChatEvent, { type: 'delta' }>): MessageState {
  const held = state.messages[event.messageId];
  if (held && held.status !== 'streaming') return state;
  const base: Message = held ?? {
    id: event.messageId,
    conversationId: event.conversationId,
    parentId: null,
    role: 'assistant',
    content: '',
    attachments: [],
    documents: [],
    status: 'streaming',
    error: null,
    model: null,
    usage: null,
    stats: null,
    tokens: null,
    finishReason: null,
    imagesPinned: false,
    createdAt: Date.now(),
    updatedAt: Date.now(),
  };
  const ids = state.order[event.conversationId] ?? [];
  return {
    messages: { ...state.messages, [base.id]: { ...base, content: base.content + event.text } },
    order: ids.includes(base.id) ? state.order : { ...state.order, [event.conversationId]: [...ids, base.id] },
  };
}

/** Messages put in the order main saved them, after what was there (a send: the user's, then the reply). */
export function withTail(state: MessageState, conversationId: string, tail: Message[]): MessageState {
  let next = state;
  for (const m of tail) next = withMessage(next, m);
  const tailIds = new Set(tail.map((m) => m.id));
  const ids = (next.order[conversationId] ?? []).filter((id) => !tailIds.has(id));
  return { ...next, order: { ...next.order, [conversationId]: [...ids, ...tail.map((m) => m.id)] } };
}
