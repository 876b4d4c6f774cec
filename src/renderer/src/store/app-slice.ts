import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../../shared/contract';
import { getApi } from '../api';
import type { AppState } from './index';

export interface AppSlice {
  settingsOpen: boolean;
  setSettingsOpen(open: boolean): void;
  info: AppInfo | null;
  loadInfo(): Promise<void>;
  openExternal(url: string): Promise<void>;
}

export const createAppSlice: StateCreator<AppState, [], [], AppSlice> = (set) => ({
  info: null,
  settingsOpen: false,
  setSettingsOpen: (open) => set({ settingsOpen: open }),
  loadInfo: async () => set({ info: await getApi().app.info() }),
  openExternal: (url) => getApi().app.openExternal(url),
});
