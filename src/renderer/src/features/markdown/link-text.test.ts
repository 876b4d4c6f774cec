import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeCleanLinkText } from './link-text';

const tree = (linkText: string, outside: string): Root => ({
  type: 'root',
  children: [
    {
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [
        { type: 'text', value: outside },
        {
          type: 'element',
          tagName: 'a',
          properties: { href: 'https://evil.example/invoice.exe' },
          children: [
            { type: 'element', tagName: 'strong', properties: {}, children: [{ type: 'text', value: linkText }] },
          ],
        },
      ],
    },
  ],
});

describe('rehypeCleanLinkText', () => {
  it('drops bidi overrides and zero-width characters from link text, however deep, and nowhere else', () => {
    const root = tree('invoice\u202Efdp.exe model\u200Bslab\u2066.com\uFEFF', 'keep \u200B this');
    rehypeCleanLinkText()(root);
    const p = root.children[0] as Extract<Root['children'][number], { type: 'element' }>;
    expect(JSON.stringify(p.children[1])).toContain('"invoicefdp.exe modelslab.com"');
    expect(p.children[0]).toEqual({ type: 'text', value: 'keep \u200B this' });
  });
});
