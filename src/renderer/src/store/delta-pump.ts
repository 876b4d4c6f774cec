import type { ChatEvent } from '../../../shared/contract';

type Delta = Extract<ChatEvent, { type: 'delta' }>;

export interface Frames {
  /** Calls back at the next frame with its start time (requestAnimationFrame in the page). */
  next(callback: (time: number) => void): void;
}

/** A frame at 60 Hz; one that took more than 1.5 of these ran over budget. */
const FRAME_MS = 1000 / 60;
/** The slowest pace: the window stays within this of main however heavy a frame gets. */
const MAX_INTERVAL_MS = 100;

/**
 * Stream deltas are applied to the store on animation frames, everything that arrived since the previous frame at
 * once, so the page renders once per frame however many events main sent. When a frame that applied text ran over
 * budget, the pump applies every other frame, then every fourth, and so on down to 10 per second, and speeds up
 * again as frames fit: it never queues work it cannot finish, so the window stays within a frame or two of main.
 */
export class DeltaPump {
  private pending = new Map<string, Delta>();
  private scheduled = false;
  /** The start of the last frame that applied text; `measuring` until the frame after it has said how it went. */
  private appliedAt = -Infinity;
  private measuring = false;
  /** How long to wait between frames that apply text: 0 is every frame. */
  private interval = 0;

  constructor(
    private readonly frames: Frames,
    private readonly apply: (deltas: Delta[]) => void,
  ) {}

  push(delta: Delta): void {
    const held = this.pending.get(delta.messageId);
    this.pending.set(delta.messageId, held ? { ...held, text: held.text + delta.text } : delta);
    this.schedule();
  }

  /** The reply ended: its end event carries the whole text, so what is held for it goes. */
  drop(messageId: string): void {
    this.pending.delete(messageId);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.frames.next((time) => this.frame(time));
  }

  private frame(time: number): void {
    this.scheduled = false;
    if (this.measuring) {
      // The frame after one that applied text starts when that one is done.
      this.measuring = false;
      const over = time - this.appliedAt > FRAME_MS * 1.5;
      if (over) this.interval = Math.min(MAX_INTERVAL_MS, Math.max(this.interval * 2, FRAME_MS * 2));
      else this.interval = this.interval >= FRAME_MS * 4 ? this.interval / 2 : 0;
    }
    if (this.pending.size === 0) return;
    if (time - this.appliedAt < this.interval - 1) return this.schedule();
    const deltas = [...this.pending.values()];
    this.pending.clear();
    this.apply(deltas);
    this.appliedAt = time;
    this.measuring = true;
    this.schedule();
  }

  /** The current pace, for tests: milliseconds between frames that apply text. */
  get pace(): number {
    return this.interval;
  }
}
