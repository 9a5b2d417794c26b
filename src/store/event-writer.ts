import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { ReadProblem } from '../domain/read-problem.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import type { CountUpsert } from './count-accumulator.ts';
import {
  COL,
  EVENT_COLUMNS,
  type EventValues,
  STORED_KEY_COLUMNS,
  type StoredEventKeys,
} from './event-columns.ts';
import type { PackedRows, RowUnpacker } from './packed-rows.ts';
import { postgresCountUpsert, withPostgresConnection } from './postgres/postgres-event-import.ts';
import type { PostgresStore } from './postgres/postgres-store.ts';
import type { Database } from './schema.ts';
import type { SqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

/** A row set aside, ready to store, with the level its raw text is released at. */
export interface StoredProblem extends ReadProblem {
  sensitivity: Sensitivity;
}

/**
 * The importer's view of the database inside one transaction: look events up by source id, write
 * new and changed ones, record the import and the rows set aside. SQLite uses prepared statements
 * on the raw connection (the hot path of a million-row import); PostgreSQL multi-row inserts.
 */
export interface EventWriter {
  readonly db: Kysely<Database>;
  /** On PostgreSQL, the transaction's own connection, for streaming rows with COPY. */
  readonly client?: pg.PoolClient;
  countSource(source: string): Promise<number>;
  countAll(): Promise<number>;
  lookup(source: string, ids: readonly string[]): Promise<Map<string, StoredEventKeys>>;
  insert(importId: number, rows: readonly EventValues[]): Promise<void>;
  /** Inserts every row of a packed batch (the bulk path: a file of new events). */
  insertPacked(importId: number, unpacker: RowUnpacker, rows: PackedRows): Promise<void>;
  update(importId: number, rows: readonly { id: number; row: EventValues }[]): Promise<void>;
  addProblems(importId: number, problems: readonly StoredProblem[]): Promise<void>;
  /** Adds to the aggregate tables (CountAccumulator.flush); Kysely's when absent. */
  upsertCounts?: CountUpsert;
  /** Runs `fn`, which builds indexes over the events, with the settings that build them fastest. */
  buildingIndexes<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * How SQLite builds an index fastest, measured on a million events: with a small page cache its
 * sorter sorts the keys in runs of a few megabytes and merges them, and with a helper thread it
 * sorts two runs at once (the reader's core is free by then). The widest index took 1.8–2.0 s
 * sorted at once in a 64 MB cache; in runs of 4 MB, 1.1 s alone and 0.86 s with two threads.
 */
const INDEX_BUILD_CACHE_KB = 4000;
const INDEX_BUILD_THREADS = 2;

const KEY_COLUMNS = STORED_KEY_COLUMNS.join(', ');

function withImport(importId: number, row: EventValues): EventValues {
  const v = row.slice();
  v[COL.import_id] = importId;
  return v;
}

function asRecord(importId: number, row: EventValues) {
  const v = withImport(importId, row);
  return Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, v[i]])) as never;
}

async function addProblemsWith(db: Kysely<Database>, importId: number, problems: readonly StoredProblem[]) {
  for (let i = 0; i < problems.length; i += 500) {
    await db
      .insertInto('problems')
      .values(
        problems.slice(i, i + 500).map((p) => ({
          import_id: importId,
          file: p.file,
          line: p.line,
          column: p.column,
          field: p.field ?? null,
          reason: p.reason,
          raw: p.raw ?? null,
          sensitivity: p.sensitivity,
        })),
      )
      .execute();
  }
}

/** Rows per INSERT statement on SQLite: fewer statements to step through, measured faster. */
const ROWS_PER_INSERT = 16;

