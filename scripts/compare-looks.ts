/**
 * Compares two folders of screenshots (from e2e/look-pixels.spec.ts) pixel for pixel and prints, per image, how many
 * pixels differ; exits 1 when any does. Usage: node scripts/compare-looks.ts <before-dir> <after-dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface Png {
  width: number;
  height: number;
  data: Uint8Array;
}
const require = createRequire(import.meta.url);
// Playwright carries a PNG decoder; no other dependency is needed for this.
const { PNG } = require('playwright-core/lib/utilsBundle') as { PNG: { sync: { read(b: Buffer): Png } } };

const [before, after] = process.argv.slice(2);
if (!before || !after) throw new Error('usage: compare-looks.ts <before-dir> <after-dir>');

let total = 0;
for (const name of readdirSync(before)
  .filter((f) => f.endsWith('.png'))
  .sort()) {
  const a = PNG.sync.read(readFileSync(join(before, name)));
  const b = PNG.sync.read(readFileSync(join(after, name)));
  let differ = 0;
  if (a.width !== b.width || a.height !== b.height) differ = Math.max(a.width * a.height, b.width * b.height);
  else
    for (let i = 0; i < a.data.length; i += 4)
      if (a.data.slice(i, i + 4).join() !== b.data.slice(i, i + 4).join()) differ++;
  total += differ;
  console.log(`${differ === 0 ? 'same' : 'DIFF'}  ${name}  ${differ} pixels differ`);
}
console.log(`total: ${total} pixels differ`);
process.exit(total === 0 ? 0 : 1);
