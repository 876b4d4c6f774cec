import type { SnippetPart } from '../../shared/history';

/**
 * BM25 computed here rather than by FTS5's bm25(): FTS5 counts every document holding each term before it
 * scores the first row, which takes 50–100 ms for a word found in most messages. Here the index supplies the
 * matches newest first, a window at a time, and each term's document frequency is estimated from how densely
 * its newest matches are spread over the table (exact when it has fewer matches than a window).
 */

export interface Term {
  text: string;
  prefix: boolean;
}

export interface Corpus {
  /** How many messages are indexed, and their average length in tokens. */
  documents: number;
  averageLength: number;
}

const K1 = 1.2;
const B = 0.75;
const TOKEN = /[\p{L}\p{N}]+/gu;

/** As FTS5's unicode61 tokenizer with remove_diacritics sees text: lower case, no accents. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function termsOf(query: string): Term[] {
  const words = fold(query).match(TOKEN) ?? [];
  const typing = !/\s$/.test(query);
  return words.slice(0, 16).map((text, i) => ({ text, prefix: typing && i === words.length - 1 && text.length >= 2 }));
}

export function idf(corpus: Corpus, documentFrequency: number): number {
  const n = corpus.documents;
  return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Counts a term as a whole word (or a word start, for a prefix) in folded text. */
function termPattern(term: Term): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${term.text}${term.prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'gu');
}

// eslint-disable-next-line no-control-regex -- ASCII text needs no Unicode folding
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Scores messages of one window; higher is better. A message's length relative to the window's average,
 * in characters, stands in for its length in tokens: tokenizing every candidate would cost more than the rest.
 */
export function scoreAll(contents: string[], terms: Term[], idfs: number[]): number[] {
  const patterns = terms.map(termPattern);
  const average = contents.reduce((sum, c) => sum + c.length, 0) / Math.max(1, contents.length) || 1;
  return contents.map((content) => {
    const text = ASCII.test(content) ? content.toLowerCase() : fold(content);
    const norm = K1 * (1 - B + (B * content.length) / average);
    let total = 0;
    for (let t = 0; t < terms.length; t++) {
      // The index says the term is there even when folding here differs in some corner: count it once.
      const tf = Math.max(1, text.match(patterns[t]!)?.length ?? 0);
      total += idfs[t]! * ((tf * (K1 + 1)) / (tf + norm));
    }
    return total;
  });
}

/** Reads FTS5's own totals record (row 1 of the _data table): documents, then tokens per column, as varints. */
export function readTotals(block: Buffer): Corpus {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let i = 0; i < 9; i++) {
      const byte = block[at++]!;
      if (i === 8) return value * 256 + byte;
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    return value;
  };
  const documents = varint();
  const tokens = varint();
  return { documents, averageLength: documents ? tokens / documents : 1 };
}

const SNIPPET_TOKENS = 16;

/**
 * The stretch of a message with the most matching words, as text parts with the matches marked. Built here
 * from the text already read for ranking: FTS5's snippet() re-reads each term's whole list of matches per row.
 */
export function snippetOf(content: string, terms: Term[]): SnippetPart[] {
  const tokens: { start: number; end: number; hit: boolean }[] = [];
  for (const m of content.matchAll(TOKEN)) {
    const word = fold(m[0]);
    const hit = terms.some((t) => (t.prefix ? word.startsWith(t.text) : word === t.text));
    tokens.push({ start: m.index, end: m.index + m[0].length, hit });
  }
  if (tokens.length === 0) return content ? [{ text: content.slice(0, 200), hit: false }] : [];
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.hit) hits++;
    if (i >= SNIPPET_TOKENS && tokens[i - SNIPPET_TOKENS]!.hit) hits--;
    const first = Math.max(0, i - SNIPPET_TOKENS + 1);
    // Prefer the first window with the most hits; it has one at its start or near it.
    if (hits > bestHits) {
      bestHits = hits;
      best = first;
    }
  }
  // Start a few words before the first match, so it reads in context rather than at the end.
  const firstHit = tokens.findIndex((t, i) => i >= best && t.hit);
  if (firstHit >= 0) best = Math.max(0, Math.min(firstHit - 4, tokens.length - SNIPPET_TOKENS), best);
  const window = tokens.slice(best, best + SNIPPET_TOKENS);
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  if (best > 0) push('…', false);
  let at = window[0]!.start;
  for (const token of window) {
    push(content.slice(at, token.start), false);
    push(content.slice(token.start, token.end), token.hit);
    at = token.end;
  }
  const lastToken = window.at(-1)!;
  push(lastToken === tokens.at(-1) ? content.slice(at) : '…', false);
  return parts;
}
