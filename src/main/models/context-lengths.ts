/**
 * How many tokens a model reads at once. The server's model list wins when it says (OpenRouter, Together and vLLM
 * each name the field differently); otherwise a small table of the families ModelsLab serves, by their published
 * context windows. A chat's own setting wins over both (see request-context.ts).
 */

const FIELDS = ['context_length', 'context_window', 'max_model_len', 'max_context_length', 'context_size'] as const;
const MIN = 256;
const MAX = 10_000_000;

function positive(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= MIN && n <= MAX ? n : null;
}

/** The context length a models-list entry states, if it states a sane one. */
export function readContextLength(entry: unknown): number | null {
  if (!entry || typeof entry !== 'object') return null;
  const e = entry as Record<string, unknown>;
  for (const field of FIELDS) {
    const found = positive(e[field]);
    if (found !== null) return found;
  }
  const provider = e.top_provider as Record<string, unknown> | undefined;
  return provider && typeof provider === 'object' ? positive(provider.context_length) : null;
}

/** First match wins, so the more specific spellings come first. */
const KNOWN: readonly [RegExp, number][] = [
  [/llama-?4/i, 131_072],
  [/llama-?3[.-][123]\b/i, 131_072],
  [/llama-?3\b/i, 8192],
  [/llama-?2\b/i, 4096],
  [/qwen-?2\.5-vl/i, 32_768],
  [/qwen-?(2\.5|3)\b|qwq/i, 32_768],
  [/deepseek-?(r1|v3)/i, 65_536],
  [/mixtral-8x22b/i, 65_536],
  [/mixtral|mistral/i, 32_768],
  [/gemma-?3\b/i, 131_072],
  [/gemma-?2\b/i, 8192],
];

export function knownContextLength(model: string): number | null {
  return KNOWN.find(([pattern]) => pattern.test(model))?.[1] ?? null;
}
