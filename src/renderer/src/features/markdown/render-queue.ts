import { flushSync } from 'react-dom';

/*
 * Blocks of a long reply that are out of view are first shown as plain text and rendered as Markdown later, a few
 * at a time, so opening a long chat or a burst of text never holds the page for long. Jobs run newest first (the
 * end of a reply is what the reader sees first), and those of a group that came into view before any other, in the
 * next frame. Each job renders on its own (flushSync), so the time it took is known and a slice stops in budget.
 */

interface Job {
  run: () => void;
  group: object;
  done: boolean;
}

/** Work per slice: a frame at 60 Hz leaves this much after layout and paint. */
const SLICE_MS = 8;
/** Waiting for an idle moment ends here, so a page that is never idle still gets its text rendered. */
const IDLE_TIMEOUT_MS = 250;
const NOOP = () => {};

const later: Job[] = [];
const soon: Job[] = [];
let idleScheduled = false;
let frameScheduled = false;

function drain(stack: Job[], until: number): void {
  while (stack.length > 0) {
    const job = stack.pop()!;
    if (job.done) continue;
    job.done = true;
    flushSync(job.run);
    if (performance.now() >= until) return;
  }
}

function scheduleIdle(): void {
  if (idleScheduled) return;
  idleScheduled = true;
  requestIdleCallback(
    (deadline) => {
      idleScheduled = false;
      const slice = deadline.didTimeout ? SLICE_MS / 2 : Math.min(deadline.timeRemaining(), SLICE_MS);
      drain(later, performance.now() + slice);
      if (later.length > 0) scheduleIdle();
    },
    { timeout: IDLE_TIMEOUT_MS },
  );
}

function scheduleFrame(): void {
  if (frameScheduled) return;
  frameScheduled = true;
  requestAnimationFrame(() => {
    frameScheduled = false;
    drain(soon, performance.now() + SLICE_MS);
    if (soon.length > 0) scheduleFrame();
  });
}

/** Runs `run` when there is time; returns the cancel, for a block that leaves the page first. */
export function defer(group: object, run: () => void): () => void {
  const job: Job = { run, group, done: false };
  later.push(job);
  scheduleIdle();
  return () => {
    job.done = true;
    job.run = NOOP;
  };
}

/** The group came into view: its waiting jobs run in the next frames, before any other. */
export function hurry(group: object): void {
  const before = soon.length;
  for (const job of later) if (!job.done && job.group === group) soon.push(job);
  if (soon.length > before) scheduleFrame();
}
