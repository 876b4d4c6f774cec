// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlockGuard } from './BlockGuard';
import { Markdown } from './Markdown';

// The tripwire: a block renderer that throws, planted where code blocks render.
vi.mock('./CodeBlock', () => ({
  CodeBlock: ({ code }: { code: string }) => {
    if (code.includes('TRIPWIRE')) throw new Error('planted renderer fault');
    return <pre>{code}</pre>;
  },
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;
let reported: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  // React reports what a boundary caught on console.error; the tests read it there.
  reported = vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  reported.mockRestore();
});

function show(text: string, streaming = false) {
  act(() => root.render(<Markdown text={text} streaming={streaming} onOpenLink={() => {}} />));
}

const plain = () => [...container.querySelectorAll<HTMLElement>('.md-plain')];

describe('a block that throws while rendering', () => {
  it('falls back to its source as plain text, and its neighbours still render', () => {
    show('Before **bold**\n\n```js\nconst TRIPWIRE = 1;\n```\n\nAfter *it* and `code`');
    expect(String(reported.mock.calls.flat().find((a: unknown) => a instanceof Error))).toContain(
      'planted renderer fault',
    );
    expect(plain()).toHaveLength(1);
    expect(plain()[0]!.dataset.plain).toBe('failed');
    expect(plain()[0]!.querySelector('.md-plain__text')!.textContent).toBe('```js\nconst TRIPWIRE = 1;\n```\n\n');
    expect(plain()[0]!.textContent).toContain('could not be formatted');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('it');
  });

  it('gets another try when its text changes, as a streaming block does', () => {
    const Tripwire = ({ text }: { text: string }) => {
      if (text.includes('TRIPWIRE')) throw new Error('planted renderer fault');
      return <p>{text}</p>;
    };
    const guarded = (text: string) => (
      <BlockGuard source={text}>
        <Tripwire text={text} />
      </BlockGuard>
    );
    act(() => root.render(guarded('half TRIPWIRE')));
    expect(plain()).toHaveLength(1);
    act(() => root.render(guarded('whole')));
    expect(plain()).toHaveLength(0);
    expect(container.querySelector('p')?.textContent).toBe('whole');
  });
});

describe('the nesting check', () => {
  it.each([
    ['5,000 quote markers', '>'.repeat(5000) + ' x', 'blockquote'],
    ['500 nested roots', '$$\n' + '\\sqrt{'.repeat(500) + 'x' + '}'.repeat(500) + '\n$$', '.katex'],
    ['a list nested 300 deep', Array.from({ length: 300 }, (_, i) => ' '.repeat(2 * i) + '- x').join('\n'), 'ul'],
    ['5,000 emphasis markers', '*'.repeat(5000) + 'x' + '*'.repeat(5000), 'em'],
  ])('shows %s as plain text without parsing it', (_name, text, parsed) => {
    show(`First **paragraph**.\n\n${text}\n\nLast **paragraph**.`);
    expect(plain().map((p) => p.dataset.plain)).toEqual(['nesting']);
    expect(plain()[0]!.querySelector('.md-plain__text')!.textContent).toBe(`${text}\n\n`);
    expect(container.querySelector(parsed)).toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('paragraph');
    expect(reported).not.toHaveBeenCalled();
  });

  it('leaves ordinary deep-ish Markdown formatted: five levels of quotes and lists, and math', () => {
    const quotes = ['> 1', '> > 2', '> > > 3', '> > > > 4', '> > > > > five'].join('\n');
    const lists = ['- 1', '  - 2', '    - 3', '      1. 4', '         - five'].join('\n');
    const math =
      '$$\n\\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a} = \\left(\\begin{matrix} a \\\\ b \\end{matrix}\\right)\n$$';
    show(`${quotes}\n\n${lists}\n\n${math}\n\nInline $e^{i\\pi} + 1 = 0$ too.`);
    expect(plain()).toEqual([]);
    expect(container.querySelectorAll('blockquote')).toHaveLength(5);
    expect(container.querySelectorAll('ul, ol')).toHaveLength(5);
    expect(container.querySelectorAll('.katex')).toHaveLength(2);
    expect(container.querySelector('.katex-display .mfrac')).not.toBeNull();
  });
});
