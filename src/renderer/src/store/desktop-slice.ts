import type { StateCreator } from 'zustand';
import type { UpdateReady } from '../../../shared/contract';
import { getApi } from '../api';
import type { AppState } from './index';

export interface DesktopSlice {
  /** A downloaded update waiting for a restart; null when none, or after "Later". */
  update: UpdateReady | null;
  setUpdate(update: UpdateReady | null): void;
  restartToUpdate(): Promise<void>;
  /** Copies the open conversation's last reply; false when there is none or the clipboard refused. */
  copyLastReply(): Promise<boolean>;
}

export const createDesktopSlice: StateCreator<AppState, [], [], DesktopSlice> = (set, get) => ({
  update: null,
  setUpdate: (update) => set({ update }),
  restartToUpdate: () => getApi().app.restartToUpdate(),
  copyLastReply: async () => {
    const { activeId, order, messages } = get();
    const ids = activeId ? (order[activeId] ?? []) : [];
    const reply = ids.map((id) => messages[id]).findLast((m) => m?.role === 'assistant' && m.content.trim() !== '');
    if (!reply) return false;
    try {
      await navigator.clipboard.writeText(reply.content);
      return true;
    } catch {
      return false;
    }
  },
});
