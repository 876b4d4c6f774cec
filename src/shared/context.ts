import type { ContextSettings } from './contract';
import { PARAM_SPECS } from './domain';

/**
 * The arithmetic of a request's context, shared by main (which counts exactly with a tokenizer when a message is
 * saved) and the window (which only estimates while the user types). Token counts are estimates either way: the
 * models ModelsLab serves use their own tokenizers, so the budget keeps the fixed costs below on the safe side.
 */

/** What the chat template adds around each message (role markers, separators). */
export const MESSAGE_OVERHEAD = 4;
/** What the server adds to prime the reply. */
export const REPLY_PRIMING = 3;
/** One image as a vision model sees it: the servers resize images to roughly a megapixel, about this many tokens. */
export const IMAGE_TOKENS = 1000;
/** ModelsLab's own default for `max_tokens`, reserved for the reply when the chat sets none. */
export const DEFAULT_MAX_TOKENS = PARAM_SPECS.max_tokens.serverDefault!;
/** A chat's context settings until the user changes them: the model's own length, every message that fits. */
export const NO_CONTEXT: ContextSettings = { contextLength: null, sendLast: null };

/** For a model nobody says anything about: small Llama models read 8k. */
export const DEFAULT_CONTEXT_LENGTH = 8192;

/**
 * A quick estimate of a text's tokens for the composer, cheap enough for every keystroke: about four characters
 * of ASCII per token, and about one token per character of other scripts (CJK and emoji take one or more).
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The second half of a surrogate pair adds nothing: the pair is one character.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (code < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4 + other);
}

/** How many of `costs` (newest first) fit together in `room`, stopping at the first that does not. */
export function fitNewest(costs: readonly number[], room: number): number {
  let used = 0;
  for (let i = 0; i < costs.length; i++) {
    used += costs[i]!;
    if (used > room) return i;
  }
  return costs.length;
}
