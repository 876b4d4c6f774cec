import type { Result } from './errors';
import type { ChatParams, Conversation, Message } from './domain';
import type * as H from './history';
import type { SettingsPatch, SettingsView } from './settings';

export interface SendInput {
  /** null starts a new conversation. */
  conversationId: string | null;
  content: string;
  model: string;
  params: ChatParams;
  systemPrompt: string;
}

export interface SendResult {
  conversation: Conversation;
  userMessage: Message;
  assistantMessage: Message;
}

export interface ConversationDetail {
  conversation: Conversation;
  /** The newest page (or back to a requested message), oldest first. */
  messages: Message[];
  hasOlder: boolean;
}

export type KeySource = 'env' | 'keychain' | 'session';

/** All the renderer ever learns about the key. */
export interface KeyStatus {
  configured: boolean;
  source: KeySource | null;
  /** Last 4 characters, to tell keys apart. */
  hint: string | null;
}

export interface AppInfo {
  version: string;
  baseUrl: string;
  platform: string;
}

/** Pushed by main to the window that started the stream. */
export type ChatEvent =
  { type: 'delta'; conversationId: string; messageId: string; text: string } | { type: 'end'; message: Message };

export interface Api {
  chat: {
    send(input: SendInput): Promise<SendResult>;
    stop(messageId: string): Promise<void>;
    /** Carries on an interrupted, stopped or failed reply, appending to its text. */
    continue(messageId: string): Promise<Message>;
    retry(messageId: string): Promise<Message>;
    onEvent(listener: (event: ChatEvent) => void): () => void;
  };
  conversations: {
    list(request?: H.ConversationListRequest): Promise<H.ConversationPage>;
    get(conversationId: string, request?: H.OpenRequest): Promise<ConversationDetail>;
    older(conversationId: string, beforeId: string): Promise<H.MessagePage>;
    update(conversationId: string, patch: H.ConversationPatchInput): Promise<Conversation>;
    /** Undoable until the app next starts. */
    remove(conversationId: string): Promise<void>;
    restore(conversationId: string): Promise<Conversation>;
    folders(): Promise<string[]>;
    export(conversationId: string, format: H.ExportFormat): Promise<H.SaveOutcome>;
  };
  search: {
    messages(query: string, page?: H.PageRequest): Promise<H.SearchPage>;
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
  };
  keys: {
    status(): Promise<KeyStatus>;
  };
  app: {
    info(): Promise<AppInfo>;
    /** Opens an http(s) or mailto link in the OS, after main checks it. */
    openExternal(url: string): Promise<void>;
  };
}

type EventName<T> = { [K in keyof T]: K extends `on${string}` ? K : never }[keyof T];
type MethodName<T> = Exclude<keyof T, EventName<T>>;

/** The request/response part of the contract, which main implements. */
export type Methods = { [N in keyof Api]: Pick<Api[N], MethodName<Api[N]>> };

/** Exhaustive lists (a missing or unknown name fails the typecheck), so preload and main derive channels from data. */
export const API_METHODS = {
  chat: { send: true, stop: true, continue: true, retry: true },
  conversations: {
    list: true,
    get: true,
    older: true,
    update: true,
    remove: true,
    restore: true,
    folders: true,
    export: true,
  },
  search: { messages: true },
  history: { status: true, startFresh: true, exportAll: true, import: true },
  settings: { get: true, update: true },
  keys: { status: true },
  app: { info: true, openExternal: true },
} as const satisfies { [N in keyof Api]: { [M in MethodName<Api[N]>]: true } };

export const API_EVENTS = {
  chat: { onEvent: 'chat.event' },
} as const satisfies {
  [N in keyof Api as EventName<Api[N]> extends never ? never : N]: { [E in EventName<Api[N]>]: keyof EventPayloads };
};

export interface EventPayloads {
  'chat.event': ChatEvent;
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
