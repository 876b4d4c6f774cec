/**
 * Runs `flush` at most once per `intervalMs`, after `mark()` says there is something new.
 * Used both to coalesce stream deltas into one event per frame and to save a growing reply
 * at most twice a second.
 *
 * `leading`: a mark after a quiet interval flushes at once and only the marks that follow within the interval
 * wait, so the first token of a reply reaches the window without waiting for a frame.
 */
export class Batcher {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending = false;

  constructor(
    private readonly intervalMs: number,
    private readonly onFlush: () => void,
    private readonly leading = false,
  ) {}

  /** A batcher whose first mark after a quiet interval flushes at once. */
  static leading(intervalMs: number, onFlush: () => void): Batcher {
    return new Batcher(intervalMs, onFlush, true);
  }

  mark(): void {
    this.pending = true;
    if (this.timer) return;
    if (this.leading) {
      this.run();
      this.timer = setTimeout(() => this.settle(), this.intervalMs);
    } else {
      this.timer = setTimeout(() => this.flush(), this.intervalMs);
    }
  }

  /** Runs now if anything is pending, and cancels the scheduled run. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.run();
  }

  /** End of a leading interval: what came during it goes now, and opens the next interval. */
  private settle(): void {
    this.timer = null;
    if (this.pending) this.mark();
  }

  private run(): void {
    if (!this.pending) return;
    this.pending = false;
    this.onFlush();
  }
}
