/**
 * Token counts with gpt-tokenizer's cl100k_base encoding (pure JavaScript, its data inside the package, so it works
 * offline). The models ModelsLab serves have their own tokenizers; cl100k is within a few percent for English and
 * code on Llama 3 and Qwen, which is what a budget needs. Loaded on first use: reading its tables takes ~90 ms.
 */

import type * as Cl100k from 'gpt-tokenizer/encoding/cl100k_base';

export type CountTokens = (text: string) => number;

type Encoder = typeof Cl100k;

// Byte-pair merging is quadratic in the length of one pre-token (a run of letters or of punctuation), so a
// 200,000-letter "word" would hold main for many seconds. Long runs are counted in slices instead: linear, and
// within a token or two per slice of what the whole run would give.
const LONG_RUN = /\S{100,}/g;
const SLICE = 50;
// Text that spells a special token (`<|endoftext|>`) is counted as the plain text it is.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

function counter(encoder: Encoder): CountTokens {
  const count = (text: string) => (text ? encoder.countTokens(text, AS_TEXT) : 0);
  return (text) => {
    let total = 0;
    let last = 0;
    for (const match of text.matchAll(LONG_RUN)) {
      total += count(text.slice(last, match.index));
      for (let i = 0; i < match[0].length; i += SLICE) total += count(match[0].slice(i, i + SLICE));
      last = match.index + match[0].length;
    }
    return total + count(text.slice(last));
  };
}

let loading: Promise<CountTokens> | null = null;

/** The counter, once its tables are loaded; every later call resolves at once. */
export function tokenCounter(): Promise<CountTokens> {
  loading ??= import('gpt-tokenizer/encoding/cl100k_base').then(counter);
  return loading;
}

/** Remembers the counts of the last few long texts that are counted on every request (system prompts). */
export function remembering(count: CountTokens, size = 8): CountTokens {
  const known = new Map<string, number>();
  return (text) => {
    let n = known.get(text);
    if (n === undefined) {
      n = count(text);
      if (known.size >= size) known.delete(known.keys().next().value!);
      known.set(text, n);
    }
    return n;
  };
}
