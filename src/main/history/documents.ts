import type { SearchHit } from '../../shared/history';
import type { HistoryDatabase } from './database';
import { snippetOf, type Term } from './ranking';

/** The documents' tables (migration 0006): which texts messages refer to, and their full-text index. */

/** Indexes a document's text once; the same text attached again (same id) is not indexed twice. */
export function indexDocument(db: HistoryDatabase, id: string, text: string): void {
  db.transaction(() => {
    const { changes, lastInsertRowid } = db
      .sql('INSERT OR IGNORE INTO documents (id, created_at) VALUES (?, ?)')
      .run(id, db.tick());
    if (changes > 0) db.sql('INSERT INTO documents_fts (rowid, text) VALUES (?, ?)').run(lastInsertRowid, text);
  });
}

/** Every document id a message refers to. */
export function referencedDocumentIds(db: HistoryDatabase): Set<string> {
  return new Set(db.sql('SELECT DISTINCT document_id FROM message_documents').pluck().all() as string[]);
}

export function documentName(db: HistoryDatabase, id: string): string | null {
  return (db.sql('SELECT name FROM message_documents WHERE document_id = ? LIMIT 1').pluck().get(id) as string) ?? null;
}

/** Index rows no message refers to (a crash between indexing a text and saving its message); returns how many. */
export function dropUnreferencedDocuments(db: HistoryDatabase): number {
  const { changes } = db.sql('DELETE FROM documents WHERE id NOT IN (SELECT document_id FROM message_documents)').run();
  if (changes) db.changed();
  return changes;
}

/** How many of the newest matching documents are looked at; each may be attached to several messages. */
const DOCUMENT_MATCHES = 50;
/** Characters read around the first match, so a snippet of a long document costs what a message's does. */
const AROUND = 400;

/**
 * Messages whose documents match, newest documents first, each hit's snippet naming the document it came from.
 * `readText` reads a document's text from its file (null when it is gone: the hit keeps only the name).
 */
export function searchDocuments(
  db: HistoryDatabase,
  match: string,
  terms: Term[],
  limit: number,
  readText: (id: string) => string | null,
): SearchHit[] {
  const rows = db
    .sql(
      `SELECT d.id AS documentId, md.name, m.id AS messageId, m.conversation_id AS conversationId, m.role,
              m.created_at AS createdAt, c.title AS conversationTitle
       FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
       JOIN documents d ON d.seq = f.rowid
       JOIN message_documents md ON md.document_id = d.id
       JOIN messages m ON m.id = md.message_id
       JOIN conversations c ON c.id = m.conversation_id
       WHERE c.deleted_at IS NULL
       ORDER BY m.seq DESC LIMIT ?`,
    )
    .all(match, DOCUMENT_MATCHES, limit) as (Omit<SearchHit, 'snippet'> & { documentId: string; name: string })[];
  const texts = new Map<string, string | null>();
  return rows.map(({ documentId, name, ...hit }) => {
    if (!texts.has(documentId)) texts.set(documentId, readText(documentId));
    const text = texts.get(documentId) ?? '';
    return { ...hit, snippet: [{ text: `${name}: `, hit: false }, ...snippetOf(around(text, terms), terms)] };
  });
}

/** The part of a long text around its first match (or its start). */
function around(text: string, terms: Term[]): string {
  if (text.length <= AROUND * 2) return text;
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const i = lower.indexOf(term.text);
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  const start = Math.max(0, at - AROUND / 2);
  // Whole words only: a word cut in two at either edge would read as a different word.
  return text
    .slice(start, start + AROUND)
    .replace(start > 0 ? /^\S*\s/ : /^/, '')
    .replace(/\s\S*$/, '');
}
