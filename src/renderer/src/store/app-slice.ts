import type { StateCreator } from 'zustand';
import type { AppInfo, KeyStatus } from '../../../shared/contract';
import { getApi } from '../api';
import type { AppState } from './index';

export interface AppSlice {
  keyStatus: KeyStatus | null;
  info: AppInfo | null;
  refreshKeyStatus(): Promise<void>;
  loadInfo(): Promise<void>;
  openExternal(url: string): Promise<void>;
}

export const createAppSlice: StateCreator<AppState, [], [], AppSlice> = (set) => ({
  keyStatus: null,
  info: null,
  refreshKeyStatus: async () => set({ keyStatus: await getApi().keys.status() }),
  loadInfo: async () => set({ info: await getApi().app.info() }),
  openExternal: (url) => getApi().app.openExternal(url),
});
