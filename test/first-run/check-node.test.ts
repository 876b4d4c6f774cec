import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/check-node.cjs');
const dir = mkdtempSync(join(tmpdir(), 'mlchat-node-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Loaded with --require into every Node started: the check then sees the version under test, npm runs as usual, and
 * any later step (tsc, vitest, electron-vite…) stops at once, saying so: a check that wrongly let an old Node through
 * must not start a nested `npm test`.
 */
const FAKE = join(dir, 'fake-version.cjs');
writeFileSync(
  FAKE,
  `const script = process.argv[1] || '';
if (script.endsWith('check-node.cjs')) Object.defineProperty(process, 'version', { value: process.env.FAKE_NODE_VERSION });
else if (!/(^|[\\\\/])npm(-cli\\.js)?$/.test(script)) { console.error('later step ran: ' + script); process.exit(97); }
`,
);

const withoutNpm = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_')));

function check(version: string, args: string[] = [], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--require', FAKE, SCRIPT, ...args], {
    env: { ...withoutNpm, FAKE_NODE_VERSION: version, ...env },
    encoding: 'utf8',
  });
}

/** npm itself, as the user runs it, with every Node it starts reporting the given version. */
function npm(script: string, version: string) {
  const env = { ...withoutNpm, NODE_OPTIONS: `--require ${JSON.stringify(FAKE)}`, FAKE_NODE_VERSION: version };
  const npmCli = process.env.npm_execpath;
  return npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', script], { env, encoding: 'utf8' })
    : spawnSync('npm', ['run', script], { env, encoding: 'utf8', shell: process.platform === 'win32' });
}

describe('scripts/check-node.cjs', () => {
  it.each(['v20.20.2', 'v22.12.0', 'v22.17.1'])('refuses Node %s and says how to get a newer one', (version) => {
    const run = check(version, [], { npm_lifecycle_event: 'start' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`needs Node.js 22.18 or newer, and this is Node.js ${version.slice(1)}`);
    expect(run.stderr).toContain('Node-API 10');
    expect(run.stderr).toContain('.nvmrc (Node 24)');
    expect(run.stderr).toContain('source scripts/node-env.sh');
    expect(run.stderr).toContain('Then run `npm start` again.');
  });

  it.each(['v22.18.0', 'v24.0.0', 'v26.3.1'])('lets Node %s through without a word', (version) => {
    const run = check(version);
    expect({ status: run.status, out: run.stdout + run.stderr }).toEqual({ status: 0, out: '' });
  });

  it('stays quiet with --quiet, for scripts/node-env.sh, but still fails', () => {
    const run = check('v20.20.2', ['--quiet']);
    expect({ status: run.status, out: run.stdout + run.stderr }).toEqual({ status: 1, out: '' });
  });

  it('accepts the Node that .nvmrc and scripts/node-env.sh install', () => {
    const pinned = /NODE_PIN=(\S+)/.exec(readFileSync('scripts/node-env.sh', 'utf8'))![1]!;
    const nvmrc = readFileSync('.nvmrc', 'utf8').trim();
    expect(check(`v${pinned}`).status).toBe(0);
    expect(check(`v${nvmrc}.0.0`).status).toBe(0);
  });

  // On an old Node the requirement comes first, and nothing else runs.
  it.each([
    ['start', 'npm start'],
    ['test', 'npm test'],
    ['dev', 'npm run dev'],
    ['dist', 'npm run dist'],
  ])('runs first in `npm run %s`', (script, command) => {
    const run = npm(script, 'v20.20.2');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`Then run \`${command}\` again.`);
    expect(run.stdout + run.stderr).not.toContain('later step ran');
  });
});
