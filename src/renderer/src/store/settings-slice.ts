import type { StateCreator } from 'zustand';
import type { Settings } from '../../../shared/settings';
import { getApi } from '../api';
import type { AppState } from './index';

export interface SettingsSlice {
  settings: Settings | null;
  settingsNotice: string | null;
  online: boolean;
  loadSettings(): Promise<void>;
  setOnline(online: boolean): void;
  dismissSettingsNotice(): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  settings: null,
  settingsNotice: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,

  loadSettings: async () => {
    const { values, notice } = await getApi().settings.get();
    // A new chat starts from the saved defaults unless a conversation is already open.
    const draft = get().activeId
      ? get().draft
      : { ...get().draft, model: values.defaultModel, params: values.defaultParams };
    set({ settings: values, settingsNotice: notice, draft });
  },

  setOnline: (online) => set({ online }),
  dismissSettingsNotice: () => set({ settingsNotice: null }),
});
