import type { SnippetPart } from '../../../../shared/history';

// Marks where a highlighted part starts and ends while the parts are cleaned as one string: a link or a bold
// run can span a highlight. Private-use characters, removed from the text first so no message can forge one.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Markdown syntax that reads as noise in a one-line preview, in the order it is removed. */
const MARKUP: [RegExp, string][] = [
  [/```[^\s`]*/g, ' '], // code fences and their language
  [/!?\[([^\]]*)\]\([^)]*\)/g, '$1'], // [text](url) and images: the text
  [/(^|\n)[ \t]*#{1,6}[ \t]+/g, '$1'], // headings
  [/(^|\n)[ \t]*>[ \t]?/g, '$1'], // block quotes
  [/(^|\n)[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/g, '$1'], // list markers and task boxes
  [/(^|\n)[ \t]*(?:[-*_][ \t]*){3,}(?=\n|$)/g, '$1'], // rules
  [/\*\*|__|~~|`/g, ''], // bold, strike, inline code
  [/(^|[\s(])\*(?=\S)|(?<=\S)\*(?=[\s).,;:!?]|$)/g, '$1'], // *emphasis*, but not 2 * 3
  [/\|/g, ' '], // table cells
];

/**
 * A search snippet as plain text: Markdown markers and fences stripped, lines joined into one, the highlighted
 * parts kept. The parts stay text; nothing is parsed as HTML or Markdown for display.
 */
export function plainSnippet(parts: readonly SnippetPart[]): SnippetPart[] {
  let joined = '';
  for (const part of parts) {
    const text = part.text.replaceAll(OPEN, '').replaceAll(CLOSE, '');
    joined += part.hit ? `${OPEN}${text}${CLOSE}` : text;
  }
  for (const [pattern, replacement] of MARKUP) joined = joined.replace(pattern, replacement);
  joined = joined.replace(/\s+/g, ' ').trim();
  const out: SnippetPart[] = [];
  for (const piece of joined.split(/(\uE000[^\uE001]*\uE001)/)) {
    const hit = piece.startsWith(OPEN);
    const text = hit ? piece.slice(1, -1) : piece;
    if (text) out.push({ text, hit });
  }
  return out;
}
