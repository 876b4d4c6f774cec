import type { Recovery, RendererGoneReason } from '../../shared/contract';
import type { Handlers } from '../ipc';

/** More than a session's worth; the oldest is forgotten first. */
const MAX_PLAIN = 100;

/**
 * What main remembers so that a window whose renderer crashed comes back where it was without crashing again: the
 * conversation the window last fetched or streamed into (the page cannot be asked once it is gone), and every
 * conversation that was open at a crash, whose replies then show as plain text. Kept in memory only: the app opens
 * on a new chat, so after a restart nothing leads straight back into the chat that crashed it.
 */
export class CrashRecovery {
  private open: string | null = null;
  private plain: string[] = [];
  private pending: Recovery['crash'] = null;

  /** The window fetched, or started a reply in, this conversation. */
  opened(conversationId: string): void {
    this.open = conversationId;
  }

  /** The window's renderer is gone; the conversation it showed turns to plain text. */
  crashed(reason: RendererGoneReason): void {
    const id = this.open;
    if (id && !this.plain.includes(id)) this.plain = [...this.plain, id].slice(-MAX_PLAIN);
    this.pending = { reason, conversationId: id };
  }

  /** For the reloaded window: the crash, said once, and which conversations to show as plain text. */
  take(): Recovery {
    const crash = this.pending;
    this.pending = null;
    return { crash, plainText: [...this.plain] };
  }
}

/**
 * The same handlers, each call that opens a conversation or starts a reply in one noted in `recovery` once it
 * succeeds: what main already knows about the window's requests, not anything the window says about itself.
 */
export function trackOpenConversation(handlers: Handlers, recovery: CrashRecovery): Handlers {
  const noting =
    <A extends unknown[], R>(handler: (...args: A) => Promise<R>, idOf: (result: R) => string) =>
    async (...args: A): Promise<R> => {
      const result = await handler(...args);
      recovery.opened(idOf(result));
      return result;
    };
  const { chat, conversations } = handlers;
  const ofDetail = (d: { conversation: { id: string } }) => d.conversation.id;
  const ofMessage = (m: { conversationId: string }) => m.conversationId;
  return {
    ...handlers,
    chat: {
      ...chat,
      send: noting(chat.send, ofDetail),
      regenerate: noting(chat.regenerate, ofDetail),
      edit: noting(chat.edit, ofDetail),
      continue: noting(chat.continue, ofMessage),
      retry: noting(chat.retry, ofMessage),
    },
    conversations: {
      ...conversations,
      get: noting(conversations.get, ofDetail),
      showVersion: noting(conversations.showVersion, ofDetail),
      deleteMessage: noting(conversations.deleteMessage, ofDetail),
    },
  };
}
