import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { SendInput, SendResult } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { ApiError, appError } from '../../shared/errors';
import type { Conversation, Message, MessageStatus, Usage } from '../../shared/domain';
import type { HistoryStore, MessagePatch } from '../history/history-store';
import type { SenderLike } from '../ipc';
import type { KeyProvider } from '../secrets/key-provider';
import { Batcher } from './batcher';
import { readErrorBody } from './error-body';
import { toChatError } from './to-chat-error';

export interface ChatServiceOptions {
  history: HistoryStore;
  keys: KeyProvider;
  /** Builds an SDK client for a key; the base URL is the client's business. */
  client(apiKey: string): OpenAI;
  /** How often deltas are sent to the window (one per frame). */
  frameMs?: number;
  /** How often a growing reply is saved. */
  saveMs?: number;
}

const TITLE_CHARS = 60;

export function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]!.trim();
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}

/** The request's messages: the system prompt, then every turn that has text. */
function toApiMessages(systemPrompt: string, messages: Message[]): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  if (systemPrompt.trim()) out.push({ role: 'system', content: systemPrompt });
  for (const m of messages) {
    if (m.content && m.role !== 'system') out.push({ role: m.role, content: m.content });
  }
  return out;
}

export class ChatService {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly options: ChatServiceOptions) {}

  /** Saves the user's message and an empty reply, starts the stream and returns without waiting for it. */
  async send(sender: SenderLike, input: SendInput): Promise<SendResult> {
    const { history } = this.options;
    const apiKey = await this.options.keys.getKey();
    if (!apiKey) throw new ApiError(appError('no_key', 'Add your ModelsLab API key to start chatting.'));

    const settings = { model: input.model, params: input.params, systemPrompt: input.systemPrompt };
    let conversation: Conversation;
    if (input.conversationId) {
      if (!history.getConversation(input.conversationId)) {
        throw new ApiError(appError('not_found', 'That conversation no longer exists.'));
      }
      conversation = history.updateConversation(input.conversationId, settings);
    } else {
      conversation = history.createConversation({ ...settings, title: titleFrom(input.content) });
    }
    const earlier = history.listMessages(conversation.id);
    const userMessage = history.addMessage({
      conversationId: conversation.id,
      parentId: earlier.at(-1)?.id ?? null,
      role: 'user',
      content: input.content,
      status: 'done',
      model: null,
    });
    const assistantMessage = history.addMessage({
      conversationId: conversation.id,
      parentId: userMessage.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      model: input.model,
    });
    const request = this.request(input, [...earlier, userMessage]);
    this.start(sender, assistantMessage, request, apiKey);
    return { conversation: history.getConversation(conversation.id)!, userMessage, assistantMessage };
  }

  /** Sends the conversation with the partial reply last, so the model carries on; the new text is appended to it. */
  continue(sender: SenderLike, messageId: string): Promise<Message> {
    return this.resume(sender, messageId, true);
  }

  /** Asks again for a reply that was cut off or failed, replacing its text. */
  retry(sender: SenderLike, messageId: string): Promise<Message> {
    return this.resume(sender, messageId, false);
  }

  private async resume(sender: SenderLike, messageId: string, keepText: boolean): Promise<Message> {
    const { history } = this.options;
    const message = history.getMessage(messageId);
    const conversation = message && history.getConversation(message.conversationId);
    if (!message || !conversation || message.role !== 'assistant') {
      throw new ApiError(appError('not_found', 'That reply no longer exists.'));
    }
    if (this.running.has(messageId) || message.status === 'streaming' || message.status === 'done') {
      throw new ApiError(
        appError('bad_input', 'Only a stopped, interrupted or failed reply can be continued or retried.'),
      );
    }
    const apiKey = await this.options.keys.getKey();
    if (!apiKey) throw new ApiError(appError('no_key', 'Add your ModelsLab API key to start chatting.'));
    const all = history.listMessages(conversation.id);
    const index = all.findIndex((m) => m.id === messageId);
    const context = all.slice(0, keepText ? index + 1 : index);
    const reset = keepText
      ? { status: 'streaming' as const, error: null }
      : { content: '', status: 'streaming' as const, error: null, usage: null };
    const streaming = history.updateMessage(messageId, reset);
    const model = message.model ?? conversation.model;
    const request = this.request(
      { model, params: conversation.params, systemPrompt: conversation.systemPrompt },
      context,
    );
    this.start(sender, streaming, request, apiKey);
    return streaming;
  }

  private request(
    settings: Pick<SendInput, 'model' | 'params' | 'systemPrompt'>,
    messages: Message[],
  ): OpenAI.ChatCompletionCreateParamsStreaming {
    return {
      ...settings.params,
      model: settings.model,
      messages: toApiMessages(settings.systemPrompt, messages),
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
    // A continued reply keeps the text it had.
    let content = message.content;
    let unsent = '';
    let usage: Usage | null = null;
    let status: MessageStatus = 'done';
    let error: AppError | null = null;
    const deltas = new Batcher(this.options.frameMs ?? 16, () => {
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
    const final = save({ content, status, error, usage }) ?? { ...message, content, status, error, usage };
    emit('chat.event', { type: 'end', message: final });
  }
}
