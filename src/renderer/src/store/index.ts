import { create } from 'zustand';
import { getApi } from '../api';
import { createAppSlice, type AppSlice } from './app-slice';
import { createChatSlice, type ChatSlice } from './chat-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createSearchSlice, type SearchSlice } from './search-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';

export type AppState = ChatSlice & AppSlice & HistorySlice & SearchSlice & SettingsSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createChatSlice(...a),
  ...createAppSlice(...a),
  ...createHistorySlice(...a),
  ...createSearchSlice(...a),
  ...createSettingsSlice(...a),
}));

/** Connects main's events to the store; returns the unsubscribe. */
export function startEvents(): () => void {
  return getApi().chat.onEvent((event) => useStore.getState().applyEvent(event));
}

export { selectActiveIds, selectStreamingId } from './chat-slice';
