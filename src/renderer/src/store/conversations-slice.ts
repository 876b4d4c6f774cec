import type { StateCreator } from 'zustand';
import { compareConversations } from '../../../shared/conversation-order';
import type { Conversation } from '../../../shared/domain';
import { toAppError, type AppError } from '../../../shared/errors';
import { PAGE_SIZE } from '../../../shared/history';
import { getApi } from '../api';
import { i18n } from '../i18n';
import type { AppState } from './index';

/** The conversation list: only this slice writes these fields; others ask through its actions. */
export interface ConversationsSlice {
  /** The chats loaded so far, in the order main lists them (src/shared/conversation-order.ts). */
  conversations: Conversation[];
  /** How many chats the list has in all (under the folder filter), loaded or not. */
  conversationTotal: number;
  /** undefined: every conversation; null: those in no folder. */
  folderFilter: string | null | undefined;
  folders: string[];
  loadingMore: boolean;
  /** The list could not be read. */
  historyError: AppError | null;
  loadConversations(): Promise<void>;
  loadMoreConversations(): Promise<void>;
  setFolderFilter(folder: string | null | undefined): Promise<void>;
  renameConversation(id: string, title: string): Promise<void>;
  togglePin(id: string): Promise<void>;
  moveToFolder(id: string, folder: string | null): Promise<void>;
  deleteConversation(id: string): Promise<void>;
  undoDelete(id: string): Promise<void>;
  /** A conversation main answered with, put where main would list it; `added` when it is a new one. */
  placeConversation(conversation: Conversation, added: boolean): void;
  /** A newer copy of a listed conversation (a title made by the model); one not listed stays out. */
  replaceConversation(conversation: Conversation): void;
}

function placed(list: Conversation[], conversation: Conversation): Conversation[] {
  return [conversation, ...list.filter((c) => c.id !== conversation.id)].sort(compareConversations);
}

export const createConversationsSlice: StateCreator<AppState, [], [], ConversationsSlice> = (set, get) => {
  const fail = (error: unknown) => get().showToast({ text: toAppError(error).message });
  const folderQuery = () => {
    const folder = get().folderFilter;
    return folder !== undefined ? { folder } : {};
  };

  return {
    conversations: [],
    conversationTotal: 0,
    folderFilter: undefined,
    folders: [],
    loadingMore: false,
    historyError: null,

    loadConversations: async () => {
      try {
        const [page, folders] = await Promise.all([
          getApi().conversations.list({ limit: PAGE_SIZE.conversations, ...folderQuery() }),
          getApi().conversations.folders(),
        ]);
        set({ conversations: page.items, conversationTotal: page.total, folders, historyError: null });
      } catch (error) {
        set({ historyError: toAppError(error) });
      }
    },

    loadMoreConversations: async () => {
      const { loadingMore, conversations, conversationTotal } = get();
      if (loadingMore || conversations.length >= conversationTotal) return;
      set({ loadingMore: true });
      try {
        const page = await getApi().conversations.list({
          offset: conversations.length,
          limit: PAGE_SIZE.conversations,
          ...folderQuery(),
        });
        set((s) => {
          const known = new Set(s.conversations.map((c) => c.id));
          return {
            conversations: [...s.conversations, ...page.items.filter((c) => !known.has(c.id))],
            conversationTotal: page.total,
          };
        });
      } catch (error) {
        fail(error);
      } finally {
        set({ loadingMore: false });
      }
    },

    setFolderFilter: async (folder) => {
      set({ folderFilter: folder });
      await get().loadConversations();
    },

    renameConversation: async (id, title) => {
      try {
        get().replaceConversation(await getApi().conversations.update(id, { title }));
      } catch (error) {
        fail(error);
      }
    },

    togglePin: async (id) => {
      const current = get().conversations.find((c) => c.id === id);
      if (!current) return;
      try {
        get().replaceConversation(await getApi().conversations.update(id, { pinned: !current.pinned }));
      } catch (error) {
        fail(error);
      }
    },

    moveToFolder: async (id, folder) => {
      try {
        get().replaceConversation(await getApi().conversations.update(id, { folder }));
        set({ folders: await getApi().conversations.folders() });
        const filter = get().folderFilter;
        if (filter !== undefined && filter !== folder) await get().loadConversations();
      } catch (error) {
        fail(error);
      }
    },

    deleteConversation: async (id) => {
      const title = get().conversations.find((c) => c.id === id)?.title || i18n.t('sidebar:untitled');
      try {
        await getApi().conversations.remove(id);
      } catch (error) {
        return fail(error);
      }
      set((s) => ({
        conversations: s.conversations.filter((c) => c.id !== id),
        conversationTotal: Math.max(0, s.conversationTotal - 1),
      }));
      get().leaveConversation(id);
      // A toast lives for seconds, so its words are put in the language of the moment it shows.
      get().showToast({ text: i18n.t('sidebar:deleted', { title }), undoId: id });
    },

    undoDelete: async (id) => {
      try {
        get().placeConversation(await getApi().conversations.restore(id), true);
        get().showToast(null);
      } catch (error) {
        fail(error);
      }
    },

    placeConversation: (conversation, added) =>
      set((s) => ({
        conversations: placed(s.conversations, conversation),
        conversationTotal: s.conversationTotal + (added ? 1 : 0),
      })),

    replaceConversation: (conversation) =>
      set((s) =>
        s.conversations.some((c) => c.id === conversation.id)
          ? { conversations: placed(s.conversations, conversation) }
          : {},
      ),
  };
};
