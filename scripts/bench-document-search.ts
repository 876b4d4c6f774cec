/**
 * Document search bench: 1,000 documents of about 20,000 characters each, every one attached to a message of its
 * own chat, indexed as the app indexes them; then Ctrl/Cmd+K queries of a word in every document, in a few, in
 * one, and a prefix. Prints p50 and p95 wall and CPU time per query, and the load average.
 * Run: npm run bench:document-search (also part of npm run bench)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileDocumentStore } from '../src/main/documents/document-store';
import { SqliteHistory } from '../src/main/history/sqlite-history';
import { pct, Samples } from './bench-timing';

const DOCUMENTS = 1000;
const CHARS = 20_000;
const ROUNDS = 40;
const WORDS = [
  'report',
  'figure',
  'quarter',
  'revenue',
  'growth',
  'market',
  'the',
  'of',
  'and',
  'plan',
  'team',
  'cost',
];

function documentText(i: number): string {
  let seed = i + 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const parts: string[] = [];
  let length = 0;
  while (length < CHARS) {
    const word = WORDS[next() % WORDS.length]!;
    parts.push(word);
    length += word.length + 1;
  }
  // One word in every tenth document, one in this document only.
  if (i % 10 === 0) parts.splice(100, 0, 'lighthouse');
  parts.splice(200, 0, `serial${i}`);
  return parts.join(' ');
}

const dir = mkdtempSync(join(tmpdir(), 'bench-docsearch-'));
try {
  const store = new FileDocumentStore(join(dir, 'documents'));
  const history = new SqliteHistory(dir, { documentText: (id) => store.get(id)?.text ?? null });
  const started = performance.now();
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = documentText(i);
    const id = store.put({ text, pages: null });
    history.indexDocument(id, text);
    const c = history.createConversation({ title: `Chat ${i}`, model: 'm', params: {}, systemPrompt: '' });
    const ref = {
      id,
      name: `doc-${i}.txt`,
      kind: 'text' as const,
      pages: null,
      lines: 1,
      chars: text.length,
      tokens: 0,
      keptChars: null,
    };
    history.addMessage({
      conversationId: c.id,
      parentId: null,
      role: 'user',
      content: 'see attached',
      status: 'done',
      model: null,
      documents: [ref],
    });
  }
  console.log(
    `Indexed ${DOCUMENTS} documents of ~${CHARS.toLocaleString('en')} characters in ${Math.round(performance.now() - started)} ms`,
  );

  const queries: [string, string][] = [
    ['a word in every document', 'revenue'],
    ['a word in 100 documents', 'lighthouse'],
    ['a word in one document', 'serial777'],
    ['a prefix', 'lightho'],
  ];
  const rows: string[] = [];
  for (const [what, query] of queries) {
    const samples = new Samples();
    let hits = 0;
    for (let r = 0; r < ROUNDS; r++) hits = samples.time(() => history.search(query).hits.length);
    const f = (n: number) => `${n.toFixed(2)} ms`;
    rows.push(
      `| ${what.padEnd(25)} | ${String(hits).padStart(4)} | ${f(pct(samples.wall, 50)).padStart(9)} | ${f(pct(samples.wall, 95)).padStart(9)} | ${f(pct(samples.cpu, 50)).padStart(9)} | ${f(pct(samples.cpu, 95)).padStart(9)} |`,
    );
  }
  history.close();
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  console.log(
    `\nSearching ${DOCUMENTS} indexed documents, ${ROUNDS} rounds per query; ${cpus().length} cores, load average ${load}\n`,
  );
  console.log('| query                     | hits |  wall p50 |  wall p95 |   CPU p50 |   CPU p95 |');
  console.log('| ------------------------- | ---: | --------: | --------: | --------: | --------: |');
  for (const row of rows) console.log(row);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
