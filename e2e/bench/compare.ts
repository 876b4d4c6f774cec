import type { Browser, Page } from '@playwright/test';
import type { CompareEvent } from '../../src/shared/compare';
import { ModelsLabServer } from '../../test/modelslab-server';
import { openCompare, pickCompareModels } from '../fixtures/compare-picker';
import { ask, load, openApp } from './app';
import { longReply, chunksOf } from './long-reply';
import { mark } from './probes';
import { Trace, type Tasks } from './trace';

/*
 * Compare mode under load: four columns streaming at once, each at `perSecond` chunks a second from the test server.
 * Each column's text carries a marker paragraph every 100 chunks; the page records when each marker was first
 * painted, and the lag is that time less when main sent the delta that carried it.
 */

export const COMPARE_MODELS = [
  'meta-llama-3-8B-instruct',
  'meta-llama/Llama-3.1-70B-Instruct',
  'Qwen/Qwen2.5-VL-72B-Instruct-together',
  'mistralai/Mistral-7B-Instruct-v0.3',
];

export interface CompareFigures {
  columns: number;
  chunksEach: number;
  /** Chunks a second each column streamed at, as main sent them. */
  rate: number;
  tasks: Tasks;
  /** Main's delta carrying a marker → that marker painted: median, p95, worst, over every marker of every column. */
  lag: { median: number; p95: number; max: number; count: number };
  mainMs: number;
  load: [number, number];
}

const MARKER_EVERY = 100;
const marker = (column: number, k: number) => `mark-${column}-${k}`;

function columnChunks(column: number, chunks: number): string[] {
  const words = chunksOf(longReply(chunks), 1);
  const out: string[] = [];
  for (let i = 0; i < chunks; i++) {
    if (i % MARKER_EVERY === MARKER_EVERY - 1) out.push(`\n\n${marker(column, Math.floor(i / MARKER_EVERY))}\n\n`);
    else out.push(words[i % words.length]!);
  }
  return out;
}

/** Installed after the warm-up: records the first paint of every marker in every column, by marker. */
const PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const seen = {};
  window.__markers = seen;
  const next = {};
  const check = () => {
    for (const col of document.querySelectorAll('.compare-column')) {
      const content = col.querySelector('.compare-column__body');
      if (!content) continue;
      const index = [...col.parentElement.children].indexOf(col);
      const want = 'mark-' + index + '-' + (next[index] ?? 0);
      // Only the tail of the reply can hold a new marker: the last few blocks, never the whole text.
      const tail = content.querySelectorAll(':scope .message__content > *:nth-last-child(-n+4)');
      for (const el of tail) {
        if (el.textContent.includes(want)) {
          next[index] = (next[index] ?? 0) + 1;
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => (seen[want] = now());
            ch.port2.postMessage(0);
          });
          break;
        }
      }
    }
  };
  new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
})();`;

async function markers(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(window as unknown as { __markers: Record<string, number> }).__markers }));
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * p) - 1)]!;

export async function compareRun(browser: Browser, chunksEach: number, perSecond: number): Promise<CompareFigures> {
  const loadBefore = load();
  const server = await new ModelsLabServer().start();
  server.models = COMPARE_MODELS;
  const { page, sent, close } = await openApp(browser, server);
  try {
    server.next({ kind: 'stream', chunks: chunksOf(longReply(300), 20), delayMs: 1 });
    await ask(page, 'Warm up');
    await page.locator('.message--assistant[data-status="done"]').waitFor({ timeout: 60_000 });
    await openCompare(page);
    await pickCompareModels(page, COMPARE_MODELS);
    COMPARE_MODELS.forEach((model, column) =>
      server.byModel.set(model, {
        kind: 'stream',
        chunks: columnChunks(column, chunksEach),
        delayMs: 1000 / perSecond,
      }),
    );
    await page.evaluate(PROBE);
    const trace = await Trace.start(page);
    await mark(page, 'bench-start');
    const startedAt = Date.now();
    await ask(page, 'Compare these');
    const ends = () => sent.filter((s) => s.event.type === 'end' && 'runId' in s.event).length;
    for (let waited = 0; ends() < COMPARE_MODELS.length; waited += 500) {
      if (waited > 600_000) throw new Error('the columns did not end in time');
      await new Promise((r) => setTimeout(r, 500));
    }
    const expected = COMPARE_MODELS.flatMap((_, c) =>
      Array.from({ length: Math.floor(chunksEach / MARKER_EVERY) }, (_, k) => marker(c, k)),
    );
    await page.waitForFunction(
      (all) => all.every((m) => (window as unknown as { __markers: Record<string, number> }).__markers[m]),
      expected,
      { polling: 500, timeout: 120_000 },
    );
    await mark(page, 'bench-end');
    const tasks = await trace.stop();
    const painted = await markers(page);
    const deltas = sent.filter((s) => s.event.type === 'delta' && 'runId' in s.event) as unknown as {
      event: Extract<CompareEvent, { type: 'delta' }>;
      at: number;
    }[];
    const lags = expected.map((m) => painted[m]! - deltas.find((d) => d.event.text.includes(m))!.at);
    const lastDelta = deltas.at(-1)!.at;
    return {
      columns: COMPARE_MODELS.length,
      chunksEach,
      rate: chunksEach / ((lastDelta - startedAt) / 1000),
      tasks,
      lag: { median: pct(lags, 0.5), p95: pct(lags, 0.95), max: Math.max(...lags), count: lags.length },
      mainMs: lastDelta - startedAt,
      load: [loadBefore, load()],
    };
  } finally {
    await close();
    await server.stop();
  }
}
