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
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
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

/** Scores one message; higher is better. */
export function score(content: string, terms: Term[], idfs: number[], corpus: Corpus): number {
  const tokens = fold(content).match(TOKEN) ?? [];
  const counts = new Array<number>(terms.length).fill(0);
  for (const token of tokens) {
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      if (term.prefix ? token.startsWith(term.text) : token === term.text) counts[t]!++;
    }
  }
  const norm = K1 * (1 - B + (B * tokens.length) / corpus.averageLength);
  let total = 0;
  for (let t = 0; t < terms.length; t++) {
    // The index says the term is there even when folding here differs in some corner: count it once.
    const tf = Math.max(1, counts[t]!);
    total += idfs[t]! * ((tf * (K1 + 1)) / (tf + norm));
  }
  return total;
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
