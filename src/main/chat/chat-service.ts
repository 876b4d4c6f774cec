import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { EditInput, RegenerateInput, ReplySettings, SendInput, SendResult } from '../../shared/contract';
import { threadOf } from '../../shared/thread';
import type { AppError } from '../../shared/errors';
import { ApiError, appError } from '../../shared/errors';
import type { Attachment, Conversation, Message, MessageStatus, Usage } from '../../shared/domain';
import type { AttachmentStore } from '../attachments/attachment-store';
import type { HistoryStore, MessagePatch } from '../history/history-store';
import type { SenderLike } from '../ipc';
import type { KeyProvider } from '../secrets/key-provider';
import { Batcher } from './batcher';
import { readErrorBody } from './error-body';
import { toChatError } from './to-chat-error';

export interface ChatServiceOptions {
  history: HistoryStore;
  keys: KeyProvider;
  attachments: AttachmentStore;
  /** Builds an SDK client for a key; the base URL is the client's business. */
  client(apiKey: string): OpenAI;
  /** How often deltas are sent to the window (one per frame; the first of a reply goes at once). */
  frameMs?: number;
  /** How often a growing reply is saved. */
  saveMs?: number;
  now?: () => number;
}

const TITLE_CHARS = 60;

export function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]!.trim();
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}

/** The request's messages: the system prompt, then every turn that has text; images as `image_url` parts. */
function toApiMessages(
  systemPrompt: string,
  messages: Message[],
  readImage: (attachment: Attachment) => string,
): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  if (systemPrompt.trim()) out.push({ role: 'system', content: systemPrompt });
  for (const m of messages) {
    if (!m.content || m.role === 'system') continue;
    if (m.role === 'user' && m.attachments.length > 0) {
      out.push({
        role: 'user',
        content: [
          { type: 'text', text: m.content },
          ...m.attachments.map((a) => ({ type: 'image_url' as const, image_url: { url: readImage(a) } })),
        ],
      });
    } else {
      out.push({ role: m.role, content: m.content });
    }
  }
  return out;
}

