import type { StateCreator } from 'zustand';
import type { ChatEvent } from '../../../shared/contract';
import { DEFAULT_MODEL, type ChatParams, type Conversation, type Message } from '../../../shared/domain';
import { ApiError, appError, type AppError } from '../../../shared/errors';
import { getApi } from '../api';
import { placeConversation } from './history-slice';
import type { AppState } from './index';

/** What the next message is sent with. */
export interface Draft {
  model: string;
  params: ChatParams;
  systemPrompt: string;
}

export interface ChatSlice {
  conversations: Conversation[];
  activeId: string | null;
  /** Messages by id, and each conversation's ids in order: a delta replaces one message object only. */
  messages: Record<string, Message>;
  order: Record<string, string[]>;
  draft: Draft;
  /** A send that failed before any reply existed (no key, bad input): shown above the composer. */
  sendError: AppError | null;
  sending: boolean;
  setDraft(patch: Partial<Draft>): void;
  setParam<K extends keyof ChatParams>(key: K, value: ChatParams[K] | undefined): void;
  /** Whether older messages than those loaded remain, per conversation. */
  hasOlder: Record<string, boolean>;
  /** A message to bring into view once (a search hit). */
  focusMessageId: string | null;
  newChat(): void;
  openConversation(id: string, focusMessageId?: string): Promise<void>;
  loadOlder(): Promise<number>;
  send(content: string): Promise<boolean>;
  continueReply(messageId: string): Promise<void>;
  retryReply(messageId: string): Promise<void>;
  stop(): Promise<void>;
  applyEvent(event: ChatEvent): void;
  dismissSendError(): void;
}

export function toError(error: unknown): AppError {
  return error instanceof ApiError
    ? { code: error.code, message: error.message }
    : appError('internal', error instanceof Error ? error.message : String(error));
}

function withMessage(
  state: Pick<ChatSlice, 'messages' | 'order'>,
  message: Message,
): Pick<ChatSlice, 'messages' | 'order'> {
  const ids = state.order[message.conversationId] ?? [];
  return {
    messages: { ...state.messages, [message.id]: message },
    order: ids.includes(message.id) ? state.order : { ...state.order, [message.conversationId]: [...ids, message.id] },
  };
}

export const createChatSlice: StateCreator<AppState, [], [], ChatSlice> = (set, get) => ({
  conversations: [],
  activeId: null,
  messages: {},
  order: {},
  draft: { model: DEFAULT_MODEL, params: {}, systemPrompt: '' },
  sendError: null,
  sending: false,
  hasOlder: {},
  focusMessageId: null,

  setDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),

  setParam: (key, value) =>
    set((s) => {
      const params = { ...s.draft.params };
      if (value === undefined) delete params[key];
      else params[key] = value;
      return { draft: { ...s.draft, params } };
    }),

  newChat: () => set({ activeId: null, sendError: null }),

  openConversation: async (id, focusMessageId) => {
    let detail;
    try {
      detail = await getApi().conversations.get(id, focusMessageId ? { includeId: focusMessageId } : undefined);
    } catch (error) {
      set({ sendError: toError(error) });
      return;
    }
    set((s) => {
      let next: Pick<ChatSlice, 'messages' | 'order'> = { messages: s.messages, order: { ...s.order, [id]: [] } };
      for (const m of detail.messages)
        next = withMessage(next, s.messages[m.id]?.status === 'streaming' ? s.messages[m.id]! : m);
      const { model, params, systemPrompt } = detail.conversation;
      return {
        ...next,
        activeId: id,
        sendError: null,
        draft: { model, params, systemPrompt },
        hasOlder: { ...s.hasOlder, [id]: detail.hasOlder },
        focusMessageId: focusMessageId ?? null,
      };
    });
  },

  loadOlder: async () => {
    const { activeId, order, hasOlder } = get();
    const first = activeId ? order[activeId]?.[0] : undefined;
    if (!activeId || !first || !hasOlder[activeId]) return 0;
    const page = await getApi().conversations.older(activeId, first);
    set((s) => {
      const messages = { ...s.messages };
      for (const m of page.messages) messages[m.id] = m;
      const ids = s.order[activeId] ?? [];
      return {
        messages,
        order: {
          ...s.order,
          [activeId]: [...page.messages.map((m) => m.id).filter((id) => !ids.includes(id)), ...ids],
        },
        hasOlder: { ...s.hasOlder, [activeId]: page.hasOlder },
      };
    });
    return page.messages.length;
  },

  continueReply: async (messageId) => {
    try {
      const message = await getApi().chat.continue(messageId);
      set((s) => withMessage(s, message));
    } catch (error) {
      set({ sendError: toError(error) });
    }
  },

  retryReply: async (messageId) => {
    try {
      const message = await getApi().chat.retry(messageId);
      set((s) => withMessage(s, message));
    } catch (error) {
      set({ sendError: toError(error) });
    }
  },

  send: async (content) => {
    const { draft, activeId } = get();
    set({ sending: true, sendError: null });
    try {
      const result = await getApi().chat.send({ conversationId: activeId, content, ...draft });
      set((s) => {
        let next = withMessage(s, result.userMessage);
        // A delta may have arrived before this answer did; keep the text it brought.
        next = withMessage(next, s.messages[result.assistantMessage.id] ?? result.assistantMessage);
        return {
          ...next,
          // The reply is written after the user message, so order them as main saved them.
          order: {
            ...next.order,
            [result.conversation.id]: [
              ...(next.order[result.conversation.id] ?? []).filter(
                (mid) => mid !== result.userMessage.id && mid !== result.assistantMessage.id,
              ),
              result.userMessage.id,
              result.assistantMessage.id,
            ],
          },
          conversations: placeConversation(s.conversations, result.conversation),
          conversationTotal:
            s.conversationTotal + (s.conversations.some((c) => c.id === result.conversation.id) ? 0 : 1),
          activeId: result.conversation.id,
          sending: false,
        };
      });
      return true;
    } catch (error) {
      set({ sending: false, sendError: toError(error) });
      return false;
    }
  },

  stop: async () => {
    const streaming = selectStreamingId(get());
    if (streaming) await getApi().chat.stop(streaming);
  },

  applyEvent: (event) =>
    set((s) => {
      if (event.type === 'end') return withMessage(s, event.message);
      const current = s.messages[event.messageId];
      const base: Message = current ?? {
        id: event.messageId,
        conversationId: event.conversationId,
        parentId: null,
        role: 'assistant',
        content: '',
        attachments: [],
        status: 'streaming',
        error: null,
        model: null,
        usage: null,
        createdAt: Date.now(),
        updatedAt: Date.now(),
      };
      return withMessage(s, { ...base, content: base.content + event.text });
    }),

  dismissSendError: () => set({ sendError: null }),
});

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
