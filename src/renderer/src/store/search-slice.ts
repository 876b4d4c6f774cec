import type { StateCreator } from 'zustand';
import { PAGE_SIZE, type SearchHit } from '../../../shared/history';
import { toAppError, type AppError } from '../../../shared/errors';
import { getApi } from '../api';
import type { AppState } from './index';

export interface SearchSlice {
  searchOpen: boolean;
  searchQuery: string;
  searchHits: SearchHit[];
  searchNext: number | null;
  searchLoading: boolean;
  searchError: AppError | null;
  openSearch(): void;
  closeSearch(): void;
  runSearch(query: string): Promise<void>;
  searchMore(): Promise<void>;
  openHit(hit: SearchHit): Promise<void>;
}

export const createSearchSlice: StateCreator<AppState, [], [], SearchSlice> = (set, get) => {
  /** Answers can arrive out of order while the user types; only the latest query's answer is kept. */
  let generation = 0;

  return {
    searchOpen: false,
    searchQuery: '',
    searchHits: [],
    searchNext: null,
    searchLoading: false,
    searchError: null,

    openSearch: () => set({ searchOpen: true }),
    closeSearch: () => set({ searchOpen: false }),

    runSearch: async (query) => {
      const mine = ++generation;
      set({ searchQuery: query, searchLoading: true, searchError: null });
      if (!query.trim()) {
        set({ searchHits: [], searchNext: null, searchLoading: false });
        return;
      }
      try {
        const page = await getApi().search.messages(query, { limit: PAGE_SIZE.search });
        if (mine === generation) set({ searchHits: page.hits, searchNext: page.nextOffset, searchLoading: false });
      } catch (error) {
        if (mine === generation) set({ searchError: toAppError(error), searchLoading: false, searchHits: [] });
      }
    },

    searchMore: async () => {
      const { searchNext, searchQuery, searchLoading } = get();
      if (searchNext === null || searchLoading) return;
      const mine = generation;
      set({ searchLoading: true });
      try {
        const page = await getApi().search.messages(searchQuery, { offset: searchNext, limit: PAGE_SIZE.search });
        if (mine === generation) {
          set((s) => ({
            searchHits: [...s.searchHits, ...page.hits],
            searchNext: page.nextOffset,
            searchLoading: false,
          }));
        }
      } catch (error) {
        if (mine === generation) set({ searchError: toAppError(error), searchLoading: false });
      }
    },

    openHit: async (hit) => {
      set({ searchOpen: false });
      await get().openConversation(hit.conversationId, hit.messageId);
    },
  };
};
