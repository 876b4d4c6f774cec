import type OpenAI from 'openai';
import { join } from 'node:path';
import { originOf } from '../shared/base-url';
import { FileAttachmentStore, MemoryAttachmentStore, type AttachmentStore } from './attachments/attachment-store';
import { sweepSoon } from './attachments/sweep';
import { chatHandlers } from './chat/chat-handlers';
import { ChatService } from './chat/chat-service';
import { compareHandlers } from './chat/compare-handlers';
import { CompareService } from './chat/compare-service';
import { createClient, type FetchLike } from './chat/modelslab-client';
import { appHandlers } from './desktop/app-handlers';
import { AppService } from './desktop/app-service';
import { answerCancel, type AskUser } from './desktop/ask';
import { CrashRecovery, trackOpenConversation } from './desktop/crash-recovery';
import { noDialogs, type FileDialogs } from './desktop/file-dialogs';
import { documentHandlers } from './documents/document-handlers';
import { DocumentService } from './documents/document-service';
import { FileDocumentStore, MemoryDocumentStore, type DocumentStore } from './documents/document-store';
import { DocumentExtractor } from './documents/extractor';
import { historyHandlers } from './history/history-handlers';
import { SqliteHistory } from './history/sqlite-history';
import type { Handlers } from './ipc';
import { keyHandlers } from './keys/key-handlers';
import { KeyManager } from './keys/key-manager';
import type { BoundKey } from './keys/key-provider';
import { KeytarStore, type SecretStore } from './keys/secret-store';
import { fetchModels } from './models/fetch-models';
import { modelsHandlers } from './models/models-handlers';
import { rememberModel } from './models/recent-models';
import { MemoryModelsCache, ModelsService, type ModelsCache } from './models/models-service';
import { effectiveBaseUrl } from './settings/base-url-change';
import { settingsHandlers } from './settings/settings-handlers';
import { memorySettings, type SettingsStore } from './settings/settings-store';
import { wordsIn, type Words } from './i18n';

/**
 * The composition root below src/main/index.ts: builds each capability's service from its folder and joins their
 * handlers into the contract. What each one does is decided in its folder, not here.
 */

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
  /** The documents' extraction worker: out/main/documents-worker.js in the app; without it, no file can be read. */
  documentsWorker?: URL;
  documentStore?: DocumentStore;
}

export interface Services {
  chat: ChatService;
  compare: CompareService;
  history: SqliteHistory;
  attachments: AttachmentStore;
  documents: DocumentService;
  documentStore: DocumentStore;
  /** Ends the extraction workers (at quit). */
  closeDocuments(): Promise<void>;
  keys: KeyManager;
  models: ModelsService;
  settings: SettingsStore;
  files: FileDialogs;
  /** What a window whose renderer crashed needs to come back (see desktop/renderer-watch.ts). */
  recovery: CrashRecovery;
  app: AppService;
  /** Where requests go now: the environment, then the setting, then ModelsLab (see settings/base-url-change.ts). */
  baseUrl(): string;
  /** An SDK client for the base URL, refused for a key bound elsewhere (see chat/modelslab-client.ts). */
  client(key: BoundKey): OpenAI;
  ask: AskUser;
  /** main's words (dialogs, file types) in the language the settings decide at the moment they are shown. */
  words(): Words;
  env: Record<string, string | undefined>;
}

export function createServices(deps: ServiceDeps): Services {
  const { env } = deps;
  const settings = deps.settings ?? memorySettings();
  // Read at each request, so a changed setting applies at once.
  const baseUrl = () => effectiveBaseUrl(env, settings.get().values.baseUrl);
  const words = () => wordsIn(settings.get().language);
  const keys = new KeyManager(env, deps.secrets ?? new KeytarStore(), () => originOf(baseUrl()));
  const client = (key: BoundKey) =>
    createClient({ baseUrl: baseUrl(), key, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const attachments =
    deps.attachments ??
    (deps.dataDir ? new FileAttachmentStore(join(deps.dataDir, 'attachments')) : new MemoryAttachmentStore());
  const documentStore =
    deps.documentStore ??
    (deps.dataDir ? new FileDocumentStore(join(deps.dataDir, 'documents')) : new MemoryDocumentStore());
  // Images of purged chats and deleted messages go with them; any others left behind are swept soon after start.
  const history =
    deps.history ??
    new SqliteHistory(deps.dataDir ?? null, {
      onUnreferenced: (ids) => attachments.remove(ids),
      documentText: (id) => documentStore.get(id)?.text ?? null,
    });
  const extractor = deps.documentsWorker ? new DocumentExtractor({ workerUrl: deps.documentsWorker }) : null;
  const files = deps.files ?? noDialogs;
  const documents = new DocumentService({
    extractor,
    store: documentStore,
    files,
    words,
    nameOf: (id) => history.documentName(id),
  });
  sweepSoon(history, attachments, { store: documentStore, drafts: () => documents.draftIds() });
  const ask = deps.ask ?? answerCancel;
  const models = new ModelsService({
    keys,
    fetchModels: (key) => fetchModels(client(key)),
    cache: deps.modelsCache ?? new MemoryModelsCache(),
  });
  const chat = new ChatService({
    history,
    keys,
    client,
    attachments,
    documentStore,
    documents,
    indexDocument: (id, text) => history.indexDocument(id, text),
    baseUrl,
    listedContextLength: (model) => models.contextLengthOf(model),
    titleSettings: () => settings.get().values,
  });
  const app = new AppService({ ...deps, baseUrl, ask, words });
  return {
    chat,
    compare: new CompareService({ history, keys, chat }),
    history,
    attachments,
    documents,
    documentStore,
    closeDocuments: async () => extractor?.close(),
    keys,
    models,
    settings,
    files,
    recovery: new CrashRecovery(),
    app,
    baseUrl,
    client,
    ask,
    words,
    env,
  };
}

/** Every namespace of the contract, each from its capability's folder; calls that open a chat noted for recovery. */
export function createHandlers(services: Services): Handlers {
  const { chat, models } = services;
  const handlers: Handlers = {
    chat: chatHandlers(chat, (model) => rememberModel(services.settings, model)),
    documents: documentHandlers(services.documents),
    ...historyHandlers({ ...services, isRunning: (id) => chat.isRunning(id) }),
    settings: settingsHandlers(services),
    keys: keyHandlers({ ...services, listModels: (key) => models.fetch(key) }),
    models: modelsHandlers(models),
    compare: compareHandlers(services.compare),
    app: appHandlers(services.app, services.recovery),
  };
  return trackOpenConversation(handlers, services.recovery);
}
