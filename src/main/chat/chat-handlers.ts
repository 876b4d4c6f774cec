import type { Handlers } from '../ipc';
import type { ChatService } from './chat-service';

/** The `chat` namespace. Each call is told which window asked: a reply's events go back to that window only. */
export function chatHandlers(chat: ChatService): Handlers['chat'] {
  return {
    send: (context, input) => chat.send(context.sender, input),
    stop: async (_context, messageId) => chat.stop(messageId),
    regenerate: (context, input) => chat.regenerate(context.sender, input),
    edit: (context, input) => chat.edit(context.sender, input),
    continue: (context, messageId, options) => chat.continue(context.sender, messageId, options),
    retry: (context, messageId) => chat.retry(context.sender, messageId),
    context: (_context, query) => chat.context(query),
    pinImages: (_context, messageId, pinned) => chat.pinImages(messageId, pinned),
  };
}
