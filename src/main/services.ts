import type { AppInfo } from '../shared/contract';
import { DEFAULT_BASE_URL } from '../shared/domain';
import { ApiError, appError } from '../shared/errors';
import { ChatService } from './chat/chat-service';
import { createClient, type FetchLike } from './chat/modelslab-client';
import type { HistoryStore } from './history/history-store';
import { MemoryHistory } from './history/memory-history';
import type { Handlers } from './ipc';
import { EnvKeyProvider, type KeyProvider } from './secrets/key-provider';

/** Everything main's services need from the outside world, so tests and the browser harness can supply it. */
export interface ServiceDeps {
  env: Record<string, string | undefined>;
  version: string;
  platform: string;
  /** Opens a checked URL in the OS; Electron's shell.openExternal in the app. */
  openExternal(url: string): Promise<void>;
  /** Installs a downloaded update; absent where there is no updater. */
  restartToUpdate?(): void;
  fetch?: FetchLike;
  history?: HistoryStore;
  keys?: KeyProvider;
}

export interface Services {
  chat: ChatService;
  history: HistoryStore;
  keys: KeyProvider;
  info: AppInfo;
  openExternal(url: string): Promise<void>;
  restartToUpdate(): void;
}

export function baseUrlFrom(env: Record<string, string | undefined>): string {
  return (env.MODELSLAB_BASE_URL?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export function createServices(deps: ServiceDeps): Services {
  const baseUrl = baseUrlFrom(deps.env);
  const history = deps.history ?? new MemoryHistory();
  const keys = deps.keys ?? new EnvKeyProvider(deps.env);
  const fetch = deps.fetch;
  const chat = new ChatService({
    history,
    keys,
    client: (apiKey) => createClient({ baseUrl, apiKey, ...(fetch ? { fetch } : {}) }),
  });
  return {
    chat,
    history,
    keys,
    info: { version: deps.version, baseUrl, platform: deps.platform },
    openExternal: deps.openExternal,
    restartToUpdate: deps.restartToUpdate ?? (() => {}),
  };
}

export function createHandlers(services: Services): Handlers {
  const { chat, history, keys } = services;
  return {
    chat: {
      send: (context, input) => chat.send(context.sender, input),
      stop: async (_context, messageId) => chat.stop(messageId),
    },
    conversations: {
      list: async () => history.listConversations(),
      get: async (_context, conversationId) => {
        const conversation = history.getConversation(conversationId);
        if (!conversation) throw new ApiError(appError('not_found', 'That conversation no longer exists.'));
        return { conversation, messages: history.listMessages(conversationId) };
      },
    },
    keys: {
      status: () => keys.status(),
    },
    app: {
      info: async () => services.info,
      openExternal: (_context, url) => services.openExternal(url),
      restartToUpdate: async () => services.restartToUpdate(),
    },
  };
}
