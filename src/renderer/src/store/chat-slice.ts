import type { StateCreator } from 'zustand';
import type {
  ChatEvent,
  ContextSettings,
  ContinueOptions,
  ConversationDetail,
  ImageInput,
} from '../../../shared/contract';
import { NO_CONTEXT } from '../../../shared/context';
import { imageProblem, readImage, withinMessageTotal } from '../features/chat/read-image';
import { DEFAULT_MODEL, LIMITS, type ChatParams, type Conversation, type Message } from '../../../shared/domain';
import { ApiError, appError, type AppError } from '../../../shared/errors';
import { getApi } from '../api';
import { DeltaPump, pageFrames } from './delta-pump';
import { placeConversation } from './history-slice';
import type { AppState } from './index';

/** What the next message is sent with. */
export interface Draft {
  model: string;
  params: ChatParams;
  systemPrompt: string;
  context: ContextSettings;
}

export interface ChatSlice {
  conversations: Conversation[];
  activeId: string | null;
  /** Messages by id, and each conversation's ids in order: a delta replaces one message object only. */
  messages: Record<string, Message>;
  order: Record<string, string[]>;
  /** For messages with other versions, per conversation: every version's id. */
  versions: Record<string, Record<string, string[]>>;
  /** The user message being edited in place. */
  editingId: string | null;
  draft: Draft;
  /** Whether older messages than those loaded remain, per conversation. */
  hasOlder: Record<string, boolean>;
  /** A message to bring into view once (a search hit). */
  focusMessageId: string | null;
  /** A send that failed before any reply existed (no key, bad input): shown above the composer. */
  sendError: AppError | null;
  sending: boolean;
  /** Images waiting in the composer. */
  images: ImageInput[];
  imageProblems: string[];
  addImages(files: File[]): Promise<void>;
  removeImage(index: number): void;
  setDraft(patch: Partial<Draft>): void;
  setParam<K extends keyof ChatParams>(key: K, value: ChatParams[K] | undefined): void;
  newChat(): void;
  openConversation(id: string, focusMessageId?: string): Promise<void>;
  loadOlder(): Promise<number>;
  continueReply(messageId: string, options?: ContinueOptions): Promise<void>;
  retryReply(messageId: string): Promise<void>;
  send(content: string): Promise<boolean>;
  stop(): Promise<void>;
  applyEvent(event: ChatEvent): void;
  dismissSendError(): void;
  regenerate(messageId: string): Promise<void>;
  editMessage(messageId: string, content: string): Promise<boolean>;
  setEditing(messageId: string | null): void;
  /** Starts editing the last message the user sent in the open conversation. */
  editLast(): boolean;
  showVersion(messageId: string): Promise<void>;
  deleteMessage(messageId: string): Promise<void>;
  applyDetail(detail: ConversationDetail): void;
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

/** A delta's text added to its message (a message main has not announced yet starts empty). */
function withDelta(state: Pick<ChatSlice, 'messages' | 'order'>, event: Extract<ChatEvent, { type: 'delta' }>) {
  const base: Message = state.messages[event.messageId] ?? {
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
    stats: null,
    tokens: null,
    finishReason: null,
    imagesPinned: false,
    createdAt: Date.now(),
    updatedAt: Date.now(),
  };
  return withMessage(state, { ...base, content: base.content + event.text });
}

export const createChatSlice: StateCreator<AppState, [], [], ChatSlice> = (set, get) => {
  // Deltas reach the page as main sends them and the store once per frame (see delta-pump.ts).
  const deltas = new DeltaPump(pageFrames, (batch) =>
    set((s) => batch.reduce<Pick<ChatSlice, 'messages' | 'order'>>(withDelta, s)),
  );

  /** Starts a new reply (regenerate or edit), then shows the thread it is on. */
  async function afterReply(start: () => Promise<{ conversation: Pick<Conversation, 'id'> }>): Promise<boolean> {
    set({ sendError: null });
    try {
      const { conversation } = await start();
      get().applyDetail(await getApi().conversations.get(conversation.id));
      return true;
    } catch (error) {
      set({ sendError: toError(error) });
      return false;
    }
  }

  return {
    conversations: [],
    activeId: null,
    messages: {},
    order: {},
    versions: {},
    editingId: null,
    hasOlder: {},
    focusMessageId: null,
    draft: { model: DEFAULT_MODEL, params: {}, systemPrompt: '', context: NO_CONTEXT },
    sendError: null,
    sending: false,
    images: [],
    imageProblems: [],

    addImages: async (files) => {
      const problems: string[] = [];
      const room = LIMITS.imagesPerMessage - get().images.length;
      const accepted = files.filter((file) => {
        const problem = imageProblem(file);
        if (problem) problems.push(problem);
        return !problem;
      });
      if (accepted.length > room) {
        problems.push(`A message can carry up to ${LIMITS.imagesPerMessage} images.`);
        accepted.length = Math.max(0, room);
      }
      const { fits, problems: tooMuch } = withinMessageTotal(accepted, get().images);
      problems.push(...tooMuch);
      const read = await Promise.all(fits.map(readImage));
      set((s) => ({ images: [...s.images, ...read], imageProblems: problems }));
    },

    removeImage: (index) => set((s) => ({ images: s.images.filter((_, i) => i !== index), imageProblems: [] })),

    setDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),

    setParam: (key, value) =>
      set((s) => {
        const params = { ...s.draft.params };
        if (value === undefined) delete params[key];
        else params[key] = value;
        return { draft: { ...s.draft, params } };
      }),

    newChat: () =>
      set((s) => ({ activeId: null, sendError: null, editingId: null, draft: { ...s.draft, context: NO_CONTEXT } })),

    openConversation: async (id, focusMessageId) => {
      let detail;
      try {
        detail = await getApi().conversations.get(id, focusMessageId ? { includeId: focusMessageId } : undefined);
      } catch (error) {
        set({ sendError: toError(error) });
        return;
      }
      const { model, params, systemPrompt, contextLength, sendLast } = detail.conversation;
      get().applyDetail(detail);
      set({
        activeId: id,
        sendError: null,
        editingId: null,
        draft: { model, params, systemPrompt, context: { contextLength, sendLast } },
        focusMessageId: focusMessageId ?? null,
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
          versions: { ...s.versions, [activeId]: { ...s.versions[activeId], ...page.versions } },
        };
      });
      return page.messages.length;
    },

