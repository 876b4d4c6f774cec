import { ApiError, appError } from '../../shared/errors';
import type { Attachment, DocumentRef } from '../../shared/domain';
import type { ImportReport } from '../../shared/history';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { DocumentStore } from '../documents/document-store';
import { fileDialogs } from '../desktop/dialogs';
import type { FileDialogs } from '../desktop/file-dialogs';
import type { Words } from '../i18n';
import type { Handlers } from '../ipc';
import { deleteMessage, detailOf, olderPage, showVersion } from './conversation-detail';
import type { ConversationRecord } from './history-store';
import { importChats } from './import-chats';
import { readImportFile } from './import-file';
import type { SqliteHistory } from './sqlite-history';
import { fileNameFor, parseImport, toBackupJson, toConversationJson, toMarkdown } from './transfer';

function record(history: SqliteHistory, conversationId: string): ConversationRecord {
  const conversation = history.getConversation(conversationId);
  if (!conversation) throw new ApiError(appError('not_found', 'That conversation no longer exists.'));
  return { conversation, messages: history.listMessages(conversationId) };
}

function* everything(history: SqliteHistory): Generator<ConversationRecord> {
  for (const conversation of history.listConversations()) yield record(history, conversation.id);
}

type HistoryHandlers = Pick<Handlers, 'conversations' | 'search' | 'history'>;

const nothingImported: ImportReport = { path: null, conversations: 0, messages: 0, skipped: 0, notes: [] };

export interface HistoryHandlerDeps {
  history: SqliteHistory;
  attachments: AttachmentStore;
  /** Where documents' texts are kept; without it, exports carry no document text and imports keep none. */
  documentStore?: DocumentStore;
  files: FileDialogs;
  /** The Save and Open dialogs' words, in the language of the moment. */
  words(): Words;
  /** A reply still streaming cannot be deleted. */
  isRunning(messageId: string): boolean;
}

/** The `conversations`, `search` and `history` namespaces: the chats on disk, their backups and imports. */
export function historyHandlers(deps: HistoryHandlerDeps): HistoryHandlers {
  const { history, attachments, documentStore, files, words, isRunning } = deps;
  const imageData = (attachment: Attachment) => attachments.bytes(attachment);
  const documentData = (ref: DocumentRef) => documentStore?.get(ref.id) ?? null;
  return {
    conversations: {
      list: async (_c, request = {}) => history.pageConversations(request),
      get: async (_c, conversationId, request = {}) => detailOf(history, conversationId, request),
      older: async (_c, conversationId, beforeId) => olderPage(history, conversationId, beforeId),
      showVersion: async (_c, messageId) => showVersion(history, messageId),
      deleteMessage: async (_c, messageId) => deleteMessage(history, messageId, isRunning),
      // A title the user gave is never replaced by a model-made one.
      update: async (_c, conversationId, patch) =>
        history.updateConversation(conversationId, patch.title ? { ...patch, titleEdited: true } : patch),
      remove: async (_c, conversationId) => history.deleteConversation(conversationId),
      restore: async (_c, conversationId) => history.restoreConversation(conversationId),
      folders: async () => history.folders(),
      export: async (_c, conversationId, format) => {
        const chat = record(history, conversationId);
        const markdown = format === 'markdown';
        const path = await files.saveFile({
          ...fileDialogs(words()).exportChat(markdown),
          defaultName: fileNameFor(chat.conversation.title, markdown ? 'md' : 'json'),
          content: markdown ? toMarkdown(chat) : toConversationJson(chat, imageData, documentData),
        });
        return { path };
      },
    },
    search: {
      messages: async (_c, query, page) => history.search(query, page),
    },
    history: {
      status: async () => history.status(),
      startFresh: async () => history.startFresh(),
      exportAll: async () => {
        const date = new Date().toISOString().slice(0, 10);
        const path = await files.saveFile({
          ...fileDialogs(words()).backUp,
          defaultName: `modelslab-chat-backup-${date}.json`,
          content: toBackupJson(everything(history), Date.now(), imageData, documentData),
        });
        return { path };
      },
      import: async (): Promise<ImportReport> => {
        const path = await files.openFile(fileDialogs(words()).importChats);
        if (!path) return nothingImported;
        return {
          path,
          ...importChats(history, attachments, parseImport(await readImportFile(path)), documentStore ?? null),
        };
      },
    },
  };
}
