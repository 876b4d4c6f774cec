import type { StateCreator } from 'zustand';
import type { ChatEvent, ContextSettings, ContextView } from '../../../shared/contract';
import { DEFAULT_MAX_TOKENS } from '../../../shared/context';
import { PARAM_SPECS, type Message } from '../../../shared/domain';
import { getApi } from '../api';
import type { AppState } from './index';
import type { Timers } from './timers';

export interface ContextSlice {
  /** What the next message of the open chat would go with; null until main has said. */
  contextView: ContextView | null;
  /** The chat `contextView` is about (null: a new chat). */
  contextFor: string | null;
  /** Asks main again, a moment after the last change (typing a system prompt changes it on every key); the store
   * calls it whenever the open chat or the draft changes (see startEvents). */
  refreshContext(): void;
  setContextSettings(patch: Partial<ContextSettings>): void;
  /** Doubles the chat's max_tokens (within the model's reach) and continues a reply cut at the old limit. */
  raiseAndContinue(messageId: string): Promise<void>;
  /** What happens after main's events besides showing them: titles, a fresh view, an automatic retry. */
  afterEvent(event: ChatEvent): void;
}

const REFRESH_MS = 150;
/** After the wait a 429 asked for, a little more, so main's own check of the wait has passed too. */
const RETRY_MARGIN_MS = 500;

export const createContextSlice =
  (timers: Timers): StateCreator<AppState, [], [], ContextSlice> =>
  (set, get) => {
    /** Replies retried by themselves already: only once each. */
    const retried = new Set<string>();

    async function refreshNow() {
      const { activeId, draft } = get();
      try {
        const view = await getApi().chat.context({ conversationId: activeId, ...draft });
        // The reader may have moved to another chat while main answered.
        if (get().activeId === activeId) set({ contextView: view, contextFor: activeId });
      } catch {
        set({ contextView: null, contextFor: null });
      }
    }

    function scheduleRetry(message: Message) {
      const { error } = message;
      if (!get().settings?.autoRetry || error?.code !== 'rate_limited' || retried.has(message.id)) return;
      retried.add(message.id);
      const waitMs = message.updatedAt + (error.retryAfter ?? 0) * 1000 + RETRY_MARGIN_MS - Date.now();
      timers.after(
        () => {
          const ids = get().order[message.conversationId] ?? [];
          // Only while it is still the newest reply and still failed: the user may have moved on.
          if (ids.at(-1) === message.id && get().messages[message.id]?.status === 'error') {
            void get().retryReply(message.id);
          }
        },
        Math.max(0, waitMs),
      );
    }

    return {
      contextView: null,
      contextFor: null,

      refreshContext: () => timers.once('context', () => void refreshNow(), REFRESH_MS),

      setContextSettings: (patch) => get().setDraft({ context: { ...get().draft.context, ...patch } }),

      raiseAndContinue: async (messageId) => {
        const { draft, contextView } = get();
        const current = draft.params.max_tokens ?? DEFAULT_MAX_TOKENS;
        // Doubled, but leaving the prompt room in the context, and within what the parameter allows.
        const reach = contextView ? contextView.contextLength - contextView.baseTokens : Infinity;
        const maxTokens = Math.min(PARAM_SPECS.max_tokens.max, Math.max(current + 1, Math.min(current * 2, reach)));
        get().setParam('max_tokens', maxTokens);
        await get().continueReply(messageId, { maxTokens });
      },

      afterEvent: (event) => {
        if (event.type === 'title') get().replaceConversation(event.conversation);
        else if (event.type === 'end') {
          // At once: the meter and the marker should not show the turn before this one for a moment.
          if (event.message.conversationId === get().activeId) void refreshNow();
          scheduleRetry(event.message);
        }
      },
    };
  };
