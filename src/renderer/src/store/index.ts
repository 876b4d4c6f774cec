import { create } from 'zustand';
import { getApi } from '../api';
import { createAppSlice, type AppSlice } from './app-slice';
import { createChatSlice, type ChatSlice } from './chat-slice';
import { createCompareSlice, type CompareSlice } from './compare-slice';
import { pageFrames } from './delta-pump';
import { createContextSlice, type ContextSlice } from './context-slice';
import { createKeysSlice, type KeysSlice } from './keys-slice';
import { createDesktopSlice, type DesktopSlice } from './desktop-slice';
import type { AppCommand } from '../../../shared/contract';

import { createHistorySlice, type HistorySlice } from './history-slice';
import { createRecoverySlice, type RecoverySlice } from './recovery-slice';
import { createSearchSlice, type SearchSlice } from './search-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';

export type AppState = ChatSlice &
  AppSlice &
  KeysSlice &
  DesktopSlice &
  HistorySlice &
  SearchSlice &
  SettingsSlice &
  RecoverySlice &
  ContextSlice &
  CompareSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createChatSlice(...a),
  ...createAppSlice(...a),
  ...createKeysSlice(...a),
  ...createDesktopSlice(...a),
  ...createHistorySlice(...a),
  ...createSearchSlice(...a),
  ...createSettingsSlice(...a),
  ...createRecoverySlice(...a),
  ...createContextSlice(...a),
  ...createCompareSlice(pageFrames)(...a),
}));

/** Connects main's events to the store, and keeps the context view in step with the chat and draft; returns the unsubscribe. */
export function startEvents(): () => void {
  const off = getApi().chat.onEvent((event) => {
    useStore.getState().applyEvent(event);
    useStore.getState().afterEvent(event);
  });
  const unsubscribe = useStore.subscribe((s, before) => {
    if (s.activeId !== before.activeId || s.draft !== before.draft) s.refreshContext();
  });
  useStore.getState().refreshContext();
  return () => {
    off();
    unsubscribe();
  };
}

/** Connects the app menu's commands and update notices; returns the unsubscribe. */
export function startDesktopEvents(onCommand: (command: AppCommand) => void): () => void {
  const offs = [
    getApi().app.onUpdate((update) => useStore.getState().setUpdate(update)),
    getApi().app.onCommand(onCommand),
  ];
  return () => offs.forEach((off) => off());
}

export { selectActiveIds, selectStreamingId } from './chat-slice';
