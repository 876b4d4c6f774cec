import type { StateCreator } from 'zustand';
import type { KeyCheck, KeyStatus } from '../../../shared/contract';
import { toAppError, type AppError } from '../../../shared/errors';
import { getApi } from '../api';
import type { AppState } from './index';

export interface KeysSlice {
  keyStatus: KeyStatus | null;
  /** The last Test's result, for the key typed at that time. */
  keyCheck: (KeyCheck & { key: string | null }) | null;
  keyBusy: 'testing' | 'saving' | 'removing' | null;
  /** Set when a save waits for the user to confirm a key that failed its test. */
  unverified: KeyCheck | null;
  keyError: AppError | null;
  refreshKeyStatus(): Promise<void>;
  testKey(key: string | null): Promise<KeyCheck>;
  /** Tests first; a key that fails is saved only with `force`. Resolves true once saved. */
  saveKey(key: string, sessionOnly: boolean, force?: boolean): Promise<boolean>;
  removeKey(): Promise<void>;
  clearKeyCheck(): void;
  /** Main answered with the key's state after another change (a new address): an earlier Test no longer holds. */
  keyChanged(status: KeyStatus): void;
}

export const createKeysSlice: StateCreator<AppState, [], [], KeysSlice> = (set, get) => ({
  keyStatus: null,
  keyCheck: null,
  keyBusy: null,
  unverified: null,
  keyError: null,

  refreshKeyStatus: async () => set({ keyStatus: await getApi().keys.status() }),

  testKey: async (key) => {
    set({ keyBusy: 'testing', keyCheck: null, keyError: null, unverified: null });
    try {
      const check = await getApi().keys.test({ key, model: get().draft.model });
      set({ keyCheck: { ...check, key } });
      return check;
    } catch (error) {
      const check = { ok: false, error: toAppError(error) };
      set({ keyCheck: { ...check, key } });
      return check;
    } finally {
      set({ keyBusy: null });
    }
  },

  saveKey: async (key, sessionOnly, force = false) => {
    if (!force) {
      const known = get().keyCheck;
      const check = known?.key === key ? known : await get().testKey(key);
      if (!check.ok) {
        set({ unverified: check });
        return false;
      }
    }
    set({ keyBusy: 'saving', keyError: null, unverified: null });
    try {
      set({ keyStatus: await getApi().keys.save({ key, sessionOnly }), keyCheck: null });
      return true;
    } catch (error) {
      set({ keyError: toAppError(error) });
      return false;
    } finally {
      set({ keyBusy: null });
    }
  },

  removeKey: async () => {
    set({ keyBusy: 'removing', keyError: null });
    try {
      set({ keyStatus: await getApi().keys.remove(), keyCheck: null });
      // Without a key the window shows the welcome, which a new chat leads to.
      get().newChat();
    } catch (error) {
      set({ keyError: toAppError(error) });
    } finally {
      set({ keyBusy: null });
    }
  },

  clearKeyCheck: () => set({ keyCheck: null, unverified: null, keyError: null }),

  keyChanged: (status) => set({ keyStatus: status, keyCheck: null }),
});
