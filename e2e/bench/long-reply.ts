/** Roughly how a model's tokenizer counts: words, numbers and single punctuation marks. */
export function tokens(text: string): string[] {
  return text.match(/\s*(?:\w+|[^\s\w])/g) ?? [];
}

function section(i: number): string {
  return `## Part ${i}: notes on topic ${i}

This part explains **item ${i}** with some *emphasis*, a bit of \`inline_code(${i})\`, a [link](https://example.com/${i})
and the inline formula $a_${i} = \\sqrt{x^2 + ${i}}$ so the paragraph looks like what a model writes.

- First point about ${i}, with enough words to wrap across a line in a normal window width.
- Second point: compare $O(n \\log n)$ with $O(n^2)$ for n = ${i * 100}.
  - A nested detail, indented under the second point.
- Third point, short.

\`\`\`${i % 2 ? 'ts' : 'python'}
${
  i % 2
    ? `export function step${i}(values: number[]): number {
  let total = 0;
  for (const v of values) total += v * ${i}; // accumulate
  return total / Math.max(values.length, 1);
}`
    : `def step${i}(values):
    total = sum(v * ${i} for v in values)  # accumulate
    return total / max(len(values), 1)`
}
\`\`\`

| case | input | result |
|---|---:|---:|
| small | ${i} | ${i * 2} |
| medium | ${i * 10} | ${i * 20} |
| large | ${i * 100} | ${i * 200} |

$$
\\sum_{k=1}^{${i}} k = \\frac{${i}(${i}+1)}{2}
$$

`;
}

/** A Markdown reply of at least `count` tokens: headings, lists, code, a table and math in every part. */
export function longReply(count: number): string {
  let text = '';
  for (let i = 1; tokens(text).length < count; i++) text += section(i);
  return text;
}

/** A reply split into one streamed chunk per `perChunk` tokens. */
export function chunksOf(text: string, perChunk: number): string[] {
  const all = tokens(text);
  const chunks: string[] = [];
  for (let i = 0; i < all.length; i += perChunk) chunks.push(all.slice(i, i + perChunk).join(''));
  const rest = text.slice(chunks.join('').length);
  if (rest) chunks.push(rest);
  return chunks;
}

/** A Markdown reply of at least `count` characters, built the same way. */
export function longReplyOfChars(count: number): string {
  let text = '';
  for (let i = 1; text.length < count; i++) text += section(i);
  return text;
}

/** The last block of a bench reply: the probes wait for `marker` to be painted. */
export const ending = (marker: string) => `That is all for now: ${marker}.`;
