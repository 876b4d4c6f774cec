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

/** Runs the child until a random moment after its first commit, then kills it with SIGKILL. */
function runAndKill(dataDir: string): Promise<Seen> {
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
            setTimeout(() => child.kill('SIGKILL'), Math.random() * 700);
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

function check(dataDir: string, seen: Seen, everCommitted: Set<string>): void {
  const raw = new Database(join(dataDir, DB_FILE));
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  raw.close();
  const history = new SqliteHistory(dataDir);
  try {
    for (const id of everCommitted) expect(history.getMessage(id), `message ${id}`).not.toBeNull();
    const full = replyText();
    const reply = history.getMessage(seen.lastReply!)!;
    expect(['interrupted', 'done']).toContain(reply.status);
    expect(full.startsWith(reply.content)).toBe(true);
    expect(reply.content.length).toBeGreaterThanOrEqual(seen.savedLength.get(reply.id) ?? 0);
  } finally {
    history.close();
  }
}

it(`keeps every committed message through ${LANES * ROUNDS} SIGKILLs mid-stream`, { timeout: 120_000 }, async () => {
  let kills = 0;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'crash-'));
      dirs.push(dataDir);
      const everCommitted = new Set<string>();
      for (let round = 0; round < ROUNDS; round++) {
        const seen = await runAndKill(dataDir);
        seen.committed.forEach((id) => everCommitted.add(id));
        check(dataDir, seen, everCommitted);
        kills++;
      }
    }),
  );
  expect(kills).toBe(LANES * ROUNDS);
});
