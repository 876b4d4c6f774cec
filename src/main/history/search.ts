import { PAGE_SIZE, type PageRequest, type SearchPage } from '../../shared/history';
import type { HistoryDatabase } from './database';
import { searchDocuments } from './documents';
import { toFtsQuery } from './fts-query';
import { idf, readTotals, scoreAll, snippetOf, termsOf, type Corpus, type Term } from './ranking';
import type { MessageRow } from './rows';

/** How many matches are ranked together; see ranking.ts. */
const SEARCH_WINDOW = 1000;
/** Hits in documents shown on the first page, before the messages' own. */
const DOCUMENT_HITS = 5;

interface RankedWindow {
  seqs: number[];
  /** The window was full, so older matches remain. */
  full: boolean;
}

/**
 * Full-text search over messages: the index supplies matches newest first, a window at a time, ranked here by BM25
 * (ranking.ts says why not by FTS5's bm25()). A ranked window is kept until the next write.
 */
export class HistorySearch {
  private readonly cache = new Map<string, RankedWindow>();
  private generation = -1;

  constructor(
    private readonly db: HistoryDatabase,
    /** A document's text, for the snippets of hits in documents. */
    private readonly documentText: (id: string) => string | null = () => null,
  ) {}

  search(query: string, page: PageRequest = {}): SearchPage {
    const match = toFtsQuery(query);
    const terms = termsOf(query);
    const { offset = 0, limit = PAGE_SIZE.search } = page;
    if (!match || terms.length === 0) return { hits: [], nextOffset: null };
    // Offsets address windows of SEARCH_WINDOW slots; a window's ranked hits fill the start of its slots.
    const windowIndex = Math.floor(offset / SEARCH_WINDOW);
    const ranked = this.rankedWindow(match, terms, windowIndex);
    const start = offset % SEARCH_WINDOW;
    const seqs = ranked.seqs.slice(start, start + limit);
    const nextOffset =
      start + limit < ranked.seqs.length ? offset + limit : ranked.full ? (windowIndex + 1) * SEARCH_WINDOW : null;
    // Chats found by what their documents say lead the first page, each snippet naming its document.
    const inDocuments = offset === 0 ? searchDocuments(this.db, match, terms, DOCUMENT_HITS, this.documentText) : [];
    if (seqs.length === 0) return { hits: inDocuments, nextOffset };
    const rows = this.db
      .sql(
        `SELECT m.seq, m.id, m.conversation_id, m.role, m.created_at, m.content, c.title
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE m.seq IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(seqs)) as (MessageRow & { title: string })[];
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    const hits = seqs.flatMap((seq) => {
      const r = bySeq.get(seq);
      return r
        ? [
            {
              conversationId: r.conversation_id,
              conversationTitle: r.title,
              messageId: r.id,
              role: r.role,
              createdAt: r.created_at,
              snippet: snippetOf(r.content, terms),
            },
          ]
        : [];
    });
    return { hits: [...inDocuments, ...hits], nextOffset };
  }

  /** One window of matches, newest first from the index, ranked by BM25; kept until the next write. */
  private rankedWindow(match: string, terms: Term[], windowIndex: number): RankedWindow {
    if (this.generation !== this.db.generation) {
      this.cache.clear();
      this.generation = this.db.generation;
    }
    const key = `${windowIndex}|${match}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const rows = this.db
      .sql(
        `SELECT m.seq, m.content, c.deleted_at IS NOT NULL AS hidden
         FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?) f
         JOIN messages m ON m.seq = f.rowid JOIN conversations c ON c.id = m.conversation_id`,
      )
      .all(match, SEARCH_WINDOW, windowIndex * SEARCH_WINDOW) as { seq: number; content: string; hidden: number }[];
    const block = this.db.sql('SELECT block FROM messages_fts_data WHERE id = 1').pluck().get() as Buffer | undefined;
    const corpus = block ? readTotals(block) : { documents: 1, averageLength: 1 };
    const idfs = terms.map((term) => idf(corpus, this.documentFrequency(term, corpus)));
    const live = rows.filter((r) => !r.hidden);
    const scores = scoreAll(
      live.map((r) => r.content),
      terms,
      idfs,
    );
    const scored = live
      .map((r, i) => ({ seq: r.seq, score: scores[i]! }))
      .sort((a, b) => b.score - a.score || b.seq - a.seq);
    const ranked = { seqs: scored.map((r) => r.seq), full: rows.length === SEARCH_WINDOW };
    if (this.cache.size >= 16) this.cache.clear();
    this.cache.set(key, ranked);
    return ranked;
  }

  /** Exact below a window's worth of matches; above, estimated from the spread of the newest ones. */
  private documentFrequency(term: Term, corpus: Corpus): number {
    const match = term.prefix ? `"${term.text}"*` : `"${term.text}"`;
    const nth = this.db
      .sql('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(match, SEARCH_WINDOW - 1) as number | undefined;
    if (nth === undefined) {
      return this.db.sql('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(match) as number;
    }
    // Two subqueries, so each is one index lookup rather than a scan.
    const { low, top } = this.db
      .sql('SELECT (SELECT min(seq) FROM messages) AS low, (SELECT max(seq) FROM messages) AS top')
      .get() as { low: number; top: number };
    return Math.min(corpus.documents, (SEARCH_WINDOW * (top - low + 1)) / (top - nth + 1));
  }
}
