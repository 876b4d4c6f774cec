import type { StateCreator } from 'zustand';
import type { AppError } from '../../../shared/errors';
import { toAppError } from '../../../shared/errors';
import type { ExportFormat, HistoryStatus, ImportReport } from '../../../shared/history';
import { getApi } from '../api';
import type { AppState } from './index';
import type { Timers } from './timers';

export const UNDO_MS = 6000;

/** A short message at the bottom of the sidebar, with an action when there is one; `error` is worded by the page. */
export type Toast = { text: string; undoId?: string } | { error: AppError };

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

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function importSummary(report: ImportReport): string {
  const skipped = report.skipped ? `; ${report.skipped} already here, left as they were` : '';
  return `Imported ${count(report.conversations, 'chat')} with ${count(report.messages, 'message')}${skipped}.`;
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
        set({ toast });
        if (!toast) return timers.cancel('toast');
        // An undo is offered only while it is likely to be wanted; other notices stay a little longer.
        const undo = 'undoId' in toast && toast.undoId !== undefined;
        timers.once('toast', () => set({ toast: null }), undo ? UNDO_MS : UNDO_MS * 1.5);
      },
    };
  };
