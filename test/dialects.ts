import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../src/store/store.ts';

/**
 * Every database a storage or end-to-end test runs on (Kysely's habit: one suite, every dialect).
 * SQLite always; PostgreSQL when TANDEM_TEST_DATABASE_URL names a server (CI starts one), each
 * store in a fresh database that is dropped again. Without a server the PostgreSQL runs are
 * skipped with the reason printed.
 */
export interface TestDialect {
  name: 'sqlite' | 'postgres';
  skip: false | string;
  /** A fresh, empty, migrated store, and how to reach it from a CLI (`--db` or `--database-url`). */
  open(): Promise<{ store: Store; flags: string[]; drop(): Promise<void> }>;
}

const PG_URL = process.env.TANDEM_TEST_DATABASE_URL;

export const DIALECTS: TestDialect[] = [
  {
    name: 'sqlite',
    skip: false,
    async open() {
      const { mkdtempSync, rmSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
      const path = join(dir, 'tandem.db');
      const store = await openStore({ dbPath: path });
      return {
        store,
        flags: ['--db', path],
        async drop() {
          await store.close().catch(() => {});
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    skip: PG_URL
      ? false
      : 'TANDEM_TEST_DATABASE_URL is not set: no PostgreSQL server to test against (.ci/run starts one)',
    async open() {
      const name = `tandem_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(PG_URL as string);
      url.pathname = `/${name}`;
      const store = await openStore({ databaseUrl: url.toString() });
      return {
        store,
        flags: ['--database-url', url.toString()],
        async drop() {
          await store.close().catch(() => {});
          const a = new pg.Client({ connectionString: PG_URL });
          await a.connect();
          await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await a.end();
        },
      };
    },
  },
];
