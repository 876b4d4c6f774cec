import { IMAGE_TOKENS, MESSAGE_OVERHEAD, REPLY_PRIMING, DEFAULT_MAX_TOKENS } from '../src/shared/context';
import type { CountTokens } from '../src/main/chat/token-count';

/**
 * What a strict OpenAI-compatible server (vLLM with a Llama or Mistral chat template, for one) refuses with 400:
 * a system message anywhere but first, a thread that does not start with the user or does not alternate, empty
 * messages, content parts on anything but a user message, `stream_options` without `stream`, and a request that
 * with its `max_tokens` does not fit the model's context.
 */

interface Part {
  type?: unknown;
  text?: unknown;
  image_url?: { url?: unknown };
}

function contentProblem(role: string, content: unknown): string | null {
  if (typeof content === 'string') return content.trim() ? null : `an empty ${role} message`;
  if (role !== 'user' || !Array.isArray(content) || content.length === 0) return `${role} content must be text`;
  for (const part of content as Part[]) {
    if (part?.type === 'text' && typeof part.text === 'string' && part.text.trim()) continue;
    if (part?.type === 'image_url' && typeof part.image_url?.url === 'string' && part.image_url.url.startsWith('data:'))
      continue;
    return 'a content part that is neither text nor an image';
  }
  return null;
}

export function threadProblem(body: unknown): string | null {
  if (!body || typeof body !== 'object') return 'the body is not a JSON object';
  const { messages, stream, stream_options: streamOptions, max_tokens: maxTokens } = body as Record<string, unknown>;
  if (!Array.isArray(messages) || messages.length === 0) return 'messages must be a non-empty list';
  if (streamOptions !== undefined && stream !== true) return 'stream_options is only allowed with stream';
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && (maxTokens as number) >= 1)) {
    return 'max_tokens must be a positive integer';
  }
  let expected: 'user' | 'assistant' = 'user';
  for (const [i, message] of (messages as { role?: unknown; content?: unknown }[]).entries()) {
    const role = message?.role;
    if (role === 'system' && i === 0) {
      const problem = contentProblem('system', message.content);
      if (problem) return problem;
      continue;
    }
    if (role === 'system') return `a system message at position ${i}`;
    if (role !== 'user' && role !== 'assistant') return `an unknown role at position ${i}`;
    if (role !== expected) {
      return `conversation roles must alternate user/assistant/user/assistant/...: found ${String(role)} at position ${i}`;
    }
    const problem = contentProblem(role, message.content);
    if (problem) return `${problem} at position ${i}`;
    expected = expected === 'user' ? 'assistant' : 'user';
  }
  return null;
}

/** The request's prompt as the budget counts it: each message's text and template, images, and the priming. */
export function promptTokens(body: { messages: { content: unknown }[] }, count: CountTokens): number {
  let total = REPLY_PRIMING;
  for (const { content } of body.messages) {
    total += MESSAGE_OVERHEAD;
    if (typeof content === 'string') total += count(content);
    else for (const part of content as Part[]) total += part.type === 'text' ? count(String(part.text)) : IMAGE_TOKENS;
  }
  return total;
}

/** The request with its max_tokens, as a server checks it against the model's context. */
export function requestedTokens(body: { messages: { content: unknown }[]; max_tokens?: number }, count: CountTokens) {
  return promptTokens(body, count) + (body.max_tokens ?? DEFAULT_MAX_TOKENS);
}
