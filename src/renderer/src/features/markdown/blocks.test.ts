import { describe, expect, it } from 'vitest';
import { BlockSplitter, settleTail, splitBlocks } from './blocks';

const doc = [
  '# Title\n\n',
  'A paragraph\nwith two lines.\n\n',
  '```ts\nconst a = 1;\n\n\nconst b = 2;\n```\n\n',
  '- one\n\n- two\n\n  still two\n\n',
  '$$\nx^2\n\ny\n$$\n\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n',
  '~~~\n```\nnot closed by backticks\n~~~\n\n',
  '1. first\n\n        indented code in the item\n\n',
  'The end.',
];

describe('splitBlocks', () => {
  it('cuts at blank lines but not inside fences, math, lists or indented continuations', () => {
    expect(splitBlocks(doc.join(''))).toEqual(doc);
  });

  it('loses nothing: the blocks join back to the text', () => {
    const text = '\n\n' + doc.join('') + '\n\n\n';
    expect(splitBlocks(text).join('')).toBe(text);
  });

  it('keeps an open fence to the end, as Markdown does', () => {
    expect(splitBlocks('Intro\n\n```py\nprint(1)\n\nprint(2)')).toEqual(['Intro\n\n', '```py\nprint(1)\n\nprint(2)']);
  });
});

describe('BlockSplitter', () => {
  it('gives the same blocks as a full split at every step of a stream, reusing the finished ones', () => {
    const text = doc.join('');
    const splitter = new BlockSplitter();
    let previous: string[] = [];
    for (let i = 1; i <= text.length; i += 7) {
      const blocks = splitter.split(text.slice(0, i));
      expect(blocks).toEqual(splitBlocks(text.slice(0, i)));
      // Every finished block is the very same string as before, so a memoized view of it does not re-render.
      for (let b = 0; b < Math.min(previous.length, blocks.length) - 1; b++) expect(blocks[b]).toBe(previous[b]);
      previous = blocks;
    }
  });
});

describe('settleTail', () => {
  it('holds a table back until its delimiter row is complete, then shows whole rows', () => {
    expect(settleTail('| a | b |\n|--')).toBe('');
    expect(settleTail('| a | b |\n|---|---|\n| 1 | 2')).toBe('| a | b |\n|---|---|');
    expect(settleTail('| a | b |\n|---|---|\n| 1 | 2 |\n')).toBe('| a | b |\n|---|---|\n| 1 | 2 |');
  });

  it('holds display math back until it is closed', () => {
    expect(settleTail('$$\n\\frac{1}{')).toBe('');
    expect(settleTail('$$\n\\frac{1}{2}\n$$')).toBe('$$\n\\frac{1}{2}\n$$');
  });

  it('closes an open inline code span or bold run for now', () => {
    expect(settleTail('Call `foo(')).toBe('Call `foo(`');
    expect(settleTail('This is **very')).toBe('This is **very**');
    expect(settleTail('Plain text')).toBe('Plain text');
  });
});
