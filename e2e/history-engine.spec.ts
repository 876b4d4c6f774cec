import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bridge } from '../src/shared/contract';
import { KeytarStore } from '../src/main/keys/secret-store';
import { DB_FILE, SqliteHistory } from '../src/main/history/sqlite-history';
import { expect, test } from './fixtures/test';
import { WebApp } from './fixtures/web-app';
import { expectAxeClean } from './fixtures/axe';

test.beforeEach(({ mode }) => test.skip(mode === 'electron', 'the SQLite loader is replaced through the web harness'));

const files = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

for (const scheme of ['light', 'dark'] as const) {
  test(`SQLite that does not load says so, offers no new history, and leaves the file alone (${scheme})`, async ({
    page,
    server,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const dataDir = mkdtempSync(join(tmpdir(), 'mlchat-e2e-engine-'));
    const saved = new SqliteHistory(dataDir);
    saved.createConversation({ title: 'Kept safe', model: 'm', params: {}, systemPrompt: '' });
    saved.close();
    const before = files(dataDir);
    // better-sqlite3 handed a file that is no shared library fails in Node's dlopen, as on a too-old glibc.
    const binding = join(mkdtempSync(join(tmpdir(), 'mlchat-e2e-addon-')), 'better_sqlite3.node');
    writeFileSync(binding, 'not a shared library');
    const history = new SqliteHistory(dataDir, { open: (path) => new Database(path, { nativeBinding: binding }) });
    const secrets = new KeytarStore(`ModelsLab Chat e2e ${randomUUID()}`);
    const web = new WebApp(page);
    await web.start({
      env: { MODELSLAB_API_KEY: server.apiKey, MODELSLAB_BASE_URL: server.baseUrl },
      history,
      secrets,
    });

    const banner = page.getByRole('alert').filter({ hasText: 'History could not be loaded on this system' });
    await expect(banner).toContainText('better_sqlite3.node');
    await expect(banner).toContainText(join(dataDir, DB_FILE));
    await expect(page.getByRole('button', { name: 'Start a new history' })).toHaveCount(0);
    await page.setViewportSize({ width: 640, height: 480 });
    await page.screenshot({ path: `e2e/output/history-engine-${scheme}-small.png` });
    await page.setViewportSize({ width: 1200, height: 780 });
    await page.screenshot({ path: `e2e/output/history-engine-${scheme}.png` });
    await expectAxeClean(page);

    // A compromised window asks anyway: main refuses, and the file stays as it was.
    const answer = await page.evaluate(() => (window as unknown as { api: Bridge }).api.history.startFresh());
    expect(answer).toMatchObject({ ok: false, error: { code: 'history_engine_unavailable' } });
    web.stop();
    expect(files(dataDir)).toEqual(before);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(binding, '..'), { recursive: true, force: true });
  });
}
