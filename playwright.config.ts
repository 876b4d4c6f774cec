import { defineConfig } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Electron downloads its binary on first use; where it could not, the electron project cannot run. */
function electronBinary(): string | null {
  try {
    const dir = resolve('node_modules/electron');
    const path = readFileSync(resolve(dir, 'path.txt'), 'utf8').trim();
    return existsSync(resolve(dir, 'dist', path)) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary() !== null;
if (!electron && !process.env.TEST_WORKER_INDEX) {
  console.log('e2e: electron project skipped: no Electron binary installed (node_modules/electron/dist is missing)');
}

export default defineConfig<{ mode: 'web' | 'electron' }>({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1200, height: 780 },
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'web', use: { mode: 'web' } },
    ...(electron ? [{ name: 'electron', use: { mode: 'electron' as const } }] : []),
  ],
});
