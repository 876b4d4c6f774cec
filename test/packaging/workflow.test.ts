import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Job {
  name?: string;
  needs?: string | string[];
  if?: string;
  'runs-on': string;
  strategy?: { matrix: { os: string[] } };
  permissions?: Record<string, string>;
  steps: Step[];
}

const workflow = parse(readFileSync('.github/workflows/ci.yml', 'utf8'), { strict: true, uniqueKeys: true }) as {
  on: { push: { tags: string[] }; pull_request: unknown };
  jobs: Record<string, Job>;
};

function stepIndex(job: Job, match: (step: Step) => boolean, what: string): number {
  const index = job.steps.findIndex(match);
  expect(index, what).toBeGreaterThanOrEqual(0);
  return index;
}

describe('.github/workflows/ci.yml', () => {
  const build = workflow.jobs.build!;
  const release = workflow.jobs.release!;
  const runs = (text: string) => (step: Step) => !!step.run?.includes(text);

  it('runs on pushes, pull requests and version tags', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.on.push.tags).toEqual(['v*']);
  });

  it('tests and packages on Linux, macOS and Windows', () => {
    expect(build.strategy!.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(build['runs-on']).toBe('${{ matrix.os }}');
  });

  it('names every step and job, and uses only pinned major versions of actions', () => {
    for (const job of Object.values(workflow.jobs)) {
      expect(job.name).toBeTruthy();
      for (const step of job.steps) {
        expect(step.name, JSON.stringify(step)).toBeTruthy();
        expect(!!step.run !== !!step.uses, step.name).toBe(true);
        if (step.uses) expect(step.uses).toMatch(/^actions\/[\w-]+@v\d+$/);
      }
    }
  });

  it('runs npm ci, npm test, the electron e2e project, then electron-builder, in that order', () => {
    const order = [
      stepIndex(build, runs('npm ci'), 'npm ci'),
      stepIndex(build, runs('npm test'), 'npm test'),
      stepIndex(build, runs('scripts/ensure-electron.ts'), 'install Electron'),
      stepIndex(build, runs('playwright test --project=electron'), 'electron e2e'),
      stepIndex(build, runs('electron-builder --publish never'), 'package'),
      stepIndex(build, (s) => !!s.uses?.startsWith('actions/upload-artifact'), 'upload'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('runs the real app under xvfb on Linux, and npm test on every OS', () => {
    const linuxE2e = build.steps.find((s) => s.run?.includes('--project=electron') && s.if === "runner.os == 'Linux'");
    expect(linuxE2e?.run).toContain('xvfb-run');
    const tests = build.steps.filter(runs('npm test'));
    expect(tests.map((s) => s.if).sort()).toEqual(["runner.os != 'Linux'", "runner.os == 'Linux'"]);
  });

  it('uploads every installer type and the update metadata', () => {
    const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    const paths = String(upload.with!.path);
    for (const ext of ['AppImage', 'deb', 'rpm', 'dmg', 'zip', 'exe', 'blockmap']) expect(paths).toContain(`*.${ext}`);
    expect(paths).toContain('latest*.yml');
  });

  it('publishes a draft release only for version tags, after every OS built', () => {
    expect(release.needs).toBe('build');
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release.permissions).toEqual({ contents: 'write' });
    const publish = release.steps.find(runs('gh release create'))!;
    expect(publish.run).toContain('--draft');
  });
});
