import type { StateCreator } from 'zustand';
import type { ContextSettings, ConversationDetail, ImageInput } from '../../../shared/contract';
import { NO_CONTEXT } from '../../../shared/context';
import { DEFAULT_MODEL, type ChatParams } from '../../../shared/domain';
import { toAppError, type AppError } from '../../../shared/errors';
import { getApi } from '../api';
import { createChatSending, type ChatSending } from './chat-sending';
import { withMessage, type MessageState } from './chat-messages';
import { createChatVersions, type ChatVersions } from './chat-versions';
import type { AppState } from './index';
import type { Timers } from './timers';

/** What the next message is sent with. */
export interface Draft {
  model: string;
  params: ChatParams;
  systemPrompt: string;
  context: ContextSettings;
}

/** The open conversation, its messages and the composer: the chat slice writes these fields and no other does. */
export interface ChatState extends MessageState {
  activeId: string | null;
  /** For messages with other versions, per conversation: every version's id. */
  versions: Record<string, Record<string, string[]>>;
  /** The user message being edited in place. */
  editingId: string | null;
  draft: Draft;
  /** Whether older messages than those loaded remain, per conversation. */
  hasOlder: Record<string, boolean>;
  /** A message to bring into view once (a search hit). */
  focusMessageId: string | null;
  /** A chat action that failed before any reply existed (no key, bad input): shown above the composer. */
  sendError: AppError | null;
  sending: boolean;
  /** Images waiting in the composer, and why others were left out. */
  images: ImageInput[];
  imageProblems: ImageProblem[];
}

/** Why a file was left out of the composer's images: data the composer puts in words, in the UI's language. */
export type ImageProblem =
  | { kind: 'not-image'; name: string }
  | { kind: 'too-large'; name: string; bytes: number }
  | { kind: 'too-many' }
  | { kind: 'over-total'; name: string };

export interface ChatNavigation {
  /** Images read by the composer (features/chat/read-image.ts), and why others were left out. */
  attachImages(images: ImageInput[], problems: ImageProblem[]): void;
  removeImage(index: number): void;
  setDraft(patch: Partial<Draft>): void;
  setParam<K extends keyof ChatParams>(key: K, value: ChatParams[K] | undefined): void;
  /** A new chat (it takes no arguments, so it can be a click handler as it is). */
  newChat(): void;
  /** A new chat with a preset's model, system prompt and parameters. */
  newChatFrom(start: Omit<Draft, 'context'>): void;
  /** New chats start from the saved defaults; a chat already open keeps its own. */
  useDefaults(model: string, params: ChatParams): void;
  /** The conversation is gone (deleted): when it is the open one, the window shows a new chat. */
  leaveConversation(id: string): void;
  openConversation(id: string, focusMessageId?: string): Promise<void>;
  loadOlder(): Promise<number>;
  applyDetail(detail: ConversationDetail): void;
  dismissSendError(): void;
}

export type ChatSlice = ChatState & ChatNavigation & ChatSending & ChatVersions;

export type ChatPart<T> = StateCreator<AppState, [], [], T>;

export const createChatSlice =
  (timers: Timers): ChatPart<ChatSlice> =>
  (set, get, store) => ({
    ...chatState(),
    ...createNavigation(set, get, store),
    ...createChatSending(timers)(set, get, store),
    ...createChatVersions(set, get, store),
  });

const chatState = (): ChatState => ({
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
});

const createNavigation: ChatPart<ChatNavigation> = (set, get) => ({
  attachImages: (images, problems) => set((s) => ({ images: [...s.images, ...images], imageProblems: problems })),

  removeImage: (index) => set((s) => ({ images: s.images.filter((_, i) => i !== index), imageProblems: [] })),

  setDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),

  setParam: (key, value) =>
    set((s) => {
      const params = { ...s.draft.params };
      if (value === undefined) delete params[key];
      else params[key] = value;
      return { draft: { ...s.draft, params } };
    }),

  newChat: () => get().newChatFrom(get().draft),

  newChatFrom: ({ model, systemPrompt, params }) =>
    set({
      activeId: null,
      sendError: null,
      editingId: null,
      draft: { model, systemPrompt, params, context: NO_CONTEXT },
    }),

  useDefaults: (model, params) => {
    if (!get().activeId) set((s) => ({ draft: { ...s.draft, model, params } }));
  },

  leaveConversation: (id) => {
    if (get().activeId === id) set({ activeId: null, editingId: null });
  },

  openConversation: async (id, focusMessageId) => {
    let detail;
    try {
      detail = await getApi().conversations.get(id, focusMessageId ? { includeId: focusMessageId } : undefined);
    } catch (error) {
      set({ sendError: toAppError(error) });
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

  applyDetail: (detail) => {
    set((s) => {
      const id = detail.conversation.id;
      let next: MessageState = { messages: s.messages, order: { ...s.order, [id]: [] } };
      for (const m of detail.messages) next = withMessage(next, m);
      return {
        ...next,
        versions: { ...s.versions, [id]: detail.versions },
        hasOlder: { ...s.hasOlder, [id]: detail.hasOlder },
      };
    });
    get().placeConversation(detail.conversation, false);
  },

  dismissSendError: () => set({ sendError: null }),
});
