import type { StateCreator } from 'zustand';
import type { Conversation } from '../../../shared/domain';
import { PAGE_SIZE, type ExportFormat, type HistoryStatus, type ImportReport } from '../../../shared/history';
import type { AppError } from '../../../shared/errors';
import { getApi } from '../api';
import { toError } from './chat-slice';
import type { AppState } from './index';

export const UNDO_MS = 6000;

/** A short message at the bottom of the sidebar, with an action when there is one. */
export interface Toast {
  text: string;
  undoId?: string;
}

export interface HistorySlice {
  conversationTotal: number;
  /** undefined: every conversation; null: those in no folder. */
  folderFilter: string | null | undefined;
  folders: string[];
  loadingMore: boolean;
  toast: Toast | null;
  historyStatus: HistoryStatus | null;
  historyError: AppError | null;
  /** An import that left something out, shown until closed. */
  importReport: ImportReport | null;
  loadConversations(): Promise<void>;
  loadMoreConversations(): Promise<void>;
  setFolderFilter(folder: string | null | undefined): Promise<void>;
  renameConversation(id: string, title: string): Promise<void>;
  togglePin(id: string): Promise<void>;
  moveToFolder(id: string, folder: string | null): Promise<void>;
  deleteConversation(id: string): Promise<void>;
  undoDelete(id: string): Promise<void>;
  exportConversation(id: string, format: ExportFormat): Promise<void>;
  exportAll(): Promise<void>;
  importHistory(): Promise<void>;
  closeImportReport(): void;
  checkHistory(): Promise<void>;
  startFreshHistory(): Promise<void>;
  showToast(toast: Toast | null): void;
}

const byPinnedThenRecent = (a: Conversation, b: Conversation) =>
  Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt;

/** Puts a changed conversation where the main process would list it. */
export function placeConversation(list: Conversation[], conversation: Conversation): Conversation[] {
  return [conversation, ...list.filter((c) => c.id !== conversation.id)].sort(byPinnedThenRecent);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function importSummary(report: ImportReport): string {
  const skipped = report.skipped ? `; ${report.skipped} already here, left as they were` : '';
  return `Imported ${count(report.conversations, 'chat')} with ${count(report.messages, 'message')}${skipped}.`;
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  const replace = (conversation: Conversation) =>
    set((s) => ({
      conversations: s.conversations.map((c) => (c.id === conversation.id ? conversation : c)).sort(byPinnedThenRecent),
    }));
  const fail = (error: unknown) => set({ toast: { text: toError(error).message } });

  return {
    conversationTotal: 0,
    folderFilter: undefined,
    folders: [],
    loadingMore: false,
    toast: null,
    historyStatus: null,
    historyError: null,
    importReport: null,

    loadConversations: async () => {
      try {
        const folder = get().folderFilter;
        const [page, folders] = await Promise.all([
          getApi().conversations.list({ limit: PAGE_SIZE.conversations, ...(folder !== undefined ? { folder } : {}) }),
          getApi().conversations.folders(),
        ]);
        set({ conversations: page.items, conversationTotal: page.total, folders, historyError: null });
      } catch (error) {
        set({ historyError: toError(error) });
      }
    },

    loadMoreConversations: async () => {
      const { loadingMore, conversations, conversationTotal, folderFilter } = get();
      if (loadingMore || conversations.length >= conversationTotal) return;
      set({ loadingMore: true });
      try {
        const page = await getApi().conversations.list({
          offset: conversations.length,
          limit: PAGE_SIZE.conversations,
          ...(folderFilter !== undefined ? { folder: folderFilter } : {}),
        });
        set((s) => {
          const known = new Set(s.conversations.map((c) => c.id));
          return {
            conversations: [...s.conversations, ...page.items.filter((c) => !known.has(c.id))],
            conversationTotal: page.total,
          };
        });
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
        replace(await getApi().conversations.update(id, { title }));
      } catch (error) {
        fail(error);
      }
    },

    togglePin: async (id) => {
      const current = get().conversations.find((c) => c.id === id);
      if (!current) return;
      try {
        replace(await getApi().conversations.update(id, { pinned: !current.pinned }));
      } catch (error) {
        fail(error);
      }
    },

    moveToFolder: async (id, folder) => {
      try {
        replace(await getApi().conversations.update(id, { folder }));
        set({ folders: await getApi().conversations.folders() });
        const filter = get().folderFilter;
        if (filter !== undefined && filter !== folder) await get().loadConversations();
      } catch (error) {
        fail(error);
      }
    },

    deleteConversation: async (id) => {
      const title = get().conversations.find((c) => c.id === id)?.title || 'Chat';
      try {
        await getApi().conversations.remove(id);
      } catch (error) {
        return fail(error);
      }
      set((s) => ({
        conversations: s.conversations.filter((c) => c.id !== id),
        conversationTotal: Math.max(0, s.conversationTotal - 1),
        ...(s.activeId === id ? { activeId: null } : {}),
      }));
      get().showToast({ text: `Deleted “${title}”`, undoId: id });
    },

    undoDelete: async (id) => {
      try {
        const conversation = await getApi().conversations.restore(id);
        set((s) => ({
          conversations: placeConversation(s.conversations, conversation),
          conversationTotal: s.conversationTotal + 1,
          toast: null,
        }));
      } catch (error) {
        fail(error);
      }
    },

    exportConversation: async (id, format) => {
      try {
        const { path } = await getApi().conversations.export(id, format);
        if (path) get().showToast({ text: `Saved to ${path}` });
      } catch (error) {
        fail(error);
      }
    },

    exportAll: async () => {
      try {
        const { path } = await getApi().history.exportAll();
        if (path) get().showToast({ text: `Backup saved to ${path}` });
      } catch (error) {
        fail(error);
      }
    },

    importHistory: async () => {
      try {
        const report = await getApi().history.import();
        if (!report.path) return;
        if (report.notes.length) set({ importReport: report });
        else get().showToast({ text: importSummary(report) });
        await get().loadConversations();
      } catch (error) {
        fail(error);
      }
    },

    closeImportReport: () => set({ importReport: null }),

    checkHistory: async () => set({ historyStatus: await getApi().history.status() }),

    startFreshHistory: async () => {
      set({ historyStatus: await getApi().history.startFresh() });
      await get().loadConversations();
    },

    showToast: (toast) => {
      clearTimeout(toastTimer);
      set({ toast });
      if (toast) toastTimer = setTimeout(() => set({ toast: null }), toast.undoId ? UNDO_MS : UNDO_MS * 1.5);
    },
  };
};