function sqliteWriter(store: SqliteStore): EventWriter {
  const raw = store.raw;
  const primaryKeyOf = (table: string): string[] => {
    const pk = (raw.pragma(`index_list(${table})`) as { name: string; origin: string }[]).find(
      (i) => i.origin === 'pk',
    );
    if (!pk) return [];
    return (raw.pragma(`index_info(${pk.name})`) as { seqno: number; name: string }[])
      .sort((a, b) => a.seqno - b.seqno)
      .map((c) => c.name);
  };
  const tuple = `(${EVENT_COLUMNS.map(() => '?').join(', ')})`;
  const insertSql = (n: number) =>
    `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${new Array(n).fill(tuple).join(', ')}`;
  const insertOne = raw.prepare(insertSql(1));
  const insertMany = raw.prepare(insertSql(ROWS_PER_INSERT));
  const width = EVENT_COLUMNS.length;
  const params: unknown[] = new Array(width * ROWS_PER_INSERT);
  const update = raw.prepare(
    `UPDATE events SET ${EVENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
  );
  // One statement per batch: the ids go in as one JSON array.
  const find = raw.prepare(
    `SELECT source_event_id, ${KEY_COLUMNS} FROM events WHERE source = ? AND source_event_id IN (SELECT value FROM json_each(?))`,
  );
  const count = raw.prepare('SELECT count(*) AS n FROM events WHERE source = ?').pluck();
  const countAll = raw.prepare('SELECT count(*) AS n FROM events').pluck();
  return {
    db: store.db,
    async countSource(source) {
      return count.get(source) as number;
    },
    async countAll() {
      return countAll.get() as number;
    },
    async lookup(source, ids) {
      const found = new Map<string, StoredEventKeys>();
      for (const r of find.all(source, JSON.stringify(ids)) as (StoredEventKeys & {
        source_event_id: string;
      })[]) {
        found.set(r.source_event_id, r);
      }
      return found;
    },
    async insert(importId, rows) {
      let i = 0;
      for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
        for (let k = 0; k < ROWS_PER_INSERT; k++) {
          const r = rows[i + k];
          for (let c = 0; c < width; c++) params[k * width + c] = r[c];
          params[k * width + COL.import_id] = importId;
        }
        insertMany.run(params);
      }
      for (; i < rows.length; i++) insertOne.run(withImport(importId, rows[i]));
    },
    async insertPacked(importId, unpacker, rows) {
      let i = 0;
      for (; i + ROWS_PER_INSERT <= rows.count; i += ROWS_PER_INSERT) {
        for (let k = 0; k < ROWS_PER_INSERT; k++) unpacker.fill(rows, i + k, params, k * width, importId);
        insertMany.run(params);
      }
      const one: unknown[] = new Array(width);
      for (; i < rows.count; i++) {
        unpacker.fill(rows, i, one, 0, importId);
        insertOne.run(one);
      }
    },
    async update(importId, rows) {
      for (const { id, row } of rows) update.run([...withImport(importId, row), id]);
    },
    addProblems: (importId, problems) => addProblemsWith(store.db, importId, problems),
    async buildingIndexes(fn) {
      const cache = raw.pragma('cache_size', { simple: true }) as number;
      const threads = raw.pragma('threads', { simple: true }) as number;
      raw.pragma(`cache_size = ${-INDEX_BUILD_CACHE_KB}`);
      raw.pragma(`threads = ${INDEX_BUILD_THREADS}`);
      try {
        return await fn();
      } finally {
        raw.pragma(`cache_size = ${cache}`);
        raw.pragma(`threads = ${threads}`);
      }
    },
    async upsertCounts(table, keys, measures, rows) {
      // Prepared multi-row upserts: Kysely building one statement of thousands of values cost
      // more than the upserts themselves.
      const per = 100;
      const cols = [...keys, ...measures];
      const tupleSql = `(${cols.map(() => '?').join(', ')})`;
      const sqlFor = (n: number) =>
        `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${new Array(n).fill(tupleSql).join(', ')} ` +
        `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ')}`;
      const many = raw.prepare(sqlFor(per));
      // In the order of the table's primary key, so the upserts walk its index instead of
      // jumping about it (measured two to three times faster).
      const pk = primaryKeyOf(table).map((c) => cols.indexOf(c));
      const sorted = [...rows].sort((a, b) => {
        for (const j of pk) if (a[j] !== b[j]) return a[j] < b[j] ? -1 : 1;
        return 0;
      });
      let i = 0;
      for (; i + per <= sorted.length; i += per) many.run(sorted.slice(i, i + per).flat());
      if (i < sorted.length) raw.prepare(sqlFor(sorted.length - i)).run(sorted.slice(i).flat());
    },
  };
}

