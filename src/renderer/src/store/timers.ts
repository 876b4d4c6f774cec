import type { Frames } from './delta-pump';

type Handle = ReturnType<typeof setTimeout>;

/**
 * Every timer and frame the store waits on, in one place, so that `resetStore()` can cancel them all: a slice keeps
 * no timer of its own, and nothing scheduled before a reset writes into the state after it.
 */
export class Timers {
  private named = new Map<string, Handle>();
  private loose = new Set<Handle>();
  /** Frames asked for before the last `clear()` carry an older epoch and do nothing when they come. */
  private epoch = 0;

  constructor(private readonly pageFrames: Frames) {}

  /** Runs `run` after `ms`; a later call with the same name replaces the one waiting. */
  once(name: string, run: () => void, ms: number): void {
    this.cancel(name);
    this.named.set(
      name,
      setTimeout(() => {
        this.named.delete(name);
        run();
      }, ms),
    );
  }

  after(run: () => void, ms: number): void {
    const handle = setTimeout(() => {
      this.loose.delete(handle);
      run();
    }, ms);
    this.loose.add(handle);
  }

  cancel(name: string): void {
    clearTimeout(this.named.get(name));
    this.named.delete(name);
  }

  /** Frames that a reset cancels, for the delta pump. */
  readonly frames: Frames = {
    next: (callback) => {
      const epoch = this.epoch;
      this.pageFrames.next((time) => {
        if (epoch === this.epoch) callback(time);
      });
    },
  };

  clear(): void {
    for (const handle of this.named.values()) clearTimeout(handle);
    for (const handle of this.loose) clearTimeout(handle);
    this.named.clear();
    this.loose.clear();
    this.epoch++;
  }
}
