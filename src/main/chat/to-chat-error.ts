import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { ApiError, appError, toAppError, type AppError, type ErrorCode } from '../../shared/errors';
import { redact } from '../keys/redact';
import { retryAfterHeader } from './error-body';

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'invalid_key';
  if (status === 402) return 'insufficient_credits';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'bad_request';
}

function serverMessage(error: APIError): string {
  const inner = error.error as { message?: unknown } | undefined;
  if (typeof inner?.message === 'string' && inner.message) return inner.message;
  return error.status ? `HTTP ${error.status}` : error.message;
}

/**
 * Maps whatever the SDK or the network threw to a code the UI has words for.
 * `hadText` tells a connection dropped mid-reply from one that never got going.
 */
export function toChatError(error: unknown, hadText: boolean, secret: string | null): AppError {
  const cause = error instanceof APIConnectionError ? error.cause : undefined;
  let result: AppError;
  if (error instanceof ApiError || cause instanceof ApiError) {
    result = toAppError(error instanceof ApiError ? error : cause);
  } else if (error instanceof APIConnectionTimeoutError) {
    result = appError('network', 'The request timed out.');
  } else if (error instanceof APIConnectionError) {
    // fetch's own error says only "fetch failed"; its cause says why (refused, reset, no such host).
    const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause : cause) : error;
    result = appError('network', reason.message || 'The server could not be reached.');
  } else if (error instanceof APIError) {
    if (error.status) {
      result = appError(codeForStatus(error.status), serverMessage(error), { status: error.status });
      const inner = error.error as { retry_after?: unknown } | undefined;
      const retryAfter =
        typeof inner?.retry_after === 'number' ? inner.retry_after : retryAfterHeader(error.headers as Headers);
      if (retryAfter !== undefined) result.retryAfter = retryAfter;
    } else {
      result = appError('api_error', serverMessage(error));
    }
  } else if (error instanceof SyntaxError) {
    result = appError('bad_response', 'The server sent a reply the app could not read.');
  } else {
    const message = error instanceof Error ? error.message : String(error);
    result = appError(hadText ? 'connection_lost' : 'network', message);
  }
  result.message = redact(result.message, [secret]);
  return result;
}
