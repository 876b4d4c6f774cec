/**
 * Runs `flush` at most once per `intervalMs`, after `mark()` says there is something new.
 * Used both to coalesce stream deltas into one event per frame and to save a growing reply
 * at most twice a second.
 */
export class Batcher {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending = false;

  constructor(
    private readonly intervalMs: number,
    private readonly onFlush: () => void,
  ) {}

  mark(): void {
    this.pending = true;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Runs now if anything is pending, and cancels the scheduled run. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending) return;
    this.pending = false;
    this.onFlush();
  }
}
