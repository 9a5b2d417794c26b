import type { CountUpsert } from '../count-accumulator.ts';
import { countedFromStored } from '../counted-event.ts';
import {
  COL,
  EVENT_COLUMNS,
  type EventValues,
  STORED_KEY_COLUMNS,
  type StoredEventKeys,
  sameContent,
  sameStoredValues,
} from '../event-columns.ts';
import type { DialectImport, FileCounts, FileWriter, FileWriterContext } from '../event-import.ts';
import {
  createBulkIndexes,
  createSourceIdIndex,
  dropBulkIndexes,
  dropSourceIdIndex,
} from '../event-indexes.ts';
import type { PackedRows, RowUnpacker } from '../packed-rows.ts';
import { refreshEventStatistics } from './sqlite-planner-statistics.ts';
import type { SqliteStore } from './sqlite-store.ts';

/**
 * How SQLite builds an index fastest, measured on a million events: with a small page cache its
 * sorter sorts the keys in runs of a few megabytes and merges them, and with a helper thread it
 * sorts two runs at once (the reader's core is free by then). The widest index took 1.8–2.0 s
 * sorted at once in a 64 MB cache; in runs of 4 MB, 1.1 s alone and 0.86 s with two threads.
 */
const INDEX_BUILD_CACHE_KB = 4000;
const INDEX_BUILD_THREADS = 2;

/** Rows per INSERT statement on SQLite: fewer statements to step through, measured faster. */
const ROWS_PER_INSERT = 16;

/**
 * The importer's prepared statements on the raw connection (the hot path of a million-row
 * import): look events up by source id, insert and update them.
 */
class SqliteStatements {
  private readonly insertOne;
  private readonly insertMany;
  private readonly updateOne;
  private readonly find;
  private readonly count;
  private readonly rows;
  private readonly params: unknown[] = new Array(EVENT_COLUMNS.length * ROWS_PER_INSERT);

