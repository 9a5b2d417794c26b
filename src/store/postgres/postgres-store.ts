import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { TandemError } from '../../domain/tandem-error.ts';
import type { Database } from '../schema.ts';
import type { Store } from '../store.ts';

// bigint (20) and numeric (1700, what SUM returns) arrive as strings by default; our counts fit in
// a double, and the SQLite side returns numbers, so both dialects answer alike.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface PostgresStore extends Store {
  readonly dialect: 'postgres';
  readonly pool: pg.Pool;
}

export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, an administrator, a dropped database) is an
  // error event on the pool; unheard, it would end the whole process. The pool replaces the
  // connection on the next query, and a query on a dead one fails as any other.
  pool.on('error', (e) =>
    process.stderr.write(`tandem: a PostgreSQL connection was closed by the server (${e.message})\n`),
  );
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end();
    throw new TandemError(
      'bad-input',
      `cannot connect to PostgreSQL at ${location}: ${(e as Error).message}`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { dialect: 'postgres', db, pool, location, reopen: { databaseUrl: url }, close: () => db.destroy() };
}
