import type OpenAI from 'openai';
import type {
  ContextQuery,
  ContextView,
  ContinueOptions,
  EditInput,
  RegenerateInput,
  ReplySettings,
  SendInput,
  SendResult,
} from '../../shared/contract';
import type { CompareMark } from '../../shared/compare';
import { ApiError, appError, toAppError } from '../../shared/errors';
import { MESSAGE_OVERHEAD } from '../../shared/context';
import type { Conversation, DocumentRef, Message } from '../../shared/domain';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { DocumentService } from '../documents/document-service';
import type { DocumentStore } from '../documents/document-store';
import { fitDocuments } from './document-fit';
import type { HistoryStore } from '../history/history-store';
import type { SenderLike } from '../ipc';
import type { BoundKey, KeyProvider } from '../keys/key-provider';
import { autoTitle, type AutoTitleOptions } from './auto-title';
import {
  addReply,
  addUserMessage,
  chatFor,
  conversationOf,
  messageOf,
  refuseUndecided,
  settingsOf,
} from './chat-records';
import { chatSettings, RequestContext, settingsPatch } from './request-context';
import { streamReply, type ReplySink } from './reply-stream';
import { refuseEarlyRetry } from './retry-wait';
import { tokenCounter } from './token-count';
import { UsageOption } from './usage-option';

export interface ChatServiceOptions {
  history: HistoryStore;
  keys: KeyProvider;
  attachments: AttachmentStore;
  /** Where documents' texts are kept, and the drafts the composer attaches; without them, none can be sent. */
  documentStore?: DocumentStore;
  documents?: Pick<DocumentService, 'attach'>;
  /** Indexes a document's text for search before the message that refers to it is saved. */
  indexDocument?: (id: string, text: string) => void;
  /** Builds an SDK client for a key; the base URL is the client's business (and refused for another origin). */
  client(apiKey: BoundKey): OpenAI;
  /** Where requests go now: servers that refuse to send usage are remembered by it. */
  baseUrl?: () => string;
  /** What the server's model list said about a model's context length. */
  listedContextLength?: (model: string) => number | null;
  /** The user's choices about model-made titles; none are made without it. */
  titleSettings?: AutoTitleOptions['settings'];
  /** How often deltas are sent to the window (one per frame; the first of a reply goes at once). */
  frameMs?: number;
  /** How often a growing reply is saved. */
  saveMs?: number;
  now?: () => number;
}

export class ChatService {
  private readonly running = new Map<string, AbortController>();
  private readonly requests: RequestContext;
  private readonly usage: UsageOption;

  constructor(private readonly options: ChatServiceOptions) {
    this.usage = new UsageOption(options.baseUrl ?? (() => ''));
    this.requests = new RequestContext({
      history: options.history,
      attachments: options.attachments,
      readDocument: (ref) => options.documentStore?.get(ref.id) ?? null,
      listedContextLength: options.listedContextLength ?? (() => null),
      includeUsage: () => this.usage.wanted(),
    });
  }

  /** Saves the user's message and an empty reply, starts the stream and returns without waiting for it. */
  async send(sender: SenderLike, input: SendInput): Promise<SendResult> {
    const { history } = this.options;
    const apiKey = await this.options.keys.requireKey();
    refuseUndecided(history, input.conversationId);
    // Before anything is written, so a refused send leaves no conversation or file behind.
    this.options.attachments.checkImages(input.images);
    const count = await tokenCounter();
    const documents = await this.documentsFor(input, count(input.content));
    const { conversationId: _, content: __, images: ___, documents: ____, fitDocuments: _____, ...settings } = input;
    const conversation = chatFor(history, input);
    const userMessage = addUserMessage(history, count, {
      conversationId: conversation.id,
      parentId: history.pageMessages(conversation.id, { limit: 1 }).messages.at(-1)?.id ?? null,
      content: input.content,
      attachments: input.images.map((image) => this.options.attachments.save(image)),
      documents,
    });
    return this.reply(sender, apiKey, conversation, userMessage, settings);
  }

