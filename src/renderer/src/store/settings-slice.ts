import type { StateCreator } from 'zustand';
import type { BaseUrlChange } from '../../../shared/contract';
import { toAppError, type AppError } from '../../../shared/errors';
import type { Language, LanguageSetting } from '../../../shared/languages';
import type { Settings, SettingsNotice, SettingsPatch, SettingsView, Theme } from '../../../shared/settings';
import { getApi } from '../api';
import type { AppState } from './index';

export interface SettingsSlice {
  settings: Settings | null;
  /** The language the app speaks, as main decided it (the setting, or the system's). */
  language: Language;
  /** The settings file could not be read: where main kept it (HistoryBanner words it). */
  settingsNotice: SettingsNotice | null;
  /** A setting that could not be saved (theme, defaults, updates, chat options). */
  settingsError: AppError | null;
  online: boolean;
  loadSettings(): Promise<void>;
  setOnline(online: boolean): void;
  /** The page applies the theme as soon as `settings.theme` changes (App.tsx); main's answer follows. */
  setTheme(theme: Theme): Promise<void>;
  /** The page switches language once main has said which one the setting means (App.tsx). */
  setLanguage(language: LanguageSetting): Promise<boolean>;
  /** New chats start with the composer's current model and parameters. */
  saveDefaults(): Promise<boolean>;
  setAutoUpdate(on: boolean): Promise<boolean>;
  /** Asks main to move requests to another address (null: ModelsLab's own); main may ask the user first. */
  changeBaseUrl(url: string | null): Promise<BaseUrlChange['outcome'] | AppError>;
  /** Model-made titles and the automatic retry after a rate limit. */
  setChatOptions(patch: Pick<SettingsPatch, 'autoTitle' | 'titleModel' | 'autoRetry'>): Promise<boolean>;
  dismissSettingsNotice(): void;
  dismissSettingsError(): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => {
  /** Saves a patch; a failure lands in `settingsError` (assistants keep theirs in the assistants slice). */
  async function save(patch: SettingsPatch): Promise<boolean> {
    set({ settingsError: null });
    try {
      took(await getApi().settings.update(patch));
      return true;
    } catch (error) {
      set({ settingsError: toAppError(error) });
      return false;
    }
  }

  function took(view: SettingsView): void {
    set({ settings: view.values, language: view.language });
  }

  /** The control shows the choice at once; main's answer follows. */
  function showAtOnce(patch: Partial<Settings>): void {
    const settings = get().settings;
    if (settings) set({ settings: { ...settings, ...patch } });
  }

  return {
    settings: null,
    language: 'en',
    settingsNotice: null,
    settingsError: null,
    // The page reports the real state as it starts (useHistoryShell).
    online: true,

    loadSettings: async () => {
      const view = await getApi().settings.get();
      took(view);
      set({ settingsNotice: view.notice });
      get().useDefaults(view.values.defaultModel, view.values.defaultParams);
    },

    setTheme: async (theme) => {
      showAtOnce({ theme });
      await save({ theme });
    },

    setLanguage: (language) => {
      showAtOnce({ language });
      return save({ language });
    },

    saveDefaults: async () => {
      const { model, params } = get().draft;
      return save({ defaultModel: model, defaultParams: params });
    },

    setAutoUpdate: (autoUpdate) => {
      showAtOnce({ autoUpdate });
      return save({ autoUpdate });
    },

    setChatOptions: (patch) => {
      showAtOnce(patch);
      return save(patch);
    },

    changeBaseUrl: async (url) => {
      try {
        const { outcome, settings, key } = await getApi().settings.changeBaseUrl(url);
        took(settings);
        get().keyChanged(key);
        get().forgetModels();
        await get().loadInfo();
        return outcome;
      } catch (error) {
        return toAppError(error);
      }
    },

    setOnline: (online) => set({ online }),
    dismissSettingsNotice: () => set({ settingsNotice: null }),
    dismissSettingsError: () => set({ settingsError: null }),
  };
};
