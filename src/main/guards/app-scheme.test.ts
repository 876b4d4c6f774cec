import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_BASE, bundleHandler, bundlePath } from './app-scheme';

let dir = '';
let root = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-1.js'), 'export {}');
  writeFileSync(join(dir, 'secret.txt'), 'outside the bundle');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.js'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bundlePath', () => {
  it('maps app:// paths to files inside the bundle', () => {
    expect(bundlePath(root, `${APP_BASE}index.html`, APP_BASE)).toBe(join(root, 'index.html'));
    expect(bundlePath(root, `${APP_BASE}assets/index-1.js?v=1#x`, APP_BASE)).toBe(join(root, 'assets/index-1.js'));
  });

  it('collapses dot segments inside the bundle, never above it', () => {
    expect(bundlePath(root, 'app://bundle/../secret.txt', APP_BASE)).toBe(join(root, 'secret.txt'));
    expect(bundlePath(root, 'app://bundle/%2e%2e/secret.txt', APP_BASE)).toBe(join(root, 'secret.txt'));
  });

  it.each([
    'app://bundle/assets/%2E%2E%2F..%2Fsecret.txt',
    'app://bundle/..%5Csecret.txt',
    'app://bundle/index.html%00.js',
    'app://bundle/%E0%A4%A',
    'app://bundle/',
    'app://other/index.html',
    'file:///etc/passwd',
    'app://bundle.evil/index.html',
  ])('refuses %s', (url) => expect(bundlePath(root, url, APP_BASE)).toBeNull());
});

describe('bundleHandler', () => {
  const handle = () => bundleHandler(root, APP_BASE, (p) => readFile(p));

  it('serves bundle files with their type', async () => {
    const html = await handle()({ url: `${APP_BASE}index.html` });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const js = await handle()({ url: `${APP_BASE}assets/index-1.js` });
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await js.text()).toBe('export {}');
  });

  it('answers 404 for missing files, traversal and a link that leads outside', async () => {
    for (const url of [`${APP_BASE}missing.js`, `${APP_BASE}../secret.txt`, `${APP_BASE}assets/link.js`]) {
      const response = await handle()({ url });
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside the bundle');
    }
  });
});

describe('the Content-Security-Policy', () => {
  it('names no file: source anywhere, and lets scripts come only from the app’s own origin', async () => {
    const html = await readFile('src/renderer/index.html', 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!;
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(csp).not.toMatch(/file:|filesystem:|\*/);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
  });
});
