import type { StateCreator } from 'zustand';
import type { Settings, Theme } from '../../../shared/settings';
import { getApi } from '../api';
import { toError } from './chat-slice';
import type { AppState } from './index';

export interface SettingsSlice {
  settings: Settings | null;
  settingsNotice: string | null;
  online: boolean;
  loadSettings(): Promise<void>;
  setOnline(online: boolean): void;
  setTheme(theme: Theme): Promise<void>;
  /** null goes back to ModelsLab's own endpoint. */
  setBaseUrl(url: string | null): Promise<boolean>;
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
    applyTheme(values.theme);
  },

  setTheme: async (theme) => {
    applyTheme(theme);
    const { values } = await getApi().settings.update({ theme });
    set({ settings: values });
  },

  setBaseUrl: async (baseUrl) => {
    try {
      const { values } = await getApi().settings.update({ baseUrl });
      set({ settings: values, sendError: null });
      await get().loadInfo();
      return true;
    } catch (error) {
      set({ sendError: toError(error) });
      return false;
    }
  },

  setOnline: (online) => set({ online }),
  dismissSettingsNotice: () => set({ settingsNotice: null }),
});

function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
