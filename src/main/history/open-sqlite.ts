import Database from 'better-sqlite3';

/**
 * Opens a database file. better-sqlite3 loads its native module on the first open, so a module that cannot load on
 * this system (ERR_DLOPEN_FAILED on a glibc older than the prebuilt one needs, a NODE_MODULE_VERSION mismatch, a
 * missing binary) fails here too. Tests pass their own to plant that failure.
 */
export type OpenSqlite = (path: string) => Database.Database;

export const openSqlite: OpenSqlite = (path) => new Database(path);

/**
 * Why SQLite itself cannot run here, or null when it can. An in-memory database involves no file, so a failure to
 * open one is the engine's, never the history file's: that file is then left unopened rather than called unreadable.
 */
export function sqliteEngineFailure(open: OpenSqlite): string | null {
  try {
    open(':memory:').close();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
