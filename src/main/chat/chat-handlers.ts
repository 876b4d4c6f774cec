import type { Handlers } from '../ipc';
import type { ChatService } from './chat-service';

/**
 * The `chat` namespace. Each call is told which window asked: a reply's events go back to that window only.
 * `onModelUsed` hears the model of each reply that was started (the picker's recent list).
 */
export function chatHandlers(chat: ChatService, onModelUsed: (model: string) => void = () => {}): Handlers['chat'] {
  async function used<T>(model: string, started: Promise<T>): Promise<T> {
    const result = await started;
    onModelUsed(model);
    return result;
  }
  return {
    send: (context, input) => used(input.model, chat.send(context.sender, input)),
    stop: async (_context, messageId) => chat.stop(messageId),
    regenerate: (context, input) => used(input.model, chat.regenerate(context.sender, input)),
    edit: (context, input) => used(input.model, chat.edit(context.sender, input)),
    continue: (context, messageId, options) => chat.continue(context.sender, messageId, options),
    retry: (context, messageId) => chat.retry(context.sender, messageId),
    context: (_context, query) => chat.context(query),
    pinImages: (_context, messageId, pinned) => chat.pinImages(messageId, pinned),
  };
}
