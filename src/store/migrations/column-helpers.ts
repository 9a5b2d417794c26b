import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * An auto-numbered integer key, spelled the way each database wants it. On SQLite a plain
 * INTEGER PRIMARY KEY is the rowid, numbered on insert; AUTOINCREMENT would add a write to
 * sqlite_sequence on every insert, which the importer cannot afford.
 */
export function autoId(db: Kysely<unknown>): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return isPostgres(db) ? (c) => c.primaryKey().generatedByDefaultAsIdentity() : (c) => c.primaryKey();
}
