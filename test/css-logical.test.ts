import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The window's styles name sides by the text's direction (inline-start/end), so an Arabic window mirrors the whole
 * layout. A declaration that must stay physical says why in a comment just before it: `/* physical: why *\/`.
 */

const ROOT = join(import.meta.dirname, '../src/renderer/src');

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

const SIDE_IN_NAME = /(^|-)(left|right)(-|$)/;
const SIDE_WORD = /\b(left|right)\b/;
const SIDE_IN_VALUE = new Set([
  'background',
  'background-position',
  'background-position-x',
  'object-position',
  'mask-position',
  'transform-origin',
  'perspective-origin',
]);
const FOUR_SIDES = new Set([
  'margin',
  'padding',
  'inset',
  'border-width',
  'border-style',
  'border-color',
  'scroll-margin',
  'scroll-padding',
]);

/** Splits a value at top-level spaces, so `calc(1px + 2px)` stays one part. */
function parts(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value.trim()) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

const isZero = (part: string | undefined) => part === undefined || /^[-+]?0+(\.0+)?[a-z%]*$/i.test(part);

/** top right bottom left: the right and left values differ. */
function lopsided(values: string[]): boolean {
  return values.length === 4 && values[1] !== values[3];
}

/** Corner radii (before any `/`): top-left, top-right, bottom-right, bottom-left; mirrored, left and right swap. */
function lopsidedCorners(value: string): boolean {
  return value.split('/').some((half) => {
    const v = parts(half);
    const [tl, tr = tl, br = tl, bl = tr] = v;
    return tl !== tr || br !== bl;
  });
}

/** Why a declaration names a physical side, or null when it does not. */
function physicalReason(property: string, value: string): string | null {
  if (property.startsWith('--')) return null;
  if (SIDE_IN_NAME.test(property)) return 'names a side';
  if (/^(text-align|text-align-last|float|clear)$/.test(property) && SIDE_WORD.test(value)) return 'aligns to a side';
  if (SIDE_IN_VALUE.has(property) && SIDE_WORD.test(value)) return 'positions by a side';
  if (FOUR_SIDES.has(property) && lopsided(parts(value))) return 'differs between left and right';
  if (property === 'border-radius' && lopsidedCorners(value)) return 'rounds left and right corners differently';
  if (property === 'translate' && !isZero(parts(value)[0])) return 'moves sideways';
  if (property === 'transform' && /translate(3d)?\(\s*(?!0[\s,)])|translateX\(\s*(?!0\))/i.test(value)) {
    return 'moves sideways';
  }
  if (property === 'box-shadow') {
    const sideways = value.split(/,(?![^(]*\))/).some((shadow) => {
      const lengths = parts(shadow).filter((p) => /^[-+]?[\d.]/.test(p));
      return !isZero(lengths[0]);
    });
    if (sideways) return 'casts sideways';
  }
  if (property === 'cursor' && /\b[ns]?[ew]-resize\b/.test(value)) return 'points to a side';
  return null;
}

interface Finding {
  line: number;
  declaration: string;
  reason: string;
}

/** Stands in for a `physical:` comment during the scan; no style file contains it. */
const MARK = '\u0001';

/** Every physical declaration in `css` without a `/* physical: why *\/` comment just before it. */
function unmarkedPhysical(css: string): Finding[] {
  // Comments become spaces (line numbers stay), a physical mark becomes one character the scan can see.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) =>
    /^\/\*\s*physical:\s*[^*\s]/.test(comment) ? MARK : comment.replace(/[^\n]/g, ' '),
  );
  const findings: Finding[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch !== undefined && ch !== ';' && ch !== '{' && ch !== '}') continue;
    const segment = text.slice(start, i);
    const offset = start;
    start = i + 1;
    // A segment before `{` is a selector or an at-rule's prelude.
    if (ch === '{') continue;
    const marked = segment.includes(MARK);
    const declaration = segment.replaceAll(MARK, '').trim();
    const match = /^([-a-z]+)\s*:\s*([\s\S]+)$/i.exec(declaration);
    if (!match || marked) continue;
    const reason = physicalReason(match[1]!.toLowerCase(), match[2]!.trim());
    if (!reason) continue;
    const line = text.slice(0, offset + segment.search(/\S/)).split('\n').length;
    findings.push({ line, declaration: declaration.replace(/\s+/g, ' '), reason });
  }
  return findings;
}

describe('CSS names sides by the direction of the text', () => {
  const files = cssFiles(ROOT);

  it('finds the window’s style files', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.map((f) => relative(ROOT, f))).toContain('theme.css');
  });

  it('every style file uses logical sides, or says why a side must stay physical', () => {
    const found = files.flatMap((file) =>
      unmarkedPhysical(readFileSync(file, 'utf8')).map(
        (f) => `${relative(ROOT, file)}:${f.line}: ${f.declaration} (${f.reason})`,
      ),
    );
    expect(found).toEqual([]);
  });
});

describe('the physical-side check', () => {
  const planted = `
.a {
  margin-left: 4px;
  left: 0;
  text-align: right;
}
@media (max-width: 600px) {
  .b { padding: 4px 4px 4px 8px; float: left; border-top-left-radius: 3px; }
}
.c { transform: translateX(12px); translate: -50% 0; box-shadow: inset 3px 0 0 red; }
.d { border-radius: 8px 8px 4px 8px; background-position: right 4px top; cursor: e-resize; }
.e { border-right: 1px solid; scroll-padding-left: 8px; inset: 0 auto 0 0; }
`;

  it('catches each physical declaration, with its line', () => {
    const found = unmarkedPhysical(planted);
    expect(found.map((f) => f.declaration)).toEqual([
      'margin-left: 4px',
      'left: 0',
      'text-align: right',
      'padding: 4px 4px 4px 8px',
      'float: left',
      'border-top-left-radius: 3px',
      'transform: translateX(12px)',
      'translate: -50% 0',
      'box-shadow: inset 3px 0 0 red',
      'border-radius: 8px 8px 4px 8px',
      'background-position: right 4px top',
      'cursor: e-resize',
      'border-right: 1px solid',
      'scroll-padding-left: 8px',
      'inset: 0 auto 0 0',
    ]);
    expect(found.slice(0, 3).map((f) => f.line)).toEqual([3, 4, 5]);
  });

  it('passes logical sides and what has no side', () => {
    const logical = `
.a { margin-inline-start: 4px; inset-inline-start: 0; text-align: start; text-align: center; float: inline-end; }
.b { padding-block: 4px; padding-inline: 8px 4px; border-start-start-radius: 3px; border-radius: 8px; }
.c { margin: 0 auto; padding: 10px 24px 0; margin: 20px auto 0; inset: 0; border-radius: 4px 4px 0 0; }
.d { translate: 0 -4px; transform: scaleX(-1); transform: translateY(2px); box-shadow: 0 1px 2px #000; }
.e { --side: left; clip-path: inset(50%); border-bottom: 1px solid; content: 'left'; }
`;
    expect(unmarkedPhysical(logical)).toEqual([]);
  });

  it('accepts a physical side marked with its reason just before it, and only that one', () => {
    const css = `.a {
  /* physical: centred, so the side does not matter */
  left: 50%;
  right: 0;
  /* physical: */
  margin-left: 2px;
  /* a comment that is not a mark */
  padding-right: 2px;
}`;
    expect(unmarkedPhysical(css).map((f) => f.declaration)).toEqual([
      'right: 0',
      'margin-left: 2px',
      'padding-right: 2px',
    ]);
  });
});
