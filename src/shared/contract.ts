// Longer than most files on purpose: the whole contract between the window and main reads in one place.
import type { AppError, Result } from './errors';
import type * as C from './compare';
import type { ChatParams, Conversation, DocumentRef, ImageType, Message, ModelInfo, Usage } from './domain';
import type * as H from './history';
import type { SettingsPatch, SettingsView } from './settings';

/** An image as the composer read it. */
export interface ImageInput {
  name: string;
  mimeType: ImageType;
  /** The whole image as a base64 data URL. */
  dataUrl: string;
  thumbnail: string;
}

export interface SendInput {
  /** null starts a new conversation. */
  conversationId: string | null;
  content: string;
  images: ImageInput[];
  model: string;
  params: ChatParams;
  systemPrompt: string;
  /** Left out: the chat keeps what it has. */
  context?: ContextSettings;
  /** Ids of documents read for this message (`documents.pick` / `documents.fromBytes`), in the order shown. */
  documents?: string[];
  /** When the documents do not fit the context: cut them to fit (with a notice in the request) instead of refusing. */
  fitDocuments?: boolean;
}

/** A document read and ready to send, as its chip shows it. */
export interface DocumentDraft extends DocumentRef {
  /** What was left out or guessed while reading (pages past the cap, pages without text, a guessed encoding). */
  warnings: string[];
}

/** Progress of a document being read, for the composer's chip; `requestId` is the caller's own. */
export interface DocumentProgressEvent {
  requestId: string;
  done: number;
  total: number;
}

/** A document's extracted text, as the request carries it (page by page for a PDF). */
export interface DocumentText {
  name: string;
  text: string;
  pages: string[] | null;
}

export interface SendResult {
  conversation: Conversation;
  userMessage: Message;
  assistantMessage: Message;
}

export interface ConversationDetail {
  conversation: Conversation;
  /** The thread on screen: its newest page (or back to a requested message), oldest first. */
  messages: Message[];
  hasOlder: boolean;
  /** For messages on the page with other versions: every version's id, oldest first. */
  versions: Record<string, string[]>;
}

/** An older page of the thread on screen. */
export interface ThreadPage extends H.MessagePage {
  versions: Record<string, string[]>;
}

/** How much of a chat goes with each request; saved with the chat (see Conversation). */
export interface ContextSettings {
  /** null: from the server's model list, or the built-in table. */
  contextLength: number | null;
  /** null: every message that fits. */
  sendLast: number | null;
}

/** What a new reply is asked with: the composer's current model and settings. */
export interface ReplySettings {
  model: string;
  params: ChatParams;
  systemPrompt: string;
  /** Left out: the chat keeps what it has. */
  context?: ContextSettings;
}

export interface ContextQuery extends ReplySettings {
  /** null: a new chat. */
  conversationId: string | null;
}

/** Where a context length came from: the chat's own setting, the server's model list, the built-in table, or a guess. */
export type ContextSource = 'conversation' | 'server' | 'table' | 'default';

/** What the next request would carry, so the window can show the meter and where the sent context starts. */
export interface ContextView {
  contextLength: number;
  source: ContextSource;
  /** Kept free for the reply: the chat's max_tokens, or ModelsLab's default. */
  maxTokens: number;
  /** contextLength − maxTokens: what the request itself may use. */
  limit: number;
  /** Always sent with the next message: the system prompt, and the turn a new message joins (after a failed reply). */
  baseTokens: number;
  /** Older whole turns that would go along with an empty message, newest first; a longer message pushes some out. */
  turnTokens: number[];
  /** The first message of the thread that would be sent; null for an empty thread. */
  firstSentId: string | null;
  /** Messages of the thread before `firstSentId`, not sent. */
  notSent: number;
  /** Tokens in and out over every reply of the chat, as the server counted them. */
  totals: Usage;
}

export interface ContinueOptions {
  /** A new max_tokens for the chat, used from this request on ("raise the limit and continue"). */
  maxTokens?: number;
}

export interface RegenerateInput extends ReplySettings {
  /** The reply to make another version of. */
  messageId: string;
}

export interface EditInput extends ReplySettings {
  /** The user message to replace with a new version. */
  messageId: string;
  content: string;
}

export type KeySource = 'env' | 'keychain' | 'session';

/** All the renderer ever learns about the key. */
export interface KeyStatus {
  configured: boolean;
  source: KeySource | null;
  /** Last 4 characters, to tell keys apart. */
  hint: string | null;
  /** Why the OS keychain cannot be used, when it cannot. */
  keychainProblem: string | null;
  /** The only origin (`https://host[:port]`) this key is ever sent to; when it is not where requests go now,
   * `configured` is false and a key must be entered for the new address. */
  origin: string | null;
}

export interface KeyCheck {
  ok: boolean;
  error: AppError | null;
}

export interface KeyTestInput {
  /** null tests the key in force. */
  key: string | null;
  /** Used for the one-token completion when the server has no models endpoint. */
  model: string;
}

