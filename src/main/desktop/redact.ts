export const REDACTED = '[redacted]';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A value after a key-like name: `api_key=…`, `"apiKey": "…"`, `x-api-key: …`, `Authorization: Bearer …`. */
const NAMED_SECRET =
  /((?:api[_-]?key|x-api-key|secret|token|password|authorization)["']?\s*[:=]\s*["']?(?:bearer\s+)?)([^\s"',;}&]+)/gi;
const BEARER = /(bearer\s+)([^\s"',;}&]+)/gi;
/** Long unbroken runs of letters and digits, the shape of API keys (ModelsLab's, OpenAI's `sk-…`). */
const LONG_TOKEN = /[A-Za-z0-9_-]{32,}/g;

function looksLikeKey(token: string): boolean {
  return /[A-Za-z]/.test(token) && /\d/.test(token) && !UUID.test(token);
}

/**
 * Removes API keys from text bound for a log file: the configured keys themselves wherever they appear, values
 * after key-like names, bearer tokens, and anything shaped like a key. Conversation ids (UUIDs) stay readable.
 */
export function redact(text: string, secrets: readonly (string | null | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // A very short "secret" would blank out ordinary words; real keys are far longer.
    if (secret && secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(NAMED_SECRET, (_m, name: string, value: string) => (value === REDACTED ? _m : `${name}${REDACTED}`))
    .replace(BEARER, (_m, name: string, value: string) => (value === REDACTED ? _m : `${name}${REDACTED}`))
    .replace(LONG_TOKEN, (token) => (looksLikeKey(token) ? REDACTED : token));
}

/** Redacts every string inside a logged value: errors (message and stack), arrays and plain objects. */
export function redactValue(value: unknown, secrets: readonly (string | null | undefined)[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const copy = new Error(redact(value.message, secrets));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redact(value.stack, secrets);
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      /key|secret|token|password|authorization/i.test(k) && typeof v === 'string'
        ? REDACTED
        : redactValue(v, secrets, depth + 1),
    ]),
  );
}

/** Makes every message pass through redaction before any transport (file, console) writes it; `hooks` is electron-log's. */
export function installRedaction<M extends { data: unknown[] }>(
  hooks: Array<(message: M) => M | false>,
  secrets: () => readonly (string | null | undefined)[],
): void {
  hooks.push((message) => {
    const known = secrets();
    message.data = message.data.map((item) => redactValue(item, known));
    return message;
  });
}
