import type { StateCreator } from 'zustand';
import type { AppCommand, UpdateReady } from '../../../shared/contract';
import { getApi } from '../api';
import type { AppState } from './index';

export interface DesktopSlice {
  /** A downloaded update waiting for a restart; null when none, or after "Later". */
  update: UpdateReady | null;
  setUpdate(update: UpdateReady | null): void;
  restartToUpdate(): Promise<void>;
  /** Copies the open conversation's last reply; false when there is none or copying failed. */
  copyLastReply(): Promise<boolean>;
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
  /** Counts the times the composer was asked to take the focus (New Chat); the composer follows it. */
  composerFocus: number;
  /** One place for what the menu, its accelerators and the page's own keys ask for. */
  runCommand(command: AppCommand): void;
}

export const createDesktopSlice: StateCreator<AppState, [], [], DesktopSlice> = (set, get) => ({
  update: null,
  shortcutsOpen: false,
  composerFocus: 0,
  setShortcutsOpen: (open) => set({ shortcutsOpen: open }),
  runCommand: (command) => {
    const state = get();
    if (command === 'new-chat') {
      state.newChat();
      set((s) => ({ composerFocus: s.composerFocus + 1 }));
    } else if (command === 'settings') state.setSettingsOpen(true);
    else if (command === 'copy-last-reply') void state.copyLastReply();
    else if (command === 'shortcuts') set({ shortcutsOpen: true });
    else if (command === 'search') state.openSearch();
  },
  setUpdate: (update) => set({ update }),
  restartToUpdate: () => getApi().app.restartToUpdate(),
  copyLastReply: async () => {
    const { activeId, order, messages, copyText } = get();
    const ids = activeId ? (order[activeId] ?? []) : [];
    const reply = ids.map((id) => messages[id]).findLast((m) => m?.role === 'assistant' && m.content.trim() !== '');
    return reply ? copyText(reply.content) : false;
  },
});
