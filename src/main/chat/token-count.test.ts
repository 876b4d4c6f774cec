import { expect, it } from 'vitest';
import { estimateTokens } from '../../shared/context';
import { remembering, tokenCounter } from './token-count';

it('counts with cl100k, and treats text that spells a special token as text', async () => {
  const count = await tokenCounter();
  expect(count('Hello world')).toBe(2);
  expect(count('')).toBe(0);
  // A model or a user may write these; counting must neither throw nor treat them as control tokens.
  expect(count('<|endoftext|>')).toBeGreaterThan(1);
  expect(count('before <|im_start|>system after')).toBeGreaterThan(4);
});

it('counts a long run without spaces in slices, close to what the whole run gives', async () => {
  const count = await tokenCounter();
  const run = 'abcdefghij'.repeat(30); // 300 letters, past the slicing threshold
  const whole = (await import('gpt-tokenizer/encoding/cl100k_base')).countTokens(run);
  expect(Math.abs(count(run) - whole)).toBeLessThanOrEqual(6);
  expect(count(`short ${run} words`)).toBe(count(run) + count('short ') + count(' words'));
});

it('remembers the counts of texts counted again and again', () => {
  let calls = 0;
  const count = remembering((text) => (calls++, text.length), 2);
  expect([count('aa'), count('aa'), count('bbb'), count('aa')]).toEqual([2, 2, 3, 2]);
  expect(calls).toBe(2);
  count('c');
  count('bbb');
  expect(calls).toBe(3);
});

it('estimates while typing: about four ASCII characters a token, a token for each other character', () => {
  expect(estimateTokens('')).toBe(0);
  expect(estimateTokens('a'.repeat(400))).toBe(100);
  expect(estimateTokens('日本語')).toBe(3);
  expect(estimateTokens('😀')).toBe(1);
});
