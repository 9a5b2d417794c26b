import { once } from 'node:events';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CountAccumulator, CountUpsert } from '../count-accumulator.ts';
import { countedFromStored } from '../counted-event.ts';
import {
  EVENT_COLUMNS,
  type EventValues,
  legacyContentHash,
  REGISTER_FILLED_COLUMNS,
  STORED_KEY_COLUMNS,
  type StoredEventKeys,
} from '../event-columns.ts';
import type { DialectImport, FileCounts, FileWriter, FileWriterContext } from '../event-import.ts';
import {
  createBulkIndexes,
  createSourceIdIndex,
  dropBulkIndexes,
  dropSourceIdIndex,
} from '../event-indexes.ts';
import { PACKED_COLUMN_ORDER, type PackedRows, type RowUnpacker } from '../packed-rows.ts';
import type { Database } from '../schema.ts';
import type { SensitivityGuard } from '../sensitivity-guard.ts';
import { CopyRowsEncoder, copyText } from './copy-rows-encoder.ts';
import type { PostgresStore } from './postgres-store.ts';

/**
 * The advisory lock imports take turns under. An import reads the stored rows it will replace and
 * takes their old values off the counts: two at once on the same events each took the old values
 * off from its own read, both changes were counted, and the count tables no longer summed the
 * events (a probe: 29,011 deaths counted, 26,421 stored). SQLite's imports already take turns
 * (BEGIN IMMEDIATE); on the shared server the second waits for the first to commit.
 */
const IMPORT_LOCK = 0x74616e64;

/** Runs `fn` with PostgreSQL's side of an import, in one transaction on one connection, one import at a time. */
export function withPostgresImport<T>(
  store: PostgresStore,
  fn: (d: DialectImport) => Promise<T>,
): Promise<T> {
  return withPostgresConnection(store, async (client, db) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    return fn({
      db,
      startFile: (context) => new PostgresFileImport(client, db, context),
      upsertCounts: postgresCountUpsert(client),
    });
  });
}

/**
 * Runs `fn` in one transaction on one connection of the pool, with a Kysely handle on that same
 * connection: the import streams rows with COPY, which Kysely cannot do, and writes everything
 * else through Kysely, all of it committed together or not at all.
 */
export async function withPostgresConnection<T>(
  store: PostgresStore,
  fn: (client: pg.PoolClient, db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const client = await store.pool.connect();
  // Kysely asks its pool for a connection per query and releases it after: this pool always
  // lends the one connection the transaction runs on, and never closes it.
  const lent = {
    query: client.query.bind(client) as never,
    release() {},
  };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: async () => lent, end: async () => {} } }),
  });
  let broken = false;
  try {
    await client.query('BEGIN');
    try {
      const result = await fn(client, db);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw e;
    }
  } finally {
    client.release(broken);
  }
}

/** The staged columns: every event column but the import id, which the merge fills in. */
const STAGE_COLUMNS = EVENT_COLUMNS.filter((c) => c !== 'import_id');
const STAGE_LIST = STAGE_COLUMNS.join(', ');
/** The columns as COPY receives them: in the packed rows' order (import id apart). */
const PACKED_LIST = PACKED_COLUMN_ORDER.map((i) => EVENT_COLUMNS[i]).join(', ');
/** What the aggregates count of an event: its stored keys but id, hash and sensitivity. */
const COUNTED = STORED_KEY_COLUMNS.filter((c) => c !== 'id' && c !== 'content_hash' && c !== 'sensitivity');
const MATCH = 'e.source = s.source AND e.source_event_id = s.source_event_id';

/** Waits until a COPY stream takes more data, or fails (without leaving a listener behind). */
function drained(copy: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = () => {
      copy.off('error', fail);
      resolve();
    };
    const fail = (e: Error) => {
      copy.off('drain', ok);
      reject(e);
    };
    copy.once('drain', ok);
    copy.once('error', fail);
  });
}

/**
 * One file's events on PostgreSQL. Rows stream with COPY, whose cost is close to that of the bare
 * table: straight into `events` while they are all of one source the store does not hold (a first
 * import, where no row can match a stored one), otherwise into a temporary staging table (no log,
 * no index) that is merged into `events` when the file ends, with a few statements whatever its
 * size: new rows inserted, changed ones updated, unchanged ones only counted. What the aggregates
 * must give back (unchanged rows, which the reader counted in, and the old values of changed ones)
 * is read grouped, so a re-import of a million unchanged rows reads a few thousand groups, not a
 * million rows. Files are merged one after another, so a later file of the same command sees the
 * rows of an earlier one, as on SQLite.
 */
