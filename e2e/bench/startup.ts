import type { Browser } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SqliteHistory } from '../../src/main/history/sqlite-history';
import { ModelsLabServer } from '../../test/modelslab-server';
import { load, openApp } from './app';
import { saveConversation } from './opening';
import { Trace } from './trace';

const RENDERER = resolve('out/renderer');

export interface BundleFigures {
  /** What index.html loads before anything runs: its scripts, preloads and stylesheets. */
  eagerKb: number;
  eagerGzipKb: number;
  /** The Markdown stack's chunk, loaded after the list has painted. */
  markdownKb: number;
  fonts: { woff2: number; other: number; kb: number };
}

export function bundle(): BundleFigures {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const eager = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = eager.map((f) => readFileSync(join(RENDERER, f)));
  const assets = readdirSync(join(RENDERER, 'assets'));
  const kb = (names: string[]) => names.reduce((n, f) => n + statSync(join(RENDERER, 'assets', f)).size, 0) / 1024;
  const fonts = assets.filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f));
  return {
    eagerKb: files.reduce((n, b) => n + b.length, 0) / 1024,
    eagerGzipKb: files.reduce((n, b) => n + gzipSync(b).length, 0) / 1024,
    markdownKb: kb(assets.filter((f) => /^Markdown-.*\.(js|css)$/.test(f))),
    fonts: {
      woff2: fonts.filter((f) => f.endsWith('.woff2')).length,
      other: fonts.filter((f) => !f.endsWith('.woff2')).length,
      kb: kb(fonts),
    },
  };
}

/** Marks the page's start and the first conversation row painted (ms since navigation start). */
const FIRST_ROW = `(() => {
  performance.mark('bench-start');
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.conv-row')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        window.__firstRowAt = performance.now();
        performance.mark('bench-end');
      };
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

export interface StartupFigures {
  conversations: number;
  /** Navigation start to the first conversation row painted, per run. */
  wallMs: number[];
  /** The page's main-thread CPU time over the same span, per run. */
  cpuMs: number[];
  load: [number, number];
}

/** Cold starts, each in a new browser context, on a history of `count` conversations. */
export async function startupRuns(browser: Browser, count: number, runs: number): Promise<StartupFigures> {
  const loadBefore = load();
  const dataDir = mkdtempSync(join(tmpdir(), 'mlchat-bench-start-'));
  const history = new SqliteHistory(dataDir);
  for (let i = 0; i < count; i++) saveConversation(history, `Conversation ${i}`, `Answer ${i}`);
  history.close();
  const server = await new ModelsLabServer().start();
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 780 } });
      const page = await context.newPage();
      await page.addInitScript(FIRST_ROW);
      const trace = await Trace.start(page);
      const { close } = await openApp(browser, server, { dataDir }, page);
      await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt, undefined, {
        polling: 200,
      });
      wallMs.push(await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt));
      cpuMs.push((await trace.stop()).cpuMs);
      await close();
      await context.close();
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { conversations: count, wallMs, cpuMs, load: [loadBefore, load()] };
}
