import type { Browser } from '@playwright/test';
import { ModelsLabServer } from '../../test/modelslab-server';
import { ask, ended, load, openApp } from './app';
import { FastServer } from './fast-server';
import { chunksOf, ending, longReply, tokens } from './long-reply';
import { mark, painted, watch } from './probes';
import { Profile } from './profile';
import { Trace, type Tasks } from './trace';

export interface StreamFigures {
  label: string;
  tasks: Tasks;
  /** Enter to the first text of the reply painted, and the page's main-thread CPU time until then. */
  firstPaintMs: number;
  firstPaintCpuMs: number;
  /** Main's last delta to the reply's last words painted, and how much of that the end event spent reaching the page. */
  lagMs: number;
  transitMs: number;
  /** Main's last delta to every block rendered as Markdown (blocks out of view may wait for idle time). */
  richMs: number;
  /** Enter to main's last delta: how fast the server and main went. */
  mainMs: number;
  chars: number;
  tokens: number;
  load: [number, number];
}

export interface StreamRun {
  label: string;
  tokens: number;
  /** Tokens per chunk and, for the paced server, milliseconds between chunks; `fast` writes the stream at once. */
  perChunk: number;
  pace: { delayMs: number } | 'fast';
}

/** Streams one long reply into the app, after a short warm-up reply, and measures the page while it does. */
export async function streamRun(browser: Browser, run: StreamRun): Promise<StreamFigures> {
  const loadBefore = load();
  const paced = run.pace === 'fast' ? null : await new ModelsLabServer().start();
  const fast = run.pace === 'fast' ? await new FastServer().start() : null;
  const server = (paced ?? fast)!;
  const { page, sent, close } = await openApp(browser, server);
  try {
    // Warm up: the Markdown stack, shiki's grammars and KaTeX's fonts load before the measured reply.
    const warm = chunksOf(`${longReply(300)}${ending('warm')}`, 20);
    if (paced) paced.next({ kind: 'stream', chunks: warm, delayMs: 1 });
    else fast!.next(warm);
    await watch(page, 'warm');
    await ask(page, 'Warm up');
    await ended(sent, 1);
    await painted(page, 60_000);

    const marker = `marker-${run.label.replace(/\W+/g, '-')}`;
    const text = `${longReply(run.tokens)}${ending(marker)}`;
    const chunks = chunksOf(text, run.perChunk);
    if (paced && run.pace !== 'fast') paced.next({ kind: 'stream', chunks, delayMs: run.pace.delayMs });
    else fast!.next(chunks);
    const trace = await Trace.start(page);
    const profile = await Profile.start(page);
    await mark(page, 'bench-start');
    await watch(page, marker);
    await ask(page, 'Write a long answer');
    await ended(sent, 2);
    const times = await painted(page, 600_000);
    await mark(page, 'bench-end');
    const tasks = await trace.stop();
    await profile?.stop('the longest task', trace.longest ?? undefined);
    const lastDelta = sent.findLast((s) => s.event.type === 'delta')!.at;
    return {
      label: run.label,
      tasks,
      firstPaintMs: times.firstAt - times.inputAt,
      firstPaintCpuMs: tasks.cpuTo['bench-first'] ?? NaN,
      lagMs: times.textAt - lastDelta,
      transitMs: (times.endAt ?? NaN) - sent.find((s) => s.event.type === 'end' && s.at >= lastDelta)!.at,
      richMs: times.richAt - lastDelta,
      mainMs: lastDelta - times.inputAt,
      chars: text.length,
      tokens: tokens(text).length,
      load: [loadBefore, load()],
    };
  } finally {
    await close();
    await server.stop();
  }
}
