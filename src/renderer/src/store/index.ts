import { create, type StateCreator } from 'zustand';
import type { AppCommand } from '../../../shared/contract';
import { getApi } from '../api';
import { createAppSlice, type AppSlice } from './app-slice';
import { createChatSlice, type ChatSlice } from './chat-slice';
import { createCompareSlice, type CompareSlice } from './compare-slice';
import { createContextSlice, type ContextSlice } from './context-slice';
import { createConversationsSlice, type ConversationsSlice } from './conversations-slice';
import { pageFrames } from '../frames';
import { createDesktopSlice, type DesktopSlice } from './desktop-slice';
import { createDocumentsSlice, type DocumentsSlice } from './documents-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createKeysSlice, type KeysSlice } from './keys-slice';
import { createRecoverySlice, type RecoverySlice } from './recovery-slice';
import { createSearchSlice, type SearchSlice } from './search-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createPickerSlice, type PickerSlice } from './picker-slice';
import { createAssistantsSlice, type AssistantsSlice } from './assistants-slice';
import { Timers } from './timers';

/** Each slice is the only writer of its fields (README, "How it is built", lists them); others call its actions. */
export type AppState = ChatSlice &
  ConversationsSlice &
  AppSlice &
  KeysSlice &
  DesktopSlice &
  HistorySlice &
  SearchSlice &
  SettingsSlice &
  RecoverySlice &
  ContextSlice &
  PickerSlice &
  AssistantsSlice &
  CompareSlice &
  DocumentsSlice;

/** The store's timers and frames: `resetStore` cancels what they hold. */
const timers = new Timers(pageFrames);

const createAppState: StateCreator<AppState> = (...a) => ({
  ...createChatSlice(timers)(...a),
  ...createConversationsSlice(...a),
  ...createAppSlice(...a),
  ...createKeysSlice(...a),
  ...createDesktopSlice(...a),
  ...createHistorySlice(timers)(...a),
  ...createSearchSlice(...a),
  ...createSettingsSlice(...a),
  ...createRecoverySlice(...a),
  ...createContextSlice(timers)(...a),
  ...createPickerSlice(...a),
  ...createAssistantsSlice(...a),
  ...createCompareSlice(timers.frames)(...a),
  ...createDocumentsSlice(...a),
});

export const useStore = create<AppState>()(createAppState);

/** The store as at start: every field, every slice's own counters and sets, and nothing waiting on a timer. */
export function resetStore(): void {
  timers.clear();
  useStore.setState(createAppState(useStore.setState, useStore.getState, useStore), true);
}

/** Connects main's events to the store, and keeps the context view in step with the chat and draft; returns the unsubscribe. */
export function startEvents(): () => void {
  const off = getApi().chat.onEvent((event) => {
    useStore.getState().applyEvent(event);
    useStore.getState().afterEvent(event);
  });
  const offProgress = getApi().documents.onProgress((event) => useStore.getState().applyDocumentProgress(event));
  const unsubscribe = useStore.subscribe((s, before) => {
    if (s.activeId !== before.activeId || s.draft !== before.draft) s.refreshContext();
  });
  useStore.getState().refreshContext();
  return () => {
    off();
    offProgress();
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

export { selectActiveIds, selectStreamingId } from './chat-sending';
export type { Draft } from './chat-slice';
export type { Toast } from './history-slice';
