import type { Element, ElementContent, Root, Text } from 'hast';
import katex from 'katex';
import { MATH_DEPTH_LIMIT, treeDepth } from './nesting';

/*
 * Math with KaTeX, under the CSP. KaTeX sizes its boxes with inline `style` attributes, and `style-src 'self'`
 * blocks those wherever HTML is parsed, even in an inert <template> (rehype-katex parses there, and every formula
 * then reports dozens of violations). So KaTeX's markup is read here by a small tokenizer into a syntax tree, and
 * React applies each style through the CSSOM, which the CSP permits: the CSP needs no 'unsafe-inline'.
 *
 * trust stays off, so \href, \url, \includegraphics and \htmlClass & co. render as plain text, never as links,
 * images or attributes. MathML is kept beside the visual HTML for screen readers.
 */
const OPTIONS: katex.KatexOptions = {
  output: 'htmlAndMathml',
  trust: false,
  strict: 'ignore',
  throwOnError: false,
  maxSize: 20,
  maxExpand: 500,
  errorColor: 'var(--danger)',
};

const TOKEN = /<\/([a-zA-Z][\w:-]*)\s*>|<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([^\s=/>]+)(?:="([^"]*)")?/g;
const VOID = new Set(['img', 'br', 'hr', 'input']);
const ENTITY = /&(?:#x([\da-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(ENTITY, (_, hex?: string, dec?: string, name?: string) =>
    name ? NAMED[name.toLowerCase()]! : String.fromCodePoint(parseInt(hex ?? dec!, hex ? 16 : 10)),
  );
}

/** KaTeX's own markup (well formed, attributes double-quoted, text escaped) as hast nodes. */
export function markupToHast(markup: string): ElementContent[] {
  const root: Element = { type: 'element', tagName: 'div', properties: {}, children: [] };
  const stack = [root];
  for (const m of markup.matchAll(TOKEN)) {
    const top = stack.at(-1)!;
    if (m[1]) {
      if (stack.length > 1) stack.pop();
    } else if (m[2]) {
      const element: Element = { type: 'element', tagName: m[2], properties: {}, children: [] };
      for (const a of (m[3] ?? '').matchAll(ATTR)) {
        const value = decode(a[2] ?? '');
        if (a[1] === 'class') element.properties.className = value.split(/\s+/).filter(Boolean);
        else element.properties[a[1]!] = value;
      }
      top.children.push(element);
      if (!m[4] && !VOID.has(m[2])) stack.push(element);
    } else if (m[5]) {
      top.children.push({ type: 'text', value: decode(m[5]) });
    }
  }
  return root.children;
}

function classes(node: Element): string[] {
  const c = node.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
}

function textOf(node: Element): string {
  return node.children
    .map((c) => (c.type === 'text' ? (c as Text).value : c.type === 'element' ? textOf(c) : ''))
    .join('');
}

/** A formula as KaTeX renders it, as hast. */
export function renderMath(tex: string, displayMode: boolean): ElementContent[] {
  try {
    const nodes = markupToHast(katex.renderToString(tex, { ...OPTIONS, displayMode }));
    if (treeDepth(nodes) <= MATH_DEPTH_LIMIT) return nodes;
  } catch {
    // shown as its source, below
  }
  return [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: tex }] }];
}

function mathOf(node: Element): { tex: string; display: boolean } | null {
  const own = classes(node);
  if (node.tagName === 'code' && (own.includes('math-inline') || own.includes('math-display'))) {
    return { tex: textOf(node), display: own.includes('math-display') };
  }
  const code = node.tagName === 'pre' ? node.children.find((c): c is Element => c.type === 'element') : undefined;
  if (code?.tagName === 'code' && classes(code).includes('language-math')) return { tex: textOf(code), display: true };
  return null;
}

/** What rehypeMath leaves where a formula goes: MathView renders it (once per formula, not once per delta). */
export const MATH_TAG = 'x-math';

function walk(parent: Root | Element): void {
  for (const [i, child] of parent.children.entries()) {
    if (child.type !== 'element') continue;
    const math = mathOf(child);
    if (!math) walk(child);
    else
      parent.children[i] = {
        type: 'element',
        tagName: MATH_TAG,
        properties: { dataTex: math.tex, dataDisplay: String(math.display) },
        children: [],
      };
  }
}

/** A rehype plugin: remark-math's inline and display math (and ```math blocks) marked for MathView. */
export function rehypeMath() {
  return (tree: Root) => walk(tree);
}
