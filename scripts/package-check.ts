/**
 * Packages the app for Linux (unpacked dir) against a stub Electron and checks what would ship:
 * the built app and runtime dependencies inside app.asar (each with its own dependencies), native modules unpacked,
 * no development packages or source maps, and the fuses flipped by the afterPack hook.
 * Runs where Electron cannot be downloaded; the stub is only a file carrying Electron's fuse wire.
 * Native modules are not rebuilt here (that needs Electron's headers).   node scripts/package-check.ts
 */
import { listPackage, extractFile } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FUSE_SETTINGS } from './fuses.ts';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEV_ONLY = ['react', 'react-dom', 'zustand', 'electron', 'vite', 'vitest', 'typescript', '@playwright/test'];

const work = mkdtempSync(join(tmpdir(), 'package-check-'));
const dist = join(work, 'electron');
const output = join(work, 'out');
const problems: string[] = [];
const started = performance.now();
try {
  // A stand-in for Electron's dist folder: an executable with the fuse sentinel and nine fuses, and a version file.
  mkdirSync(dist);
  const wire = Buffer.from([1, 9, ...[1, 0, 1, 1, 0, 0, 0, 1, 1].map((on) => (on ? 49 : 48))]);
  writeFileSync(join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# '), Buffer.from(SENTINEL), wire]));
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'version'), electronVersion);

  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: {
      extends: join(root, 'electron-builder.yml'),
      electronDist: dist,
      electronVersion,
      npmRebuild: false,
      directories: { output },
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  const resources = join(output, 'linux-unpacked', 'resources');
  const asar = join(resources, 'app.asar');
  const files = listPackage(asar, { isPack: false }).map((p) => p.replaceAll('\\', '/'));
  const has = (path: string) => files.includes(path);
  // The token counter's tables are loaded on first use, so a trimmed-away file would only fail in the user's hands.
  const tokenizer = ['encoding', 'bpeRanks'].map((d) => `/node_modules/gpt-tokenizer/esm/${d}/cl100k_base.js`);
  const required = [
    '/out/main/index.js',
    '/out/main/documents-worker.js',
    '/out/preload/index.cjs',
    '/out/renderer/index.html',
    '/package.json',
    '/node_modules/pdfjs-dist/legacy/build/pdf.mjs',
    '/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs',
    '/node_modules/pdfjs-dist/cmaps/UniJIS-UCS2-H.bcmap',
    ...tokenizer,
  ];
  for (const path of required) {
    if (!has(path)) problems.push(`missing ${path}`);
  }
  if (files.some((f) => f.endsWith('.map'))) problems.push('source maps shipped');
  if (files.some((f) => f.startsWith('/src/') || f.startsWith('/e2e/') || f.startsWith('/test/'))) {
    problems.push('sources or tests shipped');
  }
  const modules = files
    .map((f) => /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(f)?.[1])
    .filter((m): m is string => !!m);
  const top = modules.filter((m) => /^\/node_modules\/(@[^/]+\/)?[^/]+$/.test(m)).map((m) => m.slice(14));
  for (const name of Object.keys(pkg.dependencies))
    if (!top.includes(name)) problems.push(`dependency ${name} missing`);
  for (const name of DEV_ONLY) if (top.includes(name)) problems.push(`development package ${name} shipped`);
  // Every shipped package must find its own dependencies the way Node would: nested, or further up.
  for (const dir of modules) {
    const manifest = JSON.parse(extractFile(asar, `${dir.slice(1)}/package.json`).toString('utf8'));
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      const found = dir
        .split('/node_modules/')
        .map((_, i, parts) => `${parts.slice(0, parts.length - i).join('/node_modules/')}/node_modules/${dep}`)
        .some((candidate) => modules.includes(candidate));
      const optional = manifest.optionalDependencies?.[dep] !== undefined;
      const buildOnly = ['node-addon-api', 'prebuild-install', 'bindings', 'node-gyp-build'].includes(dep);
      if (!found && !optional && !buildOnly) problems.push(`${dir.slice(14)} needs ${dep}, which is not packaged`);
    }
  }
  const unpacked = join(resources, 'app.asar.unpacked', 'node_modules');
  const nativeFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? nativeFiles(join(dir, e.name)) : e.name.endsWith('.node') ? [join(dir, e.name)] : [],
    );
  for (const native of ['keytar', 'better-sqlite3']) {
    const found = (() => {
      try {
        return nativeFiles(join(unpacked, native));
      } catch {
        return [];
      }
    })();
    if (found.length === 0) problems.push(`${native} has no unpacked .node file`);
  }
  const fuses = await getCurrentFuseWire(join(output, 'linux-unpacked', pkg.name));
  for (const [fuse, value] of FUSE_SETTINGS) {
    if (fuses[fuse] !== (value ? FuseState.ENABLE : FuseState.DISABLE))
      problems.push(`fuse ${FuseV1Options[fuse]} not flipped`);
  }

  console.log(`package-check: packaged in ${seconds} s; app.asar ${(statSync(asar).size / 1e6).toFixed(1)} MB,`);
  console.log(`  ${files.length} entries, ${top.length} top-level packages: ${top.join(' ')}`);
  console.log(`  fuses: ${FUSE_SETTINGS.map(([f, v]) => `${FuseV1Options[f]} ${v ? 'on' : 'off'}`).join(' ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (problems.length) {
  console.log(`package-check: ${problems.length} problems\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('package-check: ok');
