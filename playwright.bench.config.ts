import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** The rendering benchmark: kept out of `npm test`, run with `npm run bench:render`. */
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  testMatch: '*.bench.ts',
  workers: 1,
  fullyParallel: false,
  projects: [{ name: 'bench' }],
});
