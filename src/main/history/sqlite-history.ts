import type { Conversation, Message, Usage } from '../../shared/domain';
import type {
  ConversationListRequest,
  ConversationPage,
  HistoryStatus,
  MessagePage,
  OpenRequest,
  PageRequest,
  SearchPage,
} from '../../shared/history';
import * as runs from './compare-runs';
import * as conversations from './conversations';
import { HistoryDatabase, type HistoryDatabaseOptions } from './database';
import * as documents from './documents';
import type {
  CompareRunRecord,
  ConversationPatch,
  ConversationRecord,
  HistoryStore,
  MergeCounts,
  MessagePatch,
  NewConversation,
  NewMessage,
} from './history-store';
import { mergeRecords } from './merge';
import * as messages from './messages';
import { HistorySearch } from './search';
import * as threads from './threads';

export { DB_FILE } from './database';
export interface SqliteHistoryOptions extends HistoryDatabaseOptions {
  /** A document's text from its file, for search snippets. */
  documentText?: (id: string) => string | null;
}

/**
 * History in one SQLite file in the data folder (or in memory when the folder is null): the one object callers
 * hold. Each concern lives in its own file: the file itself (database.ts: open, migrate, recover), conversations,
 * messages, threads (the walks up parent links), search (with ranking.ts) and the import merge.
 */
export class SqliteHistory implements HistoryStore {
  private readonly db: HistoryDatabase;
  private readonly finder: HistorySearch;

  constructor(dataDir: string | null, options: SqliteHistoryOptions = {}) {
    this.db = new HistoryDatabase(dataDir, options);
    this.finder = new HistorySearch(this.db, options.documentText);
  }

  get dataDir(): string | null {
    return this.db.dataDir;
  }

  get path(): string {
    return this.db.path;
  }

  status(): HistoryStatus {
    return this.db.status();
  }

  /** With the user's consent only: keeps the unreadable file under a new name and starts an empty history. */
  startFresh(): HistoryStatus {
    return this.db.startFresh();
  }

  createConversation(input: NewConversation): Conversation {
    return conversations.createConversation(this.db, input);
  }

  /** Whether the id is taken, also by a conversation deleted but still restorable. */
  hasConversation(id: string): boolean {
    return conversations.hasConversation(this.db, id);
  }

  getConversation(id: string): Conversation | null {
    return conversations.getConversation(this.db, id);
  }

  listConversations(request?: ConversationListRequest): Conversation[] {
    return this.pageConversations({ limit: -1, ...request }).items;
  }

  pageConversations(request: ConversationListRequest): ConversationPage {
    return conversations.pageConversations(this.db, request);
  }

  folders(): string[] {
    return conversations.folders(this.db);
  }

  updateConversation(id: string, patch: ConversationPatch): Conversation {
    return conversations.updateConversation(this.db, id, patch);
  }

  deleteConversation(id: string): void {
    conversations.deleteConversation(this.db, id);
  }

  restoreConversation(id: string): Conversation {
    return conversations.restoreConversation(this.db, id);
  }

  addMessage(input: NewMessage): Message {
    return messages.addMessage(this.db, input);
  }

  getMessage(id: string): Message | null {
    return messages.getMessage(this.db, id);
  }

  updateMessage(id: string, patch: MessagePatch): Message {
    return messages.updateMessage(this.db, id, patch);
  }

  listMessages(conversationId: string): Message[] {
    return messages.listMessages(this.db, conversationId);
  }

  saveTokenCounts(counts: ReadonlyMap<string, number>): void {
    messages.saveTokenCounts(this.db, counts);
  }

  usageTotals(conversationId: string): Usage {
    return messages.usageTotals(this.db, conversationId);
  }

  deleteMessages(ids: string[]): void {
    messages.deleteMessages(this.db, ids);
  }

  /** Every image id messages refer to; in one conversation, or in all of them (a full scan). */
  attachmentIds(conversationId?: string): Set<string> {
    return messages.attachmentIds(this.db, conversationId);
  }

  /** Indexes a document's text for search, once per text; call before saving the message that refers to it. */
  indexDocument(id: string, text: string): void {
    documents.indexDocument(this.db, id, text);
  }

  /** Every document id a message refers to. */
  documentIds(): Set<string> {
    return documents.referencedDocumentIds(this.db);
  }

  /** The name a message gave this document, for showing its text. */
  documentName(id: string): string | null {
    return documents.documentName(this.db, id);
  }

  /** Drops index rows of texts no message refers to; returns how many. */
  dropUnreferencedDocuments(): number {
    return documents.dropUnreferencedDocuments(this.db);
  }

  threadEndingAt(id: string, limit: number): MessagePage {
    return threads.threadEndingAt(this.db, id, limit);
  }

  countAbove(id: string): number {
    return threads.countAbove(this.db, id);
  }

  pageMessages(conversationId: string, request: OpenRequest & { beforeId?: string }): MessagePage {
    return threads.pageMessages(this.db, conversationId, request);
  }

  versionsOf(list: Message[]): Record<string, string[]> {
    return threads.versionsOf(this.db, list);
  }

  search(query: string, page: PageRequest = {}): SearchPage {
    return this.finder.search(query, page);
  }

  addCompareRun(input: Omit<CompareRunRecord, 'id' | 'chosenId' | 'createdAt'>): CompareRunRecord {
    return runs.addCompareRun(this.db, input);
  }

  getCompareRun(id: string): CompareRunRecord | null {
    return runs.getCompareRun(this.db, id);
  }

  compareRuns(conversationId: string): CompareRunRecord[] {
    return runs.compareRuns(this.db, conversationId);
  }

  compareRunOf(questionId: string): CompareRunRecord | null {
    return runs.compareRunOf(this.db, questionId);
  }

  chooseCompare(runId: string, messageId: string): CompareRunRecord {
    return runs.chooseCompare(this.db, runId, messageId);
  }

  compareMessages(runId: string): Message[] {
    return runs.compareMessages(this.db, runId);
  }

  merge(records: Iterable<ConversationRecord>): MergeCounts {
    return mergeRecords(this.db, records);
  }

  close(): void {
    this.db.close();
  }
}
