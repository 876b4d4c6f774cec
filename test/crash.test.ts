import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DB_FILE, SqliteHistory } from '../src/main/history/sqlite-history';
import { build } from 'vite';
import { replyText } from './crash-reply';

const LANES = 5;
const ROUNDS = 10;
/** When each child is killed is drawn from this seed; CRASH_SEED=<seed> replays a run's kill times. */
const SEED = Number(process.env.CRASH_SEED) || Math.floor(Math.random() * 2 ** 31);
console.log(`crash test seed ${SEED} (replay its kill times with CRASH_SEED=${SEED})`);

/** mulberry32: a small seeded generator, one per lane so the lanes' interleaving does not change the draws. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const dirs: string[] = [];
// Bundled once, so each of the 50 runs starts in a fraction of a second.
const CHILD_DIR = resolve('test-results/crash-child');
beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { ssr: resolve('test/crash-child.ts'), outDir: CHILD_DIR, emptyOutDir: true, minify: false },
  });
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Seen {
  committed: string[];
  lastReply: string | null;
  savedLength: Map<string, number>;
}

/** Runs the child until `killAfterMs` after its first commit, then kills it with SIGKILL. */
function runAndKill(dataDir: string, killAfterMs: number): Promise<Seen> {
  const seen: Seen = { committed: [], lastReply: null, savedLength: new Map() };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(CHILD_DIR, 'crash-child.js'), dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    let armed = false;
    child.stdout.on('data', (data: Buffer) => {
      buffer += data.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'committed') {
          seen.committed.push(a!, b!);
          seen.lastReply = b!;
          if (!armed) {
            armed = true;
            setTimeout(() => child.kill('SIGKILL'), killAfterMs);
          }
        } else if (kind === 'saved') {
          seen.savedLength.set(a!, Number(b));
        }
      }
    });
    child.on('error', fail);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? done(seen) : fail(new Error(`child exited ${signal}`)),
    );
  });
}

function check(dataDir: string, seen: Seen, everCommitted: Set<string>, run: string): void {
  const raw = new Database(join(dataDir, DB_FILE));
  expect(raw.pragma('integrity_check', { simple: true }), run).toBe('ok');
  raw.close();
  const history = new SqliteHistory(dataDir);
  try {
    for (const id of everCommitted) expect(history.getMessage(id), `${run}: message ${id}`).not.toBeNull();
    const full = replyText();
    const reply = history.getMessage(seen.lastReply!)!;
    expect(['interrupted', 'done'], run).toContain(reply.status);
    expect(full.startsWith(reply.content), run).toBe(true);
    expect(reply.content.length, run).toBeGreaterThanOrEqual(seen.savedLength.get(reply.id) ?? 0);
  } finally {
    history.close();
  }
}

it(`keeps every committed message through ${LANES * ROUNDS} SIGKILLs mid-stream`, { timeout: 120_000 }, async () => {
  let kills = 0;
  await Promise.all(
    Array.from({ length: LANES }, async (_, lane) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
      dirs.push(dataDir);
      const everCommitted = new Set<string>();
      const random = seeded(SEED + lane);
      for (let round = 0; round < ROUNDS; round++) {
        const killAfterMs = Math.round(random() * 700);
        const seen = await runAndKill(dataDir, killAfterMs);
        seen.committed.forEach((id) => everCommitted.add(id));
        check(dataDir, seen, everCommitted, `seed ${SEED}, lane ${lane}, round ${round}, killed ${killAfterMs} ms in`);
        kills++;
      }
    }),
  );
  expect(kills).toBe(LANES * ROUNDS);
});
