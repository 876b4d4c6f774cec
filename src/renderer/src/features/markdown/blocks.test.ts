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
  const text = doc.join('');
  const final = splitBlocks(text);

  it('finishes blocks as a stream grows, only ever appending, and keeps each finished block the same string', () => {
    for (const step of [1, 3, 7, 40]) {
      const splitter = new BlockSplitter();
      let previous: string[] = [];
      for (let i = step; i < text.length + step; i += step) {
        const sofar = text.slice(0, i);
        splitter.update(sofar);
        const { done } = splitter;
        expect(done.join('') + splitter.tail).toBe(sofar);
        // A finished block is final: it is one of the blocks of the whole text, and of the text so far.
        expect(done).toEqual(final.slice(0, done.length));
        expect(done).toEqual(splitBlocks(sofar).slice(0, done.length));
        // Every finished block is the very same string as before, so a memoized view of it does not re-render.
        previous.forEach((block, b) => expect(done[b]).toBe(block));
        previous = [...done];
      }
      splitter.finish();
      expect([...splitter.done, splitter.tail]).toEqual(final);
    }
  });

  it('finishes a block as soon as the next one has begun, before that line is complete', () => {
    const splitter = new BlockSplitter();
    splitter.update('First paragraph.\n\nSec');
    expect(splitter.done).toEqual(['First paragraph.\n\n']);
    expect(splitter.tail).toBe('Sec');
    // After a list, "1" may still become the next item of that list.
    splitter.update('First paragraph.\n\n- a\n\n1');
    expect(splitter.done).toEqual(['First paragraph.\n\n']);
    splitter.update('First paragraph.\n\n- a\n\n1x');
    expect(splitter.done).toEqual(['First paragraph.\n\n', '- a\n\n']);
  });

  it('scans each character about once however the text arrives, so a long reply costs no more per delta', () => {
    const long = doc.join('').repeat(200);
    const splitter = new BlockSplitter();
    for (let i = 0; i < long.length; i += 4) splitter.update(long.slice(0, i + 4));
    expect(splitter.scanned).toBeLessThan(long.length * 2);
    splitter.finish();
    expect([...splitter.done, splitter.tail]).toEqual(splitBlocks(long));
  });

  it('starts over when the text was replaced rather than extended', () => {
    const splitter = new BlockSplitter();
    splitter.update('One.\n\nTwo.\n\nThree');
    const generation = splitter.generation;
    splitter.update('Other.\n\nTwo.\n\nThree and more');
    expect(splitter.generation).not.toBe(generation);
    expect(splitter.done).toEqual(['Other.\n\n', 'Two.\n\n']);
    splitter.update('Short');
    expect([splitter.done, splitter.tail]).toEqual([[], 'Short']);
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
