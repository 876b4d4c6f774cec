import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Conversation, Message, Usage } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import {
  PAGE_SIZE,
  type ConversationListRequest,
  type ConversationPage,
  type HistoryProblem,
  type HistoryStatus,
  type MessagePage,
  type OpenRequest,
  type PageRequest,
  type SearchPage,
} from '../../shared/history';
import { toFtsQuery } from './fts-query';
import { attachmentIdsIn, emptyLog, eraseOnDelete, purgeDeleted } from './hygiene';
import { idf, readTotals, scoreAll, snippetOf, termsOf, type Corpus, type Term } from './ranking';
import type {
  ConversationPatch,
  ConversationRecord,
  HistoryStore,
  MergeCounts,
  MessagePatch,
  NewConversation,
  NewMessage,
} from './history-store';
import { migrate } from './migrations';
import { openSqlite, sqliteEngineFailure, type OpenSqlite } from './open-sqlite';

export const DB_FILE = 'history.sqlite3';

interface ConversationRow {
  id: string;
  title: string;
  model: string;
  params: string;
  system_prompt: string;
  pinned: number;
  folder: string | null;
  leaf_id: string | null;
  context_length: number | null;
  send_last: number | null;
  title_edited: number;
  created_at: number;
  updated_at: number;
}

interface MessageRow {
  seq: number;
  id: string;
  conversation_id: string;
  parent_id: string | null;
  role: Message['role'];
  content: string;
  attachments: string;
  status: Message['status'];
  error: string | null;
  usage: string | null;
  stats: string | null;
  model: string | null;
  tokens: number | null;
  finish_reason: string | null;
  images_pinned: number;
  created_at: number;
  updated_at: number;
}

const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  title: r.title,
  model: r.model,
  params: JSON.parse(r.params),
  systemPrompt: r.system_prompt,
  pinned: r.pinned === 1,
  folder: r.folder,
  leafId: r.leaf_id,
  contextLength: r.context_length,
  sendLast: r.send_last,
  titleEdited: r.title_edited === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  conversationId: r.conversation_id,
  parentId: r.parent_id,
  role: r.role,
  content: r.content,
  attachments: JSON.parse(r.attachments),
  status: r.status,
  error: r.error ? JSON.parse(r.error) : null,
  usage: r.usage ? JSON.parse(r.usage) : null,
  stats: r.stats ? JSON.parse(r.stats) : null,
  model: r.model,
  tokens: r.tokens,
  finishReason: r.finish_reason,
  imagesPinned: r.images_pinned === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const LIVE = 'deleted_at IS NULL';
/** How many matches are ranked together; see ranking.ts. */
export const SEARCH_WINDOW = 1000;

interface RankedWindow {
  seqs: number[];
  /** The window was full, so older matches remain. */
  full: boolean;
}
const ORDER = 'ORDER BY pinned DESC, updated_at DESC, rowid DESC';

export interface SqliteHistoryOptions {
  now?: () => number;
  /** How a database file is opened; tests plant a native-module load failure here. */
  open?: OpenSqlite;
  /** Told the ids of images that deleted messages referred to and no message refers to any more. */
  onUnreferenced?: (attachmentIds: string[]) => void;
}

/**
 * History in one SQLite file in the data folder (or in memory when the folder is null).
 * WAL with synchronous=NORMAL: a commit survives the app being killed, and costs no fsync.
 * A database that cannot be opened is never deleted: the store reports the problem and waits
 * for `startFresh()`, which moves the old file aside first. When SQLite itself cannot load on this
 * system, the file is not even opened, and `startFresh()` is refused: the file is not at fault.
 */
export class SqliteHistory implements HistoryStore {
  private db: Database.Database | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly searchCache = new Map<string, RankedWindow>();
  private readonly now: () => number;
  private readonly openFile: OpenSqlite;
  private readonly onUnreferenced: (attachmentIds: string[]) => void;
  private last = 0;
  private problem: HistoryProblem | null = null;
  private keptAt: string | null = null;

  constructor(
    readonly dataDir: string | null,
    options: SqliteHistoryOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.openFile = options.open ?? openSqlite;
    this.onUnreferenced = options.onUnreferenced ?? (() => {});
    this.open();
  }

  get path(): string {
    return this.dataDir === null ? ':memory:' : join(this.dataDir, DB_FILE);
  }

  status(): HistoryStatus {
    return { problem: this.problem, keptAt: this.keptAt };
  }

