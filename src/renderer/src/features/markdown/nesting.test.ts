import { describe, expect, it } from 'vitest';
import { NESTING_LIMITS, nestingProblem } from './nesting';

const nested = (open: string, n: number, inner = 'x', close = '') => open.repeat(n) + inner + close.repeat(n);

/** Structure real replies use, at its deepest. */
const ORDINARY = {
  quotes: ['> one', '> > two', '> > > three', '> > > > four', '> > > > > five, with *emphasis* and `code`'].join('\n'),
  lists: ['- one', '  - two', '    - three', '      1. four', '         * five **bold** _it_ ~~gone~~'].join('\n'),
  mixed: '> - quoted list\n>   > - deeper\n>   >   1. deeper still\n>   >      - and again',
  math: [
    '$$',
    'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}, \\quad',
    '\\left( \\begin{matrix} a & b \\\\ c & d \\end{matrix} \\right)',
    '\\cfrac{1}{1+\\cfrac{1}{1+\\cfrac{1}{1+\\cfrac{1}{x}}}} = e^{x^{2^{n}}}',
    '\\begin{aligned} f(x) &= \\sum_{i=0}^{n} \\binom{n}{i} x^{i} \\\\ &= (1+x)^{n} \\end{aligned}',
    '$$',
    'Inline: $\\sqrt[3]{\\frac{a}{b}}$ and $[0, 1)$, $[a, b)$, $\\{x \\mid x > 0\\}$.',
  ].join('\n'),
  code: [
    '```c',
    'int ***grid, **rows, *cells; void f(int *a, int *b, int *c, int *d, int *e, int *f, int *g);',
    '```',
    '```python',
    'def f(*args, **kwargs): return g(*args, **kwargs) or h(*args, **kwargs) or k(*a, **b, *c, **d)',
    'print(__name__, __file__, __init__, _private, _x, _y, _z, snake_case_name, a_b_c_d_e_f_g)',
    '```',
    '```json',
    '{"a": {"b": [{"c": [[1, 2], [3, {"d": {"e": [true]}}]]}]}}',
    '```',
    '```regex',
    '[^{]+ [^[]* [^{]+ [^{]+',
    '```',
  ].join('\n'),
  breaks: ['_'.repeat(80), '', '*'.repeat(80), '', '* * * * *', '', '~'.repeat(60), 'text'].join('\n'),
  links: '[a [nested] label](https://example.com) and [[wiki]] and **[bold link](https://x.y)** and ![img](x.png)',
};

describe('nestingProblem', () => {
  it.each(Object.entries(ORDINARY))('lets ordinary deep-ish Markdown through: %s', (_name, source) => {
    expect(nestingProblem(source)).toBeNull();
  });

  it.each([
    ['5,000 quote markers', '>'.repeat(5000) + ' x', 'containers'],
    ['quote markers with spaces', '> '.repeat(100) + 'x', 'containers'],
    ['list markers on one line', '- '.repeat(2000) + 'x', 'containers'],
    ['ordered markers on one line', '1. '.repeat(100) + 'x', 'containers'],
    [
      'a list nested by indentation',
      Array.from({ length: 300 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n'),
      'containers',
    ],
    ['500 `\\sqrt{`', '\\sqrt{'.repeat(500), 'groups'],
    ['150 `$\\sqrt{`, closed', '$' + nested('\\sqrt{', 150, 'x', '}') + '$', 'groups'],
    ['400 `\\frac{1}{`', '$$\n' + nested('\\frac{1}{', 400, 'x', '}') + '\n$$', 'groups'],
    ['nested `\\left(`', '$' + nested('\\left(', 200, 'x', '\\right)') + '$', 'groups'],
    ['nested environments', nested('\\begin{matrix}', 100, 'x', '\\end{matrix}'), 'groups'],
    ['deep brackets', nested('[', 5000, 'x', ']'), 'groups'],
    ['nested links', nested('[a', 3000, '', '](x)'), 'groups'],
    ['a formula over several lines', '$$\n' + '\\sqrt{\n'.repeat(100) + '$$', 'groups'],
    ['emphasis runs', nested('*', 5000, 'x', '*'), 'emphasis'],
    ['mixed emphasis runs', nested('*_', 100, 'x', '_*'), 'emphasis'],
    ['emphasis opened word by word', nested('*a _b ', 1000, 'x', ' b_ a*'), 'emphasis'],
    ['strikethrough runs', nested('~', 100, 'x', '~'), 'emphasis'],
  ])('refuses %s', (_name, source, problem) => {
    expect(nestingProblem(source)).toBe(problem);
  });

  it('draws each line exactly at its limit', () => {
    const { containers, emphasis, groups } = NESTING_LIMITS;
    expect(nestingProblem('>'.repeat(containers) + ' x')).toBeNull();
    expect(nestingProblem('>'.repeat(containers + 1) + ' x')).toBe('containers');
    expect(nestingProblem(' '.repeat(2 * (containers - 1)) + '- x')).toBeNull();
    expect(nestingProblem(' '.repeat(2 * containers) + '- x')).toBe('containers');
    expect(nestingProblem(nested('*', emphasis, 'x', '*'))).toBeNull();
    expect(nestingProblem(nested('*', emphasis + 1, 'x', '*'))).toBe('emphasis');
    expect(nestingProblem(nested('{', groups, 'x', '}'))).toBeNull();
    expect(nestingProblem(nested('{', groups + 1, 'x', '}'))).toBe('groups');
  });

  it('counts groups as they are open at once, not in total', () => {
    expect(nestingProblem('$\\sqrt{x}$ '.repeat(5000))).toBeNull();
    expect(nestingProblem('[a](b) **c** '.repeat(5000))).toBeNull();
    expect(nestingProblem('> x\n'.repeat(5000))).toBeNull();
  });

  it('closes groups at a blank line, where a paragraph ends', () => {
    expect(nestingProblem('[0, 1) '.repeat(20) + '\n\n' + '[0, 1) '.repeat(20))).toBeNull();
    expect(nestingProblem('[0, 1) '.repeat(20) + '\n' + '[0, 1) '.repeat(20))).toBe('groups');
  });

  it('reads escapes as text', () => {
    expect(nestingProblem('\\['.repeat(100) + '\\{'.repeat(100) + '\\*'.repeat(100))).toBeNull();
    expect(nestingProblem('\\\\{'.repeat(100))).toBe('groups');
  });
});
