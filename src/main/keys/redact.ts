export const REDACTED = '[redacted]';

type Secrets = readonly (string | null | undefined)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A quote, plain or URL-encoded. */
const Q = `(?:["']|%22|%27)?`;
/** `:` or `=`, plain or URL-encoded. */
const SEP = `(?:[:=]|%3[ad])`;
/**
 * A value after a key-like name: `key=…`, `"key": "…"` (ModelsLab's legacy body field), `api_key=…`, `"apiKey":…`,
 * `x-api-key: …`, `Authorization: Bearer …` / `Basic …`, and the same URL-encoded (`api_key%3D…`).
 */
const NAMED_SECRET = new RegExp(
  `((?:(?<![a-z0-9])|(?<=%[0-9a-f]{2}))(?:key|api[_-]?key|x-api-key|secret|[a-z_]*token|password|authorization)${Q}\\s*${SEP}\\s*${Q}` +
    `(?:(?:bearer|basic)(?:\\s|%20|\\+)+)?)((?:(?!%2[2c7]|%26)[^\\s"',;}&])+)`,
  'gi',
);
const SCHEME_TOKEN = /((?:bearer|basic)(?:\s|%20|\+)+)((?:(?!%2[2c7]|%26)[^\s"',;}&])+)/gi;
/** Long unbroken runs of letters and digits, the shape of API keys (ModelsLab's, OpenAI's `sk-…`). */
const LONG_TOKEN = /[A-Za-z0-9_-]{32,}/g;

function looksLikeKey(token: string): boolean {
  return /[A-Za-z]/.test(token) && /\d/.test(token) && !UUID.test(token);
}

/** The base64 text that encodes `secret` wherever it sits in a longer string: one per byte alignment. */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const out: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
    // Characters that depend only on the secret's bytes: skip the group shared with the padding, and the last
    // group when the secret ends inside it.
    const core = encoded.slice(pad === 0 ? 0 : 4, Math.floor((pad + bytes.length) / 3) * 4);
    if (core.length >= 8) out.push(core, core.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return out;
}

/**
 * Every form a secret can take inside a longer text: as is, URL-encoded, base64 (standard and URL-safe, at each
 * alignment, so `Bearer <key>` or `user:<key>` encoded whole is found too) and hex.
 */
export function secretForms(secret: string): string[] {
  const hex = Buffer.from(secret).toString('hex');
  const forms = [secret, encodeURIComponent(secret), ...base64Forms(secret), hex, hex.toUpperCase()];
  return [...new Set(forms)];
}

/**
 * Removes API keys from text bound for a log file or an error message: the given keys in every form they can take,
 * values after key-like names, bearer and basic credentials, and anything shaped like a key. Conversation ids
 * (UUIDs) stay readable.
 */
export function redact(text: string, secrets: Secrets = []): string {
  let out = text;
  for (const secret of secrets) {
    // A very short "secret" would blank out ordinary words; real keys are far longer.
    if (!secret || secret.length < 8) continue;
    for (const form of secretForms(secret)) out = out.split(form).join(REDACTED);
  }
  const keepName = (match: string, name: string, value: string) => (value === REDACTED ? match : name + REDACTED);
  return out
    .replace(NAMED_SECRET, keepName)
    .replace(SCHEME_TOKEN, keepName)
    .replace(LONG_TOKEN, (token) => (looksLikeKey(token) ? REDACTED : token));
}

const SECRET_NAME = /key|secret|token|password|authorization|cookie/i;
const MAX_DEPTH = 8;

/**
 * Redacts every string inside a logged value: errors (message, stack, cause), arrays, plain and class objects, Maps,
 * Sets, Headers and URLs, to a bounded depth and safe against cycles. Strings under key-like names go whole.
 */
export function redactValue(value: unknown, secrets: Secrets = []): unknown {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redact(v, secrets);
    if (v === null || typeof v !== 'object') return v;
    if (depth > MAX_DEPTH) return '[too deep]';
    if (seen.has(v)) return '[circular]';
    seen.add(v);
    const entry = ([k, item]: [unknown, unknown]): [unknown, unknown] => [
      typeof k === 'string' ? redact(k, secrets) : k,
      typeof k === 'string' && SECRET_NAME.test(k) && typeof item === 'string' ? REDACTED : walk(item, depth + 1),
    ];
    if (v instanceof Error) {
      const copy = new Error(redact(v.message, secrets), v.cause === undefined ? {} : { cause: walk(v.cause, depth) });
      copy.name = v.name;
      copy.stack = v.stack === undefined ? undefined : redact(v.stack, secrets);
      for (const [k, item] of Object.entries(v)) (copy as unknown as Record<string, unknown>)[k] = entry([k, item])[1];
      return copy;
    }
    if (Array.isArray(v)) return v.map((item) => walk(item, depth + 1));
    if (v instanceof Map || (typeof Headers !== 'undefined' && v instanceof Headers)) {
      return new Map([...(v as Map<unknown, unknown>).entries()].map(entry));
    }
    if (v instanceof Set) return new Set([...v].map((item) => walk(item, depth + 1)));
    if (v instanceof URL || v instanceof URLSearchParams) return redact(v.toString(), secrets);
    if (v instanceof Date) return v;
    if (ArrayBuffer.isView(v)) return `[${v.byteLength} bytes]`;
    return Object.fromEntries(Object.entries(v).map((e) => entry(e)));
  };
  return walk(value, 0);
}

/** Makes every message pass through redaction before any transport (file, console) writes it; `hooks` is electron-log's. */
export function installRedaction<M extends { data: unknown[] }>(
  hooks: Array<(message: M) => M | false>,
  secrets: () => Secrets,
): void {
  hooks.push((message) => {
    const known = secrets();
    message.data = message.data.map((item) => redactValue(item, known));
    return message;
  });
}
