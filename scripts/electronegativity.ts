/**
 * Electronegativity over src/: fails on every finding above INFORMATIONAL that build/electronegativity-accepted.json
 * does not accept for that exact code, with a written reason.
 *   node scripts/electronegativity.ts [--input <folder>]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { codeOf, judgeFindings, type Accepted, type Finding } from './electronegativity-accept.ts';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(`${root}/`);
const inputArg = process.argv.indexOf('--input');
const input = inputArg > 0 ? resolve(process.argv[inputArg + 1]!) : resolve(root, 'src');

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

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version as string;
const accepted = (
  JSON.parse(readFileSync(resolve(root, 'build/electronegativity-accepted.json'), 'utf8')) as { accepted: Accepted[] }
).accepted;
const missingReason = accepted.filter((a) => a.why.trim().length < 20 || !a.code?.trim());
const run = require('@doyensec/electronegativity') as (options: object) => Promise<{
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}>;
const result = await run({ input, electronVersionOverride: electronVersion, isRelative: true });

// Relative paths come with backslashes on Windows; the accepted list uses forward slashes.
for (const f of result.issues) f.file = f.file.replaceAll('\\', '/');
const readLine = (file: string, line: number) => readFileSync(join(input, file), 'utf8').split('\n')[line - 1] ?? '';
const { open, stale } = judgeFindings(result.issues, accepted, readLine);
const unreadable = result.errors.filter((e) => !e.tolerable);
console.log(
  `electronegativity (Electron ${electronVersion}): ${result.issues.length} findings, ` +
    `${result.issues.length - open.length} accepted or informational, ${open.length} open`,
);
for (const f of open) {
  console.log(`  ${f.severity.name} ${f.id} src/${f.file}:${f.location.line} ${f.description}`);
  console.log(`    code: ${codeOf(f, readLine)}`);
}
for (const e of unreadable) console.log(`  could not scan src/${e.file}: ${e.message}`);
for (const a of missingReason) console.log(`  accepted ${a.check} in ${a.file} needs its code and a written reason`);
for (const a of stale)
  console.log(
    `  stale: accepted ${a.check} in ${a.file} matches no finding: remove it, or review the changed code and update it`,
  );
process.exit(open.length || stale.length || unreadable.length || missingReason.length ? 1 : 0);
