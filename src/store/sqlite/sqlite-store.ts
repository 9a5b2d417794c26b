import { closeSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { TandemError } from '../../domain/tandem-error.ts';
import type { Database } from '../schema.ts';
import type { Store } from '../store.ts';
import { ensureEventStatistics } from './sqlite-planner-statistics.ts';
import { keepingStatements } from './statement-cache.ts';

export interface SqliteStore extends Store {
  readonly dialect: 'sqlite';
  /** The raw connection, for the importer's prepared statements; same connection as `db`. */
  readonly raw: BetterSqlite3.Database;
}

export function openSqliteStore(path: string): SqliteStore {
  let raw: BetterSqlite3.Database;
  try {
    createPrivately(path);
    raw = new BetterSqlite3(path);
    setWriteAheadLog(raw);
  } catch (e) {
    throw new TandemError('bad-input', `cannot open the SQLite database ${path}: ${(e as Error).message}`);
  }
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -65536');
  // Pages are read through a memory map of the file's first GiB instead of a read call each: an
  // event page's rows, scattered over a large store, come about a third faster (50 rows by id on
  // the million-event store: 0.44 against 0.64-0.73 ms). Writes still go through the WAL.
  raw.pragma('mmap_size = 1073741824');
  // A record raised above public, or rejected, leaves no plain copy in the file's free space: the
  // space its old values took is zeroed where that costs no extra write (older versions of a page
  // may stay in the WAL until the next checkpoint overwrites them).
  raw.pragma('secure_delete = FAST');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(raw) }) });
  return {
    dialect: 'sqlite',
    db,
    raw,
    location: path,
    reopen: path === ':memory:' || path === '' ? undefined : { dbPath: path },
    // The query planner's statistics, for a store made before they were kept.
    afterMigrations: () => ensureEventStatistics(raw),
    // Kysely runs SQLite's migrations one by one, outside any transaction, with no lock between
    // processes: six commands started at once on a new file each ran migration 025, and all but
    // the first failed on "duplicate column name". In one transaction taken with the write lock
    // (BEGIN IMMEDIATE waits up to the busy timeout), the next process finds them run.
    migrating: async (migrate) => {
      raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await migrate();
        raw.exec('COMMIT');
        return result;
      } catch (e) {
        if (raw.inTransaction) raw.exec('ROLLBACK');
        throw e;
      }
    },
    close: () => db.destroy(),
  };
}

/**
 * Puts the store in write-ahead-log mode. Processes opening a new store at the same moment (a
 * script starting several commands) contend for the lock that the change of mode takes, and SQLite
 * answers "database is locked" at once rather than through the busy timeout; so the change is
 * tried again, for up to about five seconds, as the busy timeout would have waited.
 */
function setWriteAheadLog(raw: BetterSqlite3.Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      raw.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if (!(e as { code?: string }).code?.startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw e;
      Atomics.wait(pause, 0, 0, 10 + Math.floor(Math.random() * 40));
    }
  }
}

/**
 * A new store file is made readable by its owner only (0600), as the key file is: it holds the
 * records an analyst may read in clear (events, perpetrators, threats), and SQLite gives its
 * write-ahead log and shared-memory files the database file's own permissions. A file that
 * exists keeps the permissions its owner gave it.
 */
function createPrivately(path: string): void {
  if (path === ':memory:' || path === '' || path.startsWith('file:')) return;
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (e) {
    // It exists already (EEXIST), or its folder does not: SQLite's own error says so next.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST' && (e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw e;
  }
}
