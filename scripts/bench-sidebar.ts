/**
 * The sidebar's per-list work: date headings over the loaded chats, and plain-text search previews. Both run in the
 * window on every list change or result page, so they must stay well under a frame. Prints wall and CPU time with
 * the load average. Usage: npm run bench:sidebar
 */
import { loadavg } from 'node:os';
import type { Conversation } from '../src/shared/domain';
import type { SnippetPart } from '../src/shared/history';
import { withDateGroups } from '../src/renderer/src/features/sidebar/date-groups';
import { plainSnippet } from '../src/renderer/src/features/search/plain-snippet';
import { pct, Samples } from './bench-timing';

const now = Date.now();
const HOUR = 3600 * 1000;

function chats(count: number): Conversation[] {
  // One chat every 3 hours back in time, a few pinned: every group from Today to months long past.
  return Array.from({ length: count }, (_, i) => ({ id: `c${i}`, pinned: i < 5, updatedAt: now - i * 3 * HOUR }))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt)
    .map((c) => c as Conversation);
}

function report(name: string, samples: Samples) {
  const f = (ms: number) => ms.toFixed(2);
  console.log(
    `${name}: wall p50 ${f(pct(samples.wall, 50))} ms, p95 ${f(pct(samples.wall, 95))} ms; ` +
      `cpu p50 ${f(pct(samples.cpu, 50))} ms, p95 ${f(pct(samples.cpu, 95))} ms`,
  );
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const count of [200, 2_000, 20_000]) {
  const list = chats(count);
  const samples = new Samples();
  for (let i = 0; i < 50; i++) samples.time(() => withDateGroups(list, now));
  report(`date groups over ${count} chats`, samples);
}

// A page of search results (50 hits) whose messages are Markdown-heavy.
const part = (text: string, hit = false): SnippetPart => ({ text, hit });
const hits = Array.from({ length: 50 }, (_, i) => [
  part(`## Heading ${i}\n\n\`\`\`ts\nconst x = 1;\n\`\`\`\n- **bold** and [a link](https://example.com/${i}) `),
  part('tram', true),
  part(' _em_ > quote | cell | 2 * 3 …'),
]);
const snippets = new Samples();
for (let i = 0; i < 200; i++) snippets.time(() => hits.map(plainSnippet));
report('plain previews for a page of 50 hits', snippets);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