  /**
   * The documents a new message goes with, checked against the room its chat's context leaves (see document-fit.ts)
   * and indexed for search; refused before anything is saved when they do not fit and the user did not allow a cut.
   */
  private async documentsFor(input: SendInput, messageTokens: number): Promise<DocumentRef[]> {
    const ids = input.documents ?? [];
    const { documents, indexDocument } = this.options;
    if (ids.length === 0) return [];
    if (!documents) throw new ApiError(appError('bad_input', 'Documents cannot be sent here.'));
    const attached = documents.attach(ids);
    const conversation = input.conversationId ? this.conversation(input.conversationId) : null;
    const { conversationId, model, params, systemPrompt, context } = input;
    const query = { conversationId, model, params, systemPrompt, ...(context ? { context } : {}) };
    const view = await this.requests.view(query, conversation);
    const room = view.limit - view.baseTokens - messageTokens - MESSAGE_OVERHEAD;
    const refs = fitDocuments(
      attached.map((a) => a.ref),
      room,
      input.fitDocuments === true,
    );
    for (const a of attached) indexDocument?.(a.ref.id, a.stored.text);
    return refs;
  }

  /** Another version of a reply: the same turns before it, asked again. */
  async regenerate(sender: SenderLike, input: RegenerateInput): Promise<SendResult> {
    const apiKey = await this.options.keys.requireKey();
    const old = this.message(input.messageId, 'assistant');
    refuseEarlyRetry(old);
    const question = old.parentId ? this.options.history.getMessage(old.parentId) : null;
    if (!question) throw new ApiError(appError('not_found', 'The message this reply answers no longer exists.'));
    const { messageId: _, ...settings } = input;
    const conversation = this.options.history.updateConversation(old.conversationId, settingsPatch(settings));
    return this.reply(sender, apiKey, conversation, question, settings);
  }

  /** A new version of a user message; the turns after the old one stay on their own branch. */
  async edit(sender: SenderLike, input: EditInput): Promise<SendResult> {
    const { history } = this.options;
    const apiKey = await this.options.keys.requireKey();
    const old = this.message(input.messageId, 'user');
    const count = await tokenCounter();
    const { messageId: _, content, ...settings } = input;
    const conversation = history.updateConversation(old.conversationId, settingsPatch(settings));
    const userMessage = addUserMessage(history, count, {
      conversationId: old.conversationId,
      parentId: old.parentId,
      content,
      attachments: old.attachments,
      documents: old.documents,
      imagesPinned: old.imagesPinned,
    });
    return this.reply(sender, apiKey, conversation, userMessage, settings);
  }

  /**
   * Sends the thread with the partial reply last, so the model carries on; the new text is appended to it.
   * `maxTokens` raises the chat's limit first (for a reply cut at it).
   */
  async continue(sender: SenderLike, messageId: string, options: ContinueOptions = {}): Promise<Message> {
    const { history } = this.options;
    const apiKey = await this.options.keys.requireKey();
    const message = this.message(messageId, 'assistant');
    if (message.status === 'done' && message.finishReason !== 'length') {
      throw new ApiError(appError('bad_input', 'That reply is already complete.'));
    }
    let conversation = this.conversation(message.conversationId);
    if (options.maxTokens !== undefined) {
      const params = { ...conversation.params, max_tokens: options.maxTokens };
      conversation = history.updateConversation(conversation.id, { params });
    }
    const settings = chatSettings(conversation, settingsOf(conversation, message));
    const { body } = await this.requests.build(message.id, settings, 'continue');
    const streaming = history.updateMessage(messageId, { status: 'streaming', error: null, finishReason: null });
    this.start(sender, streaming, body, apiKey);
    return streaming;
  }

  /** Asks again for a reply that was cut off or failed (after a 429, not before its wait); the old one stays. */
  async retry(sender: SenderLike, messageId: string): Promise<Message> {
    const message = this.message(messageId, 'assistant');
    const settings = settingsOf(this.conversation(message.conversationId), message);
    return (await this.regenerate(sender, { messageId, ...settings })).assistantMessage;
  }

  /** What the next message of a chat would be sent with. */
  async context(query: ContextQuery): Promise<ContextView> {
    const conversation = query.conversationId ? this.conversation(query.conversationId) : null;
    return this.requests.view(query, conversation);
  }

  /** Sends a message's images with every request from now on, or only while it is the newest (the default). */
  async pinImages(messageId: string, pinned: boolean): Promise<Message> {
    const message = this.message(messageId, 'user');
    if (message.attachments.length === 0 && message.documents.length === 0) {
      throw new ApiError(appError('bad_input', 'That message has no images or documents.'));
    }
    return this.options.history.updateMessage(messageId, { imagesPinned: pinned });
  }

