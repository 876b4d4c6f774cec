import { originOf } from '../../shared/base-url';
import { ApiError, appError } from '../../shared/errors';
import type { BoundKey } from './key-provider';

export type FetchLike = typeof fetch;

function elsewhere(origin: string, target: string): ApiError {
  return new ApiError(
    appError(
      'key_origin',
      `Your API key is only sent to ${origin}, not to ${target}. Enter a key for ${target} in Settings, ` +
        'or change the address back.',
    ),
  );
}

/** Refuses, before any request is made, to pair a key with a base URL on another origin. */
export function assertBound(baseUrl: string, key: BoundKey): void {
  const target = originOf(baseUrl);
  if (target !== key.origin) throw elsewhere(key.origin, target);
}

function urlOf(input: Parameters<FetchLike>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * The fetch every request that carries the key goes through: only to the key's own origin, and never following a
 * redirect (a redirect would re-send the key, or the request body, to wherever the server points, even from https to
 * plain http). A redirect answer becomes `redirect_refused`, naming where it pointed.
 */
export function keyedFetch(key: BoundKey, base: FetchLike): FetchLike {
  return async (input, init) => {
    const target = new URL(urlOf(input)).origin;
    if (target !== key.origin) throw elsewhere(key.origin, target);
    const response = await base(input, { ...init, redirect: 'manual' });
    const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
    if (!redirected) return response;
    await response.body?.cancel().catch(() => undefined);
    let to = '';
    try {
      to = ` to ${new URL(response.headers.get('location') ?? '', urlOf(input)).origin}`;
    } catch {
      // no readable Location: say only that it redirected
    }
    throw new ApiError(
      appError(
        'redirect_refused',
        `The server at ${key.origin} answered with a redirect${to}. Requests that carry your key never follow ` +
          'redirects: set the base URL to the address it should really use.',
        { status: response.status },
      ),
    );
  };
}
