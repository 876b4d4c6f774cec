import type { AppInfo } from '../shared/contract';
import { DEFAULT_BASE_URL } from '../shared/domain';
import { ChatService } from './chat/chat-service';
import { createClient, type FetchLike } from './chat/modelslab-client';
import { historyHandlers, type FileDialogs } from './history/history-handlers';
import { SqliteHistory } from './history/sqlite-history';
import type { Handlers } from './ipc';
import { EnvKeyProvider, type KeyProvider } from './secrets/key-provider';
import { memorySettings, type SettingsStore } from './settings/settings-store';

/** Everything main's services need from the outside world, so tests and the browser harness can supply it. */
export interface ServiceDeps {
  env: Record<string, string | undefined>;
  version: string;
  platform: string;
  /** Opens a checked URL in the OS; Electron's shell.openExternal in the app. */
  openExternal(url: string): Promise<void>;
  fetch?: FetchLike;
  /** Where history lives; without it, history is kept in memory for the life of the process. */
  dataDir?: string;
  history?: SqliteHistory;
  keys?: KeyProvider;
  settings?: SettingsStore;
  /** Save and Open dialogs; Electron's dialog in the app, stubs in tests. */
  files?: FileDialogs;
}

export interface Services {
  chat: ChatService;
  history: SqliteHistory;
  keys: KeyProvider;
  settings: SettingsStore;
  files: FileDialogs;
  info: AppInfo;
  openExternal(url: string): Promise<void>;
}

export function baseUrlFrom(env: Record<string, string | undefined>, setting?: string | null): string {
  return (env.MODELSLAB_BASE_URL?.trim() || setting || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export function createServices(deps: ServiceDeps): Services {
  const settings = deps.settings ?? memorySettings();
  // The environment wins over the setting, so a proxy can be forced for one run.
  const baseUrl = baseUrlFrom(deps.env, settings.get().values.baseUrl);
  const history = deps.history ?? new SqliteHistory(deps.dataDir ?? null);
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
    settings,
    files: deps.files ?? { saveFile: async () => null, openFile: async () => null },
    info: { version: deps.version, baseUrl, platform: deps.platform },
    openExternal: deps.openExternal,
  };
}

export function createHandlers(services: Services): Handlers {
  const { chat, history, keys } = services;
  return {
    chat: {
      send: (context, input) => chat.send(context.sender, input),
      stop: async (_context, messageId) => chat.stop(messageId),
      continue: (context, messageId) => chat.continue(context.sender, messageId),
      retry: (context, messageId) => chat.retry(context.sender, messageId),
    },
    ...historyHandlers(history, services.files, services.settings),
    keys: {
      status: () => keys.status(),
    },
    app: {
      info: async () => services.info,
      openExternal: (_context, url) => services.openExternal(url),
    },
  };
}
