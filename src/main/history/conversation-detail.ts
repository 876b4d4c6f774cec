import type { ConversationDetail } from '../../shared/contract';
import { ApiError, appError } from '../../shared/errors';
import { newestLeafUnder, subtreeOf, threadOf, versionsOf } from '../../shared/thread';
import type { HistoryStore } from './history-store';

function notFound(): never {
  throw new ApiError(appError('not_found', 'That conversation or message no longer exists.'));
}

/** A conversation with the thread on screen and the versions of each of its messages. */
export function detailOf(history: HistoryStore, conversationId: string): ConversationDetail {
  const conversation = history.getConversation(conversationId) ?? notFound();
  const all = history.listMessages(conversationId);
  const messages = threadOf(all, conversation.leafId);
  return { conversation, messages, versions: versionsOf(all, messages) };
}

/** Shows the thread through `messageId`, down to the newest reply below it. */
export function showVersion(history: HistoryStore, messageId: string): ConversationDetail {
  const message = history.getMessage(messageId) ?? notFound();
  const leafId = newestLeafUnder(history.listMessages(message.conversationId), message.id);
  history.updateConversation(message.conversationId, { leafId });
  return detailOf(history, message.conversationId);
}

/** Deletes a message and what follows it on its branch; the thread falls back to a neighbouring version. */
export function deleteMessage(
  history: HistoryStore,
  messageId: string,
  isRunning: (id: string) => boolean,
): ConversationDetail {
  const message = history.getMessage(messageId) ?? notFound();
  const all = history.listMessages(message.conversationId);
  const doomed = subtreeOf(all, messageId);
  if (doomed.some(isRunning)) throw new ApiError(appError('bad_input', 'Stop the reply first.'));
  history.deleteMessages(doomed);
  const conversation = history.getConversation(message.conversationId) ?? notFound();
  if (conversation.leafId && doomed.includes(conversation.leafId)) {
    const rest = history.listMessages(message.conversationId);
    const leafId = message.parentId
      ? newestLeafUnder(rest, message.parentId)
      : (threadOf(rest, null).at(-1)?.id ?? null);
    history.updateConversation(message.conversationId, { leafId });
  }
  return detailOf(history, message.conversationId);
}
