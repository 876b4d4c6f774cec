import type { ChatEvent, ContinueOptions } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import { getApi } from '../api';
import { withDelta, withMessage, withTail, type MessageState } from './chat-messages';
import type { ChatPart } from './chat-slice';
import { DeltaPump } from './delta-pump';
import { selectSendDocuments } from './documents-slice';
import type { AppState } from './index';
import type { Timers } from './timers';

/** Sending a message and following its reply as main streams it. */
export interface ChatSending {
  send(content: string): Promise<boolean>;
  stop(): Promise<void>;
  continueReply(messageId: string, options?: ContinueOptions): Promise<void>;
  /** Keeps sending a message's images with every request (or stops). */
  pinImages(messageId: string, pinned: boolean): Promise<void>;
  applyEvent(event: ChatEvent): void;
}

export const createChatSending =
  (timers: Timers): ChatPart<ChatSending> =>
  (set, get) => {
    // Deltas reach the page as main sends them and the store once per frame (see delta-pump.ts).
    const deltas = new DeltaPump(timers.frames, (batch) => set((s) => batch.reduce<MessageState>(withDelta, s)));

    return {
      send: async (content) => {
        const { draft, activeId, images, fitDocuments } = get();
        const documents = selectSendDocuments(get());
        // Only when there are any: a message without documents is sent exactly as before.
        const withDocuments = documents.length ? { documents, fitDocuments } : {};
        set({ sending: true, sendError: null });
        try {
          const result = await getApi().chat.send({
            conversationId: activeId,
            content,
            images,
            ...draft,
            ...withDocuments,
          });
          // The reply is written after the user message: they go last, in that order (see chat-messages.ts for
          // deltas that arrived before this answer).
          set((s) => ({
            ...withTail(s, result.conversation.id, [result.userMessage, result.assistantMessage]),
            activeId: result.conversation.id,
            sending: false,
            images: [],
            imageProblems: [],
          }));
          if (documents.length) get().clearSentDocuments();
          get().placeConversation(result.conversation, activeId === null);
          return true;
        } catch (error) {
          set({ sending: false, sendError: toAppError(error) });
          return false;
        }
      },

      stop: async () => {
        const streaming = selectStreamingId(get());
        if (streaming) await getApi().chat.stop(streaming);
      },

      continueReply: async (messageId, options) => {
        try {
          const message = await getApi().chat.continue(messageId, options);
          set((s) => withMessage(s, message));
        } catch (error) {
          set({ sendError: toAppError(error) });
        }
      },

      pinImages: async (messageId, pinned) => {
        try {
          const message = await getApi().chat.pinImages(messageId, pinned);
          set((s) => withMessage(s, message));
          get().refreshContext();
        } catch (error) {
          set({ sendError: toAppError(error) });
        }
      },

      applyEvent: (event) => {
        if (event.type === 'delta') return deltas.push(event);
        if (event.type === 'title') return;
        deltas.drop(event.message.id);
        set((s) => withMessage(s, event.message));
      },
    };
  };

const NO_IDS: string[] = [];

export function selectActiveIds(state: AppState): string[] {
  return state.activeId ? (state.order[state.activeId] ?? NO_IDS) : NO_IDS;
}

/** The reply still streaming in the open conversation, if any. */
export function selectStreamingId(state: AppState): string | null {
  const ids = selectActiveIds(state);
  for (let i = ids.length - 1; i >= 0; i--) {
    if (state.messages[ids[i]!]?.status === 'streaming') return ids[i]!;
  }
  return null;
}
