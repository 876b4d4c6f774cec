import type { ChatParams, Conversation, Message } from '../../shared/domain';

export interface NewConversation {
  title: string;
  model: string;
  params: ChatParams;
  systemPrompt: string;
}

export type NewMessage = Pick<Message, 'conversationId' | 'parentId' | 'role' | 'content' | 'status' | 'model'> &
  Partial<Pick<Message, 'attachments'>>;

export type ConversationPatch = Partial<Pick<Conversation, 'title' | 'model' | 'params' | 'systemPrompt' | 'leafId'>>;

export type MessagePatch = Partial<Pick<Message, 'content' | 'status' | 'error' | 'usage' | 'stats'>>;

/** Where conversations live. Synchronous, as a local database is: a call is a commit. */
export interface HistoryStore {
  createConversation(input: NewConversation): Conversation;
  getConversation(id: string): Conversation | null;
  listConversations(): Conversation[];
  updateConversation(id: string, patch: ConversationPatch): Conversation;
  addMessage(input: NewMessage): Message;
  updateMessage(id: string, patch: MessagePatch): Message;
  getMessage(id: string): Message | null;
  listMessages(conversationId: string): Message[];
  deleteMessages(ids: string[]): void;
}
