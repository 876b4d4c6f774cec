import { test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { compareRun } from './compare';
import { heapRun } from './heap';
import { openingRun } from './opening';
import { bundle, startupRuns } from './startup';
import { streamRun, type StreamFigures } from './streams';
import { ttftRuns } from './ttft';

/*
 * The rendering benchmark (`npm run bench:render`): the built renderer in Chromium through the e2e harness, fed by
 * real main services. Figures are printed (and written to e2e/output/bench-render.md), not asserted; the README
 * keeps the latest. BENCH_ONLY=paced,fast,open,ttft,start,heap,compare runs some of the sections.
 */
const TOKENS = Number(process.env.BENCH_TOKENS ?? 20_000);
const REPLIES = Number(process.env.BENCH_REPLIES ?? 100);
const ONLY = process.env.BENCH_ONLY?.split(',');
const runs = (section: string) => !ONLY || ONLY.includes(section);

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const ms = (n: number) => `${fmt(n)} ms`;
const loads = ([a, b]: [number, number]) => `${fmt(a, 1)}–${fmt(b, 1)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

test.describe.configure({ mode: 'serial' });
const lines: string[] = [];
const streams: StreamFigures[] = [];

test.afterAll(() => {
  const report = lines.join('\n');
  console.log(`\n${report}\n`);
  mkdirSync('e2e/output', { recursive: true });
  writeFileSync('e2e/output/bench-render.md', `${report}\n`);
});

test('streaming long replies', async ({ browser }) => {
  test.setTimeout(60 * 60_000);
  if (runs('paced')) {
    streams.push(
      await streamRun(browser, { label: `paced ${fmt(TOKENS)}`, tokens: TOKENS, perChunk: 1, pace: { delayMs: 5 } }),
    );
  }
  if (runs('fast')) {
    for (const tokens of [20_000, 50_000]) {
      streams.push(await streamRun(browser, { label: `fast ${fmt(tokens)}`, tokens, perChunk: 1, pace: 'fast' }));
    }
  }
  if (streams.length === 0) return;
  lines.push(
    '| reply | tokens (chars) | main took | longest task, wall / CPU | tasks > 50 ms, wall / CPU | main-thread CPU (wall) | CPU per s, first → last quarter | first text painted (CPU) | last delta → text painted (end event in transit) | last delta → all Markdown | load |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...streams.map(
      (f) =>
        `| ${f.label} | ${fmt(f.tokens)} (${fmt(f.chars)}) | ${ms(f.mainMs)} | ${ms(f.tasks.longestMs)} / ${ms(f.tasks.longestCpuMs)} | ` +
        `${f.tasks.over50} / ${f.tasks.over50Cpu} | ${ms(f.tasks.cpuMs)} (${ms(f.tasks.wallMs)}) | ` +
        `${ms(f.tasks.cpuPerSecond[0])} → ${ms(f.tasks.cpuPerSecond[1])} | ${ms(f.firstPaintMs)} (${ms(f.firstPaintCpuMs)}) | ` +
        `${ms(f.lagMs)} (${ms(f.transitMs)}) | ${ms(f.richMs)} | ${loads(f.load)} |`,
    ),
    '',
  );
});

test('opening a conversation with a long reply', async ({ browser }) => {
  test.setTimeout(10 * 60_000);
  if (!runs('open')) return;
  const f = await openingRun(browser, 65_000);
  lines.push(
    `Opening a conversation with a ${fmt(f.chars)}-character reply: thread painted (last screen) ${ms(f.firstPaintMs)} ` +
      `after the click (${ms(f.firstPaintCpuMs)} of main-thread CPU), every block rendered ${ms(f.richMs)} after it; longest task ${ms(f.tasks.longestMs)} wall / ` +
      `${ms(f.tasks.longestCpuMs)} CPU, tasks over 50 ms ${f.tasks.over50} wall / ${f.tasks.over50Cpu} CPU, ` +
      `main-thread CPU ${ms(f.tasks.cpuMs)} (load ${loads(f.load)}).`,
    '',
  );
});

test('time to first token, bundle and cold start', async ({ browser }) => {
  test.setTimeout(20 * 60_000);
  if (runs('ttft')) {
    const t = await ttftRuns(100);
    const over = t.app.map((a, i) => a - t.bare[i]!);
    lines.push(
      `Time to first token over ${t.app.length} alternated requests: bare SDK median ${fmt(median(t.bare), 1)} ms, ` +
        `p95 ${fmt(p95(t.bare), 1)} ms; through chat.send median ${fmt(median(t.app), 1)} ms, p95 ${fmt(p95(t.app), 1)} ms; ` +
        `added: median ${fmt(median(t.app) - median(t.bare), 1)} ms, p95 ${fmt(p95(t.app) - p95(t.bare), 1)} ms ` +
        `(pairwise median ${fmt(median(over), 1)} ms) (load ${loads(t.load)}).`,
      '',
    );
  }
  if (runs('start')) {
    const b = bundle();
    lines.push(
      `Eager bundle (what index.html loads): ${fmt(b.eagerKb)} kB (${fmt(b.eagerGzipKb)} kB gzipped); the Markdown ` +
        `stack loads after the list: ${fmt(b.markdownKb)} kB. Fonts: ${b.fonts.woff2} woff2 and ${b.fonts.other} ` +
        `others, ${fmt(b.fonts.kb)} kB.`,
    );
    const s = await startupRuns(browser, 10_000, 5);
    lines.push(
      `Cold start to the first conversation row painted, ${fmt(s.conversations)} conversations, ${s.wallMs.length} ` +
        `runs: median ${ms(median(s.wallMs))} wall (runs: ${s.wallMs.map((x) => fmt(x)).join(', ')}), main-thread CPU ` +
        `median ${ms(median(s.cpuMs))} (load ${loads(s.load)}).`,
      '',
    );
  }
});

test('compare mode: four columns at once', async ({ browser }) => {
  test.setTimeout(20 * 60_000);
  if (!runs('compare')) return;
  const chunks = Number(process.env.BENCH_COMPARE_CHUNKS ?? 2_000);
  const f = await compareRun(browser, chunks, 200);
  lines.push(
    `Compare mode, ${f.columns} columns of ${fmt(f.chunksEach)} chunks each streaming at once, asked at 200 chunks/s ` +
      `each (main sent ${fmt(f.rate)}/s each over ${ms(f.mainMs)}): longest task ${ms(f.tasks.longestMs)} wall / ` +
      `${ms(f.tasks.longestCpuMs)} CPU, tasks over 50 ms ${f.tasks.over50} wall / ${f.tasks.over50Cpu} CPU (target 0), ` +
      `main-thread CPU ${ms(f.tasks.cpuMs)} (${ms(f.tasks.wallMs)} wall); main's delta → painted over ${f.lag.count} ` +
      `markers: median ${ms(f.lag.median)}, p95 ${ms(f.lag.p95)}, worst ${ms(f.lag.max)} (target ≤ 100 ms) ` +
      `(load ${loads(f.load)}).`,
    '',
  );
});

test('heap over many replies', async ({ browser }) => {
  test.setTimeout(30 * 60_000);
  if (!runs('heap')) return;
  const h = await heapRun(browser, REPLIES);
  const growth = (from: number, to: number) => `${to >= from ? '+' : ''}${fmt(((to - from) / from) * 100, 1)} %`;
  lines.push(
    `${h.replies} replies in a row (${fmt(h.tokensEach)} tokens each), JS heap after GC: ${fmt(h.first, 1)} MiB after ` +
      `the 1st, ${fmt(h.tenth, 1)} MiB after the 10th, ${fmt(h.last, 1)} MiB after the last: ${growth(h.tenth, h.last)} ` +
      `from the 10th (target ±10 %), ${growth(h.first, h.last)} from the 1st (load ${loads(h.load)}).`,
  );
});
