import { type Kysely, type MigrationResultSet, Migrator, sql } from 'kysely';
import { TandemError } from '../domain/tandem-error.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

/**
 * An open database. `db` is the typed Kysely handle every repository uses; `bulk` is the dialect's
 * fast path for writing many events (prepared statements on SQLite, multi-row inserts on
 * PostgreSQL), used only by the importer.
 */
export interface Store {
  readonly dialect: DialectName;
  readonly db: Kysely<Database>;
  /** Where the data lives, for messages: a file path or a URL without its password. */
  readonly location: string;
  /** How another thread opens the same store (none for an in-memory one). */
  readonly reopen?: StoreOptions;
  /** Brings up to date what the dialect keeps beside the schema; run after the migrations. */
  afterMigrations?(): void;
  /**
   * Runs the migrations (`migrate`) so that no other process migrates the same store meanwhile
   * and a failed one leaves nothing half done; without it, as the migrator runs them.
   */
  migrating?<T>(migrate: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** SQLite file; default `TANDEM_DB` or ./tandem.db. ':memory:' for a throwaway store. */
  dbPath?: string;
  /** PostgreSQL URL; default `DATABASE_URL`. When given, wins over dbPath. */
  databaseUrl?: string;
}

/** Opens the store the options (or the environment) name and brings its schema up to date. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  // An empty flag (a script's `--db "$DB"` with DB unset) would open a throwaway database that
  // SQLite keeps nowhere, or the default file: what was written would be lost or land elsewhere.
  if (options.dbPath === '')
    throw new TandemError('bad-input', '--db is empty: name a SQLite file, or a postgres:// URL');
  if (options.databaseUrl === '')
    throw new TandemError('bad-input', '--database-url is empty: name a postgres:// URL');
  const at = storeLocation(options);
  const store =
    'url' in at
      ? await (await import('./postgres/postgres-store.ts')).openPostgresStore(at.url)
      : (await import('./sqlite/sqlite-store.ts')).openSqliteStore(at.file);
  try {
    if (!(await upToDate(store.db))) await migrateOrWaitForOthers(store);
    store.afterMigrations?.();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

/**
 * Where the options and the environment say the store is: --database-url; else --db (or, without
 * DATABASE_URL, a non-empty TANDEM_DB); else DATABASE_URL; else ./tandem.db. A PostgreSQL URL given
 * where a SQLite file was expected (`--db postgres://…`) means that server: no one names a file so.
 */
function storeLocation(options: StoreOptions): { url: string } | { file: string } {
  if (options.databaseUrl) return { url: postgresUrl(options.databaseUrl, '--database-url') };
  const named = options.dbPath ?? (process.env.DATABASE_URL ? undefined : process.env.TANDEM_DB || undefined);
  if (named !== undefined) return isPostgresUrl(named) ? { url: named } : { file: named };
  if (process.env.DATABASE_URL) return { url: postgresUrl(process.env.DATABASE_URL, 'DATABASE_URL') };
  return { file: 'tandem.db' };
}

/** A PostgreSQL URL as given, or a refusal naming where it came from ("notaurl" read as a host). */
function postgresUrl(given: string, from: string): string {
  if (isPostgresUrl(given)) return given;
  throw new TandemError(
    'bad-input',
    `${from}: expected a PostgreSQL URL such as postgres://USER@HOST:5432/DATABASE, got "${given}"`,
  );
}

/** Whether a store location is a PostgreSQL URL rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Whether every migration has run: one read of the migration table. Most opens find the schema
 * current, and the migrator's own check (creating its tables if absent, taking its lock) costs a
 * command several times that at start.
 */
async function upToDate(db: Kysely<Database>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const done = new Set(rows.map((r) => r.name));
    return Object.keys(MIGRATIONS).every((name) => done.has(name));
  } catch {
    // No migration table yet: a new store.
    return false;
  }
}

/**
 * Migrates, or lets another process that opened the same new store at the same moment finish doing
 * so: two commands started at once on a new SQLite file both found it empty and the second failed
 * with "table … already exists", or "duplicate column name", once the first had run a migration.
 * The migrations run in one transaction that takes the store's write lock first (`migrating`;
 * PostgreSQL's migrator takes its own lock), so the second waits, then finds them run. Should the
 * wait outlast the busy timeout, or an attempt fail, it is rolled back; if the schema is then
 * current, someone else brought it up to date and this open goes on; otherwise it tries again.
 */
async function migrateOrWaitForOthers(store: Store): Promise<void> {
  const db = store.db;
  const run = () => migrate(db);
  for (let attempt = 1; ; attempt++) {
    try {
      await (store.migrating ? store.migrating(run) : run());
      return;
    } catch (e) {
      if (await upToDate(db)) return;
      if (attempt >= 3) throw e;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      if (await upToDate(db)) return;
    }
  }
}

export async function migrate(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Features add migrations independently; each is self-contained, so order among them is free.
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new TandemError(
      'conflict',
      `could not bring the database schema up to date${failed ? ` (migration ${failed.migrationName})` : ''}: ${String((result.error as Error).message ?? result.error)}`,
    );
  }
  return result;
}
