import type { SnippetPart } from '../../shared/history';

/** Private-use characters mark the matches inside a snippet, so no text from a message is ever parsed as markup. */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';

const MAX_TERMS = 16;

/**
 * Turns what the user typed into an FTS5 query: every word must appear, each quoted so no word is read as
 * an operator, and the last one also matches as a prefix while it is still being typed.
 * Returns null when there is nothing to look for.
 */
export function toFtsQuery(text: string): string | null {
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
  if (words.length === 0) return null;
  const typing = !/\s$/.test(text);
  return words
    .map((word, i) => {
      const quoted = `"${word}"`;
      return typing && i === words.length - 1 && word.length >= 2 ? `${quoted}*` : quoted;
    })
    .join(' ');
}

export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of snippet.split(HIT_START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece, hit: false });
      continue;
    }
    const end = piece.indexOf(HIT_END);
    const hit = end < 0 ? piece : piece.slice(0, end);
    const rest = end < 0 ? '' : piece.slice(end + 1);
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}