  /** With the user's consent only: keeps the unreadable file under a new name and starts an empty history. */
  startFresh(): HistoryStatus {
    if (this.problem?.code === 'history_engine_unavailable') throw this.unavailable();
    if (!this.problem || this.dataDir === null) return this.status();
    const kept = join(
      this.dataDir,
      `history.unreadable-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}.sqlite3`,
    );
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(this.path + suffix)) renameSync(this.path + suffix, kept + suffix);
    }
    this.keptAt = kept;
    this.problem = null;
    this.open();
    return this.status();
  }

  private open(): void {
    const engineFailure = sqliteEngineFailure(this.openFile);
    if (engineFailure !== null) {
      this.problem = { code: 'history_engine_unavailable', path: this.path, message: engineFailure };
      return;
    }
    let db: Database.Database | null = null;
    try {
      if (this.dataDir !== null) mkdirSync(this.dataDir, { recursive: true });
      db = this.openFile(this.path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 2000');
      // Search reads a thousand scattered rows; a larger cache and memory-mapped reads keep that in memory.
      db.pragma('cache_size = -65536');
      db.pragma('mmap_size = 268435456');
      eraseOnDelete(db);
      const purged = purgeDeleted(db);
      migrate(db, { beforeEach: (from, to) => this.backup(db!, from, to.name) });
      // A reply still marked streaming was cut off when the app last stopped.
      db.prepare(`UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'`).run();
      this.db = db;
      if (purged.size) this.onUnreferenced([...purged]);
    } catch (error) {
      db?.close();
      this.problem = {
        code: 'history_unavailable',
        path: this.path,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private unavailable(): ApiError {
    return this.problem?.code === 'history_engine_unavailable'
      ? new ApiError(appError(this.problem.code, `History could not be loaded on this system: ${this.problem.message}`))
      : new ApiError(appError('history_unavailable', 'Your chat history could not be opened.'));
  }

  /** A consistent copy (WAL included) of the database before a migration changes it. */
  private backup(db: Database.Database, from: number, name: string): void {
    if (this.dataDir === null) return;
    const dir = join(this.dataDir, 'backups');
    mkdirSync(dir, { recursive: true });
    db.prepare('VACUUM INTO ?').run(join(dir, `history.v${from}.before-${name}.${this.now()}.sqlite3`));
  }

  private sql(source: string): Database.Statement {
    if (!this.db) throw this.unavailable();
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.db.prepare(source)));
    return statement;
  }

  /** Every write takes a timestamp from here, which is also where cached search windows go stale. */
  private tick(): number {
    this.searchCache.clear();
    this.last = Math.max(this.now(), this.last + 1);
    return this.last;
  }

  private transaction<T>(fn: () => T): T {
    return this.db ? this.db.transaction(fn)() : fn();
  }

  createConversation(input: NewConversation): Conversation {
    const at = this.tick();
    const id = randomUUID();
    this.sql(
      `INSERT INTO conversations (id, title, model, params, system_prompt, pinned, folder, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.title,
      input.model,
      JSON.stringify(input.params),
      input.systemPrompt,
      input.pinned ? 1 : 0,
      input.folder ?? null,
      at,
      at,
    );
    return this.getConversation(id)!;
  }

  /** Whether the id is taken, also by a conversation deleted but still restorable. */
  hasConversation(id: string): boolean {
    return this.sql('SELECT 1 FROM conversations WHERE id = ?').get(id) !== undefined;
  }

  getConversation(id: string): Conversation | null {
    const row = this.sql(`SELECT * FROM conversations WHERE id = ? AND ${LIVE}`).get(id) as ConversationRow | undefined;
    return row ? toConversation(row) : null;
  }

  listConversations(request?: ConversationListRequest): Conversation[] {
    return this.pageConversations({ limit: -1, ...request }).items;
  }

  pageConversations(request: ConversationListRequest): ConversationPage {
    const { offset = 0, limit = PAGE_SIZE.conversations, folder } = request;
    const where =
      folder === undefined ? LIVE : folder === null ? `folder IS NULL AND ${LIVE}` : `folder = ? AND ${LIVE}`;
    const args = folder ? [folder] : [];
    const rows = this.sql(`SELECT * FROM conversations WHERE ${where} ${ORDER} LIMIT ? OFFSET ?`).all(
      ...args,
      limit,
      offset,
    ) as ConversationRow[];
    const total = (this.sql(`SELECT count(*) AS n FROM conversations WHERE ${where}`).get(...args) as { n: number }).n;
    return { items: rows.map(toConversation), total };
  }

  folders(): string[] {
    const rows = this.sql(
      `SELECT DISTINCT folder FROM conversations WHERE folder IS NOT NULL AND ${LIVE} ORDER BY folder`,
    ).all() as { folder: string }[];
    return rows.map((r) => r.folder);
  }

  updateConversation(id: string, patch: ConversationPatch): Conversation {
    this.existingConversation(id);
    const columns: Record<keyof ConversationPatch, string> = {
      title: 'title',
      model: 'model',
      params: 'params',
      systemPrompt: 'system_prompt',
      pinned: 'pinned',
      folder: 'folder',
      leafId: 'leaf_id',
      contextLength: 'context_length',
      sendLast: 'send_last',
      titleEdited: 'title_edited',
    };
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [key, value] of Object.entries(patch) as [keyof ConversationPatch, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${columns[key]} = ?`);
      values.push(key === 'params' ? JSON.stringify(value) : typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
    if (sets.length) this.sql(`UPDATE conversations SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    return this.getConversation(id)!;
  }

  deleteConversation(id: string): void {
    this.existingConversation(id);
    this.sql('UPDATE conversations SET deleted_at = ? WHERE id = ?').run(this.tick(), id);
  }

  restoreConversation(id: string): Conversation {
    this.searchCache.clear();
    this.sql('UPDATE conversations SET deleted_at = NULL WHERE id = ?').run(id);
    return this.existingConversation(id);
  }

  addMessage(input: NewMessage): Message {
    this.existingConversation(input.conversationId);
    const at = this.tick();
    const id = randomUUID();
    this.transaction(() => {
      this.sql(
        `INSERT INTO messages (id, conversation_id, parent_id, role, content, attachments, status, model, tokens, images_pinned, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        input.conversationId,
        input.parentId,
        input.role,
        input.content,
        JSON.stringify(input.attachments ?? []),
        input.status,
        input.model,
        input.tokens ?? null,
        input.imagesPinned ? 1 : 0,
        at,
        at,
      );
      this.sql('UPDATE conversations SET updated_at = ? WHERE id = ?').run(at, input.conversationId);
    });
    return this.getMessage(id)!;
  }

  getMessage(id: string): Message | null {
    const row = this.sql('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  updateMessage(id: string, patch: MessagePatch): Message {
    const sets = ['updated_at = ?'];
    const values: unknown[] = [this.tick()];
    for (const key of ['content', 'status', 'error', 'usage', 'stats'] as const) {
      if (patch[key] === undefined) continue;
      sets.push(`${key} = ?`);
      values.push(key === 'content' || key === 'status' ? patch[key] : json(patch[key]));
    }
    for (const [key, column] of [
      ['tokens', 'tokens'],
      ['finishReason', 'finish_reason'],
      ['imagesPinned', 'images_pinned'],
    ] as const) {
      const value = patch[key];
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      values.push(typeof value === 'boolean' ? Number(value) : value);
    }
    const { changes } = this.sql(`UPDATE messages SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
    if (changes === 0) throw new ApiError(appError('not_found', 'That message no longer exists.'));
    return this.getMessage(id)!;
  }

  listMessages(conversationId: string): Message[] {
    const rows = this.sql('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationId);
    return (rows as MessageRow[]).map(toMessage);
  }

  saveTokenCounts(counts: ReadonlyMap<string, number>): void {
    const save = this.sql('UPDATE messages SET tokens = ? WHERE id = ?');
    this.transaction(() => counts.forEach((tokens, id) => save.run(tokens, id)));
  }

  threadEndingAt(id: string, limit: number): MessagePage {
    const row = this.sql('SELECT conversation_id FROM messages WHERE id = ?').get(id) as
      { conversation_id: string } | undefined;
    if (!row) return { messages: [], hasOlder: false };
    const rows = this.walkUp(row.conversation_id, id, limit);
    return { messages: rows.reverse().map(toMessage), hasOlder: rows[0]?.parent_id != null };
  }

  countAbove(id: string): number {
    // UNION, not UNION ALL: a message met again ends the walk, so parent links that loop cannot run it forever.
    const n = this.sql(
      `WITH RECURSIVE up(id, parent_id) AS (
         SELECT id, parent_id FROM messages WHERE id = ?
         UNION
         SELECT m.id, m.parent_id FROM messages m JOIN up ON m.id = up.parent_id
       )
       SELECT count(*) FROM up`,
    )
      .pluck()
      .get(id) as number;
    return Math.max(0, n - 1);
  }

  usageTotals(conversationId: string): Usage {
    const row = this.sql(
      `SELECT coalesce(sum(json_extract(usage, '$.promptTokens')), 0) AS promptTokens,
              coalesce(sum(json_extract(usage, '$.completionTokens')), 0) AS completionTokens
       FROM messages WHERE conversation_id = ? AND usage IS NOT NULL`,
    ).get(conversationId) as Usage;
    return { promptTokens: row.promptTokens, completionTokens: row.completionTokens };
  }

  deleteMessages(ids: string[]): void {
    const doomed = this.sql(
      'SELECT conversation_id, attachments FROM messages WHERE id IN (SELECT value FROM json_each(?))',
    ).all(JSON.stringify(ids)) as { conversation_id: string; attachments: string }[];
    const remove = this.sql('DELETE FROM messages WHERE id = ?');
    this.transaction(() => ids.forEach((id) => remove.run(id)));
    this.searchCache.clear();
    emptyLog(this.db!);
    // An edit's new version shares its images with the old one: only images nothing else in the chat uses go.
    const images = attachmentIdsIn(doomed);
    if (images.size === 0) return;
    for (const conversationId of new Set(doomed.map((d) => d.conversation_id))) {
      for (const id of this.attachmentIds(conversationId)) images.delete(id);
    }
    this.onUnreferenced([...images]);
  }

  /** Every image id messages refer to; in one conversation, or in all of them (a full scan). */
  attachmentIds(conversationId?: string): Set<string> {
    const rows = conversationId
      ? this.sql(`SELECT attachments FROM messages WHERE conversation_id = ? AND attachments <> '[]'`).all(
          conversationId,
        )
      : this.sql(`SELECT attachments FROM messages WHERE attachments <> '[]'`).all();
    return attachmentIdsIn(rows as { attachments: string }[]);
  }

  /**
   * Walks up the thread from `startId` through parent links, newest first; at most `limit` rows. A parent is
   * always saved before its children (imports insert parents first), so each step must reach an older row of
   * the same conversation: a parent loop planted in the file ends the walk instead of running forever.
   */
  private walkUp(conversationId: string, startId: string, limit: number): MessageRow[] {
    return this.sql(
      `WITH RECURSIVE up(id, parent_id, seq, n) AS (
         SELECT id, parent_id, seq, 1 FROM messages WHERE id = ? AND conversation_id = ?
         UNION ALL
         SELECT m.id, m.parent_id, m.seq, up.n + 1 FROM messages m JOIN up ON m.id = up.parent_id
         WHERE up.n < ? AND m.seq < up.seq AND m.conversation_id = ?
       )
       SELECT messages.* FROM up JOIN messages ON messages.id = up.id ORDER BY up.n`,
    ).all(startId, conversationId, limit, conversationId) as MessageRow[];
  }

  pageMessages(conversationId: string, request: OpenRequest & { beforeId?: string }): MessagePage {
    const conversation = this.existingConversation(conversationId);
    const start =
      request.beforeId ??
      conversation.leafId ??
      (
        this.sql('SELECT id FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1').get(conversationId) as
          { id: string } | undefined
      )?.id;
    if (!start) return { messages: [], hasOlder: false };
    // An older page starts above `beforeId`; one row more than the page tells whether older ones remain.
    const skip = request.beforeId ? 1 : 0;
    let take = request.limit ?? PAGE_SIZE.messages;
    let rows = this.walkUp(conversationId, start, skip + take + 1).slice(skip);
    // A search hit further back: read back far enough to include it, when it is on this thread.
    if (request.includeId && !rows.slice(0, take).some((r) => r.id === request.includeId)) {
      const all = this.walkUp(conversationId, start, Number.MAX_SAFE_INTEGER).slice(skip);
      const at = all.findIndex((r) => r.id === request.includeId);
      if (at >= 0) {
        take = at + 1;
        rows = all.slice(0, take + 1);
      }
    }
    return { messages: rows.slice(0, take).reverse().map(toMessage), hasOlder: rows.length > take };
  }

  /** For each of these messages that has other versions: every version's id, oldest first. */
  versionsOf(messages: Message[]): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const siblings = this.sql('SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS ? ORDER BY seq');
    for (const m of messages) {
      const ids = (siblings.all(m.conversationId, m.parentId) as { id: string }[]).map((r) => r.id);
      if (ids.length > 1) out[m.id] = ids;
    }
    return out;
  }

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
    if (seqs.length === 0) return { hits: [], nextOffset };
    const rows = this.sql(
      `SELECT m.seq, m.id, m.conversation_id, m.role, m.created_at, m.content, c.title
       FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.seq IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(seqs)) as (MessageRow & { title: string })[];
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
    return { hits, nextOffset };
  }

  /** One window of matches, newest first from the index, ranked by BM25; kept until the next write. */
  private rankedWindow(match: string, terms: Term[], windowIndex: number): RankedWindow {
    const key = `${windowIndex}|${match}`;
    const cached = this.searchCache.get(key);
    if (cached) return cached;
    const rows = this.sql(
      `SELECT m.seq, m.content, c.deleted_at IS NOT NULL AS hidden
       FROM (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?) f
       JOIN messages m ON m.seq = f.rowid JOIN conversations c ON c.id = m.conversation_id`,
    ).all(match, SEARCH_WINDOW, windowIndex * SEARCH_WINDOW) as { seq: number; content: string; hidden: number }[];
    const block = this.sql('SELECT block FROM messages_fts_data WHERE id = 1').pluck().get() as Buffer | undefined;
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
    if (this.searchCache.size >= 16) this.searchCache.clear();
    this.searchCache.set(key, ranked);
    return ranked;
  }

  /** Exact below a window's worth of matches; above, estimated from the spread of the newest ones. */
  private documentFrequency(term: Term, corpus: Corpus): number {
    const match = term.prefix ? `"${term.text}"*` : `"${term.text}"`;
    const nth = this.sql(
      'SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
    )
      .pluck()
      .get(match, SEARCH_WINDOW - 1) as number | undefined;
    if (nth === undefined) {
      return this.sql('SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(match) as number;
    }
    // Two subqueries, so each is one index lookup rather than a scan.
    const { low, top } = this.sql(
      'SELECT (SELECT min(seq) FROM messages) AS low, (SELECT max(seq) FROM messages) AS top',
    ).get() as { low: number; top: number };
    return Math.min(corpus.documents, (SEARCH_WINDOW * (top - low + 1)) / (top - nth + 1));
  }

  merge(records: Iterable<ConversationRecord>): MergeCounts {
    const counts: MergeCounts = { conversations: 0, messages: 0, skipped: 0 };
    this.searchCache.clear();
    this.transaction(() => {
      for (const { conversation: c, messages } of records) {
        if (this.sql('SELECT 1 FROM conversations WHERE id = ?').get(c.id)) {
          counts.skipped++;
          continue;
        }
        this.sql(
          `INSERT INTO conversations (id, title, model, params, system_prompt, pinned, folder, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          c.id,
          c.title,
          c.model,
          JSON.stringify(c.params ?? {}),
          c.systemPrompt ?? '',
          c.pinned ? 1 : 0,
          c.folder ?? null,
          c.createdAt,
          c.updatedAt,
        );
        const ids = new Map<string, string>();
        // Files without any parent links (older exports) are one straight thread, in file order.
        const linear = messages.every((m) => m.parentId === null);
        let previous: string | null = null;
        for (const m of messages) {
          const id = this.sql('SELECT 1 FROM messages WHERE id = ?').get(m.id) ? randomUUID() : m.id;
          ids.set(m.id, id);
          // A file's token counts are not trusted: they are counted the first time the chat is budgeted.
          this.sql(
            `INSERT INTO messages (id, conversation_id, parent_id, role, content, attachments, status, error, usage, stats, model, finish_reason, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            id,
            c.id,
            // Never a message of another conversation: a parent not seen in this one is no parent.
            m.parentId === null ? (linear ? previous : null) : (ids.get(m.parentId) ?? null),
            m.role,
            m.content,
            JSON.stringify(m.attachments ?? []),
            m.status === 'streaming' ? 'interrupted' : m.status,
            json(m.error),
            json(m.usage),
            json(m.stats ?? null),
            m.model,
            m.finishReason ?? null,
            m.createdAt,
            m.updatedAt,
          );
          previous = id;
          counts.messages++;
        }
        if (c.leafId)
          this.sql('UPDATE conversations SET leaf_id = ? WHERE id = ?').run(ids.get(c.leafId) ?? null, c.id);
        counts.conversations++;
      }
    });
    return counts;
  }

  close(): void {
    this.statements.clear();
    this.db?.close();
    this.db = null;
  }

  private existingConversation(id: string): Conversation {
    const conversation = this.getConversation(id);
    if (!conversation) throw new ApiError(appError('not_found', 'That conversation no longer exists.'));
    return conversation;
  }
}