export class PostgresFileImport implements FileWriter {
  private copy: ReturnType<typeof copyFrom> | null = null;
  /** Where rows go: straight into `events` (rows of `direct`'s source), or to the staging table. */
  private mode: 'none' | 'direct' | 'staging' = 'none';
  private direct = '';
  private staged = 0;
  private indexesDropped = false;
  /** Rows written straight into `events`. */
  private directWritten = 0;
  private readonly encoder = new CopyRowsEncoder();
  private readonly importId: number;
  private readonly counts: CountAccumulator;
  private readonly guard: SensitivityGuard;
  private readonly large: boolean;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly db: Kysely<Database>,
    context: FileWriterContext,
  ) {
    this.importId = context.importId;
    this.counts = context.counts;
    this.guard = context.guard;
    this.large = context.large;
  }

  /** Streams a packed batch's rows, into `events` or into the staging table. */
  async write(unpacker: RowUnpacker, p: PackedRows): Promise<void> {
    if (!p.count) return;
    if (this.mode === 'none') {
      const source = unpacker.source(p, 0);
      if (await this.holds(source)) await this.startStaging();
      else await this.startDirect(source);
    }
    let from = 0;
    if (this.mode === 'direct') {
      while (from < p.count && unpacker.source(p, from) === this.direct) from++;
      await this.send(unpacker, p, 0, from);
      if (from === p.count) return;
      // A row of another source: the rest of the file is staged and merged.
      this.directWritten += await this.endCopy();
      await this.startStaging();
    }
    await this.send(unpacker, p, from, p.count);
  }

  async pause(): Promise<void> {
    const written = await this.endCopy();
    if (this.mode === 'direct') this.directWritten += written;
  }

  private async holds(source: string): Promise<boolean> {
    return (
      (await this.client.query('SELECT 1 FROM events WHERE source = $1 LIMIT 1', [source])).rowCount === 1
    );
  }

  private async startDirect(source: string): Promise<void> {
    this.mode = 'direct';
    this.direct = source;
    if (this.large) {
      // Rows of a first import cannot collide (ids repeated in the file are set aside while
      // reading), so the unique index goes too; building it again at the end checks every row.
      await dropBulkIndexes(this.db);
      await dropSourceIdIndex(this.db);
      this.indexesDropped = true;
    }
  }

  private async startStaging(): Promise<void> {
    this.mode = 'staging';
    // The unique index is what the merge matches rows by.
    if (this.indexesDropped) await createSourceIdIndex(this.db);
    // Temporary, so neither logged nor seen by anyone else; dropped when the transaction ends.
    await this.client.query(
      `CREATE TEMP TABLE IF NOT EXISTS event_stage ON COMMIT DROP AS SELECT ${STAGE_LIST} FROM events WITH NO DATA`,
    );
    await this.client.query('TRUNCATE event_stage');
  }

  private async send(unpacker: RowUnpacker, p: PackedRows, from: number, to: number) {
    if (from === to) return;
    if (this.failure) throw this.failure;
    const direct = this.mode === 'direct';
    if (!this.copy) {
      this.copy = this.watch(
        this.client.query(
          copyFrom(
            direct
              ? `COPY events (${PACKED_LIST}, import_id) FROM STDIN`
              : `COPY event_stage (${PACKED_LIST}) FROM STDIN`,
          ),
        ),
      );
    }
    const copy = this.copy;
    const bytes = this.encoder.encode(unpacker, p, from, to, direct ? `\t${this.importId}` : '');
    if (!direct) this.staged += to - from;
    if (!copy.write(bytes)) await drained(copy);
  }

  /** A COPY's failure is kept, to be thrown by the next write or at the end, never left unhandled. */
  private failure: Error | null = null;
  private watch(copy: ReturnType<typeof copyFrom>): ReturnType<typeof copyFrom> {
    copy.on('error', (e) => {
      this.failure ??= e;
    });
    return copy;
  }

  /**
   * Abandons the COPY under way, when the import fails: the connection takes no other statement
   * (not even the ROLLBACK) until the server is told the COPY failed.
   */
  async abort(): Promise<void> {
    const copy = this.copy;
    if (!copy) return;
    this.copy = null;
    const closed = once(copy, 'close').catch(() => {});
    copy.destroy(new Error('the import was abandoned'));
    await closed;
  }

  /** Ends the COPY under way; returns the rows it wrote. */
  private async endCopy(): Promise<number> {
    const copy = this.copy;
    if (!copy) return 0;
    this.copy = null;
    if (this.failure) throw this.failure;
    const done = once(copy, 'finish');
    copy.end();
    await done;
    return copy.rowCount;
  }

  /** Ends the stream, merges any staged rows into the events, and rebuilds dropped indexes. */
  async finish(): Promise<FileCounts> {
    await this.pause();
    // Rows that went straight in are all new; the staged ones are merged.
    const out: FileCounts = { imported: this.directWritten, updated: 0, unchanged: 0 };
    if (this.staged) {
      const merged = await this.merge();
      out.imported += merged.imported;
      out.updated = merged.updated;
      out.unchanged = merged.unchanged;
    }
    if (this.indexesDropped) {
      // A larger sort memory for this transaction only: each index is sorted once.
      await this.client.query("SET LOCAL maintenance_work_mem = '256MB'");
      await createSourceIdIndex(this.db);
      await createBulkIndexes(this.db);
    }
    return out;
  }

  private async merge(): Promise<FileCounts> {
    const c = this.client;
    const out: FileCounts = { imported: 0, updated: 0, unchanged: 0 };
    const sources = (await c.query<{ source: string }>('SELECT DISTINCT source FROM event_stage')).rows;
    let held = false;
    for (const { source } of sources) held ||= await this.holds(source);
    let matched = 0;
    if (held) {
      // The planner knows nothing of a fresh temporary table until it is analysed.
      await c.query('ANALYZE event_stage');
      // One join finds every staged row's stored event, with what the rest of the merge needs.
      await c.query(
        `CREATE TEMP TABLE IF NOT EXISTS event_match ON COMMIT DROP AS SELECT e.id, e.content_hash AS stored_hash,
           e.sensitivity, ${COUNTED.map((col) => `e.${col}`).join(', ')}, true AS same FROM events e WITH NO DATA`,
      );
      await c.query('TRUNCATE event_match');
      const found = await c.query(
        `INSERT INTO event_match SELECT e.id, e.content_hash, e.sensitivity, ${COUNTED.map((col) => `e.${col}`).join(', ')},
           e.content_hash = s.content_hash FROM event_stage s JOIN events e ON ${MATCH}`,
      );
      matched = found.rowCount ?? 0;
      if (matched) {
        await this.acceptLegacyHashes();
        await this.acceptSameValues();
      }
      const levels = await c.query<{ sensitivity: string; same: boolean; n: number }>(
        'SELECT sensitivity, same, count(*) AS n FROM event_match GROUP BY sensitivity, same',
      );
      let refused = false;
      let changed = 0;
      for (const r of levels.rows) {
        if (r.same) {
          // Left as they are, but named: refused above the importer's clearance (mayName).
          if (!this.guard.mayName(r.sensitivity, Number(r.n))) refused = true;
          continue;
        }
        changed += Number(r.n);
        if (!this.guard.allows(r.sensitivity, Number(r.n))) refused = true;
      }
      // The import fails as a whole (SensitivityGuard.assertClear); nothing of this file is merged.
      if (refused) return out;
      // The reader counted every row in from the file; what comes back out is, for an unchanged
      // row, what was counted in (the file's values: its stored ones may differ where the actor
      // register has since given a category), and for a changed row the old values it replaces.
      const cols = COUNTED.join(', ');
      const back = await c.query<StoredEventKeys & { n: number; same: boolean }>(
        `SELECT ${cols}, count(*) AS n, false AS same FROM event_match WHERE NOT same GROUP BY ${cols}
         UNION ALL
         SELECT ${COUNTED.map((col) => `s.${col}`).join(', ')}, count(*) AS n, true AS same
         FROM event_match m JOIN events e ON e.id = m.id JOIN event_stage s ON ${MATCH}
         WHERE m.same GROUP BY ${COUNTED.map((col) => `s.${col}`).join(', ')}`,
      );
      for (const g of back.rows) {
        this.counts.add(countedFromStored(g), -Number(g.n));
        if (g.same) out.unchanged += Number(g.n);
      }
      if (changed) {
        const updated = await c.query(
          `UPDATE events e SET ${STAGE_COLUMNS.map((col) => `${col} = s.${col}`).join(', ')}, import_id = $1
           FROM event_stage s WHERE ${MATCH} AND e.content_hash <> s.content_hash`,
          [this.importId],
        );
        out.updated = updated.rowCount ?? 0;
      }
    }
    if (matched < this.staged) {
      const inserted = await c.query(
        `INSERT INTO events (${STAGE_LIST}, import_id) SELECT ${STAGE_LIST}, $1 FROM event_stage s` +
          (held ? ` WHERE NOT EXISTS (SELECT 1 FROM events e WHERE ${MATCH})` : ''),
        [this.importId],
      );
      out.imported = inserted.rowCount ?? 0;
    }
    return out;
  }

  /**
   * Rows whose hash differs but whose values are the stored ones (sameStoredValues, said in SQL):
   * every column the same, but a category the register filled where the file leaves it empty.
   * They are unchanged: their staged hash becomes the stored one, so the update passes them by.
   */
  private async acceptSameValues(): Promise<void> {
    const c = this.client;
    const filled = REGISTER_FILLED_COLUMNS as readonly string[];
    const equal = STAGE_COLUMNS.filter((col) => col !== 'content_hash').map((col) =>
      filled.includes(col)
        ? `(s.${col} IS NULL OR s.${col} = e.${col})`
        : `s.${col} IS NOT DISTINCT FROM e.${col}`,
    );
    const same = await c.query(
      `UPDATE event_stage s SET content_hash = e.content_hash FROM event_match m JOIN events e ON e.id = m.id
       WHERE NOT m.same AND ${MATCH} AND ${equal.join(' AND ')}`,
    );
    if (!same.rowCount) return;
    await c.query(
      `UPDATE event_match m SET same = true FROM events e, event_stage s
       WHERE NOT m.same AND e.id = m.id AND ${MATCH} AND s.content_hash = e.content_hash`,
    );
  }

  /**
   * Events stored before the hash changed carry the older MD5 hash; a staged row whose older hash
   * matches is the same event, so it takes the stored hash and is then found unchanged.
   */
  private async acceptLegacyHashes(): Promise<void> {
    const c = this.client;
    const old = await c.query<Record<string, string | number | null> & { stored_hash: string; id: number }>(
      `SELECT ${STAGE_COLUMNS.map((col) => `s.${col}`).join(', ')}, e.content_hash AS stored_hash, e.id
       FROM event_stage s JOIN events e ON ${MATCH} WHERE e.content_hash NOT LIKE 'v2:%'`,
    );
    for (const r of old.rows) {
      const v: EventValues = EVENT_COLUMNS.map((col) => (col === 'import_id' ? 0 : r[col]));
      if (legacyContentHash(v) !== r.stored_hash) continue;
      await c.query('UPDATE event_stage SET content_hash = $1 WHERE source = $2 AND source_event_id = $3', [
        r.stored_hash,
        r.source,
        r.source_event_id,
      ]);
      await c.query('UPDATE event_match SET same = true WHERE id = $1', [r.id]);
    }
  }
}

