import type { StateCreator } from 'zustand';
import type { Recovery } from '../../../shared/contract';
import { getApi } from '../api';
import type { AppState } from './index';

export interface RecoverySlice {
  /** Main reloaded the window after its renderer crashed; shown until dismissed. */
  crashNotice: Recovery['crash'];
  /** Conversations whose replies show as plain text, because the window crashed while one was open. */
  plainText: Record<string, true>;
  /** Asks main whether the window was just reloaded after a crash, and reopens the chat it was on. */
  recover(): Promise<void>;
  dismissCrash(): void;
  /** Turns Markdown back on (or off) for a conversation's replies. */
  setPlainText(conversationId: string, plain: boolean): void;
}

export const createRecoverySlice: StateCreator<AppState, [], [], RecoverySlice> = (set, get) => ({
  crashNotice: null,
  plainText: {},
  recover: async () => {
    const { crash, plainText } = await getApi().app.recovery();
    set({ crashNotice: crash, plainText: Object.fromEntries(plainText.map((id) => [id, true as const])) });
    if (crash?.conversationId) await get().openConversation(crash.conversationId);
  },
  dismissCrash: () => set({ crashNotice: null }),
  setPlainText: (conversationId, plain) =>
    set((s) => {
      const plainText = { ...s.plainText };
      if (plain) plainText[conversationId] = true;
      else delete plainText[conversationId];
      return { plainText };
    }),
});
