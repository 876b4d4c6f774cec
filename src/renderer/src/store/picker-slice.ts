import type { StateCreator } from 'zustand';
import { toAppError, type AppError } from '../../../shared/errors';
import type { Settings } from '../../../shared/settings';
import { getApi } from '../api';
import type { AppState } from './index';

/**
 * The picker's lists and the layout's remembered choices, kept in main's settings. Main alone adds recent models
 * (when a reply is asked of one); the window reads them back each time the picker opens.
 */
export interface PickerSlice {
  favoriteModels: string[];
  recentModels: string[];
  sidebarCollapsed: boolean;
  /** Why the last change to these could not be saved. */
  pickerError: AppError | null;
  loadPickerLists(): Promise<void>;
  toggleFavoriteModel(id: string): Promise<void>;
  toggleSidebar(): Promise<void>;
}

/** Adds or removes one id, keeping the order the user starred them in. */
export function toggled(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((m) => m !== id) : [...list, id];
}

type Lists = Pick<PickerSlice, 'favoriteModels' | 'recentModels' | 'sidebarCollapsed'>;

function listsOf(values: Settings): Lists {
  const { favoriteModels, recentModels, sidebarCollapsed } = values;
  return { favoriteModels, recentModels, sidebarCollapsed };
}

export const createPickerSlice: StateCreator<AppState, [], [], PickerSlice> = (set, get) => {
  /** Shows the change at once; main's answer (or the old state, if it refused) follows. */
  async function save(patch: Partial<Pick<Lists, 'favoriteModels' | 'sidebarCollapsed'>>): Promise<void> {
    const { favoriteModels, sidebarCollapsed } = get();
    set({ ...patch, pickerError: null });
    try {
      const { values } = await getApi().settings.update(patch);
      set(listsOf(values));
    } catch (error) {
      set({ favoriteModels, sidebarCollapsed, pickerError: toAppError(error) });
    }
  }
  return {
    favoriteModels: [],
    recentModels: [],
    sidebarCollapsed: false,
    pickerError: null,
    loadPickerLists: async () => {
      try {
        set(listsOf((await getApi().settings.get()).values));
      } catch (error) {
        set({ pickerError: toAppError(error) });
      }
    },
    toggleFavoriteModel: (id) => save({ favoriteModels: toggled(get().favoriteModels, id) }),
    toggleSidebar: () => save({ sidebarCollapsed: !get().sidebarCollapsed }),
  };
};
