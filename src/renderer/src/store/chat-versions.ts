import type { Conversation } from '../../../shared/domain';
import { toAppError } from '../../../shared/errors';
import { getApi } from '../api';
import { selectActiveIds, selectStreamingId } from './chat-sending';
import type { ChatPart } from './chat-slice';

/** Other versions of a reply or a question: regenerate, retry, edit, and which version the thread shows. */
export interface ChatVersions {
  regenerate(messageId: string): Promise<void>;
  /** Asks again for a reply that was cut off or failed; the old one stays as a version. */
  retryReply(messageId: string): Promise<void>;
  editMessage(messageId: string, content: string): Promise<boolean>;
  setEditing(messageId: string | null): void;
  /** Starts editing the last message the user sent in the open conversation. */
  editLast(): boolean;
  showVersion(messageId: string): Promise<void>;
  deleteMessage(messageId: string): Promise<void>;
}

export const createChatVersions: ChatPart<ChatVersions> = (set, get) => {
  /** Starts a new reply, then shows the thread it is on. */
  async function startReply(start: () => Promise<{ conversation: Pick<Conversation, 'id'> }>): Promise<boolean> {
    set({ sendError: null });
    try {
      const { conversation } = await start();
      get().applyDetail(await getApi().conversations.get(conversation.id));
      return true;
    } catch (error) {
      set({ sendError: toAppError(error) });
      return false;
    }
  }

  return {
    regenerate: async (messageId) => {
      await startReply(() => getApi().chat.regenerate({ messageId, ...get().draft }));
    },

    retryReply: async (messageId) => {
      await startReply(async () => {
        const message = await getApi().chat.retry(messageId);
        return { conversation: { id: message.conversationId } };
      });
    },

    editMessage: async (messageId, content) => {
      const ok = await startReply(() => getApi().chat.edit({ messageId, content, ...get().draft }));
      if (ok) set({ editingId: null });
      return ok;
    },

    setEditing: (messageId) => set({ editingId: messageId }),

    editLast: () => {
      const s = get();
      const last = selectActiveIds(s).findLast((id) => s.messages[id]?.role === 'user');
      if (!last || selectStreamingId(s)) return false;
      set({ editingId: last });
      return true;
    },

    showVersion: async (messageId) => {
      try {
        get().applyDetail(await getApi().conversations.showVersion(messageId));
      } catch (error) {
        set({ sendError: toAppError(error) });
      }
    },

    deleteMessage: async (messageId) => {
      try {
        get().applyDetail(await getApi().conversations.deleteMessage(messageId));
      } catch (error) {
        set({ sendError: toAppError(error) });
      }
    },
  };
};