  private start(
    sender: SenderLike,
    message: Message,
    request: OpenAI.ChatCompletionCreateParamsStreaming,
    apiKey: BoundKey,
  ) {
    const controller = new AbortController();
    this.running.set(message.id, controller);
    const sink = this.sinkFor(sender, message, apiKey);
    const { history, client, frameMs, saveMs, now } = this.options;
    const deps = {
      history,
      client,
      usage: this.usage,
      frameMs: frameMs ?? 16,
      saveMs: saveMs ?? 500,
      now: now ?? (() => performance.now()),
    };
    void streamReply(deps, sink, message, request, apiKey, controller.signal)
      .finally(() => this.running.delete(message.id))
      .then((final) => sink.end(final));
  }

  /**
   * One column of a compare run: a reply to `question` built like any other, marked with its run and column; the
   * thread on screen stays at the question until the user chooses an answer.
   */
  async replyColumn(
    sender: SenderLike,
    apiKey: BoundKey,
    question: Message,
    settings: ReplySettings,
    mark: CompareMark,
  ): Promise<Message> {
    const { history } = this.options;
    const conversation = this.conversation(question.conversationId);
    const base = { conversationId: conversation.id, parentId: question.id, role: 'assistant' as const, compare: mark };
    let body;
    try {
      body = (await this.requests.build(question.id, chatSettings(conversation, settings), 'reply')).body;
    } catch (caught) {
      // One column that cannot be asked (its model's context is too small) fails alone.
      const error = toAppError(caught);
      const message = history.addMessage({ ...base, content: '', status: 'error', model: settings.model });
      return history.updateMessage(message.id, { error });
    }
    const message = history.addMessage({ ...base, content: '', status: 'streaming', model: settings.model });
    this.start(sender, message, body, apiKey);
    return message;
  }

  /** A new reply to `question`, made the end of the thread on screen. */
  private async reply(
    sender: SenderLike,
    apiKey: BoundKey,
    conversation: Conversation,
    question: Message,
    settings: ReplySettings,
  ): Promise<SendResult> {
    const built = await this.requests.build(question.id, chatSettings(conversation, settings), 'reply');
    const { assistantMessage, updated } = addReply(this.options.history, conversation.id, question, settings.model);
    this.start(sender, assistantMessage, built.body, apiKey);
    return { conversation: updated, userMessage: question, assistantMessage };
  }

  private conversation(id: string): Conversation {
    return conversationOf(this.options.history, id);
  }

  private message(id: string, role: Message['role']): Message {
    return messageOf(this.options.history, id, role, (running) => this.isRunning(running));
  }

  stop(messageId: string): void {
    this.running.get(messageId)?.abort();
  }

  /** Aborts every running stream, e.g. when the app quits; each is saved as stopped. */
  stopAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  isRunning(messageId: string): boolean {
    return this.running.has(messageId);
  }

  /** The thread's channel, or the run's while a compare turn waits for its choice (its replies are not the thread's). */
  private sinkFor(sender: SenderLike, message: Message, apiKey: BoundKey): ReplySink {
    const emit: SenderLike['send'] = (channel, payload) => {
      if (!sender.isDestroyed()) sender.send(channel, payload);
    };
    const runId = message.compare?.runId;
    if (runId && this.options.history.getCompareRun(runId)?.chosenId === null) {
      return {
        delta: (text) => emit('compare.event', { type: 'delta', runId, messageId: message.id, text }),
        end: (final) => emit('compare.event', { type: 'end', runId, message: final }),
      };
    }
    const { conversationId } = message;
    return {
      delta: (text) => emit('chat.event', { type: 'delta', conversationId, messageId: message.id, text }),
      end: (final) => {
        emit('chat.event', { type: 'end', message: final });
        if (final.status === 'done' && !message.compare) void this.nameChat(emit, apiKey, conversationId);
      },
    };
  }

  /** A new chat's first reply is in: the model may name the chat. */
  private async nameChat(emit: SenderLike['send'], apiKey: BoundKey, conversationId: string): Promise<void> {
    const { history, client, titleSettings } = this.options;
    if (!titleSettings) return;
    const conversation = await autoTitle({ history, client, settings: titleSettings }, apiKey, conversationId);
    if (conversation) emit('chat.event', { type: 'title', conversation });
  }
}
