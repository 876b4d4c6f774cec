export interface ErrorBody {
  message: string;
  retryAfter?: number;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value;
  if (value && typeof value === 'object') return JSON.stringify(value);
  return undefined;
}

function seconds(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * Reads either of ModelsLab's error shapes: `{"error":{"message",...}}` and
 * `{"status":"error","message":...}` (legacy endpoints spell it `messege`). null when the body is no error.
 */
export function readErrorBody(body: unknown): ErrorBody | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  let out: ErrorBody | null = null;
  if (b.error !== undefined && b.error !== null) {
    const inner = b.error as Record<string, unknown> | string;
    out = { message: (typeof inner === 'string' ? inner : text(inner.message)) ?? text(inner) ?? 'Unknown error' };
    if (typeof inner === 'object') {
      const retryAfter = seconds(inner.retry_after);
      if (retryAfter !== undefined) out.retryAfter = retryAfter;
    }
  } else if (b.status === 'error') {
    out = { message: text(b.message) ?? text(b.messege) ?? 'Unknown error' };
  }
  if (out && out.retryAfter === undefined) {
    const retryAfter = seconds(b.retry_after);
    if (retryAfter !== undefined) out.retryAfter = retryAfter;
  }
  return out;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function retryAfterHeader(headers: Headers | undefined): number | undefined {
  return seconds(headers?.get('retry-after') ?? undefined);
}
