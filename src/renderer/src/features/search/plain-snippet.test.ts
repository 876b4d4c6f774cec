import { describe, expect, it } from 'vitest';
import type { SnippetPart } from '../../../../shared/history';
import { plainSnippet } from './plain-snippet';

const parts = (...texts: (string | [string])[]): SnippetPart[] =>
  texts.map((t) => (Array.isArray(t) ? { text: t[0], hit: true } : { text: t, hit: false }));
const shown = (p: SnippetPart[]) => p.map((x) => (x.hit ? `[${x.text}]` : x.text)).join('');

describe('search snippets as plain text', () => {
  it.each([
    ['```python\nprint(1)\n```', 'print(1)'],
    ['## Soup\n\n- **leek** and `potato`', 'Soup leek and potato'],
    ['> quoted *word* here', 'quoted word here'],
    ['see [the docs](https://example.com/x) now', 'see the docs now'],
    ['1. one\n2. two\n- [x] done', 'one two done'],
    ['2 * 3 = 6 and a_b_c', '2 * 3 = 6 and a_b_c'],
    ['| a | b |', 'a b'],
  ])('%j reads %j', (text, plain) => {
    expect(shown(plainSnippet(parts(text)))).toBe(plain);
  });

  it('keeps highlights, even inside a link or bold text', () => {
    expect(shown(plainSnippet(parts('**big ', ['leek'], '** in [', ['soup'], '](https://x.example)')))).toBe(
      'big [leek] in [soup]',
    );
  });

  it('cannot be made to highlight by the message text itself', () => {
    expect(plainSnippet(parts('a \uE000fake\uE001 b'))).toEqual([{ text: 'a fake b', hit: false }]);
  });
});
