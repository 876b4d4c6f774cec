import type { Element, ElementContent, Root } from 'hast';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { MATH_TAG, markupToHast, rehypeMath, renderMath } from './math';
import { MATH_DEPTH_LIMIT, treeDepth } from './nesting';

function elements(nodes: ElementContent[]): Element[] {
  return nodes.flatMap((n) => (n.type === 'element' ? [n, ...elements(n.children)] : []));
}

function text(nodes: ElementContent[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? text(n.children) : '')).join('');
}

function mathBlock(tex: string, display: boolean): Root {
  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: { className: ['language-math', display ? 'math-display' : 'math-inline'] },
    children: [{ type: 'text', value: tex }],
  };
  return { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [code] }] };
}

describe('markupToHast', () => {
  it('reads KaTeX markup into the same tree, styles and MathML included', () => {
    const markup = katex.renderToString('\\frac{a}{b} + \\sqrt{x}', { output: 'htmlAndMathml' });
    const nodes = markupToHast(markup);
    const all = elements(nodes);
    expect(all[0]).toMatchObject({ tagName: 'span', properties: { className: ['katex'] } });
    expect(all.some((e) => e.tagName === 'math')).toBe(true);
    expect(all.find((e) => e.tagName === 'annotation')?.children).toEqual([
      { type: 'text', value: '\\frac{a}{b} + \\sqrt{x}' },
    ]);
    expect(all.filter((e) => typeof e.properties.style === 'string').length).toBeGreaterThan(3);
    expect(
      all.some((e) => e.tagName === 'svg' && e.children.some((c) => c.type === 'element' && c.tagName === 'path')),
    ).toBe(true);
    // Every element opened was closed where KaTeX closed it: the text comes out in order.
    expect(text(nodes)).toContain('a');
  });

  it('decodes escaped text instead of making elements of it', () => {
    const nodes = markupToHast(
      katex.renderToString('\\text{<img src=x onerror=alert(1)> \\& "q"}', { strict: 'ignore' }),
    );
    expect(elements(nodes).some((e) => e.tagName === 'img')).toBe(false);
    expect(text(nodes).replace(/\u00a0/g, ' ')).toContain('<img src=x onerror=alert(1)> & "q"');
  });
});

describe('rehypeMath', () => {
  it('marks inline and display math with its TeX, for MathView to render', () => {
    for (const display of [false, true]) {
      const tree = mathBlock('x^2', display);
      rehypeMath()(tree);
      const all = elements(tree.children as ElementContent[]);
      expect(all.map((e) => e.tagName)).toEqual(['p', MATH_TAG]);
      expect(all[1]!.properties).toEqual({ dataTex: 'x^2', dataDisplay: String(display) });
    }
  });
});

describe('renderMath', () => {
  it('renders inline and display math with KaTeX', () => {
    for (const display of [false, true]) {
      const classes = elements(renderMath('x^2', display)).map((e) => String(e.properties.className));
      expect(classes).toContain(display ? 'katex-display' : 'katex');
    }
  });

  it('never turns \\href, \\url or \\includegraphics into links or images', () => {
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{https://example.com}',
      '\\includegraphics{http://e.x/a.png}',
    ]) {
      const all = elements(renderMath(tex, true));
      expect(
        all.filter((e) => ['a', 'img'].includes(e.tagName) || 'href' in e.properties || 'src' in e.properties),
        tex,
      ).toEqual([]);
    }
  });

  it('shows a formula as its source when its boxes would nest too deep, even through macros', () => {
    const root = (n: number) => '\\sqrt{'.repeat(n) + 'x' + '}'.repeat(n);
    // 32 roots pass the source check; nested through a macro they come to 1,024.
    const macro = '\\def\\r#1{' + root(32).replace('x', '#1') + '}' + '\\r{'.repeat(32) + 'x' + '}'.repeat(32);
    const rendered = (tex: string) => renderMath(tex, true);
    expect(treeDepth(rendered(root(32)))).toBeLessThanOrEqual(MATH_DEPTH_LIMIT);
    expect(elements(rendered(root(32))).some((e) => e.tagName === 'math')).toBe(true);
    for (const tex of [macro, root(100)]) {
      const nodes = rendered(tex);
      expect(elements(nodes).map((e) => e.tagName)).toEqual(['code']);
      expect(text(nodes)).toBe(tex);
    }
  });
});
