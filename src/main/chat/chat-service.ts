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
import { ApiError, appError, type AppError } from '../../shared/errors';
import { MESSAGE_OVERHEAD } from '../../shared/context';
import type { Conversation, DocumentRef, Message, MessageStatus, Usage } from '../../shared/domain';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { DocumentService } from '../documents/document-service';
import type { DocumentStore } from '../documents/document-store';
import { fitDocuments } from './document-fit';
import type { HistoryStore, MessagePatch } from '../history/history-store';
import type { SenderLike } from '../ipc';
import type { BoundKey, KeyProvider } from '../keys/key-provider';
import { autoTitle, type AutoTitleOptions } from './auto-title';
import { Batcher } from './batcher';
import { addReply, addUserMessage, chatFor, conversationOf, messageOf, settingsOf } from './chat-records';
import { readErrorBody } from './error-body';
import { chatSettings, RequestContext, settingsPatch } from './request-context';
import { refuseEarlyRetry } from './retry-wait';
import { toChatError } from './to-chat-error';
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
    void this.stream(sender, message, request, apiKey, controller);
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

  private async stream(
    sender: SenderLike,
    message: Message,
    request: OpenAI.ChatCompletionCreateParamsStreaming,
    apiKey: BoundKey,
    controller: AbortController,
  ): Promise<void> {
    const { history } = this.options;
    const emit: SenderLike['send'] = (channel, payload) => {
      if (!sender.isDestroyed()) sender.send(channel, payload);
    };
    const now = this.options.now ?? (() => performance.now());
    const startedAt = now();
    let firstTokenAt: number | null = null;
    let chunks = 0;
    // A continued reply keeps the text it had.
    let content = message.content;
    let unsent = '';
    let usage: Usage | null = null;
    let finishReason: string | null = null;
    let status: MessageStatus = 'done';
    let error: AppError | null = null;
    const deltas = Batcher.leading(this.options.frameMs ?? 16, () => {
      emit('chat.event', {
        type: 'delta',
        conversationId: message.conversationId,
        messageId: message.id,
        text: unsent,
      });
      unsent = '';
    });
    // A failed save (disk full, history closed) must not take main down; the text is still in memory.
    const save = (patch: MessagePatch): Message | null => {
      try {
        return history.updateMessage(message.id, patch);
      } catch {
        return null;
      }
    };
    const saves = new Batcher(this.options.saveMs ?? 500, () => save({ content }));
    try {
      const client = this.options.client(apiKey);
      const stream = await this.usage.open(client, request, controller.signal);
      for await (const chunk of stream) {
        // ModelsLab's own error shape can arrive as a data event after HTTP 200.
        const inStream = readErrorBody(chunk);
        if (inStream) throw new ApiError(appError('api_error', inStream.message));
        const text = chunk.choices?.[0]?.delta?.content;
        if (text) {
          firstTokenAt ??= now();
          chunks++;
          content += text;
          unsent += text;
          deltas.mark();
          saves.mark();
        }
        const finish = chunk.choices?.[0]?.finish_reason;
        if (finish) finishReason = String(finish).slice(0, 40);
        if (chunk.usage) {
          usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
        }
      }
      // An aborted SDK stream ends its loop quietly.
      if (controller.signal.aborted) status = 'stopped';
    } catch (caught) {
      if (controller.signal.aborted) {
        status = 'stopped';
      } else {
        status = 'error';
        error = toChatError(caught, content.length > 0, apiKey.key);
      }
    } finally {
      this.running.delete(message.id);
      deltas.flush();
      saves.flush();
    }
    const stats = {
      firstTokenMs: firstTokenAt === null ? null : Math.round(firstTokenAt - startedAt),
      totalMs: Math.round(now() - startedAt),
      chunks,
    };
    const tokens = (await tokenCounter())(content);
    const ending = { content, status, error, usage, stats, finishReason, tokens };
    const final = save(ending) ?? { ...message, ...ending };
    emit('chat.event', { type: 'end', message: final });
    if (status === 'done') void this.nameChat(emit, apiKey, message.conversationId);
  }

  /** A new chat's first reply is in: the model may name the chat. */
  private async nameChat(emit: SenderLike['send'], apiKey: BoundKey, conversationId: string): Promise<void> {
    const { history, client, titleSettings } = this.options;
    if (!titleSettings) return;
    const conversation = await autoTitle({ history, client, settings: titleSettings }, apiKey, conversationId);
    if (conversation) emit('chat.event', { type: 'title', conversation });
  }
}
