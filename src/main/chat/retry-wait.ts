import { ApiError, appError } from '../../shared/errors';
import type { Message } from '../../shared/domain';

/** A 429's wait is counted from when the failed reply was saved; a little early is close enough. */
const SLACK_MS = 250;

/** Asking again for a rate-limited reply before the wait the server asked for would only earn another 429. */
export function refuseEarlyRetry({ error, updatedAt }: Message, now = Date.now()): void {
  const waitMs = error?.code === 'rate_limited' && error.retryAfter ? updatedAt + error.retryAfter * 1000 - now : 0;
  if (waitMs <= SLACK_MS) return;
  const seconds = Math.ceil(waitMs / 1000);
  throw new ApiError(
    appError('rate_limited', `The server asked to wait; try again in ${seconds} s.`, { retryAfter: seconds }),
  );
}