/**
 * The aggregates' CountUpsert on PostgreSQL: the net changes stream with COPY into a temporary
 * table and go in with one INSERT per table (Kysely building multi-row statements of tens of
 * thousands of keys cost more than the import's writing). Into an empty table (a first import)
 * the rows go in as a plain INSERT, under a savepoint: every key is new, and ON CONFLICT's probe
 * of the key before each insertion doubled the cost (41,000 event_counts and 48,000
 * actor_counts rows of the 1M-row bench file: 1.3 and 1.6 s with it, 0.6 and 0.5 s without, on a
 * loaded machine). A key someone else inserted meanwhile fails the plain INSERT, which is rolled
 * back to the savepoint and done again as the upsert. Otherwise the rows are upserted in key order,
 * so that the insertions walk the primary key instead of jumping about it (a third faster).
 */
export function postgresCountUpsert(client: pg.PoolClient): CountUpsert {
  return async (table, keys, measures, rows) => {
    if (!rows.length) return;
    const cols = [...keys, ...measures].join(', ');
    const delta = `${table}_delta`;
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS ${delta} ON COMMIT DROP AS SELECT ${cols} FROM ${table} WITH NO DATA`,
    );
    await client.query(`TRUNCATE ${delta}`);
    const copy = client.query(copyFrom(`COPY ${delta} (${cols}) FROM STDIN`));
    const done = once(copy, 'finish');
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows
        .slice(i, i + 5000)
        .map((r) => r.map(copyText).join('\t'))
        .join('\n');
      if (!copy.write(`${chunk}\n`)) await drained(copy);
    }
    copy.end();
    await done;
    const insert = `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM ${delta} ORDER BY ${keys.join(', ')}`;
    if ((await client.query(`SELECT 1 FROM ${table} LIMIT 1`)).rowCount === 0) {
      await client.query('SAVEPOINT count_insert');
      try {
        await client.query(insert);
        await client.query('RELEASE SAVEPOINT count_insert');
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
        await client.query('ROLLBACK TO SAVEPOINT count_insert');
      }
    }
    await client.query(
      `${insert} ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(', ')}`,
    );
  };
}

const UNIQUE_VIOLATION = '23505';
