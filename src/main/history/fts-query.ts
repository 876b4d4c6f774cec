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
