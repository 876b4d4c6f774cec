import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storedZip } from './stored-zip';

const SCRIPT = resolve('scripts/ensure-electron.ts');
const ELECTRON = resolve('node_modules/electron');
const VERSION = (JSON.parse(readFileSync(join(ELECTRON, 'package.json'), 'utf8')) as { version: string }).version;
/** Where Electron's install.js puts the executable, per platform. */
const EXE =
  { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform as string] ?? 'electron';
const ZIP = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A project folder with Electron's package as npm installs it (no binary: Electron 45 has no install script), whose
 * install.js finds @electron/get in this repository's node_modules.
 */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlchat-electron-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'package.json'), '{"name":"app","private":true}');
  mkdirSync(join(dir, 'node_modules/electron'), { recursive: true });
  for (const file of ['package.json', 'index.js', 'install.js', 'checksums.json']) {
    copyFileSync(join(ELECTRON, file), join(dir, 'node_modules/electron', file));
  }
  return dir;
}

/** A mirror of Electron's releases on 127.0.0.1 that records what was asked of it. */
let mirror: Server;
let mirrorUrl = '';
const asked: string[] = [];
let release: Record<string, Buffer> = {};
beforeAll(async () => {
  mirror = createServer((req, res) => {
    asked.push(req.url!);
    const body = release[req.url!];
    res.writeHead(body ? 200 : 404).end(body);
  });
  await new Promise<void>((done) => mirror.listen(0, '127.0.0.1', done));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
});
afterAll(() => mirror.close());
afterEach(() => {
  asked.length = 0;
  release = {};
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

function ensure(cwd: string, env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(npm_|electron_|ELECTRON_|https?_proxy$)/i.test(k)),
  );
  const started = Date.now();
  const child = spawn(process.execPath, [SCRIPT], {
    cwd,
    env: {
      ...clean,
      NODE_PATH: resolve('node_modules'),
      electron_config_cache: join(cwd, 'download-cache'),
      npm_lifecycle_event: 'start',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  // `said` is what was printed to stderr, with the paragraph's line breaks undone.
  return new Promise<{ status: number | null; stdout: string; stderr: string; said: string; ms: number }>((done) =>
    child.on('close', (status) =>
      done({ status, stdout, stderr, said: stderr.trim().replace(/\s+/g, ' '), ms: Date.now() - started }),
    ),
  );
}

describe('scripts/ensure-electron.ts', () => {
  it('fetches the binary through Electron’s own installer, which writes the path.txt electron-vite reads', async () => {
    const zip = storedZip({ [EXE]: '#!/bin/sh\n', version: VERSION });
    const sha = createHash('sha256').update(zip).digest('hex');
    release = {
      [`/v${VERSION}/${ZIP}`]: zip,
      [`/v${VERSION}/SHASUMS256.txt`]: Buffer.from(`${sha} *${ZIP}\n`),
    };
    const dir = project();
    const run = await ensure(dir, { ELECTRON_MIRROR: mirrorUrl, electron_use_remote_checksums: '1' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(asked).toContain(`/v${VERSION}/${ZIP}`);
    expect(readFileSync(join(dir, 'node_modules/electron/path.txt'), 'utf8')).toBe(EXE);
    expect(existsSync(join(dir, 'node_modules/electron/dist', EXE))).toBe(true);

    // Once it is there, nothing is downloaded again and nothing is said.
    asked.length = 0;
    const again = await ensure(dir, { ELECTRON_MIRROR: mirrorUrl });
    expect({ status: again.status, out: again.stdout + again.stderr, asked }).toEqual({
      status: 0,
      out: '',
      asked: [],
    });
  });

  it('ends in one paragraph saying what is missing, why, and how to retry, when the download fails', async () => {
    const port = await closedPort();
    const run = await ensure(project(), {
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      HTTPS_PROXY: 'http://user:secret@proxy.example:3128',
      npm_lifecycle_event: 'dev',
    });
    expect(run.status).toBe(1);
    expect(run.ms).toBeLessThan(15_000);
    expect(run.stderr.trim().split('\n\n')).toHaveLength(1);
    const paragraph = run.said;
    expect(paragraph).toMatch(/^Electron \d+\.\d+\.\d+ is not installed \(no binary in node_modules.electron.dist\)/);
    expect(paragraph).toContain(`127.0.0.1:${port} refused the connection (ECONNREFUSED)`);
    expect(paragraph).toContain("HTTPS_PROXY is set, but Electron's downloader uses a proxy only with");
    expect(paragraph).toContain(`A mirror is set (ELECTRON_MIRROR or npm's electron_mirror); check that it holds`);
    expect(paragraph.endsWith('Then retry with: `npm run dev`')).toBe(true);
    expect(paragraph).not.toContain('secret');
    expect(run.stdout + run.stderr).not.toContain('Electron uninstall');
  });

  it('names a mirror that lacks this version, and keeps its password out of the message', async () => {
    const withPassword = mirrorUrl.replace('//', '//reader:hunter2@');
    const run = await ensure(project(), { ELECTRON_MIRROR: withPassword });
    expect(run.status).toBe(1);
    expect(run.said).toContain(`answered HTTP 404 for ${mirrorUrl}v${VERSION}/${ZIP}`);
    expect(run.said).toContain('Behind a proxy, set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=1.');
    expect(run.stdout + run.stderr).not.toContain('hunter2');
  });

  it('blames the proxy when the download went through one', async () => {
    const port = await closedPort();
    const run = await ensure(project(), {
      ELECTRON_MIRROR: mirrorUrl,
      HTTPS_PROXY: `http://127.0.0.1:${port}`,
      HTTP_PROXY: `http://127.0.0.1:${port}`,
      ELECTRON_GET_USE_PROXY: '1',
      NO_PROXY: '',
    });
    expect(run.status).toBe(1);
    expect(run.said).toContain('and that failed: through the proxy in HTTPS_PROXY');
    expect(run.said).toContain("Check that proxy's address");
    expect(asked).toEqual([]);
  });

  it('downloads nothing when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', async () => {
    const run = await ensure(project(), { ELECTRON_MIRROR: mirrorUrl, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(run.status).toBe(1);
    expect(run.said).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(run.said).toContain('`unset ELECTRON_SKIP_BINARY_DOWNLOAD`) and retry with: `npm start`');
    expect(asked).toEqual([]);
  });

  it('runs before electron-vite and electron-builder in `npm start`, `npm run dev` and `npm run dist`', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['start', 'dev', 'dist']) {
      expect(scripts[name]).toMatch(
        /^node scripts\/check-node\.cjs && node scripts\/ensure-electron\.ts && electron-vite /,
      );
    }
  });
});
