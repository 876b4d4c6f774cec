import { describe, expect, it } from 'vitest';
import { refusals } from './lint-probe';

/**
 * The renderer's store holds state and asks main: its slices import no feature or component code, touch no page
 * globals, and the chat and history slices do not import each other (eslint.config.js). Probe files are linted with
 * the real config at paths in the store (they exist only as text).
 */
const RULES = new Set(['no-restricted-imports', 'no-restricted-globals']);
const refused = (path: string, code: string) => refusals(RULES, path, code);

const importing = (source: string) => `import { x } from '${source}';\nexport { x };\n`;

describe('the store zone', () => {
  it.each([
    ['src/renderer/src/store/probe-slice.ts', '../features/chat/error-text'],
    ['src/renderer/src/store/probe-slice.ts', '../ui/Icon'],
    ['src/renderer/src/store/probe-slice.ts', '../../../main/ipc'],
    ['src/renderer/src/store/chat-probe.ts', './history-slice'],
    ['src/renderer/src/store/history-slice.ts', './chat-slice'],
    ['src/renderer/src/store/history-slice.ts', './chat-sending'],
  ])('%s may not import %s', async (path, source) => {
    expect(await refused(path, importing(source))).toHaveLength(1);
  });

  it.each([
    ['src/renderer/src/store/probe-slice.ts', '../api'],
    ['src/renderer/src/store/probe-slice.ts', 'zustand'],
    ['src/renderer/src/store/chat-probe.ts', './chat-messages'],
    ['src/renderer/src/store/probe.test.ts', '../testing/fake-api'],
    ['src/renderer/src/features/chat/probe.ts', '../../store'],
  ])('%s may import %s', async (path, source) => {
    expect(await refused(path, importing(source))).toEqual([]);
  });

  it('a slice may not touch the page; a component may', async () => {
    const code = `export const a = document.title;\nexport const b = navigator.onLine;\nexport const c = window.api;\n`;
    expect(await refused('src/renderer/src/store/probe-slice.ts', code)).toHaveLength(3);
    expect(await refused('src/renderer/src/features/chat/probe.ts', code)).toEqual([]);
  });
});
