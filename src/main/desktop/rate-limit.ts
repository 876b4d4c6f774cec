import { ApiError, appError } from '../../shared/errors';

/**
 * At most `limit` calls in any `windowMs`. Main cannot see the user's clicks, so this is what stops a compromised
 * window from writing the clipboard (or opening links) in a loop: a person copies a few times a second at most.
 */
export class RateLimit {
  private times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly message: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one call, or throws `throttled` when there were already `limit` in the window. */
  take(): void {
    const now = this.now();
    this.times = this.times.filter((t) => now - t < this.windowMs);
    if (this.times.length >= this.limit) throw new ApiError(appError('throttled', this.message));
    this.times.push(now);
  }
}
