import type OpenAI from 'openai';
import { ApiError, appError, type AppError } from '../../shared/errors';
import type { Message, MessageStatus, Usage } from '../../shared/domain';
import type { HistoryStore, MessagePatch } from '../history/history-store';
import type { BoundKey } from '../keys/key-provider';
import { Batcher } from './batcher';
import { readErrorBody } from './error-body';
import { toChatError } from './to-chat-error';
import { tokenCounter } from './token-count';
import type { UsageOption } from './usage-option';

/** Where a reply's text goes as it arrives: the thread's channel, or a compare run's. */
export interface ReplySink {
  delta(text: string): void;
  end(message: Message): void;
}

export interface ReplyStreamDeps {
  history: HistoryStore;
  usage: UsageOption;
  client(apiKey: BoundKey): OpenAI;
  frameMs: number;
  saveMs: number;
  now: () => number;
}

/**
 * Streams one reply into its message: text to the sink (the first delta at once, then one per frame), saved every
 * `saveMs` and at the end with how it ended. Resolves with the final message; never rejects.
 */
export async function streamReply(
  deps: ReplyStreamDeps,
  sink: ReplySink,
  message: Message,
  request: OpenAI.ChatCompletionCreateParamsStreaming,
  apiKey: BoundKey,
  signal: AbortSignal,
): Promise<Message> {
  const { history, now } = deps;
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
  const deltas = Batcher.leading(deps.frameMs, () => {
    sink.delta(unsent);
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
  const saves = new Batcher(deps.saveMs, () => save({ content }));
  try {
    const stream = await deps.usage.open(deps.client(apiKey), request, signal);
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
    if (signal.aborted) status = 'stopped';
  } catch (caught) {
    if (signal.aborted) {
      status = 'stopped';
    } else {
      status = 'error';
      error = toChatError(caught, content.length > 0, apiKey.key);
    }
  } finally {
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
  return save(ending) ?? { ...message, ...ending };
}
