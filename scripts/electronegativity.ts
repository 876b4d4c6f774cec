/**
 * Electronegativity over src/: fails on every finding above INFORMATIONAL that build/electronegativity-accepted.json
 * does not list with a written reason.   node scripts/electronegativity.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string; value: number };
  description: string;
  sample?: string;
}

interface Accepted {
  check: string;
  file: string;
  why: string;
}

const root = resolve(import.meta.dirname, '..');
const require = createRequire(`${root}/`);

/**
 * The tool also tries to download translations and Electron's release list through `got` 11, which under Node 24
 * rejects with "The `onCancel` handler was attached after the promise settled", and offline fails to resolve
 * hosts. Neither affects the scan, which reads only local files; every other error still fails the run.
 */
function isToolNetworkNoise(error: unknown): boolean {
  const { message = '', code = '' } = (error ?? {}) as { message?: string; code?: string };
  return (
    message.includes('`onCancel` handler was attached after the promise settled') ||
    ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH'].includes(code)
  );
}

for (const event of ['unhandledRejection', 'uncaughtException'] as const) {
  process.on(event, (error: unknown) => {
    if (isToolNetworkNoise(error)) return;
    console.error('electronegativity: unexpected error', error);
    process.exit(2);
  });
}

function unaccepted(findings: readonly Finding[], accepted: readonly Accepted[]): Finding[] {
  return findings.filter(
    (f) => f.severity.name !== 'INFORMATIONAL' && !accepted.some((a) => a.check === f.id && a.file === f.file),
  );
}

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version as string;
const accepted = (
  JSON.parse(readFileSync(resolve(root, 'build/electronegativity-accepted.json'), 'utf8')) as { accepted: Accepted[] }
).accepted;
const missingReason = accepted.filter((a) => a.why.trim().length < 20);
const run = require('@doyensec/electronegativity') as (options: object) => Promise<{
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}>;
const result = await run({ input: resolve(root, 'src'), electronVersionOverride: electronVersion, isRelative: true });

// Relative paths come with backslashes on Windows; the accepted list uses forward slashes.
for (const f of result.issues) f.file = f.file.replaceAll('\\', '/');
const failed = unaccepted(result.issues, accepted);
const unreadable = result.errors.filter((e) => !e.tolerable);
const stale = accepted.filter((a) => !result.issues.some((f) => f.id === a.check && f.file === a.file));
console.log(
  `electronegativity (Electron ${electronVersion}): ${result.issues.length} findings, ` +
    `${result.issues.length - failed.length} accepted or informational, ${failed.length} open`,
);
for (const f of failed) {
  console.log(`  ${f.severity.name} ${f.id} src/${f.file}:${f.location.line} ${f.description}\n    ${f.sample ?? ''}`);
}
for (const e of unreadable) console.log(`  could not scan src/${e.file}: ${e.message}`);
for (const a of missingReason) console.log(`  accepted ${a.check} in ${a.file} needs a written reason`);
for (const a of stale) console.log(`  note: accepted ${a.check} in ${a.file} is no longer reported; remove it`);
process.exit(failed.length || unreadable.length || missingReason.length ? 1 : 0);
