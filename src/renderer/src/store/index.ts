import { create } from 'zustand';
import { getApi } from '../api';
import { createAppSlice, type AppSlice } from './app-slice';
import { createChatSlice, type ChatSlice } from './chat-slice';
import { createKeysSlice, type KeysSlice } from './keys-slice';

export type AppState = ChatSlice & AppSlice & KeysSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createChatSlice(...a),
  ...createAppSlice(...a),
  ...createKeysSlice(...a),
}));

/** Connects main's events to the store; returns the unsubscribe. */
export function startEvents(): () => void {
  return getApi().chat.onEvent((event) => useStore.getState().applyEvent(event));
}

export { selectActiveIds, selectStreamingId } from './chat-slice';