  constructor(readonly store: SqliteStore) {
    const raw = store.raw;
    const tuple = `(${EVENT_COLUMNS.map(() => '?').join(', ')})`;
    const insertSql = (n: number) =>
      `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${new Array(n).fill(tuple).join(', ')}`;
    this.insertOne = raw.prepare(insertSql(1));
    this.insertMany = raw.prepare(insertSql(ROWS_PER_INSERT));
    this.updateOne = raw.prepare(
      `UPDATE events SET ${EVENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    );
    // One statement per batch: the ids go in as one JSON array.
    this.find = raw.prepare(
      `SELECT source_event_id, ${STORED_KEY_COLUMNS.join(', ')} FROM events WHERE source = ? AND source_event_id IN (SELECT value FROM json_each(?))`,
    );
    this.count = raw.prepare('SELECT count(*) AS n FROM events WHERE source = ?').pluck();
    this.rows = raw.prepare(
      `SELECT id, ${EVENT_COLUMNS.join(', ')} FROM events WHERE id IN (SELECT value FROM json_each(?))`,
    );
  }

  /** Stored events whole, by id. */
  storedRows(ids: readonly number[]): Map<number, Record<string, unknown>> {
    const rows = this.rows.all(JSON.stringify(ids)) as (Record<string, unknown> & { id: number })[];
    return new Map(rows.map((r) => [Number(r.id), r]));
  }

  countSource(source: string): number {
    return this.count.get(source) as number;
  }

  lookup(source: string, ids: readonly string[]): Map<string, StoredEventKeys> {
    const found = new Map<string, StoredEventKeys>();
    for (const r of this.find.all(source, JSON.stringify(ids)) as (StoredEventKeys & {
      source_event_id: string;
    })[]) {
      found.set(r.source_event_id, r);
    }
    return found;
  }

  insert(importId: number, rows: readonly EventValues[]): void {
    const width = EVENT_COLUMNS.length;
    const params = this.params;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
      for (let k = 0; k < ROWS_PER_INSERT; k++) {
        const r = rows[i + k];
        for (let c = 0; c < width; c++) params[k * width + c] = r[c];
        params[k * width + COL.import_id] = importId;
      }
      this.insertMany.run(params);
    }
    for (; i < rows.length; i++) {
      const v = rows[i].slice();
      v[COL.import_id] = importId;
      this.insertOne.run(v);
    }
  }

  /** Inserts every row of a packed batch (the bulk path: a file of new events). */
  insertPacked(importId: number, unpacker: RowUnpacker, rows: PackedRows): void {
    const width = EVENT_COLUMNS.length;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.count; i += ROWS_PER_INSERT) {
      for (let k = 0; k < ROWS_PER_INSERT; k++) unpacker.fill(rows, i + k, this.params, k * width, importId);
      this.insertMany.run(this.params);
    }
    const one: unknown[] = new Array(width);
    for (; i < rows.count; i++) {
      unpacker.fill(rows, i, one, 0, importId);
      this.insertOne.run(one);
    }
  }

  update(importId: number, rows: readonly { id: number; row: EventValues }[]): void {
    for (const { id, row } of rows) {
      const v = row.slice();
      v[COL.import_id] = importId;
      this.updateOne.run([...v, id]);
    }
  }

  /** Runs `fn`, which builds indexes over the events, with the settings that build them fastest. */
  async buildingIndexes<T>(fn: () => Promise<T>): Promise<T> {
    const raw = this.store.raw;
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
  }
}

/**
 * One file's events on SQLite, batch by batch: rows of a source the store does not hold go in as
 * they are (nothing to look up); others are looked up by source id, and inserted, updated or only
 * counted. A large file whose first batch is mostly new drops the secondary indexes and builds
 * them once at the end, and a first import of a source the unique index too.
 */
class SqliteFileWriter implements FileWriter {
  /** Whether the store held events of a source when this file began (earlier files included). */
  private readonly sourceHasRows = new Map<string, boolean>();
  private readonly indexes: { decided: boolean; dropped: boolean; sourceIdDropped: boolean };
  private readonly out: FileCounts = { imported: 0, updated: 0, unchanged: 0 };

  constructor(
    private readonly s: SqliteStatements,
    private readonly c: FileWriterContext,
  ) {
    this.indexes = { decided: !c.large, dropped: false, sourceIdDropped: false };
  }

  private hasRows(source: string): boolean {
    let has = this.sourceHasRows.get(source);
    if (has === undefined) {
      has = this.s.countSource(source) > 0;
      this.sourceHasRows.set(source, has);
    }
    return has;
  }

  /**
   * Called before rows are written, with the share of them that are new; `firstOfSource` when
   * they are all of one source the store does not hold, so nothing will be looked up. A file
   * imported again keeps its indexes, as it will write little or nothing.
   */
  private async decideIndexes(newShare: number, firstOfSource = false): Promise<void> {
    const indexes = this.indexes;
    if (indexes.decided) return;
    indexes.decided = true;
    indexes.dropped = newShare >= 0.5;
    const db = this.s.store.db;
    if (indexes.dropped) await dropBulkIndexes(db);
    // Rows of a first import cannot collide (ids repeated in the file are set aside while
    // reading), so the unique index is built once at the end too, which checks every row; a later
    // batch that looks rows up brings it back first (restoreSourceIdIndex).
    if (indexes.dropped && firstOfSource) {
      await dropSourceIdIndex(db);
      indexes.sourceIdDropped = true;
    }
  }

  private async restoreSourceIdIndex(): Promise<void> {
    if (!this.indexes.sourceIdDropped) return;
    this.indexes.sourceIdDropped = false;
    await createSourceIdIndex(this.s.store.db);
  }

  async write(unpacker: RowUnpacker, packed: PackedRows): Promise<void> {
    if (!packed.count) return;
    // A batch of one source whose events the store does not hold yet goes in as it is.
    const source = unpacker.source(packed, 0);
    let oneSource = true;
    for (let i = 1; i < packed.count && oneSource; i++) oneSource = unpacker.source(packed, i) === source;
    if (oneSource && !this.hasRows(source)) {
      await this.decideIndexes(1, true);
      this.s.insertPacked(this.c.importId, unpacker, packed);
      this.out.imported += packed.count;
      return;
    }
    const bySource = new Map<string, EventValues[]>();
    for (let i = 0; i < packed.count; i++) {
      const v = unpacker.row(packed, i);
      const source = v[COL.source] as string;
      const list = bySource.get(source);
      if (list) list.push(v);
      else bySource.set(source, [v]);
    }
    for (const [source, list] of bySource) await this.writeSource(source, list);
  }

  /** Rows of one source, looked up first when the store holds that source. */
  private async writeSource(source: string, list: EventValues[]): Promise<void> {
    const { importId, counts, guard } = this.c;
    if (!this.hasRows(source)) {
      await this.decideIndexes(1);
      this.s.insert(importId, list);
      this.out.imported += list.length;
      return;
    }
    await this.restoreSourceIdIndex();
    const existing = this.s.lookup(
      source,
      list.map((v) => v[COL.source_event_id] as string),
    );
    const inserts: EventValues[] = [];
    const updates: { id: number; row: EventValues }[] = [];
    // Rows whose hash differs are read whole, once, to tell a change from the same values hashed
    // otherwise (sameStoredValues): few, as a file imported again holds few changes.
    const differing = new Set<number>();
    for (const v of list) {
      const old = existing.get(v[COL.source_event_id] as string);
      if (old && !sameContent(old.content_hash, v)) differing.add(old.id);
    }
    const stored = differing.size
      ? this.s.storedRows([...differing])
      : new Map<number, Record<string, unknown>>();
    for (const v of list) {
      const old = existing.get(v[COL.source_event_id] as string);
      if (!old) inserts.push(v);
      else if (differing.has(old.id) && !sameStoredValues(stored.get(old.id) ?? {}, v)) {
        // A refused change is only tallied: the import fails as a whole before commit.
        if (!guard.allows(old.sensitivity)) continue;
        updates.push({ id: old.id, row: v });
        counts.add(countedFromStored(old), -1);
      } else {
        // Left as it is, but named: refused when above the importer's clearance (mayName).
        if (!guard.mayName(old.sensitivity)) continue;
        this.out.unchanged++;
        counts.addValues(v, -1);
      }
    }
    await this.decideIndexes(inserts.length / list.length);
    this.s.insert(importId, inserts);
    this.s.update(importId, updates);
    this.out.imported += inserts.length;
    this.out.updated += updates.length;
  }

  async pause(): Promise<void> {}

  async finish(): Promise<FileCounts> {
    await this.s.buildingIndexes(async () => {
      await this.restoreSourceIdIndex();
      if (this.indexes.dropped) await createBulkIndexes(this.s.store.db);
    });
    return { ...this.out };
  }

  async abort(): Promise<void> {}
}

function primaryKeyOf(store: SqliteStore, table: string): string[] {
  const raw = store.raw;
  const pk = (raw.pragma(`index_list(${table})`) as { name: string; origin: string }[]).find(
    (i) => i.origin === 'pk',
  );
  if (!pk) return [];
  return (raw.pragma(`index_info(${pk.name})`) as { seqno: number; name: string }[])
    .sort((a, b) => a.seqno - b.seqno)
    .map((c) => c.name);
}

/**
 * Prepared multi-row upserts into the aggregate tables: Kysely building one statement of
 * thousands of values cost more than the upserts themselves.
 */
function sqliteCountUpsert(store: SqliteStore): CountUpsert {
  return async (table, keys, measures, rows) => {
    const raw = store.raw;
    const per = 100;
    const cols = [...keys, ...measures];
    const tupleSql = `(${cols.map(() => '?').join(', ')})`;
    const sqlFor = (n: number) =>
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${new Array(n).fill(tupleSql).join(', ')} ` +
      `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ')}`;
    const many = raw.prepare(sqlFor(per));
    // In the order of the table's primary key, so the upserts walk its index instead of
    // jumping about it (measured two to three times faster).
    const pk = primaryKeyOf(store, table).map((c) => cols.indexOf(c));
    const sorted = [...rows].sort((a, b) => {
      for (const j of pk) if (a[j] !== b[j]) return a[j] < b[j] ? -1 : 1;
      return 0;
    });
    let i = 0;
    for (; i + per <= sorted.length; i += per) many.run(sorted.slice(i, i + per).flat());
    if (i < sorted.length) raw.prepare(sqlFor(sorted.length - i)).run(sorted.slice(i).flat());
  };
}

/**
 * Runs `fn` inside one SQLite transaction (BEGIN IMMEDIATE on the raw connection, which Kysely's
 * handle shares). A large import runs with a rollback journal instead of the write-ahead log,
 * which would write every new page twice (into the log, then into the database at commit); it is
 * all or nothing just the same, a kill leaving a journal that the next opening rolls back. When
 * another connection has the store open the mode cannot change, and the log is kept.
 */
export function withSqliteImport<T>(
  store: SqliteStore,
  large: boolean,
  fn: (d: DialectImport) => Promise<T>,
): Promise<T> {
  // Imports on one connection take turns: each holds a transaction across awaits, and a second
  // BEGIN on the same connection would fail (a server recording incidents for many people at once).
  return oneAtATime(store.raw, () => importOnce(store, large, fn));
}

const turns = new WeakMap<object, Promise<unknown>>();

/** Runs `fn` after every earlier call for the same key has finished. */
async function oneAtATime<T>(key: object, fn: () => Promise<T>): Promise<T> {
  const before = turns.get(key) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((r) => {
    done = r;
  });
  turns.set(
    key,
    before.then(() => mine),
  );
  await before.catch(() => {});
  try {
    return await fn();
  } finally {
    done();
  }
}

async function importOnce<T>(
  store: SqliteStore,
  large: boolean,
  fn: (d: DialectImport) => Promise<T>,
): Promise<T> {
  let journal = false;
  if (large && store.raw.pragma('journal_mode', { simple: true }) === 'wal') {
    try {
      // DELETE rather than TRUNCATE: going back to WAL would leave a truncated journal file behind.
      journal = store.raw.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
    } catch {
      // Another connection has the store open (SQLITE_BUSY): stay with the log.
    }
  }
  try {
    store.raw.exec('BEGIN IMMEDIATE');
    try {
      const statements = new SqliteStatements(store);
      const result = await fn({
        db: store.db,
        startFile: (context) => new SqliteFileWriter(statements, context),
        upsertCounts: sqliteCountUpsert(store),
      });
      refreshEventStatistics(store.raw, large);
      store.raw.exec('COMMIT');
      return result;
    } catch (e) {
      if (store.raw.inTransaction) store.raw.exec('ROLLBACK');
      throw e;
    }
  } finally {
    if (journal) {
      try {
        store.raw.pragma('journal_mode = WAL');
      } catch {
        // Someone opened the store meanwhile; the next opening (openSqliteStore) sets WAL again.
      }
    }
  }
}
