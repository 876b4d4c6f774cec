import type { Conversation } from './domain';

export type ConversationOrderKey = Pick<Conversation, 'pinned' | 'updatedAt' | 'createdAt' | 'id'>;

/** Code point order, as SQLite compares text (by its UTF-8 bytes); JS's `<` compares UTF-16 units instead. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The order of the conversation list, the one rule for it: pinned first, then the most recently active, then the
 * newer chat, then by id (so chats imported with the same times still have one order). The database lists them
 * in this order (`conversations.ts`, checked against this by a test); the window keeps its list in it.
 */
export function compareConversations(a: ConversationOrderKey, b: ConversationOrderKey): number {
  return (
    Number(b.pinned) - Number(a.pinned) ||
    b.updatedAt - a.updatedAt ||
    b.createdAt - a.createdAt ||
    compareText(b.id, a.id)
  );
}
