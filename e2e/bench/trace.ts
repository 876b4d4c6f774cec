import type { CDPSession, Page } from '@playwright/test';

/*
 * Tasks on the page's main thread from a Chrome trace, with their wall time (`dur`) and the thread's own CPU time
 * (`tdur`). On a shared machine a task's wall time includes waiting for a core; its CPU time does not.
 * BENCH_DEBUG=1 prints what the whole window and each long task spent their time on.
 */

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

export interface Tasks {
  count: number;
  longestMs: number;
  longestCpuMs: number;
  over50: number;
  over50Cpu: number;
  /** All the main thread's tasks together. */
  wallMs: number;
  cpuMs: number;
  /** CPU time from the start of the window to each `bench-…` mark the page made, by mark. */
  cpuTo: Record<string, number>;
  /** CPU time per second in the first and the last quarter of the window, to show whether work grows. */
  cpuPerSecond: [number, number];
}

const DEBUG = !!process.env.BENCH_DEBUG;

export class Trace {
  private events: TraceEvent[] = [];
  /** The task that took the most CPU time, as a span of trace time. */
  longest: { ts: number; dur: number } | null = null;
  private constructor(private readonly cdp: CDPSession) {}

  /** Starts tracing; `performance.mark('bench-start')` and `('bench-end')` in the page bound the window. */
  static async start(page: Page): Promise<Trace> {
    const cdp = await page.context().newCDPSession(page);
    const trace = new Trace(cdp);
    cdp.on('Tracing.dataCollected', (e) => trace.events.push(...(e.value as unknown as TraceEvent[])));
    const categories = ['toplevel', 'blink.user_timing', '__metadata'];
    if (DEBUG) categories.push('devtools.timeline', 'disabled-by-default-devtools.timeline');
    await cdp.send('Tracing.start', {
      traceConfig: { includedCategories: categories },
      transferMode: 'ReportEvents',
    });
    return trace;
  }

  async stop(): Promise<Tasks> {
    const complete = new Promise((resolve) => this.cdp.once('Tracing.tracingComplete', resolve));
    await this.cdp.send('Tracing.end');
    await complete;
    await this.cdp.detach();
    return this.tasks();
  }

  private tasks(): Tasks {
    const marks = this.events.filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith('bench-'));
    const start = marks.find((e) => e.name === 'bench-start');
    const end = marks.findLast((e) => e.name === 'bench-end');
    if (!start || !end) throw new Error('the page did not mark bench-start and bench-end');
    // Top-level tasks of the thread that made the marks (the page's main thread), inside the window.
    const tasks = this.events.filter(
      (e) =>
        e.pid === start.pid &&
        e.tid === start.tid &&
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        e.ts + (e.dur ?? 0) >= start.ts &&
        e.ts <= end.ts,
    );
    if (DEBUG) {
      this.explain('whole window', start, end.ts - start.ts, 30);
      for (const m of marks) if (m !== start && m !== end) this.explain(`to ${m.name}`, start, m.ts - start.ts, 30);
      for (const t of tasks) if ((t.tdur ?? 0) > 30_000) this.explain('task', t, t.dur ?? 0, 8);
    }
    const top = tasks.reduce<TraceEvent | null>((a, t) => ((t.tdur ?? 0) > (a?.tdur ?? -1) ? t : a), null);
    this.longest = top ? { ts: top.ts, dur: top.dur ?? 0 } : null;
    const wall = tasks.map((e) => (e.dur ?? 0) / 1000);
    const cpu = tasks.map((e) => (e.tdur ?? 0) / 1000);
    const cpuIn = (from: number, to: number) =>
      tasks.filter((t) => t.ts >= from && t.ts < to).reduce((n, t) => n + (t.tdur ?? 0) / 1000, 0);
    const quarter = (end.ts - start.ts) / 4;
    const perSecond = (from: number) => cpuIn(from, from + quarter) / (quarter / 1e6);
    return {
      count: tasks.length,
      longestMs: Math.max(0, ...wall),
      longestCpuMs: Math.max(0, ...cpu),
      over50: wall.filter((d) => d > 50).length,
      over50Cpu: cpu.filter((d) => d > 50).length,
      wallMs: wall.reduce((a, b) => a + b, 0),
      cpuMs: cpu.reduce((a, b) => a + b, 0),
      cpuTo: Object.fromEntries(marks.map((m) => [m.name, cpuIn(start.ts, m.ts)])),
      cpuPerSecond: [perSecond(start.ts), perSecond(end.ts - quarter)],
    };
  }

  /** Prints where the time inside a span of the page's main thread went, by event name. */
  private explain(label: string, at: TraceEvent, dur: number, top: number): void {
    const by = new Map<string, number>();
    for (const e of this.events) {
      if (e.tid !== at.tid || e.pid !== at.pid || e.ph !== 'X' || e === at) continue;
      if (e.ts >= at.ts && e.ts + (e.dur ?? 0) <= at.ts + dur) by.set(e.name, (by.get(e.name) ?? 0) + (e.tdur ?? 0));
    }
    const parts = [...by].sort((a, b) => b[1] - a[1]).slice(0, top);
    console.log(
      `${label} ${(dur / 1000).toFixed(0)} ms wall / ${((at.tdur ?? 0) / 1000).toFixed(0)} ms CPU: ` +
        parts.map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`).join(', '),
    );
  }
}
