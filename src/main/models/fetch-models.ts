import { ApiError, appError } from '../../shared/errors';
import { parseJson, readErrorBody, retryAfterHeader } from '../chat/error-body';
import { codeForStatus } from '../chat/to-chat-error';
import { redact } from '../keys/redact';
import type { BoundKey } from '../keys/key-provider';
import { assertBound, keyedFetch, type FetchLike } from '../keys/keyed-fetch';
import { readContextLength } from './context-lengths';

/** A model as the server lists it. */
export interface RemoteModel {
  id: string;
  contextLength: number | null;
}

const TIMEOUT_MS = 15_000;

/** ModelsLab documents `/v1/models`; OpenAI-compatible servers (and the SDK) use `/models`. */
const PATHS = ['/models', '/v1/models'];

async function fetchOne(fetchImpl: FetchLike, url: string, apiKey: string): Promise<RemoteModel[]> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${apiKey}`, 'x-api-key': apiKey, accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
    throw new ApiError(appError('network', message || 'The server could not be reached.'));
  }
  const body = parseJson(await response.text());
  const problem = readErrorBody(body);
  if (!response.ok || problem) {
    const status = response.ok ? undefined : response.status;
    const code = status ? codeForStatus(status) : 'api_error';
    const retryAfter = problem?.retryAfter ?? retryAfterHeader(response.headers);
    throw new ApiError(
      appError(code, problem?.message ?? `HTTP ${response.status}`, {
        ...(status ? { status } : {}),
        ...(retryAfter !== undefined ? { retryAfter } : {}),
      }),
    );
  }
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) throw new ApiError(appError('bad_response', 'The models list had no `data` array.'));
  return data.flatMap((m) => {
    const id = typeof m === 'string' ? m : (m as { id?: unknown })?.id;
    return typeof id === 'string' && id.length > 0 ? [{ id, contextLength: readContextLength(m) }] : [];
  });
}

/**
 * Lists models, trying `/models` and then `/v1/models`, sending the key both ways the two paths expect; only to
 * the key's own origin, never following a redirect.
 */
export async function fetchModels(
  baseUrl: string,
  key: BoundKey,
  fetchImpl: FetchLike = fetch,
): Promise<RemoteModel[]> {
  assertBound(baseUrl, key);
  const keyed = keyedFetch(key, fetchImpl);
  let last: unknown;
  for (const path of PATHS) {
    try {
      return await fetchOne(keyed, `${baseUrl}${path}`, key.key);
    } catch (error) {
      last = error;
      const code = error instanceof ApiError ? error.code : null;
      // Only a missing or unreadable endpoint is worth the other path; a bad key is a bad key.
      if (code !== 'not_found' && code !== 'bad_response' && code !== 'bad_request') break;
    }
  }
  if (last instanceof ApiError) {
    throw new ApiError({ ...appError(last.code, redact(last.message, [key.key])), ...pick(last) });
  }
  throw last;
}

function pick(error: ApiError) {
  return {
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
  };
}