export interface KeySaveInput {
  key: string;
  /** Keep it in main's memory until quit instead of the keychain. */
  sessionOnly: boolean;
}

/** What became of a request to change the base URL (see `settings.changeBaseUrl`). */
export interface BaseUrlChange {
  /** `cancelled`: the user said no in main's confirmation; `unchanged`: that address was already in use. */
  outcome: 'changed' | 'cancelled' | 'unchanged';
  settings: SettingsView;
  key: KeyStatus;
}

export interface ModelList {
  models: ModelInfo[];
  /** When the list was fetched; null when it never was. */
  fetchedAt: number | null;
  /** Set when this is the saved list because fetching a fresh one failed. */
  error: AppError | null;
}

export interface AppInfo {
  version: string;
  /** The endpoint requests go to now. */
  baseUrl: string;
  /** MODELSLAB_BASE_URL is set, and wins over the setting. */
  baseUrlFromEnv: boolean;
  platform: string;
}

/** A menu item or shortcut handled in the window (see src/shared/shortcuts.ts). */
export type AppCommand = 'new-chat' | 'search' | 'settings' | 'copy-last-reply' | 'shortcuts' | 'toggle-sidebar';

/** An update downloaded in the background, installed on restart. */
export interface UpdateReady {
  version: string;
}

/** Why Electron says a window's renderer process went away (all but 'clean-exit' make main reload it). */
export type RendererGoneReason =
  'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';

/** What the window needs to know after main reloaded it because its renderer process was gone. */
export interface Recovery {
  /** Given once, to the first call after the reload; null otherwise. */
  crash: { reason: RendererGoneReason; conversationId: string | null } | null;
  /** Conversations that were open when the window crashed: their replies show as plain text. */
  plainText: string[];
}

/** Pushed by main to the window that started the stream. */
export type ChatEvent =
  | { type: 'delta'; conversationId: string; messageId: string; text: string }
  | { type: 'end'; message: Message }
  /** A model-made title arrived for a new chat. */
  | { type: 'title'; conversation: Conversation };

export interface Api {
  chat: {
    send(input: SendInput): Promise<SendResult>;
    stop(messageId: string): Promise<void>;
    regenerate(input: RegenerateInput): Promise<SendResult>;
    edit(input: EditInput): Promise<SendResult>;
    /** Carries on an interrupted, stopped, failed or length-cut reply, appending to its text. */
    continue(messageId: string, options?: ContinueOptions): Promise<Message>;
    /** Asks again for a reply that was cut off or failed; the old one stays as a version. */
    retry(messageId: string): Promise<Message>;
    /** What the next request of a chat would carry. */
    context(query: ContextQuery): Promise<ContextView>;
    /** Keeps sending a message's images with every request (or stops). */
    pinImages(messageId: string, pinned: boolean): Promise<Message>;
    onEvent(listener: (event: ChatEvent) => void): () => void;
  };
  conversations: {
    list(request?: H.ConversationListRequest): Promise<H.ConversationPage>;
    get(conversationId: string, request?: H.OpenRequest): Promise<ConversationDetail>;
    older(conversationId: string, beforeId: string): Promise<ThreadPage>;
    update(conversationId: string, patch: H.ConversationPatchInput): Promise<Conversation>;
    /** Undoable until the app next starts. */
    remove(conversationId: string): Promise<void>;
    restore(conversationId: string): Promise<Conversation>;
    folders(): Promise<string[]>;
    export(conversationId: string, format: H.ExportFormat): Promise<H.SaveOutcome>;
    /** Shows the thread through this version of a message. */
    showVersion(messageId: string): Promise<ConversationDetail>;
    /** Deletes a message and everything after it on its branch. */
    deleteMessage(messageId: string): Promise<ConversationDetail>;
  };
  search: {
    messages(query: string, page?: H.PageRequest): Promise<H.SearchPage>;
  };
  documents: {
    /** Main shows the Open dialog and reads the chosen file off its event loop; null when the user cancelled. */
    pick(requestId: string): Promise<DocumentDraft | null>;
    /** A dropped or pasted file's bytes (base64), refused over the size limit before they are decoded. */
    fromBytes(requestId: string, name: string, base64: string): Promise<DocumentDraft>;
    /** Stops reading the file of this request; it then answers `cancelled`. */
    cancel(requestId: string): Promise<void>;
    /** The text of a document read now or attached to a message. */
    text(documentId: string): Promise<DocumentText>;
    onProgress(listener: (event: DocumentProgressEvent) => void): () => void;
  };
  history: {
    status(): Promise<H.HistoryStatus>;
    /** Only after the user agreed: keeps the unreadable database aside and starts an empty one. */
    startFresh(): Promise<H.HistoryStatus>;
    exportAll(): Promise<H.SaveOutcome>;
    import(): Promise<H.ImportReport>;
  };
  settings: {
    get(): Promise<SettingsView>;
    update(patch: SettingsPatch): Promise<SettingsView>;
    /**
     * Asks main to send requests to another address (null: ModelsLab's own). A change to another origin is
     * confirmed by the user in a native dialog main shows; the key stays bound to its old origin unless they carry
     * it over there.
     */
    changeBaseUrl(url: string | null): Promise<BaseUrlChange>;
  };
  keys: {
    status(): Promise<KeyStatus>;
    test(input: KeyTestInput): Promise<KeyCheck>;
    save(input: KeySaveInput): Promise<KeyStatus>;
    remove(): Promise<KeyStatus>;
  };
  models: {
    list(): Promise<ModelList>;
  };
  /** Compare mode: one question to 2–4 models side by side (see src/shared/compare.ts). */
  compare: {
    /** Saves the question and starts one reply per column; one run per conversation at a time. */
    start(input: C.CompareInput): Promise<C.CompareStarted>;
    /** Stops every column of a run still streaming (one column stops with `chat.stop`). */
    stop(runId: string): Promise<void>;
    run(runId: string): Promise<C.CompareRun>;
    /** The turn waiting for a choice at the end of the thread, and the conversation's arena summary. */
    state(conversationId: string): Promise<C.CompareState>;
    /** Makes a column's reply the turn's answer and its model the chat's; the others stay versions of it. */
    choose(messageId: string): Promise<ConversationDetail>;
    /** A new reply for one column of a turn not yet decided. */
    regenerate(input: C.CompareRegenerateInput): Promise<C.CompareRun>;
    onEvent(listener: (event: C.CompareEvent) => void): () => void;
  };
  app: {
    info(): Promise<AppInfo>;
    /**
     * Opens an http(s) or mailto link in the OS, after main checks it. `text` is the link's visible text: when it
     * names another host than the link's, main asks the user first.
     */
    openExternal(url: string, text?: string): Promise<void>;
    /** Puts text on the OS clipboard (the page's own clipboard access is a permission the window denies). */
    copyText(text: string): Promise<void>;
    /** Quits and installs a downloaded update; does nothing when none is ready. */
    restartToUpdate(): Promise<void>;
    /** After main reloaded the window because its renderer crashed: what it was showing, and what to show plain. */
    recovery(): Promise<Recovery>;
    onCommand(listener: (command: AppCommand) => void): () => void;
    onUpdate(listener: (update: UpdateReady) => void): () => void;
  };
}

