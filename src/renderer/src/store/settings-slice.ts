import type { StateCreator } from 'zustand';
import type { BaseUrlChange } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import type { Settings, SettingsPatch, Theme } from '../../../shared/settings';
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
  /** New chats start with the composer's current model and parameters. */
  saveDefaults(): Promise<boolean>;
  setAutoUpdate(on: boolean): Promise<boolean>;
  /** Asks main to move requests to another address (null: ModelsLab's own); main may ask the user first. */
  changeBaseUrl(url: string | null): Promise<BaseUrlChange['outcome'] | AppError>;
  /** Model-made titles and the automatic retry after a rate limit. */
  setChatOptions(patch: Pick<SettingsPatch, 'autoTitle' | 'titleModel' | 'autoRetry'>): Promise<boolean>;
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

  saveDefaults: async () => {
    const { model, params } = get().draft;
    return updateSettings(set, { defaultModel: model, defaultParams: params });
  },

  setAutoUpdate: (autoUpdate) => {
    // The checkbox shows the choice at once; main's answer follows.
    const settings = get().settings;
    if (settings) set({ settings: { ...settings, autoUpdate } });
    return updateSettings(set, { autoUpdate });
  },

  setChatOptions: (patch) => {
    const settings = get().settings;
    if (settings) set({ settings: { ...settings, ...patch } });
    return updateSettings(set, patch);
  },

  changeBaseUrl: async (url) => {
    try {
      const { outcome, settings, key } = await getApi().settings.changeBaseUrl(url);
      set({ settings: settings.values, keyStatus: key, keyCheck: null, modelList: null });
      await get().loadInfo();
      return outcome;
    } catch (error) {
      return toError(error);
    }
  },

  setOnline: (online) => set({ online }),
  dismissSettingsNotice: () => set({ settingsNotice: null }),
});

function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

async function updateSettings(
  set: (partial: Partial<AppState>) => void,
  patch: Parameters<ReturnType<typeof getApi>['settings']['update']>[0],
): Promise<boolean> {
  try {
    const { values } = await getApi().settings.update(patch);
    set({ settings: values });
    return true;
  } catch (error) {
    set({ sendError: toError(error) });
    return false;
  }
}
