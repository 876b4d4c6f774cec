import type { AppInfo } from '../shared/contract';
import { originOf, parseBaseUrl } from '../shared/base-url';
import { join } from 'node:path';
import { FileAttachmentStore, MemoryAttachmentStore, type AttachmentStore } from './attachments/attachment-store';
import { sweepSoon } from './attachments/sweep';
import { ChatService } from './chat/chat-service';
import { createClient, type FetchLike } from './chat/modelslab-client';
import { answerCancel, type AskUser } from './desktop/ask';
import { RateLimit } from './desktop/rate-limit';
import { openLink } from './guards/links';
import { CrashRecovery, trackOpenConversation } from './desktop/crash-recovery';
import { historyHandlers, type FileDialogs } from './history/history-handlers';
import { SqliteHistory } from './history/sqlite-history';
import type { Handlers } from './ipc';
import { fetchModels } from './models/fetch-models';
import { MemoryModelsCache, ModelsService, type ModelsCache } from './models/models-service';
import { changeBaseUrl, effectiveBaseUrl } from './settings/base-url-change';
import { checkKey } from './keys/key-check';
import { KeyManager } from './keys/key-manager';
import type { BoundKey } from './keys/key-provider';
import { KeytarStore, type SecretStore } from './keys/secret-store';
import { memorySettings, type SettingsStore } from './settings/settings-store';

/** Everything main's services need from the outside world, so tests and the browser harness can supply it. */
export interface ServiceDeps {
  env: Record<string, string | undefined>;
  version: string;
  platform: string;
  /** Opens a URL the link policy let through; Electron's shell.openExternal in the app. */
  openExternal(url: string): Promise<void>;
  /** Questions only main may ask (base URL moves, doubtful links); Electron's dialog.showMessageBox in the app. */
  ask?: AskUser;
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
  attachments: AttachmentStore;
  keys: KeyManager;
  models: ModelsService;
  settings: SettingsStore;
  files: FileDialogs;
  /** What a window whose renderer crashed needs to come back (see desktop/renderer-watch.ts). */
  recovery: CrashRecovery;
  info(): AppInfo;
  listModels(key: BoundKey): Promise<string[]>;
  client(key: BoundKey): ReturnType<typeof createClient>;
  /** The openExternal policy (see guards/links.ts), then the OS. */
  openLink(url: string, text?: string): Promise<void>;
  copyText(text: string): Promise<void>;
  restartToUpdate(): void;
  ask: AskUser;
  env: Record<string, string | undefined>;
}

/** A person copies a few times a second, and opens a few links in ten seconds, at most; main cannot see their
 * clicks, so it counts (which also bounds what a compromised window can push out through links). */
const COPIES_PER_SECOND = 4;
const LINKS_PER_10_SECONDS = 5;

export function createServices(deps: ServiceDeps): Services {
  const settings = deps.settings ?? memorySettings();
  // Read at each request, so a changed setting applies at once; the environment wins, so a proxy can be forced.
  const baseUrl = () => effectiveBaseUrl(deps.env, settings.get().values.baseUrl);
  const keys = new KeyManager(deps.env, deps.secrets ?? new KeytarStore(), () => originOf(baseUrl()));
  const fetch = deps.fetch;
  const client = (key: BoundKey) => createClient({ baseUrl: baseUrl(), key, ...(fetch ? { fetch } : {}) });
  const attachments =
    deps.attachments ??
    (deps.dataDir ? new FileAttachmentStore(join(deps.dataDir, 'attachments')) : new MemoryAttachmentStore());
  // Images of purged chats and deleted messages go with them; any others left behind are swept soon after start.
  const history =
    deps.history ?? new SqliteHistory(deps.dataDir ?? null, { onUnreferenced: (ids) => attachments.remove(ids) });
  sweepSoon(history, attachments);
  const ask = deps.ask ?? answerCancel;
  const copies = new RateLimit(COPIES_PER_SECOND, 1000, 'Copying that often is not allowed; wait a moment.');
  const links = new RateLimit(LINKS_PER_10_SECONDS, 10_000, 'Opening that many links at once is not allowed.');
  const models = new ModelsService({
    keys,
    fetchModels: (key) => fetchModels(baseUrl(), key, fetch),
    cache: deps.modelsCache ?? new MemoryModelsCache(),
  });
  const listModels = async (key: BoundKey) => (await fetchModels(baseUrl(), key, fetch)).map((m) => m.id);
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
    attachments,
    keys,
    client,
    listModels,
    settings,
    files: deps.files ?? { saveFile: async () => null, openFile: async () => null },
    recovery: new CrashRecovery(),
    info: () => ({
      version: deps.version,
      baseUrl: baseUrl(),
      baseUrlFromEnv: parseBaseUrl(deps.env.MODELSLAB_BASE_URL) !== null,
      platform: deps.platform,
    }),
    openLink: async (url, text) => {
      links.take();
      await openLink({ open: deps.openExternal, ask }, url, text);
    },
    copyText: async (text) => {
      copies.take();
      await deps.copyText(text);
    },
    restartToUpdate: deps.restartToUpdate ?? (() => {}),
    ask,
    env: deps.env,
  };
}

export function createHandlers(services: Services): Handlers {
  return trackOpenConversation(handlersOf(services), services.recovery);
}

function handlersOf(services: Services): Handlers {
  const { chat, keys } = services;
  const history = historyHandlers(services.history, services.attachments, services.files, services.settings, (id) =>
    chat.isRunning(id),
  );
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
    settings: {
      ...history.settings,
      changeBaseUrl: (_context, url) => changeBaseUrl({ ...services, keys }, url),
    },
    keys: {
      status: () => keys.status(),
      // A key typed in the form is tested for the address requests go to now, which is where it would be saved for.
      test: async (_context, { key, model }) => {
        const bound = key === null ? await keys.requireKey() : { key, origin: originOf(services.info().baseUrl) };
        return checkKey(services, bound, model);
      },
      save: (_context, { key, sessionOnly }) => keys.save(key, sessionOnly),
      remove: () => keys.remove(),
    },
    models: {
      list: () => services.models.list(),
    },
    app: {
      info: async () => services.info(),
      openExternal: (_context, url, text) => services.openLink(url, text),
      copyText: (_context, text) => services.copyText(text),
      restartToUpdate: async () => services.restartToUpdate(),
      recovery: async () => services.recovery.take(),
    },
  };
}
