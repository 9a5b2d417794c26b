import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The connection as Kysely sees it, with its prepared statements kept: Kysely prepares every query
 * afresh, and on the server the same few dozen texts (the dashboard's questions with other
 * parameters) are asked thousands of times. Preparing one costs SQLite a parse and a plan each
 * time (about a twentieth of a request's time under load); a kept statement is only rebound.
 *
 * - Kept by their SQL text, the most recently used `size` of them.
 * - A statement still being read (an open `iterate`, Kysely's stream) is not handed out twice:
 *   the second asker gets a fresh one.
 * - SQLite prepares a kept statement again by itself when the schema changes under it.
 */
export function keepingStatements(raw: BetterSqlite3.Database, size = 200): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      const found = kept.get(sql);
      if (found && !found.busy) {
        // Most recently used last: the map's first entry is the one to drop.
        kept.delete(sql);
        kept.set(sql, found);
        return found;
      }
      const statement = raw.prepare(sql);
      if (found) return statement;
      kept.set(sql, statement);
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}
