import type OpenAI from 'openai';
import { ApiError, appError } from '../../shared/errors';
import { toChatError } from '../chat/to-chat-error';
import { readContextLength } from './context-lengths';

/** A model as the server lists it. */
export interface RemoteModel {
  id: string;
  contextLength: number | null;
}

const TIMEOUT_MS = 15_000;

/** ModelsLab documents `/v1/models`; OpenAI-compatible servers (and the SDK) use `/models`. */
const PATHS = ['/models', '/v1/models'];

/** The endpoint is missing or answered something else than a list: worth another path (a bad key is a bad key). */
export function isMissingEndpoint(error: unknown): boolean {
  const code = error instanceof ApiError ? error.code : null;
  return code === 'not_found' || code === 'bad_response' || code === 'bad_request';
}

function readList(body: unknown): RemoteModel[] {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) throw new ApiError(appError('bad_response', 'The models list had no `data` array.'));
  return data.flatMap((m) => {
    const id = typeof m === 'string' ? m : (m as { id?: unknown })?.id;
    return typeof id === 'string' && id.length > 0 ? [{ id, contextLength: readContextLength(m) }] : [];
  });
}

/**
 * Lists models through the chat's own client (so the key's origin check, the refused redirects and the error
 * mapping are the chat's), trying `/models` and then `/v1/models`; the SDK sends the key as a bearer token and
 * ModelsLab's documented endpoint wants it in `x-api-key` as well.
 */
export async function fetchModels(client: OpenAI): Promise<RemoteModel[]> {
  let last: unknown;
  for (const path of PATHS) {
    try {
      const body = await client.get<unknown>(path, {
        headers: { 'x-api-key': client.apiKey },
        timeout: TIMEOUT_MS,
      });
      return readList(body);
    } catch (error) {
      last = new ApiError(toChatError(error, false, client.apiKey));
      if (!isMissingEndpoint(last)) break;
    }
  }
  throw last;
}
