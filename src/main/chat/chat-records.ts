import type { ReplySettings, SendInput } from '../../shared/contract';
import type { Conversation, Message } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import type { HistoryStore, NewMessage } from '../history/history-store';
import { titleFrom } from './auto-title';
import { settingsPatch } from './request-context';
import type { CountTokens } from './token-count';

/** The records chat calls work on, found or made in history; refused with the errors the window shows. */

export function conversationOf(history: HistoryStore, id: string): Conversation {
  const conversation = history.getConversation(id);
  if (!conversation) throw new ApiError(appError('not_found', 'That conversation no longer exists.'));
  return conversation;
}

/** A message with this role that no reply is streaming into now. */
export function messageOf(
  history: HistoryStore,
  id: string,
  role: Message['role'],
  isRunning: (id: string) => boolean,
): Message {
  const message = history.getMessage(id);
  if (!message || message.role !== role) throw new ApiError(appError('not_found', 'That message no longer exists.'));
  if (isRunning(id)) throw new ApiError(appError('bad_input', 'Stop the reply first.'));
  return message;
}

/** What a reply is asked again with: the model that made it, the chat's parameters and system prompt. */
export function settingsOf(conversation: Conversation, message: Message): ReplySettings {
  return {
    model: message.model ?? conversation.model,
    params: conversation.params,
    systemPrompt: conversation.systemPrompt,
  };
}

/** The chat a new message goes to: the one named, keeping the composer's settings, or a new one. */
export function chatFor(history: HistoryStore, input: SendInput): Conversation {
  const { conversationId, content, images, documents: _, fitDocuments: __, ...settings } = input;
  if (conversationId) {
    return history.updateConversation(conversationOf(history, conversationId).id, settingsPatch(settings));
  }
  const { context, ...rest } = settings;
  const conversation = history.createConversation({ ...rest, title: titleFrom(content, images.length) });
  return context ? history.updateConversation(conversation.id, context) : conversation;
}

/** A message the user sent, counted as it is saved. */
export function addUserMessage(
  history: HistoryStore,
  count: CountTokens,
  message: Pick<NewMessage, 'conversationId' | 'parentId' | 'content' | 'attachments' | 'documents' | 'imagesPinned'>,
): Message {
  return history.addMessage({ ...message, role: 'user', status: 'done', model: null, tokens: count(message.content) });
}

/** An empty reply to `question`, streaming from now on, made the end of the thread on screen. */
export function addReply(history: HistoryStore, conversationId: string, question: Message, model: string) {
  const assistantMessage = history.addMessage({
    conversationId,
    parentId: question.id,
    role: 'assistant',
    content: '',
    status: 'streaming',
    model,
  });
  const updated = history.updateConversation(conversationId, { leafId: assistantMessage.id });
  return { assistantMessage, updated };
}

/** The compare turn at the end of a chat's thread that still waits for its answer, if any. */
export function undecidedRunAt(history: HistoryStore, conversationId: string) {
  const leafId = history.getConversation(conversationId)?.leafId;
  const run = leafId ? history.compareRunOf(leafId) : null;
  return run && run.chosenId === null ? run : null;
}

/** Nothing follows a compare turn until one of its answers is chosen: the thread has no answer to carry on from. */
export function refuseUndecided(history: HistoryStore, conversationId: string | null): void {
  if (conversationId && undecidedRunAt(history, conversationId)) {
    throw new ApiError(appError('compare_undecided', 'Choose one of the compared answers first.'));
  }
}
