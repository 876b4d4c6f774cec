import { test, type Browser, type CDPSession } from '@playwright/test';
import { ModelsLabServer } from '../../test/modelslab-server';
import { APP_URL, WebApp } from '../fixtures/web-app';
import { chunksOf, longReply, tokens } from './long-reply';

/*
 * The rendering benchmark (`npm run bench:render`): the built renderer in Chromium through the e2e harness, fed by
 * the local server through the real main services. Figures are printed, not asserted; the README keeps the latest.
 */
const TOKENS = Number(process.env.BENCH_TOKENS ?? 20_000);
const PER_CHUNK = Number(process.env.BENCH_TOKENS_PER_CHUNK ?? 1);
const REPLIES = Number(process.env.BENCH_REPLIES ?? 100);
const CHUNK_DELAY_MS = 5; // 200 chunks per second

interface Figures {
  longestTaskMs: number;
  tasksOver50: number;
  scriptMs: number;
  taskMs: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  wallS: number;
  /** Characters of the reply on screen at the end (less than the whole when the run was cut off). */
  shownChars: number;
  complete: boolean;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize! / 2 ** 20;
}

async function open(browser: Browser, query = '') {
  const context = await browser.newContext({ viewport: { width: 1200, height: 780 } });
  const page = await context.newPage();
  const server = await new ModelsLabServer().start();
  const web = new WebApp(page);
  await web.start({ env: { MODELSLAB_BASE_URL: server.baseUrl, MODELSLAB_API_KEY: server.apiKey } });
  if (query) await page.goto(`${APP_URL}${query}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const close = async () => {
    web.stop();
    await context.close();
    await server.stop();
  };
  return { page, server, cdp, web, close };
}

const ends = (web: WebApp) => web.toRenderer.filter((e) => (e as { type?: string }).type === 'end').length;

/**
 * Streams one reply and waits for the page to show it done, without polling the page (Playwright's own polling
 * would be measured too). Past `budgetMs` the reply is stopped where it is, and false returned.
 */
async function reply(web: WebApp, server: ModelsLabServer, chunks: string[], delayMs: number, budgetMs = 3_600_000) {
  const { page } = web;
  server.next({ kind: 'stream', chunks, delayMs });
  const before = ends(web);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(`Question ${before + 1}`);
  await composer.press('Enter');
  const deadline = Date.now() + budgetMs;
  while (ends(web) === before) {
    if (Date.now() > deadline) {
      web.services.chat.stopAll();
      return false;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await page
    .waitForFunction(
      () => [...document.querySelectorAll<HTMLElement>('.message--assistant')].at(-1)?.dataset.status === 'done',
      undefined,
      { polling: 500, timeout: Math.max(1, deadline - Date.now()) },
    )
    .catch(() => undefined);
  return Date.now() <= deadline;
}

const shown = (web: WebApp) =>
  web.page.evaluate(() => [...document.querySelectorAll('.message--assistant')].at(-1)?.textContent?.length ?? 0);

async function streamRun(browser: Browser, query: string, chunks: string[], budgetMs?: number): Promise<Figures> {
  const { page, server, cdp, web, close } = await open(browser, query);
  // Warm up: shiki, its grammars and KaTeX load before the measured run, in both modes alike.
  await reply(web, server, chunksOf(longReply(300), 20), 1);
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({
      type: 'longtask',
    });
  });
  const heapBeforeMb = await heapMb(cdp);
  const before = await metrics(cdp);
  const started = Date.now();
  const complete = await reply(web, server, chunks, CHUNK_DELAY_MS, budgetMs);
  const after = await metrics(cdp);
  const shownChars = await shown(web);
  const wallS = (Date.now() - started) / 1000;
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const heapAfterMb = await heapMb(cdp);
  await close();
  return {
    longestTaskMs: Math.max(0, ...long),
    tasksOver50: long.filter((d) => d > 50).length,
    scriptMs: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
    taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
    heapBeforeMb,
    heapAfterMb,
    wallS,
    shownChars,
    complete,
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

test('rendering benchmark', async ({ browser }) => {
  test.setTimeout(60 * 60_000);
  const text = longReply(TOKENS);
  const chunks = chunksOf(text, PER_CHUNK);
  const lines = [
    `Reply: ${fmt(tokens(text).length)} tokens, ${fmt(text.length / 1024, 1)} KiB of Markdown, ` +
      `${fmt(chunks.length)} chunks at ${fmt(1000 / CHUNK_DELAY_MS)} chunks/s (main coalesces them to one event per frame)`,
  ];
  const tail = await streamRun(browser, '', chunks);
  // The baseline falls ever further behind the stream; it gets the app's time plus a minute, then is cut off, so
  // its figures cover only part of the reply and understate its cost.
  const whole = await streamRun(browser, '?render=full', chunks, (tail.wallS + 60) * 1000);
  const row = (name: string, f: Figures) =>
    `| ${name} | ${fmt(f.longestTaskMs)} ms | ${f.tasksOver50} | ${fmt(f.scriptMs)} ms | ${fmt(f.taskMs)} ms | ` +
    `${fmt(f.heapBeforeMb, 1)} → ${fmt(f.heapAfterMb, 1)} MiB | ${fmt(f.wallS, 1)} s | ` +
    `${f.complete ? 'all' : `cut off at ${fmt((f.shownChars / tail.shownChars) * 100)}%`} |`;
  lines.push(
    '',
    '| renderer | longest task | tasks > 50 ms | scripting | main-thread tasks | JS heap before → after | took | reply shown |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    row('tail-only (the app)', tail),
    row('whole reply per chunk (baseline)', whole),
    '',
    `Scripting: ${fmt(whole.scriptMs / tail.scriptMs, 1)}× less than the baseline (target ≥ 10×); ` +
      `tasks over 50 ms: ${tail.tasksOver50} (target 0).`,
  );

  // 100 replies in a row. After the first, the list holds two messages; from about the tenth on it holds a full
  // screen of them (plus overscan), so the tenth is also printed: growth past it is what the replies leave behind.
  const { server, cdp, web, close } = await open(browser);
  const small = chunksOf(longReply(400), 5);
  const heap: number[] = [];
  for (let i = 1; i <= REPLIES; i++) {
    await reply(web, server, small, 1);
    if (i === 1 || i === 10 || i === REPLIES) heap[i] = await heapMb(cdp);
  }
  await close();
  const growth = (from: number, to: number) => `${to >= from ? '+' : ''}${fmt(((to - from) / from) * 100, 1)}%`;
  const [first, tenth, last] = [heap[1]!, heap[10] ?? heap[1]!, heap[REPLIES]!];
  lines.push(
    `${REPLIES} replies in a row (${fmt(tokens(small.join('')).length)} tokens each), JS heap after GC: ` +
      `after the 1st ${fmt(first, 1)} MiB, the 10th ${fmt(tenth, 1)} MiB, the last ${fmt(last, 1)} MiB. ` +
      `Last vs 1st ${growth(first, last)}, last vs 10th ${growth(tenth, last)} (target within 10%).`,
  );
  console.log(`\n${lines.join('\n')}\n`);
});
