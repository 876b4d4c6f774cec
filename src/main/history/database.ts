import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError, appError } from '../../shared/errors';
import type { HistoryProblem, HistoryStatus } from '../../shared/history';
import { emptyLog, eraseOnDelete, purgeDeleted } from './hygiene';
import { migrate } from './migrations';
import { openSqlite, sqliteEngineFailure, type OpenSqlite } from './open-sqlite';

export const DB_FILE = 'history.sqlite3';

export interface HistoryDatabaseOptions {
  now?: () => number;
  /** How a database file is opened; tests plant a native-module load failure here. */
  open?: OpenSqlite;
  /** Told the ids of images that deleted messages referred to and no message refers to any more. */
  onUnreferenced?: (attachmentIds: string[]) => void;
}

/**
 * The history file itself: opening it, migrating it (a copy taken first), recovering from a crash, and keeping an
 * unreadable file aside. WAL with synchronous=NORMAL: a commit survives the app being killed, and costs no fsync.
 * A database that cannot be opened is never deleted: it reports the problem and waits for `startFresh()`, which
 * moves the old file aside first. When SQLite itself cannot load on this system, the file is not even opened, and
 * `startFresh()` is refused: the file is not at fault.
 */
export class HistoryDatabase {
  private db: Database.Database | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  readonly now: () => number;
  readonly onUnreferenced: (attachmentIds: string[]) => void;
  private readonly openFile: OpenSqlite;
  private last = 0;
  private problem: HistoryProblem | null = null;
  private keptAt: string | null = null;
  /** Counts writes, so what is cached from reads (search windows) knows when it went stale. */
  generation = 0;

  constructor(
    readonly dataDir: string | null,
    options: HistoryDatabaseOptions = {},
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

  /** A prepared statement, kept for the next call; refused while the history cannot be opened. */
  sql(source: string): Database.Statement {
    if (!this.db) throw this.unavailable();
    let statement = this.statements.get(source);
    if (!statement) this.statements.set(source, (statement = this.db.prepare(source)));
    return statement;
  }

  /** Every write takes a timestamp from here: later than the one before, even within a millisecond. */
  tick(): number {
    this.changed();
    this.last = Math.max(this.now(), this.last + 1);
    return this.last;
  }

  /** A write that needs no timestamp still makes cached reads stale. */
  changed(): void {
    this.generation++;
  }

  transaction<T>(fn: () => T): T {
    return this.db ? this.db.transaction(fn)() : fn();
  }

  /** After deleting: the write-ahead log still holds the old pages (see hygiene.ts). */
  emptyLog(): void {
    if (this.db) emptyLog(this.db);
  }

  close(): void {
    this.statements.clear();
    this.db?.close();
    this.db = null;
  }
}
