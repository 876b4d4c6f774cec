/**
 * History bench: our SQLite store against a baseline that keeps everything in one JSON file, the way
 * electron-store would. Prints a table; the generated data is cached in .cache/bench (delete it to rebuild).
 * Run: npm run bench
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { ConversationRecord } from '../src/main/history/history-store';
import { SqliteHistory, DB_FILE } from '../src/main/history/sqlite-history';
import { CONVERSATIONS, LONG_INDEX, MESSAGES, conversationId, history, queries } from './bench-data';
import { budgetBench } from './bench-budget';
import { JsonBaseline } from './bench-json-baseline';
import { pct, Samples } from './bench-timing';

// 2: the schema with token counts (a cached version 1 would be migrated, and copied first, on every machine).
const DATA_VERSION = '2';
const ROOT = resolve('.cache/bench');
const SQLITE_DIR = join(ROOT, 'sqlite');
const JSON_FILE = join(ROOT, 'json', 'history.json');
const MARK = join(ROOT, `ready-${DATA_VERSION}`);

const ms = (from: number) => performance.now() - from;

function generate(): void {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(join(ROOT, 'json'), { recursive: true });
  console.log(`Generating ${CONVERSATIONS} conversations with ${MESSAGES} messages (cached in ${ROOT})…`);
  let started = performance.now();
  const store = new SqliteHistory(SQLITE_DIR);
  let batch: ConversationRecord[] = [];
  for (const record of history()) {
    batch.push(record);
    if (batch.length < 200) continue;
    store.merge(batch);
    batch = [];
  }
  store.merge(batch);
  store.close();
  console.log(`  SQLite written in ${(ms(started) / 1000).toFixed(1)} s`);
  started = performance.now();
  // The JSON file is written record by record; electron-store would hold the same in one object.
  const fd = openSync(JSON_FILE, 'w');
  writeSync(fd, '{"conversations":[');
  let first = true;
  for (const record of history()) {
    writeSync(fd, (first ? '' : ',') + JSON.stringify({ ...record.conversation, messages: record.messages }));
    first = false;
  }
  writeSync(fd, ']}');
  closeSync(fd);
  console.log(`  JSON written in ${(ms(started) / 1000).toFixed(1)} s`);
  writeFileSync(MARK, '');
}

interface Row {
  what: string;
  target: string;
  ours: string;
  cpu: string;
  baseline: string;
  ratio: string;
  met: string;
}

const f = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

async function main(): Promise<void> {
  if (!existsSync(MARK)) generate();
  const longId = conversationId(LONG_INDEX);
  const rows: Row[] = [];
  const row = (
    what: string,
    target: number | null,
    p: number,
    ours: Pick<Samples, 'wall' | 'cpu'>,
    baseline: number[],
  ) => {
    const wall = pct(ours.wall, p);
    const cpu = pct(ours.cpu, p);
    rows.push({
      what: `${what} (p${p})`,
      target: target === null ? '' : `≤ ${target} ms`,
      ours: `${f(wall)} ms`,
      cpu: `${f(cpu)} ms`,
      baseline: `${f(pct(baseline, p))} ms`,
      ratio: `${f(pct(baseline, p) / wall)}×`,
      met: target === null ? '' : wall <= target ? 'yes' : cpu <= target ? 'CPU only' : 'NO',
    });
  };

  // Open + first page of the list.
  const opens = new Samples();
  for (let i = 0; i < 10; i++) {
    const store = opens.time(() => {
      const opened = new SqliteHistory(SQLITE_DIR);
      opened.pageConversations({ limit: 100 });
      return opened;
    });
    store.close();
  }
  const baseline = new JsonBaseline(JSON_FILE);
  const jsonOpens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    baseline.open();
    baseline.firstPage();
    jsonOpens.push(ms(t));
  }
  row('open + first page of the list', 20, 50, opens, jsonOpens);

  const store = new SqliteHistory(SQLITE_DIR);
  const pages = new Samples();
  const jsonPages: number[] = [];
  for (let i = 0; i < 300; i++) {
    pages.time(() => store.pageMessages(longId, { limit: 100 }));
    const t = performance.now();
    baseline.newest(longId, 100);
    jsonPages.push(ms(t));
  }
  row('newest 100 of 5,000 messages', null, 50, pages, jsonPages);
  row('newest 100 of 5,000 messages', 5, 95, pages, jsonPages);

  // The context budget; its baselines are what a send cost before (the whole thread read and sent).
  const budget = await budgetBench(store, longId);
  row('budget a 5,000-message thread, in memory', null, 50, budget.inMemory, budget.oldBody);
  row('budget a 5,000-message thread, in memory', 2, 95, budget.inMemory, budget.oldBody);
  for (const { label, ours } of budget.fromDb) {
    row(`  from the database, ${label}`, null, 50, ours, budget.oldRead);
    row(`  from the database, ${label}`, null, 95, ours, budget.oldRead);
  }
  const firsts = budget.fromDb.map((d) => `${f(d.firstMs)} ms (${d.label})`).join(', ');
  const budgetNote = `Budget: ${budget.sent} sent to a 131,072-token model; first budget, counting tokens: ${firsts}.`;

  const qs = queries();
  for (const q of qs) store.search(q.text);
  const byKind = new Map<string, { ours: Samples; json: number[] }>();
  const all = { ours: new Samples(), json: [] as number[] };
  let hitCount = 0;
  for (const q of qs) {
    // The median of five runs per query, so a moment when another process has the CPU does not decide it.
    const runs = new Samples();
    for (let r = 0; r < 5; r++) {
      // Each run starts cold: ranked windows are kept between pages of one search, not across searches.
      store['db'].changed();
      const found = runs.time(() => store.search(q.text).hits.length);
      if (r === 0) hitCount += found;
    }
    const t = performance.now();
    baseline.search(q.text);
    const json = ms(t);
    const kind = byKind.get(q.kind) ?? { ours: new Samples(), json: [] };
    byKind.set(q.kind, kind);
    for (const target of [kind, all]) {
      target.ours.wall.push(pct(runs.wall, 50));
      target.ours.cpu.push(pct(runs.cpu, 50));
      target.json.push(json);
    }
  }
  row(`search, ${qs.length} queries, median of 5 runs each`, null, 50, all.ours, all.json);
  row(`search, ${qs.length} queries, median of 5 runs each`, 20, 95, all.ours, all.json);
  for (const [kind, s] of byKind) row(`  ${kind} words (${s.json.length})`, null, 95, s.ours, s.json);

  // A reply streaming in: saved as it grows (every 500 ms in the app), and a new message added.
  const c = store.createConversation({ title: 'bench', model: 'm', params: {}, systemPrompt: '' });
  const adds = new Samples();
  const saves = new Samples();
  let reply = store.addMessage({
    conversationId: c.id,
    parentId: null,
    role: 'assistant',
    content: '',
    status: 'streaming',
    model: 'm',
  });
  for (let i = 0; i < 300; i++) {
    const content = reply.content + 'more words arrive in the reply as it streams. ';
    reply = saves.time(() => store.updateMessage(reply.id, { content }));
  }
  for (let i = 0; i < 100; i++) {
    adds.time(() =>
      store.addMessage({
        conversationId: c.id,
        parentId: null,
        role: 'user',
        content: 'A new question about the database.',
        status: 'done',
        model: null,
      }),
    );
  }
  store.deleteConversation(c.id);
  const jsonSaves: number[] = [];
  const target = baseline.data.conversations[0]!.messages.at(-1)!;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    target.content += ' more';
    baseline.save();
    jsonSaves.push(ms(t));
  }
  row('save a growing reply while streaming', null, 50, saves, jsonSaves);
  row('save a growing reply while streaming', 2, 95, saves, jsonSaves);
  row('add one message', null, 50, adds, jsonSaves);
  row('add one message', 2, 95, adds, jsonSaves);
  store.close();

  const size = (path: string) => `${(readFileSync(path).byteLength / 1e6).toFixed(0)} MB`;
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  console.log(`\nLoad average ${load} on ${cpus().length} CPUs (figures from a busy machine vary run to run).`);
  console.log(
    `${CONVERSATIONS} conversations, ${MESSAGES} messages; SQLite ${size(join(SQLITE_DIR, DB_FILE))}, JSON ${size(JSON_FILE)}; ${hitCount} hits shown over ${qs.length} queries\n`,
  );
  const cols: (keyof Row)[] = ['what', 'target', 'ours', 'cpu', 'baseline', 'ratio', 'met'];
  const head: Row = {
    what: 'measure',
    target: 'target',
    ours: 'SQLite',
    cpu: 'SQLite CPU',
    baseline: 'JSON file',
    ratio: 'ratio',
    met: 'met',
  };
  const widths = cols.map((k) => Math.max(...[head, ...rows].map((r) => r[k].length)));
  const line = (r: Row) =>
    `| ${cols.map((k, i) => (i === 0 ? r[k].padEnd(widths[i]!) : r[k].padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`);
  rows.forEach((r) => console.log(line(r)));
  console.log(`\n${budgetNote}`);
}

await main();
