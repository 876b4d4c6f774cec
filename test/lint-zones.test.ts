import { describe, expect, it } from 'vitest';
import { refusals } from './lint-probe';

/**
 * Each part of src may import only what its zone allows (eslint.config.js). Probe files are linted with the real
 * config at paths inside each zone (they exist only as text): every forbidden import must be reported, and the
 * allowed ones must not be.
 */

const RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);
const refused = (path: string, code: string) => refusals(RULES, path, code);

const ELECTRON = ['electron', 'electron/main', 'electron/renderer', 'electron/common', 'electron-store'];

/** [file path inside the zone, import it must refuse] */
const forbidden: [string, string][] = [
  ['src/main/chat/probe.ts', '../../renderer/src/api'],
  ['src/main/chat/probe.ts', '../../preload/api'],
  ['src/main/index.ts', './../renderer/src/store/store'],
  ['src/main/index.ts', '../preload/api'],
  ...ELECTRON.map((e): [string, string] => ['src/main/chat/probe.ts', e]),
  ['src/preload/probe.ts', '../main/ipc'],
  ['src/preload/probe.ts', '../renderer/src/api'],
  ['src/preload/index.ts', '../main/services'],
  ...ELECTRON.map((e): [string, string] => ['src/preload/api.ts', e]),
  ['src/renderer/src/store/probe.ts', '../../../main/ipc'],
  ['src/renderer/src/store/probe.ts', '../../../preload/api'],
  ['src/renderer/src/store/probe.ts', 'node:fs'],
  ...ELECTRON.map((e): [string, string] => ['src/renderer/src/probe.tsx', e]),
  ['src/shared/probe.ts', '../main/ipc'],
  ['src/shared/probe.ts', '../renderer/src/api'],
  ['src/shared/probe.ts', '../preload/api'],
  ['src/shared/probe.ts', 'node:path'],
  ['src/shared/probe.ts', 'react'],
  ...ELECTRON.map((e): [string, string] => ['src/shared/probe.ts', e]),
  ...ELECTRON.map((e): [string, string] => ['test/probe.ts', e]),
  ...ELECTRON.map((e): [string, string] => ['scripts/probe.ts', e]),
];

/** [file path inside the zone, import it may make] */
const allowed: [string, string][] = [
  ['src/main/chat/probe.ts', '../../shared/contract'],
  ['src/main/chat/probe.ts', 'node:fs'],
  ['src/main/chat/probe.ts', 'electron-builder'],
  ['src/main/index.ts', 'electron'],
  ['src/main/index.ts', 'electron-log/main'],
  ['src/preload/index.ts', 'electron'],
  ['src/preload/api.ts', '../shared/contract'],
  ['src/renderer/src/store/probe.ts', '../../../shared/contract'],
  ['src/renderer/src/store/probe.ts', 'react'],
  ['src/renderer/src/probe.ts', './main'],
  ['src/shared/probe.ts', './errors'],
  ['src/shared/probe.ts', 'zod'],
  ['e2e/fixtures/probe.ts', '../../src/main/services'],
];

describe('lint zones', () => {
  it.each(forbidden)('%s may not import %s', async (path, source) => {
    expect(await refused(path, `import { x } from '${source}';\nexport { x };\n`)).toHaveLength(1);
    expect(await refused(path, `import type { X } from '${source}';\nexport type { X };\n`)).toHaveLength(1);
  });

  it.each(allowed)('%s may import %s', async (path, source) => {
    expect(await refused(path, `import { x } from '${source}';\nexport { x };\n`)).toEqual([]);
  });

  it.each(['src/main/chat/probe.ts', 'test/probe.ts'])('%s may not load Electron at run time either', async (path) => {
    const code = `export const a = await import('electron/main');\nexport const b = require('electron');\n`;
    expect(await refused(path, code)).toHaveLength(2);
    expect(await refused(path, `export const c = await import('./chat-service');\n`)).toEqual([]);
  });
});
