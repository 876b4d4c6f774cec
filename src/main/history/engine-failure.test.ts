import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import { registerIpc, type IpcMainLike } from '../ipc';
import { createHandlers } from '../services';
import type { OpenSqlite } from './open-sqlite';
import { DB_FILE, SqliteHistory } from './sqlite-history';
import { testServices } from '../../../test/services';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlchat-engine-'));
  dirs.push(dir);
  return dir;
}

/** A history folder holding one saved chat, closed cleanly, as the app leaves it. */
function savedHistory(): string {
  const dir = tempDir();
  const store = new SqliteHistory(dir);
  store.createConversation({ title: 'kept safe', model: 'm', params: {}, systemPrompt: '' });
  store.close();
  return dir;
}

/** Every file in the folder with its bytes, to prove nothing was written, moved or added. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

/** better-sqlite3 handed a file that is no shared library: Node's real dlopen failure. */
function brokenNativeModule(): OpenSqlite {
  const binding = join(tempDir(), 'better_sqlite3.node');
  writeFileSync(binding, 'not a shared library');
  return (path) => new Database(path, { nativeBinding: binding });
}

/** What an addon built for another Node or Electron says. */
const wrongAbi: OpenSqlite = () => {
  throw Object.assign(
    new Error(
      'The module better_sqlite3.node was compiled against a different Node.js version using NODE_MODULE_VERSION 115. ' +
        'This version of Node.js requires NODE_MODULE_VERSION 137.',
    ),
    { code: 'ERR_DLOPEN_FAILED' },
  );
};

describe('SQLite that cannot load on this system', () => {
  it.each([
    ['a native module that does not load (ERR_DLOPEN_FAILED)', brokenNativeModule, /better_sqlite3\.node/],
    ['a NODE_MODULE_VERSION mismatch', () => wrongAbi, /NODE_MODULE_VERSION 115/],
  ])('%s is its own problem, and the history file is left untouched', (_name, loader, reason) => {
    const dir = savedHistory();
    const before = snapshot(dir);
    const store = new SqliteHistory(dir, { open: loader() });

    const { problem } = store.status();
    expect(problem).toMatchObject({ code: 'history_engine_unavailable', path: join(dir, DB_FILE) });
    expect(problem!.message).toMatch(reason);
    expect(() => store.listConversations()).toThrow(
      expect.objectContaining({
        code: 'history_engine_unavailable',
        message: expect.stringMatching(/^History could not be loaded on this system: /),
      }),
    );
    // The window may ask for a new history anyway; main refuses, and the file stays as it was.
    expect(() => store.startFresh()).toThrow(expect.objectContaining({ code: 'history_engine_unavailable' }));
    expect(store.status().keptAt).toBeNull();
    store.close();
    expect(snapshot(dir)).toEqual(before);

    const fixed = new SqliteHistory(dir);
    expect(fixed.listConversations().map((c) => c.title)).toEqual(['kept safe']);
    fixed.close();
  });

  it('is refused through IPC too: history.startFresh answers with the code and moves nothing', async () => {
    const dir = savedHistory();
    const before = snapshot(dir);
    const listeners = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const services = testServices({
      env: { MODELSLAB_API_KEY: 'k-0123456789' },
      version: '1.2.3',
      history: new SqliteHistory(dir, { open: brokenNativeModule() }),
    });
    registerIpc({ handle: (c, l) => void listeners.set(c, l) }, createHandlers(services), {
      isTrustedSender: () => true,
    });
    const call = (channel: string) => listeners.get(channel)!({ sender: null as never }) as Promise<Result<unknown>>;

    const status = await call('history.status');
    expect(status).toMatchObject({ ok: true, value: { problem: { code: 'history_engine_unavailable' } } });
    const fresh = await call('history.startFresh');
    expect(fresh).toMatchObject({ ok: false, error: { code: 'history_engine_unavailable' } });
    services.history.close();
    expect(snapshot(dir)).toEqual(before);
  });

  it('leaves a corrupt file to the usual recovery, which may start a new history', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DB_FILE), 'not a database '.repeat(100));
    const store = new SqliteHistory(dir);
    expect(store.status().problem?.code).toBe('history_unavailable');
    expect(store.startFresh().problem).toBeNull();
    store.close();
  });
});
