import type { AppInfo } from '../shared/contract';
import { DEFAULT_BASE_URL } from '../shared/domain';
import { join } from 'node:path';
import { ApiError, appError } from '../shared/errors';
import { FileAttachmentStore, MemoryAttachmentStore, type AttachmentStore } from './attachments/attachment-store';
import { ChatService } from './chat/chat-service';
import { createClient, type FetchLike } from './chat/modelslab-client';
import { historyHandlers, type FileDialogs } from './history/history-handlers';
import { SqliteHistory } from './history/sqlite-history';
import type { Handlers } from './ipc';
import { fetchModels } from './models/fetch-models';
import { MemoryModelsCache, ModelsService, type ModelsCache } from './models/models-service';
import { checkKey } from './secrets/key-check';
import { KeyManager } from './secrets/key-manager';
import { KeytarStore, type SecretStore } from './secrets/secret-store';
import { memorySettings, type SettingsStore } from './settings/settings-store';

/** Everything main's services need from the outside world, so tests and the browser harness can supply it. */
export interface ServiceDeps {
  env: Record<string, string | undefined>;
  version: string;
  platform: string;
  /** Opens a checked URL in the OS; Electron's shell.openExternal in the app. */
  openExternal(url: string): Promise<void>;
  /** Writes the OS clipboard; Electron's clipboard.writeText in the app. */
  copyText(text: string): Promise<void>;
  /** Installs a downloaded update; absent where there is no updater. */
  restartToUpdate?(): void;
  fetch?: FetchLike;
  /** Where history and images live; without it, both are kept in memory for the life of the process. */
  dataDir?: string;
  history?: SqliteHistory;
  /** The keychain; keytar under the app's own service name unless a test says otherwise. */
  secrets?: SecretStore;
  modelsCache?: ModelsCache;
  attachments?: AttachmentStore;
  settings?: SettingsStore;
  /** Save and Open dialogs; Electron's dialog in the app, stubs in tests. */
  files?: FileDialogs;
}

export interface Services {
  chat: ChatService;
  history: SqliteHistory;
  keys: KeyManager;
  models: ModelsService;
  settings: SettingsStore;
  files: FileDialogs;
  info(): AppInfo;
  listModels(apiKey: string): Promise<string[]>;
  client(apiKey: string): ReturnType<typeof createClient>;
  openExternal(url: string): Promise<void>;
  copyText(text: string): Promise<void>;
  restartToUpdate(): void;
}

export function baseUrlFrom(env: Record<string, string | undefined>, setting?: string | null): string {
  return (env.MODELSLAB_BASE_URL?.trim() || setting || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export function createServices(deps: ServiceDeps): Services {
  const settings = deps.settings ?? memorySettings();
  // Read at each request, so a changed setting applies at once; the environment wins, so a proxy can be forced.
  const baseUrl = () => baseUrlFrom(deps.env, settings.get().values.baseUrl);
  const history = deps.history ?? new SqliteHistory(deps.dataDir ?? null);
  const keys = new KeyManager(deps.env, deps.secrets ?? new KeytarStore());
  const fetch = deps.fetch;
  const client = (apiKey: string) => createClient({ baseUrl: baseUrl(), apiKey, ...(fetch ? { fetch } : {}) });
  const attachments =
    deps.attachments ??
    (deps.dataDir ? new FileAttachmentStore(join(deps.dataDir, 'attachments')) : new MemoryAttachmentStore());
  const models = new ModelsService({
    keys,
    fetchModels: (apiKey) => fetchModels(baseUrl(), apiKey, fetch),
    cache: deps.modelsCache ?? new MemoryModelsCache(),
  });
  const listModels = async (apiKey: string) => (await fetchModels(baseUrl(), apiKey, fetch)).map((m) => m.id);
  const chat = new ChatService({
    history,
    keys,
    client,
    attachments,
    baseUrl,
    listedContextLength: (model) => models.contextLengthOf(model),
    titleSettings: () => settings.get().values,
  });
  return {
    models,
    chat,
    history,
    keys,
    client,
    listModels,
    settings,
    files: deps.files ?? { saveFile: async () => null, openFile: async () => null },
    info: () => ({
      version: deps.version,
      baseUrl: baseUrl(),
      baseUrlFromEnv: !!deps.env.MODELSLAB_BASE_URL?.trim(),
      platform: deps.platform,
    }),
    openExternal: deps.openExternal,
    copyText: deps.copyText,
    restartToUpdate: deps.restartToUpdate ?? (() => {}),
  };
}

export function createHandlers(services: Services): Handlers {
  const { chat, keys } = services;
  const history = historyHandlers(services.history, services.files, services.settings, (id) => chat.isRunning(id));
  return {
    chat: {
      send: (context, input) => chat.send(context.sender, input),
      stop: async (_context, messageId) => chat.stop(messageId),
      regenerate: (context, input) => chat.regenerate(context.sender, input),
      edit: (context, input) => chat.edit(context.sender, input),
      continue: (context, messageId, options) => chat.continue(context.sender, messageId, options),
      retry: (context, messageId) => chat.retry(context.sender, messageId),
      context: (_context, query) => chat.context(query),
      pinImages: (_context, messageId, pinned) => chat.pinImages(messageId, pinned),
    },
    ...history,
    keys: {
      status: () => keys.status(),
      test: async (_context, { key, model }) => {
        const apiKey = key ?? (await keys.getKey());
        if (!apiKey) throw new ApiError(appError('no_key', 'There is no API key to test.'));
        return checkKey(services, apiKey, model);
      },
      save: (_context, { key, sessionOnly }) => keys.save(key, sessionOnly),
      remove: () => keys.remove(),
    },
    models: {
      list: () => services.models.list(),
    },
    app: {
      info: async () => services.info(),
      openExternal: (_context, url) => services.openExternal(url),
      copyText: (_context, text) => services.copyText(text),
      restartToUpdate: async () => services.restartToUpdate(),
    },
  };
}
