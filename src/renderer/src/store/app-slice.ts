import type { StateCreator } from 'zustand';
import type { AppInfo, ModelList } from '../../../shared/contract';
import { getApi } from '../api';
import { toAppError } from '../../../shared/errors';
import type { AppState } from './index';

export interface AppSlice {
  settingsOpen: boolean;
  setSettingsOpen(open: boolean): void;
  info: AppInfo | null;
  loadInfo(): Promise<void>;
  modelList: ModelList | null;
  /** Fetches the model list once per session (the picker calls it on focus). */
  loadModels(): Promise<void>;
  /** The list is for another address now: the next look fetches it again. */
  forgetModels(): void;
  /** Asks main to open a link; `text` is what the link shows. A refusal is shown as a notice. */
  openExternal(url: string, text?: string): Promise<void>;
  /** Copies through main; false when that failed (a notice says why). */
  copyText(text: string): Promise<boolean>;
}

export const createAppSlice: StateCreator<AppState, [], [], AppSlice> = (set, get) => ({
  info: null,
  settingsOpen: false,
  setSettingsOpen: (open) => set({ settingsOpen: open }),
  loadInfo: async () => set({ info: await getApi().app.info() }),
  modelList: null,
  loadModels: async () => {
    if (get().modelList?.fetchedAt && !get().modelList?.error) return;
    set({ modelList: await getApi().models.list() });
  },
  forgetModels: () => set({ modelList: null }),
  openExternal: async (url, text) => {
    try {
      await getApi().app.openExternal(url, text);
    } catch (error) {
      notify(get, error);
    }
  },
  copyText: (text) =>
    getApi()
      .app.copyText(text)
      .then(
        () => true,
        (error: unknown) => (notify(get, error), false),
      ),
});

function notify(get: () => AppState, error: unknown): void {
  get().showToast({ error: toAppError(error) });
}