    continueReply: async (messageId, options) => {
      try {
        const message = await getApi().chat.continue(messageId, options);
        set((s) => withMessage(s, message));
      } catch (error) {
        set({ sendError: toError(error) });
      }
    },

    retryReply: async (messageId) => {
      await afterReply(async () => {
        const message = await getApi().chat.retry(messageId);
        return { conversation: { id: message.conversationId } };
      });
    },

    applyDetail: (detail) =>
      set((s) => {
        const id = detail.conversation.id;
        let next: Pick<ChatSlice, 'messages' | 'order'> = { messages: s.messages, order: { ...s.order, [id]: [] } };
        // A reply still streaming here has text the saved copy may not have yet.
        for (const m of detail.messages)
          next = withMessage(next, s.messages[m.id]?.status === 'streaming' ? s.messages[m.id]! : m);
        return {
          ...next,
          versions: { ...s.versions, [id]: detail.versions },
          hasOlder: { ...s.hasOlder, [id]: detail.hasOlder },
          conversations: placeConversation(s.conversations, detail.conversation),
        };
      }),

    regenerate: async (messageId) => {
      await afterReply(() => getApi().chat.regenerate({ messageId, ...get().draft }));
    },

    editMessage: async (messageId, content) => {
      const ok = await afterReply(() => getApi().chat.edit({ messageId, content, ...get().draft }));
      if (ok) set({ editingId: null });
      return ok;
    },

    setEditing: (messageId) => set({ editingId: messageId }),

    editLast: () => {
      const s = get();
      const last = selectActiveIds(s).findLast((id) => s.messages[id]?.role === 'user');
      if (!last || selectStreamingId(s)) return false;
      set({ editingId: last });
      return true;
    },

    showVersion: async (messageId) => {
      get().applyDetail(await getApi().conversations.showVersion(messageId));
    },

    deleteMessage: async (messageId) => {
      try {
        get().applyDetail(await getApi().conversations.deleteMessage(messageId));
      } catch (error) {
        set({ sendError: toError(error) });
      }
    },

    send: async (content) => {
      const { draft, activeId, images } = get();
      set({ sending: true, sendError: null });
      try {
        const result = await getApi().chat.send({ conversationId: activeId, content, images, ...draft });
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
            images: [],
            imageProblems: [],
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

    applyEvent: (event) => {
      if (event.type === 'delta') return deltas.push(event);
      if (event.type === 'title') return;
      deltas.drop(event.message.id);
      set((s) => withMessage(s, event.message));
    },

    dismissSendError: () => set({ sendError: null }),
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
