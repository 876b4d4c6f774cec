import type { StateCreator } from 'zustand';
import type { AppError } from '../../../shared/errors';
import { toAppError } from '../../../shared/errors';
import type { ExportFormat, HistoryStatus, ImportReport } from '../../../shared/history';
import { getApi } from '../api';
import type { AppState } from './index';
import type { Timers } from './timers';

export const UNDO_MS = 6000;

/** What a backup, an export or a clean import did, worded by the page (features/history/history-notice.ts). */
export type HistoryNotice =
  | { kind: 'saved'; path: string }
  | { kind: 'backup'; path: string }
  | { kind: 'imported'; conversations: number; messages: number; skipped: number };

/** A short message at the bottom of the sidebar, with an action when there is one; `error` and `notice` are worded by the page. */
export type Toast = { text: string; undoId?: string } | { error: AppError } | { notice: HistoryNotice };

/** The history file as a whole (status, backup, import) and the sidebar's notices. */
export interface HistorySlice {
  toast: Toast | null;
  historyStatus: HistoryStatus | null;
  /** An import that left something out, shown until closed. */
  importReport: ImportReport | null;
  exportConversation(id: string, format: ExportFormat): Promise<void>;
  exportAll(): Promise<void>;
  importHistory(): Promise<void>;
  closeImportReport(): void;
  checkHistory(): Promise<void>;
  startFreshHistory(): Promise<void>;
  showToast(toast: Toast | null): void;
}

export function importSummary(report: ImportReport): HistoryNotice {
  const { conversations, messages, skipped } = report;
  return { kind: 'imported', conversations, messages, skipped };
}

export const createHistorySlice =
  (timers: Timers): StateCreator<AppState, [], [], HistorySlice> =>
  (set, get) => {
    const fail = (error: unknown) => get().showToast({ text: toAppError(error).message });

    return {
      toast: null,
      historyStatus: null,
      importReport: null,

      exportConversation: async (id, format) => {
        try {
          const { path } = await getApi().conversations.export(id, format);
          if (path) get().showToast({ notice: { kind: 'saved', path } });
        } catch (error) {
          fail(error);
        }
      },

      exportAll: async () => {
        try {
          const { path } = await getApi().history.exportAll();
          if (path) get().showToast({ notice: { kind: 'backup', path } });
        } catch (error) {
          fail(error);
        }
      },

      importHistory: async () => {
        try {
          const report = await getApi().history.import();
          if (!report.path) return;
          if (report.notes.length) set({ importReport: report });
          else get().showToast({ notice: importSummary(report) });
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
        set({ toast });
        if (!toast) return timers.cancel('toast');
        // An undo is offered only while it is likely to be wanted; other notices stay a little longer.
        const undo = 'undoId' in toast && toast.undoId !== undefined;
        timers.once('toast', () => set({ toast: null }), undo ? UNDO_MS : UNDO_MS * 1.5);
      },
    };
  };
