import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeFindings, type Accepted, type Finding } from '../scripts/electronegativity-accept';

const finding = (file: string, sample: string, id = 'OPEN_EXTERNAL_JS_CHECK'): Finding => ({
  id,
  file,
  location: { line: 1, column: 0 },
  severity: { name: 'MEDIUM', value: 2 },
  description: 'Review the use of openExternal',
  sample,
});
const accepted: Accepted[] = [
  { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.ts', code: 'open: (url) => shell.openExternal(url),', why: 'x' },
];
const noLines = () => '';

describe('Electronegativity acceptances', () => {
  it('accept the code they were written for, whatever its spacing', () => {
    const verdict = judgeFindings(
      [finding('main/index.ts', '  open:  (url) =>\tshell.openExternal(url),')],
      accepted,
      noLines,
    );
    expect(verdict).toEqual({ open: [], stale: [] });
  });

  it('do not cover a new call in the same file, nor a second copy of the same line', () => {
    const planted = finding('main/index.ts', 'void shell.openExternal(event.url);');
    expect(judgeFindings([finding('main/index.ts', accepted[0]!.code), planted], accepted, noLines).open).toEqual([
      planted,
    ]);
    const twice = [finding('main/index.ts', accepted[0]!.code), finding('main/index.ts', accepted[0]!.code)];
    expect(judgeFindings(twice, accepted, noLines).open).toHaveLength(1);
  });

  it('go stale when the accepted code changes, which is then reported', () => {
    const changed = finding('main/index.ts', 'open: (url) => shell.openExternal(url.trim()),');
    expect(judgeFindings([changed], accepted, noLines)).toEqual({ open: [changed], stale: accepted });
  });

  it('read the flagged line when the tool gives no sample', () => {
    const bare = { ...finding('main/index.ts', ''), sample: undefined };
    expect(judgeFindings([bare], accepted, () => accepted[0]!.code).open).toEqual([]);
  });
});

describe('npm run scan', () => {
  it('fails on an unguarded shell.openExternal planted in a file that already has an accepted one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    try {
      cpSync(resolve('src'), dir, { recursive: true });
      appendFileSync(join(dir, 'main/index.ts'), '\nexport const planted = (u: string) => shell.openExternal(u);\n');
      const run = spawnSync(process.execPath, ['scripts/electronegativity.ts', '--input', dir], { encoding: 'utf8' });
      expect(run.stdout).toMatch(/1 open/);
      expect(run.stdout).toContain('code: export const planted = (u: string) => shell.openExternal(u);');
      expect(run.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