type EventName<T> = { [K in keyof T]: K extends `on${string}` ? K : never }[keyof T];
type MethodName<T> = Exclude<keyof T, EventName<T>>;

/** The request/response part of the contract, which main implements. */
export type Methods = { [N in keyof Api]: Pick<Api[N], MethodName<Api[N]>> };

/** Exhaustive lists (a missing or unknown name fails the typecheck), so preload and main derive channels from data. */
export const API_METHODS = {
  chat: {
    send: true,
    stop: true,
    regenerate: true,
    edit: true,
    continue: true,
    retry: true,
    context: true,
    pinImages: true,
  },
  conversations: {
    list: true,
    get: true,
    older: true,
    update: true,
    remove: true,
    restore: true,
    folders: true,
    export: true,
    showVersion: true,
    deleteMessage: true,
  },
  search: { messages: true },
  documents: { pick: true, fromBytes: true, cancel: true, text: true },
  history: { status: true, startFresh: true, exportAll: true, import: true },
  settings: { get: true, update: true, changeBaseUrl: true },
  keys: { status: true, test: true, save: true, remove: true },
  models: { list: true },
  compare: { start: true, stop: true, run: true, state: true, choose: true, regenerate: true },
  app: { info: true, openExternal: true, copyText: true, restartToUpdate: true, recovery: true },
} as const satisfies { [N in keyof Api]: { [M in MethodName<Api[N]>]: true } };

export const API_EVENTS = {
  chat: { onEvent: 'chat.event' },
  compare: { onEvent: 'compare.event' },
  documents: { onProgress: 'documents.progress' },
  app: { onCommand: 'app.command', onUpdate: 'app.update' },
} as const satisfies {
  [N in keyof Api as EventName<Api[N]> extends never ? never : N]: { [E in EventName<Api[N]>]: keyof EventPayloads };
};

export interface EventPayloads {
  'chat.event': ChatEvent;
  'compare.event': C.CompareEvent;
  'documents.progress': DocumentProgressEvent;
  'app.command': AppCommand;
  'app.update': UpdateReady;
}

export type EventChannel = keyof EventPayloads;

export function channelOf(namespace: string, method: string): string {
  return `${namespace}.${method}`;
}

type Bridged<F> = F extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<Result<R>> : never;

/**
 * What preload exposes as `window.api`. Methods resolve to a Result instead of rejecting because
 * Electron's contextBridge keeps only the message of a thrown Error and would drop its code.
 */
export type Bridge = {
  [N in keyof Api]: { [M in keyof Api[N]]: M extends MethodName<Api[N]> ? Bridged<Api[N][M]> : Api[N][M] };
};
