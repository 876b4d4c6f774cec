import { flushSync } from 'react-dom';

/*
 * The parts of a long reply out of its last screen are rendered later, a few at a time (a group's blocks as plain
 * text, then each block as Markdown, see BlockGroup), so opening a long chat or a burst of text never holds the page
 * for long. Jobs run newest first (the end of a reply is what the reader sees first), and those of a group that came
 * into view before any other, in the next frame. Each job renders on its own (flushSync), so the time it took is
 * known and a slice stops in budget.
 */

interface Job {
  run: () => void;
  group: object;
  done: boolean;
}

/** Work per slice: a frame at 60 Hz leaves this much after layout and paint. */
const SLICE_MS = 8;
const NOOP = () => {};

const later: Job[] = [];
const soon: Job[] = [];
let laterScheduled = false;
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

/**
 * Later work runs as background tasks: after input, frames and everything else the page has to do, one slice at a
 * time, so a page with nothing else to do renders a long reply at full speed and a busy one is never held up by it.
 */
function scheduleLater(): void {
  if (laterScheduled) return;
  laterScheduled = true;
  inBackground(() => {
    laterScheduled = false;
    drain(later, performance.now() + SLICE_MS);
    if (later.length > 0) scheduleLater();
  });
}

/** Chromium (and so Electron) has the Prioritized Task Scheduling API; a test DOM may not, and gets a timer. */
function inBackground(run: () => void): void {
  if (typeof scheduler === 'undefined') setTimeout(run, 0);
  else void scheduler.postTask(run, { priority: 'background' });
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

/** Groups that came into view: their jobs go first, also those added after that. */
const urgent = new WeakSet<object>();

/** Runs `run` when there is time; returns the cancel, for a block that leaves the page first. */
export function defer(group: object, run: () => void): () => void {
  const job: Job = { run, group, done: false };
  later.push(job);
  scheduleLater();
  if (urgent.has(group)) {
    soon.push(job);
    scheduleFrame();
  }
  return () => {
    job.done = true;
    job.run = NOOP;
  };
}

/** The group came into view: its waiting jobs run in the next frames, before any other. */
export function hurry(group: object): void {
  urgent.add(group);
  const before = soon.length;
  for (const job of later) if (!job.done && job.group === group) soon.push(job);
  if (soon.length > before) scheduleFrame();
}
