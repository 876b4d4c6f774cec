import type { StateCreator } from 'zustand';
import type { AppInfo, ModelList } from '../../../shared/contract';
import { getApi } from '../api';
import type { AppState } from './index';

export interface AppSlice {
  settingsOpen: boolean;
  setSettingsOpen(open: boolean): void;
  info: AppInfo | null;
  loadInfo(): Promise<void>;
  modelList: ModelList | null;
  /** Fetches the model list once per session (the picker calls it on focus). */
  loadModels(): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** Copies through main; false when that failed. */
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
  openExternal: (url) => getApi().app.openExternal(url),
  copyText: (text) =>
    getApi()
      .app.copyText(text)
      .then(
        () => true,
        () => false,
      ),
});
