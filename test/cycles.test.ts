import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DB_FILE, SqliteHistory } from '../src/main/history/sqlite-history';
import type { Call, Target } from './cycle-child';

const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Long enough for a loaded machine; a walker without a guard never comes back at all. */
const GIVE_UP_MS = 20_000;

/** Conversations of straight threads, whose parent links are then bent into loops directly in SQLite. */
function plant(): { targets: Target[]; messagesOf: Map<string, Set<string>> } {
  const history = new SqliteHistory(dir);
  const thread = (title: string, n: number) => {
    const c = history.createConversation({ title, model: 'm', params: {}, systemPrompt: '' });
    let parentId: string | null = null;
    const ids = Array.from({ length: n }, (_, i) => {
      const m = history.addMessage({
        conversationId: c.id,
        parentId,
        role: i % 2 ? 'assistant' : 'user',
        content: `${title} ${i}`,
        status: 'done',
        model: null,
      });
      return (parentId = m.id);
    });
    return { id: c.id, ids };
  };
  const self = thread('self-parent', 4);
  const loop = thread('whole thread loops', 4);
  const detached = thread('detached loop', 5);
  const other = thread('other chat', 2);
  const cross = thread('parent in another chat', 2);
  history.close();

  const db = new Database(join(dir, DB_FILE));
  const setParent = db.prepare('UPDATE messages SET parent_id = ? WHERE id = ?');
  setParent.run(self.ids[1], self.ids[1]);
  setParent.run(loop.ids[3], loop.ids[0]);
  // Two messages that follow each other, hanging off nothing, with the thread on screen ending in them.
  setParent.run(detached.ids[4], detached.ids[3]);
  db.prepare('UPDATE conversations SET leaf_id = ? WHERE id = ?').run(detached.ids[4], detached.id);
  setParent.run(other.ids[1], cross.ids[0]);
  db.close();

  const messagesOf = new Map([self, loop, detached, other, cross].map((t) => [t.id, new Set(t.ids)]));
  return {
    messagesOf,
    targets: [
      { name: 'self-parent', conversationId: self.id, messageId: self.ids[1]! },
      { name: 'whole thread loops', conversationId: loop.id, messageId: loop.ids[2]! },
      { name: 'detached loop', conversationId: detached.id, messageId: detached.ids[3]! },
      { name: 'parent in another chat', conversationId: cross.id, messageId: cross.ids[1]! },
    ],
  };
}

function runChild(targets: Target[]): Promise<{ calls: Call[]; finished: boolean; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=128',
        '--experimental-transform-types',
        '--no-warnings',
        '--import',
        resolve('scripts/ts-resolve.ts'),
        resolve('test/cycle-child.ts'),
        dir,
        JSON.stringify(targets),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), GIVE_UP_MS);
    child.on('error', fail);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const calls = out
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Call);
      done({ calls, finished: code === 0, stderr });
    });
  });
}

it(
  'every thread walker comes back from parent loops planted in SQLite, within its own chat',
  { timeout: 60_000 },
  async () => {
    const { targets, messagesOf } = plant();
    const { calls, finished, stderr } = await runChild(targets);
    expect(stderr).toBe('');
    expect(calls.length, `the call after "${calls.at(-1)?.call}" did not come back`).toBe(targets.length * 8);
    expect(finished).toBe(true);
    for (const call of calls) {
      const target = targets.find((t) => call.call.startsWith(`${t.name}:`))!;
      const own = messagesOf.get(target.conversationId)!;
      expect(new Set(call.ids).size, call.call).toBe(call.ids.length);
      expect(
        call.ids.every((id) => own.has(id)),
        `${call.call} returned only its chat's messages`,
      ).toBe(true);
      expect(call.rssGrowthMb, call.call).toBeLessThan(64);
    }
    console.log(
      `cycle guards: ${calls.length} calls, slowest ${Math.max(...calls.map((c) => c.ms)).toFixed(1)} ms, ` +
        `largest memory growth ${Math.max(...calls.map((c) => c.rssGrowthMb)).toFixed(1)} MB`,
    );
  },
);
