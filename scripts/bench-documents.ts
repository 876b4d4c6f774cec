/**
 * Documents bench: extracting a 300-page PDF in the worker pool, and how long main's event loop was blocked
 * meanwhile (target: never more than 50 ms). The baseline runs the same extraction on main's own thread.
 * Run: npm run bench:documents (also part of npm run bench). BENCH_PAGES changes the size.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { extractBytes } from '../src/main/documents/extract';
import { defaultConcurrency, DocumentExtractor } from '../src/main/documents/extractor';
import { DEFAULT_LIMITS } from '../src/main/documents/types';
import { longPdf, SOURCE_WORKER } from '../test/documents';

const PAGES = Number(process.env.BENCH_PAGES ?? 300);
const PROBE_MS = 5;
const TARGET_MS = 50;

interface Figures {
  wall: number;
  /** CPU time of the whole process: main and the worker threads. */
  cpu: number;
  /** Time main's event loop was busy (event-loop utilisation × wall). */
  mainBusy: number;
  /** CPU time of main's thread alone. */
  mainCpu: number;
  /** The longest gap between two ticks of a 5 ms timer on main, less the 5 ms: the longest block. */
  longestBlock: number;
  /**
   * The most CPU main's thread used between two ticks: an upper bound on the longest block its own code caused,
   * whatever the OS scheduler did with the other processes on the machine.
   */
  ownBlock: number;
}

async function measure(run: () => Promise<unknown>): Promise<Figures> {
  let last = performance.now();
  let lastCpu = process.threadCpuUsage();
  let longest = 0;
  let own = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    const cpu = process.threadCpuUsage(lastCpu);
    longest = Math.max(longest, now - last - PROBE_MS);
    own = Math.max(own, (cpu.user + cpu.system) / 1000);
    last = now;
    lastCpu = process.threadCpuUsage();
  }, PROBE_MS);
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  const mainCpu = process.threadCpuUsage();
  const started = performance.now();
  await run();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const usedMain = process.threadCpuUsage(mainCpu);
  const busy = performance.eventLoopUtilization(elu);
  // One more tick, so a block that ended the run is counted too.
  await new Promise((resolve) => setTimeout(resolve, PROBE_MS * 2));
  clearInterval(probe);
  return {
    wall,
    cpu: (used.user + used.system) / 1000,
    mainBusy: busy.active,
    mainCpu: (usedMain.user + usedMain.system) / 1000,
    longestBlock: Math.max(0, longest),
    ownBlock: own,
  };
}

const COLUMNS: Array<[string, (f: Figures) => number]> = [
  ['wall', (f) => f.wall],
  ['CPU, all threads', (f) => f.cpu],
  ['main busy', (f) => f.mainBusy],
  ['main CPU', (f) => f.mainCpu],
  ['longest block', (f) => f.longestBlock],
  ['longest own block', (f) => f.ownBlock],
];

const cell = (text: string, width: number) => text.padStart(Math.max(width, 8));

function header(): string[] {
  const names = COLUMNS.map(([name]) => cell(name, name.length));
  const rules = COLUMNS.map(([name]) => `${'-'.repeat(Math.max(name.length, 8) - 1)}:`);
  return [
    `| ${'run'.padEnd(40)} | ${names.join(' | ')} | ≤ ${TARGET_MS} ms |`,
    `| ${'-'.repeat(40)} | ${rules.join(' | ')} | ------: |`,
  ];
}

function row(label: string, f: Figures): string {
  const cells = COLUMNS.map(([name, pick]) => cell(`${pick(f).toFixed(0)} ms`, name.length));
  return `| ${label.padEnd(40)} | ${cells.join(' | ')} | ${cell(f.longestBlock <= TARGET_MS ? 'yes' : 'no', 7)} |`;
}

const [one, five, fifteen] = loadavg();
console.log(
  `Documents bench: ${cpus().length} CPUs, load average ${one!.toFixed(2)} ${five!.toFixed(2)} ${fifteen!.toFixed(2)}`,
);
const pdf = await longPdf(PAGES, 40);
console.log(`A ${PAGES}-page PDF, 40 lines a page: ${(pdf.length / 1024).toFixed(0)} KiB.\n`);

const rows: string[] = [];
let chars = 0;
const reader = (extractor: DocumentExtractor) => async () => {
  const result = await extractor.extractDocument(pdf, 'bench.pdf');
  if (!result.ok) throw new Error(result.error.message);
  chars = result.value.text.length;
};
const two = (once: () => Promise<void>) => () => Promise.all([once(), once()]);

// As the app makes it: two workers, or one on a two-core machine (a core stays free for the app).
const app = new DocumentExtractor({ workerUrl: SOURCE_WORKER });
const workers = defaultConcurrency();
const once = reader(app);
rows.push(row('worker, first file (starts the worker)', await measure(once)));
for (let i = 1; i <= 3; i++) rows.push(row(`worker, again (${i})`, await measure(once)));
for (let i = 1; i <= 3; i++)
  rows.push(row(`two files, ${workers} worker${workers > 1 ? 's' : ''} (${i})`, await measure(two(once))));
await app.close();
const pair = new DocumentExtractor({ workerUrl: SOURCE_WORKER, concurrency: 2 });
for (let i = 1; i <= 3; i++) rows.push(row(`two files, 2 workers (${i})`, await measure(two(reader(pair)))));
await pair.close();
rows.push(
  row('baseline: on main’s own thread', await measure(() => extractBytes(pdf, 'bench.pdf', DEFAULT_LIMITS, () => {}))),
);

console.log(`Extracted ${chars.toLocaleString('en')} characters per file.\n`);
for (const line of [...header(), ...rows]) console.log(line);
const after = loadavg();
console.log(`\nLoad average after: ${after.map((n) => n.toFixed(2)).join(' ')}.`);
console.log(
  '"main busy" is event-loop utilisation; "longest own block" is the most CPU main used between two 5 ms ticks,',
);
console.log('so a longer "longest block" was the OS running other work, not main.');
