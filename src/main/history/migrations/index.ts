import type Database from 'better-sqlite3';
import { initial } from './0001-initial';
import { organizeAndSearch } from './0002-organize-and-search';
import { versions } from './0003-versions';
import { contextBudget } from './0004-context-budget';
import { secureIndex } from './0005-secure-index';
import { documents } from './0006-documents';
import { compare } from './0007-compare';

export interface Migration {
  /** The `user_version` the database has after this migration. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** In order; a new one goes at the end with the next number, in a file named `NNNN-name.ts`. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  organizeAndSearch,
  versions,
  contextBudget,
  secureIndex,
  documents,
  compare,
];

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

export interface MigrateOptions {
  /** Called before each migration of a database that holds data, so the old file is kept as it was. */
  beforeEach(from: number, to: Migration): void;
  /** Stop at this version (tests build old databases with it). */
  target?: number;
}

/** Runs each pending migration in its own transaction, bumping `user_version` with it. */
export function migrate(db: Database.Database, options: MigrateOptions): number {
  const target = options.target ?? LATEST_VERSION;
  const start = db.pragma('user_version', { simple: true }) as number;
  let current = start;
  if (current > LATEST_VERSION) {
    throw new Error(`The history database is from a newer version of the app (schema ${current}).`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    // A new database has nothing to keep.
    if (start > 0) options.beforeEach(current, migration);
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
    current = migration.version;
  }
  return current;
}