export class ChatService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly options: ChatServiceOptions) {}

  /** Saves the user's message and an empty reply, starts the stream and returns without waiting for it. */
  async send(sender: SenderLike, input: SendInput): Promise<SendResult> {
    const { history } = this.options;
    const apiKey = await this.requireKey();
    const settings = { model: input.model, params: input.params, systemPrompt: input.systemPrompt };
    let conversation: Conversation;
    if (input.conversationId) {
      conversation = history.updateConversation(this.conversation(input.conversationId).id, settings);
    } else {
      conversation = history.createConversation({ ...settings, title: titleFrom(input.content) });
    }
    const earlier = threadOf(history.listMessages(conversation.id), conversation.leafId);
    const userMessage = history.addMessage({
      conversationId: conversation.id,
      parentId: earlier.at(-1)?.id ?? null,
      role: 'user',
      content: input.content,
      attachments: input.images.map((image) => this.options.attachments.save(image)),
      status: 'done',
      model: null,
    });
    return this.reply(sender, apiKey, conversation.id, [...earlier, userMessage], settings);
  }

  /** Another version of a reply: the same turns before it, asked again. */
  async regenerate(sender: SenderLike, input: RegenerateInput): Promise<SendResult> {
    const apiKey = await this.requireKey();
    const old = this.message(input.messageId, 'assistant');
    const before = this.threadTo(old.conversationId, old.parentId);
    const { messageId: _, ...settings } = input;
    this.options.history.updateConversation(old.conversationId, settings);
    return this.reply(sender, apiKey, old.conversationId, before, settings);
  }

  /** A new version of a user message; the turns after the old one stay on their own branch. */
  async edit(sender: SenderLike, input: EditInput): Promise<SendResult> {
    const { history } = this.options;
    const apiKey = await this.requireKey();
    const old = this.message(input.messageId, 'user');
    const before = this.threadTo(old.conversationId, old.parentId);
    const { messageId: _, content, ...settings } = input;
    history.updateConversation(old.conversationId, settings);
    const userMessage = history.addMessage({
      conversationId: old.conversationId,
      parentId: old.parentId,
      role: 'user',
      content,
      attachments: old.attachments,
      status: 'done',
      model: null,
    });
    return this.reply(sender, apiKey, old.conversationId, [...before, userMessage], settings);
  }

  /** Sends the thread with the partial reply last, so the model carries on; the new text is appended to it. */
  async continue(sender: SenderLike, messageId: string): Promise<Message> {
    const apiKey = await this.requireKey();
    const message = this.message(messageId, 'assistant');
    if (message.status === 'done') throw new ApiError(appError('bad_input', 'That reply is already complete.'));
    const conversation = this.conversation(message.conversationId);
    const thread = this.threadTo(message.conversationId, message.id);
    const streaming = this.options.history.updateMessage(messageId, { status: 'streaming', error: null });
    this.start(sender, streaming, this.request(this.settingsOf(conversation, message), thread), apiKey);
    return streaming;
  }

  /** Asks again for a reply that was cut off or failed; the old one stays as a version. */
  async retry(sender: SenderLike, messageId: string): Promise<Message> {
    const message = this.message(messageId, 'assistant');
    const settings = this.settingsOf(this.conversation(message.conversationId), message);
    return (await this.regenerate(sender, { messageId, ...settings })).assistantMessage;
  }

  private settingsOf(conversation: Conversation, message: Message): ReplySettings {
    return {
      model: message.model ?? conversation.model,
      params: conversation.params,
      systemPrompt: conversation.systemPrompt,
    };
  }

  private request(settings: ReplySettings, thread: Message[]): OpenAI.ChatCompletionCreateParamsStreaming {
    return {
      ...settings.params,
      model: settings.model,
      messages: toApiMessages(settings.systemPrompt, thread, (a) => this.options.attachments.read(a)),
      stream: true,
    };
  }

  private start(
    sender: SenderLike,
    message: Message,
    request: OpenAI.ChatCompletionCreateParamsStreaming,
    apiKey: string,
  ) {
    const controller = new AbortController();
    this.running.set(message.id, controller);
    void this.stream(sender, message, request, apiKey, controller);
  }

  private reply(
    sender: SenderLike,
    apiKey: string,
    conversationId: string,
    thread: Message[],
    settings: ReplySettings,
  ): SendResult {
    const { history } = this.options;
    const userMessage = thread.at(-1)!;
    const assistantMessage = history.addMessage({
      conversationId,
      parentId: userMessage.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      model: settings.model,
    });
    const conversation = history.updateConversation(conversationId, { leafId: assistantMessage.id });
    this.start(sender, assistantMessage, this.request(settings, thread), apiKey);
    return { conversation, userMessage, assistantMessage };
  }

  private async requireKey(): Promise<string> {
    const apiKey = await this.options.keys.getKey();
    if (!apiKey) throw new ApiError(appError('no_key', 'Add your ModelsLab API key to start chatting.'));
    return apiKey;
  }

  private conversation(id: string): Conversation {
    const conversation = this.options.history.getConversation(id);
    if (!conversation) throw new ApiError(appError('not_found', 'That conversation no longer exists.'));
    return conversation;
  }

  private message(id: string, role: Message['role']): Message {
    const message = this.options.history.getMessage(id);
    if (!message || message.role !== role) throw new ApiError(appError('not_found', 'That message no longer exists.'));
    if (this.running.has(id)) throw new ApiError(appError('bad_input', 'Stop the reply first.'));
    return message;
  }

  /** The thread from the root down to `id` (empty for null). */
  private threadTo(conversationId: string, id: string | null): Message[] {
    return id ? threadOf(this.options.history.listMessages(conversationId), id) : [];
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
    apiKey: string,
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
      const stream = await client.chat.completions.create(request, { signal: controller.signal });
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
        error = toChatError(caught, content.length > 0, apiKey);
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
    const final = save({ content, status, error, usage, stats }) ?? {
      ...message,
      content,
      status,
      error,
      usage,
      stats,
    };
    emit('chat.event', { type: 'end', message: final });
  }
}
