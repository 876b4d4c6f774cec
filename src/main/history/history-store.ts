import type { CompareMark } from '../../shared/compare';
import type { Attachment, ChatParams, Conversation, DocumentRef, Message, Usage } from '../../shared/domain';
import type {
  ConversationListRequest,
  ConversationPage,
  MessagePage,
  OpenRequest,
  PageRequest,
  SearchPage,
} from '../../shared/history';

export interface NewConversation {
  title: string;
  model: string;
  params: ChatParams;
  systemPrompt: string;
  pinned?: boolean;
  folder?: string | null;
}

export type NewMessage = Pick<Message, 'conversationId' | 'parentId' | 'role' | 'content' | 'status' | 'model'> & {
  attachments?: Attachment[];
  documents?: DocumentRef[];
  tokens?: number | null;
  imagesPinned?: boolean;
  compare?: CompareMark;
};

/** A compare run as stored: each column's model and its own parameters (null: the shared ones). */
export interface CompareRunRecord {
  id: string;
  conversationId: string;
  questionId: string;
  columns: { model: string; params: ChatParams | null }[];
  chosenId: string | null;
  createdAt: number;
}

export type ConversationPatch = Partial<
  Pick<
    Conversation,
    | 'title'
    | 'model'
    | 'params'
    | 'systemPrompt'
    | 'pinned'
    | 'folder'
    | 'leafId'
    | 'contextLength'
    | 'sendLast'
    | 'titleEdited'
  >
>;

export type MessagePatch = Partial<
  Pick<Message, 'content' | 'status' | 'error' | 'usage' | 'stats' | 'tokens' | 'finishReason' | 'imagesPinned'>
>;

/** A whole conversation, as backups and imports carry it. Ids are kept so a second import skips it. */
export interface ConversationRecord {
  conversation: Conversation;
  messages: Message[];
}

export interface MergeCounts {
  conversations: number;
  messages: number;
  skipped: number;
}

/** Where conversations live. Synchronous, as a local database is: a call is a commit. */
export interface HistoryStore {
  createConversation(input: NewConversation): Conversation;
  getConversation(id: string): Conversation | null;
  /** In compareConversations' order (src/shared/conversation-order.ts). Every conversation when no page is asked for. */
  listConversations(request?: ConversationListRequest): Conversation[];
  pageConversations(request: ConversationListRequest): ConversationPage;
  folders(): string[];
  /** Changes no activity time: renaming or pinning does not reorder the list. */
  updateConversation(id: string, patch: ConversationPatch): Conversation;
  /** Hidden at once; gone for good at the next start unless restored. */
  deleteConversation(id: string): void;
  restoreConversation(id: string): Conversation;
  addMessage(input: NewMessage): Message;
  getMessage(id: string): Message | null;
  updateMessage(id: string, patch: MessagePatch): Message;
  /** Every message of a conversation, every branch, oldest first. */
  listMessages(conversationId: string): Message[];
  deleteMessages(ids: string[]): void;
  /** Stores token counts made later (older or imported messages); changes no activity time. */
  saveTokenCounts(counts: ReadonlyMap<string, number>): void;
  /** The newest `limit` messages of the path from the root to `id`, oldest first. */
  threadEndingAt(id: string, limit: number): MessagePage;
  /** How many messages come before `id` on its path from the root. */
  countAbove(id: string): number;
  /** Tokens in and out over every reply of a conversation, every branch. */
  usageTotals(conversationId: string): Usage;
  /** The thread on screen (see src/shared/thread.ts): its newest page, or the page before `beforeId`. */
  pageMessages(conversationId: string, request: OpenRequest & { beforeId?: string }): MessagePage;
  /** For each of these messages that has other versions: every version's id, oldest first. */
  versionsOf(messages: Message[]): Record<string, string[]>;
  search(query: string, page?: PageRequest): SearchPage;
  addCompareRun(input: Omit<CompareRunRecord, 'id' | 'chosenId' | 'createdAt'>): CompareRunRecord;
  getCompareRun(id: string): CompareRunRecord | null;
  /** A conversation's runs, oldest first. */
  compareRuns(conversationId: string): CompareRunRecord[];
  /** The run asked with this user message, if any. */
  compareRunOf(questionId: string): CompareRunRecord | null;
  chooseCompare(runId: string, messageId: string): CompareRunRecord;
  /** Every reply of a run, every column and version, oldest first. */
  compareMessages(runId: string): Message[];
  /** Adds conversations whose ids are not present yet; never changes one that is. */
  merge(records: Iterable<ConversationRecord>): MergeCounts;
  close(): void;
}
