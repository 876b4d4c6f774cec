import type { Browser } from '@playwright/test';
import { ModelsLabServer } from '../../test/modelslab-server';
import { ask, ended, load, openApp } from './app';
import { chunksOf, longReply, tokens } from './long-reply';

export interface HeapFigures {
  replies: number;
  tokensEach: number;
  /** JS heap after GC, in MiB, after the 1st, the 10th and the last reply. */
  first: number;
  tenth: number;
  last: number;
  load: [number, number];
}

/**
 * Replies in a row in one conversation. After the first, the list holds two messages; from about the tenth it holds
 * a screenful (plus overscan), so growth from the tenth on is what the replies leave behind.
 */
export async function heapRun(browser: Browser, replies: number): Promise<HeapFigures> {
  const loadBefore = load();
  const server = await new ModelsLabServer().start();
  const { page, sent, close } = await openApp(browser, server);
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 2 ** 20;
  };
  await cdp.send('Performance.enable');
  const small = chunksOf(longReply(400), 5);
  const heap: number[] = [];
  try {
    for (let i = 1; i <= replies; i++) {
      server.next({ kind: 'stream', chunks: small, delayMs: 1 });
      await ask(page, `Question ${i}`);
      await ended(sent, i);
      await page.waitForFunction(
        () => [...document.querySelectorAll<HTMLElement>('.message--assistant')].at(-1)?.dataset.status === 'done',
        undefined,
        { polling: 200 },
      );
      if (i === 1 || i === 10 || i === replies) heap[i] = await heapMb();
    }
  } finally {
    await close();
    await server.stop();
  }
  return {
    replies,
    tokensEach: tokens(small.join('')).length,
    first: heap[1]!,
    tenth: heap[10] ?? heap[1]!,
    last: heap[replies]!,
    load: [loadBefore, load()],
  };
}
