/**
 * Runs every thread walker against a history whose parent links were made to loop. Run by cycles.test.ts,
 * which kills it when a walker does not come back, so a missing guard fails that test instead of hanging it.
 * Prints one JSON line per call: its name, what it returned (ids), and the time and memory it took.
 */
import { writeSync } from 'node:fs';
import { deleteMessage, detailOf, olderPage, showVersion } from '../src/main/history/conversation-detail';
import { SqliteHistory } from '../src/main/history/sqlite-history';
import { newestLeafUnder, subtreeOf, threadOf } from '../src/shared/thread';

export interface Target {
  name: string;
  conversationId: string;
  /** A message inside the loop. */
  messageId: string;
}

export interface Call {
  call: string;
  ids: string[];
  ms: number;
  rssGrowthMb: number;
}

const [dataDir, targetsJson] = process.argv.slice(2);
const history = new SqliteHistory(dataDir!);
const targets = JSON.parse(targetsJson!) as Target[];

function run(call: string, fn: () => string[]): void {
  const rss = process.memoryUsage().rss;
  const started = performance.now();
  const ids = fn();
  const line: Call = {
    call,
    ids,
    ms: performance.now() - started,
    rssGrowthMb: (process.memoryUsage().rss - rss) / 1024 / 1024,
  };
  writeSync(1, `${JSON.stringify(line)}\n`);
}

const idsOf = (messages: { id: string }[]) => messages.map((m) => m.id);

for (const { name, conversationId: c, messageId: m } of targets) {
  const all = () => history.listMessages(c);
  run(`${name}: conversations.get`, () => idsOf(detailOf(history, c).messages));
  run(`${name}: conversations.get to a message`, () => idsOf(detailOf(history, c, { includeId: m }).messages));
  run(`${name}: conversations.older`, () => idsOf(olderPage(history, c, m).messages));
  run(`${name}: threadOf`, () => idsOf(threadOf(all(), m)));
  run(`${name}: newestLeafUnder`, () => [newestLeafUnder(all(), m)]);
  run(`${name}: subtreeOf`, () => subtreeOf(all(), m));
  run(`${name}: conversations.showVersion`, () => idsOf(showVersion(history, m).messages));
  run(`${name}: conversations.deleteMessage`, () => idsOf(deleteMessage(history, m, () => false).messages));
}
history.close();
