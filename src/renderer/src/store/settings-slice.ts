import type { StateCreator } from 'zustand';
import type { BaseUrlChange } from '../../../shared/contract';
import { toAppError, type AppError } from '../../../shared/errors';
import type { Preset, Settings, SettingsPatch, Theme } from '../../../shared/settings';
import { getApi } from '../api';
import type { AppState } from './index';

export interface SettingsSlice {
  settings: Settings | null;
  settingsNotice: string | null;
  /** A setting that could not be saved (theme, defaults, updates, chat options). */
  settingsError: AppError | null;
  /** A preset that could not be saved or deleted. */
  presetError: AppError | null;
  online: boolean;
  loadSettings(): Promise<void>;
  setOnline(online: boolean): void;
  /** The page applies the theme as soon as `settings.theme` changes (App.tsx); main's answer follows. */
  setTheme(theme: Theme): Promise<void>;
  /** Saves the composer's model, system prompt and parameters under a name (replacing one of that name). */
  savePreset(name: string): Promise<boolean>;
  deletePreset(name: string): Promise<void>;
  /** A new chat with a preset's model, system prompt and parameters. */
  startFromPreset(preset: Preset): void;
  /** New chats start with the composer's current model and parameters. */
  saveDefaults(): Promise<boolean>;
  setAutoUpdate(on: boolean): Promise<boolean>;
  /** Asks main to move requests to another address (null: ModelsLab's own); main may ask the user first. */
  changeBaseUrl(url: string | null): Promise<BaseUrlChange['outcome'] | AppError>;
  /** Model-made titles and the automatic retry after a rate limit. */
  setChatOptions(patch: Pick<SettingsPatch, 'autoTitle' | 'titleModel' | 'autoRetry'>): Promise<boolean>;
  dismissSettingsNotice(): void;
  dismissSettingsError(): void;
  dismissPresetError(): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => {
  /** Saves a patch; a failure lands in `settingsError` or, for presets, `presetError`. */
  async function save(patch: SettingsPatch, errorField: 'settingsError' | 'presetError'): Promise<boolean> {
    set({ [errorField]: null });
    try {
      const { values } = await getApi().settings.update(patch);
      set({ settings: values });
      return true;
    } catch (error) {
      set({ [errorField]: toAppError(error) });
      return false;
    }
  }

  /** The control shows the choice at once; main's answer follows. */
  function showAtOnce(patch: Partial<Settings>): void {
    const settings = get().settings;
    if (settings) set({ settings: { ...settings, ...patch } });
  }

  return {
    settings: null,
    settingsNotice: null,
    settingsError: null,
    presetError: null,
    // The page reports the real state as it starts (useHistoryShell).
    online: true,

    loadSettings: async () => {
      const { values, notice } = await getApi().settings.get();
      set({ settings: values, settingsNotice: notice });
      get().useDefaults(values.defaultModel, values.defaultParams);
    },

    setTheme: async (theme) => {
      showAtOnce({ theme });
      await save({ theme }, 'settingsError');
    },

    savePreset: async (name) => {
      const { draft, settings } = get();
      const preset: Preset = {
        name: name.trim(),
        model: draft.model,
        systemPrompt: draft.systemPrompt,
        params: draft.params,
      };
      const presets = [...(settings?.presets ?? []).filter((p) => p.name !== preset.name), preset];
      return save({ presets }, 'presetError');
    },

    deletePreset: async (name) => {
      await save({ presets: (get().settings?.presets ?? []).filter((p) => p.name !== name) }, 'presetError');
    },

    startFromPreset: ({ model, systemPrompt, params }) => get().newChat({ model, systemPrompt, params }),

    saveDefaults: async () => {
      const { model, params } = get().draft;
      return save({ defaultModel: model, defaultParams: params }, 'presetError');
    },

    setAutoUpdate: (autoUpdate) => {
      showAtOnce({ autoUpdate });
      return save({ autoUpdate }, 'settingsError');
    },

    setChatOptions: (patch) => {
      showAtOnce(patch);
      return save(patch, 'settingsError');
    },

    changeBaseUrl: async (url) => {
      try {
        const { outcome, settings, key } = await getApi().settings.changeBaseUrl(url);
        set({ settings: settings.values });
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
    dismissPresetError: () => set({ presetError: null }),
  };
};
