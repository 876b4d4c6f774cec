import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryDatabase } from './database';
import { toFtsQuery } from './fts-query';
import { idf, readTotals, scoreAll, termsOf, type Corpus } from './ranking';
import { SqliteHistory } from './sqlite-history';

/**
 * ranking.ts scores in JS what FTS5's bm25() would, from FTS5's own totals record. On this fixture its two
 * stand-ins are exact: every word is four letters and a space, so a message's length in characters is five times
 * its length in tokens, and the matches of each query are as long on average as the whole corpus. What differs
 * by design is the IDF: ranking.ts uses log(1 + x), which never goes negative, where FTS5 uses log(x) floored at
 * 1e-6; for words in a few messages of many, as here (7 of 310), the two agree within 1 %.
 */

const FILLER = ['alfa', 'brav', 'char', 'delt', 'echo', 'foxt', 'golf', 'hote', 'indi', 'juli', 'oscr', 'papa'];
const TOLERANCE = 0.01;

/** [kilo count, lima count, length in words]: no two alike within a query's matches, so no ties. */
const MATCHING: [number, number, number][] = [
  [1, 0, 3],
  [1, 0, 11],
  [2, 0, 7],
  [3, 1, 9],
  [1, 1, 5],
  [2, 2, 6],
  [1, 3, 8],
  [0, 1, 7],
  [0, 2, 4],
  [0, 1, 10],
];

function words(kilo: number, lima: number, length: number, seed: number): string {
  const out = [...Array<string>(kilo).fill('kilo'), ...Array<string>(lima).fill('lima')];
  while (out.length < length)
    out.splice((seed * 7 + out.length * 3) % (out.length + 1), 0, FILLER[(seed + out.length) % 12]!);
  return out.map((w) => `${w} `).join('');
}

let history: SqliteHistory;
afterEach(() => history?.close());

function fixture(): HistoryDatabase {
  history = new SqliteHistory(null);
  const { id } = history.createConversation({ title: 'ranking', model: 'm', params: {}, systemPrompt: '' });
  const contents = [
    ...Array.from({ length: 300 }, (_, i) => words(0, 0, 7, i)),
    ...MATCHING.map(([k, l, n], i) => words(k, l, n, i)),
  ];
  // Matching messages spread among the filler, so index order is not fixture order.
  contents.sort((a, b) => ((a.length * 31 + a.charCodeAt(3)) % 17) - ((b.length * 31 + b.charCodeAt(3)) % 17));
  for (const content of contents) {
    history.addMessage({ conversationId: id, parentId: null, role: 'user', content, status: 'done', model: null });
  }
  return (history as unknown as { db: HistoryDatabase }).db;
}

/** FTS5's own ranking: message ids best first, with bm25()'s score made positive (FTS5 returns it negated). */
function fts5(db: HistoryDatabase, query: string): { id: string; content: string; score: number }[] {
  return db
    .sql(
      `SELECT m.id, m.content, -bm25(messages_fts) AS score FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid
       WHERE messages_fts MATCH ? ORDER BY bm25(messages_fts)`,
    )
    .all(toFtsQuery(query)) as { id: string; content: string; score: number }[];
}

/** ranking.ts's scores for the same messages, from FTS5's totals record and each term's document count. */
function ours(db: HistoryDatabase, query: string, contents: string[], corpus?: Corpus): number[] {
  const terms = termsOf(query);
  const totals =
    corpus ?? readTotals(db.sql('SELECT block FROM messages_fts_data WHERE id = 1').pluck().get() as Buffer);
  const df = (match: string) =>
    db.sql('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(match);
  const idfs = terms.map((t) => idf(totals, df(t.prefix ? `"${t.text}"*` : `"${t.text}"`) as number));
  return scoreAll(contents, terms, idfs);
}

const within = (a: number[], b: number[]) => a.every((x, i) => Math.abs(x - b[i]!) <= TOLERANCE * b[i]!);

describe('BM25 in ranking.ts against FTS5’s own bm25()', () => {
  it('reads the corpus totals FTS5 keeps: how many messages, and their average length in tokens', () => {
    const db = fixture();
    const totals = readTotals(db.sql('SELECT block FROM messages_fts_data WHERE id = 1').pluck().get() as Buffer);
    expect(totals).toEqual({ documents: 310, averageLength: 7 });
  });

  it.each(['kilo ', 'lima ', 'kilo lima ', 'kilo li', 'kil'])(
    'ranks “%s” in the same order, scores within 1 %%',
    (q) => {
      const db = fixture();
      const reference = fts5(db, q);
      expect(reference.length).toBeGreaterThan(3);
      expect(history.search(q, { limit: 50 }).hits.map((h) => h.messageId)).toEqual(reference.map((r) => r.id));
      const scores = ours(
        db,
        q,
        reference.map((r) => r.content),
      );
      expect(
        within(
          scores,
          reference.map((r) => r.score),
        ),
        `${scores} vs ${reference.map((r) => r.score)}`,
      ).toBe(true);
    },
  );

  it('tripwire: a misread document count puts the scores outside that tolerance', () => {
    const db = fixture();
    const reference = fts5(db, 'kilo lima ');
    const misread = ours(
      db,
      'kilo lima ',
      reference.map((r) => r.content),
      { documents: 155, averageLength: 7 },
    );
    expect(
      within(
        misread,
        reference.map((r) => r.score),
      ),
    ).toBe(false);
  });
});