function postgresWriter(trx: Kysely<Database>, client: pg.PoolClient): EventWriter {
  return {
    db: trx,
    client,
    async countSource(source) {
      const r = await trx
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('source', '=', source)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async countAll() {
      const r = await trx
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async lookup(source, ids) {
      const found = new Map<string, StoredEventKeys & { source_event_id: string }>();
      for (let i = 0; i < ids.length; i += 5000) {
        const rows = await trx
          .selectFrom('events')
          .select([...STORED_KEY_COLUMNS, 'source_event_id'])
          .where('source', '=', source)
          .where('source_event_id', 'in', ids.slice(i, i + 5000) as string[])
          .execute();
        for (const r of rows as (StoredEventKeys & { source_event_id: string })[])
          found.set(r.source_event_id, r);
      }
      return found;
    },
    async insert(importId, rows) {
      // 30 columns a row; PostgreSQL takes at most 65,535 parameters a statement.
      for (let i = 0; i < rows.length; i += 2000) {
        await trx
          .insertInto('events')
          .values(rows.slice(i, i + 2000).map((r) => asRecord(importId, r)))
          .execute();
      }
    },
    async insertPacked(importId, unpacker, rows) {
      const list: EventValues[] = [];
      for (let i = 0; i < rows.count; i++) list.push(unpacker.row(rows, i));
      await this.insert(importId, list);
    },
    async update(importId, rows) {
      for (const { id, row } of rows) {
        await trx.updateTable('events').set(asRecord(importId, row)).where('id', '=', id).execute();
      }
    },
    addProblems: (importId, problems) => addProblemsWith(trx, importId, problems),
    buildingIndexes: (fn) => fn(),
    upsertCounts: postgresCountUpsert(client),
  };
}

export interface WithEventWriterOptions {
  /**
   * The transaction will write much more than the store holds (a first large import). On SQLite
   * it then runs with a rollback journal instead of the write-ahead log, which would write every
   * new page twice (into the log, then into the database at commit); it is all or nothing just
   * the same, a kill leaving a journal that the next opening rolls back. When another connection
   * has the store open the mode cannot change, and the log is kept.
   */
  bulk?: boolean;
}

/**
 * Runs `fn` inside one transaction with an EventWriter: everything it writes lands together or
 * not at all (an error, a kill or Ctrl-C leaves the store as it was).
 */
export async function withEventWriter<T>(
  store: Store,
  fn: (w: EventWriter) => Promise<T>,
  options: WithEventWriterOptions = {},
): Promise<T> {
  if (store.dialect === 'sqlite') {
    const s = store as SqliteStore;
    let journal = false;
    if (options.bulk && s.raw.pragma('journal_mode', { simple: true }) === 'wal') {
      try {
        // DELETE rather than TRUNCATE: going back to WAL would leave a truncated journal file behind.
        journal = s.raw.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
      } catch {
        // Another connection has the store open (SQLITE_BUSY): stay with the log.
      }
    }
    try {
      s.raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(sqliteWriter(s));
        s.raw.exec('COMMIT');
        return result;
      } catch (e) {
        if (s.raw.inTransaction) s.raw.exec('ROLLBACK');
        throw e;
      }
    } finally {
      if (journal) {
        try {
          s.raw.pragma('journal_mode = WAL');
        } catch {
          // Someone opened the store meanwhile; the next opening (openSqliteStore) sets WAL again.
        }
      }
    }
  }
  return withPostgresConnection(store as PostgresStore, (client, db) => fn(postgresWriter(db, client)));
}
