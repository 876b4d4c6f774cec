import { randomUUID } from 'node:crypto';
import type { Conversation, Message } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import type { ConversationPatch, HistoryStore, MessagePatch, NewConversation, NewMessage } from './history-store';

/** Keeps history for the life of the process. */
export class MemoryHistory implements HistoryStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly messages = new Map<string, Message>();

  constructor(private readonly now: () => number = Date.now) {}

  createConversation(input: NewConversation): Conversation {
    const at = this.now();
    const conversation: Conversation = { ...input, id: randomUUID(), leafId: null, createdAt: at, updatedAt: at };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  getConversation(id: string): Conversation | null {
    return this.conversations.get(id) ?? null;
  }

  listConversations(): Conversation[] {
    return [...this.conversations.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  updateConversation(id: string, patch: ConversationPatch): Conversation {
    const conversation = { ...this.existing(this.conversations, id), ...patch, updatedAt: this.now() };
    this.conversations.set(id, conversation);
    return conversation;
  }

  addMessage(input: NewMessage): Message {
    const conversation = this.existing(this.conversations, input.conversationId);
    const at = this.now();
    const message: Message = {
      ...input,
      attachments: input.attachments ?? [],
      id: randomUUID(),
      error: null,
      usage: null,
      stats: null,
      createdAt: at,
      updatedAt: at,
    };
    this.messages.set(message.id, message);
    this.conversations.set(conversation.id, { ...conversation, updatedAt: at });
    return message;
  }

  updateMessage(id: string, patch: MessagePatch): Message {
    const message = { ...this.existing(this.messages, id), ...patch, updatedAt: this.now() };
    this.messages.set(id, message);
    return message;
  }

  getMessage(id: string): Message | null {
    return this.messages.get(id) ?? null;
  }

  deleteMessages(ids: string[]): void {
    for (const id of ids) this.messages.delete(id);
  }

  listMessages(conversationId: string): Message[] {
    return [...this.messages.values()].filter((m) => m.conversationId === conversationId);
  }

  private existing<T>(map: Map<string, T>, id: string): T {
    const value = map.get(id);
    if (!value) throw new ApiError(appError('not_found', 'That conversation or message no longer exists.'));
    return value;
  }
}
