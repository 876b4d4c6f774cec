import type { ConversationDetail, ThreadPage } from '../../shared/contract';
import { ApiError, appError } from '../../shared/errors';
import type { OpenRequest } from '../../shared/history';
import { newestLeafUnder, subtreeOf, threadOf } from '../../shared/thread';
import type { HistoryStore } from './history-store';

function notFound(): never {
  throw new ApiError(appError('not_found', 'That conversation or message no longer exists.'));
}

/**
 * A conversation with the newest page of the thread on screen and the versions of its messages.
 * A search hit on another branch switches the thread to that branch first.
 */
export function detailOf(history: HistoryStore, conversationId: string, request: OpenRequest = {}): ConversationDetail {
  let conversation = history.getConversation(conversationId) ?? notFound();
  let page = history.pageMessages(conversationId, request);
  const hit = request.includeId ? history.getMessage(request.includeId) : null;
  if (hit && hit.conversationId === conversationId && !page.messages.some((m) => m.id === hit.id)) {
    // A column of a compare turn still waiting for its answer is shown with the turn, under its question.
    const run = hit.compare ? history.getCompareRun(hit.compare.runId) : null;
    const leafId =
      run && run.chosenId === null ? run.questionId : newestLeafUnder(history.listMessages(conversationId), hit.id);
    conversation = history.updateConversation(conversationId, { leafId });
    page = history.pageMessages(conversationId, request);
  }
  return { conversation, ...page, versions: history.versionsOf(page.messages) };
}

export function olderPage(history: HistoryStore, conversationId: string, beforeId: string): ThreadPage {
  const page = history.pageMessages(conversationId, { beforeId });
  return { ...page, versions: history.versionsOf(page.messages) };
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
    // A parent deleted with it (a message planted as its own parent) is no place to fall back to.
    const parentId = message.parentId && !doomed.includes(message.parentId) ? message.parentId : null;
    const leafId = parentId ? newestLeafUnder(rest, parentId) : (threadOf(rest, null).at(-1)?.id ?? null);
    history.updateConversation(message.conversationId, { leafId });
  }
  return detailOf(history, message.conversationId);
}
