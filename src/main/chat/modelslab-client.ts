import OpenAI from 'openai';
import { ApiError, appError } from '../../shared/errors';
import { assertBound, keyedFetch, type FetchLike } from '../keys/keyed-fetch';
import type { BoundKey } from '../keys/key-provider';
import { parseJson, readErrorBody } from './error-body';

export type { FetchLike };

/**
 * Puts ModelsLab's responses into the shape the SDK understands: an error body in either shape
 * becomes `{"error":{...}}` with its status kept, and an HTTP 200 that carries an error is thrown
 * as one instead of being read as an empty stream.
 */
function normalizingFetch(base: FetchLike): FetchLike {
  return async (input, init) => {
    const response = await base(input, init);
    if (!(response.headers.get('content-type') ?? '').includes('json')) return response;
    const raw = await response.text();
    const body = parseJson(raw);
    const error = readErrorBody(body);
    if (response.ok && error) {
      throw new ApiError(appError('api_error', error.message));
    }
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    const out = error ? JSON.stringify({ error: { message: error.message, retry_after: error.retryAfter } }) : raw;
    return new Response(out, { status: response.status, statusText: response.statusText, headers });
  };
}

export interface ClientOptions {
  baseUrl: string;
  key: BoundKey;
  fetch?: FetchLike;
}

/** An SDK client for the base URL; refused (`key_origin`) when the key is bound to another origin. */
export function createClient(options: ClientOptions): OpenAI {
  assertBound(options.baseUrl, options.key);
  return new OpenAI({
    apiKey: options.key.key,
    baseURL: options.baseUrl,
    // A failed request is shown to the user with its reason; silent retries would hide 429s and double-bill.
    maxRetries: 0,
    // Its console output would echo raw chunks; every failure reaches the user as an error value instead.
    logLevel: 'off',
    fetch: normalizingFetch(keyedFetch(options.key, options.fetch ?? globalThis.fetch)),
  });
}
