import { once } from 'node:events';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CountAccumulator } from '../count-accumulator.ts';
import { countedFromStored } from '../count-accumulator.ts';
import {
  COL,
  EVENT_COLUMNS,
  type EventValues,
  legacyContentHash,
  type StoredEventKeys,
} from '../event-columns.ts';
import type { PackedRows, RowUnpacker } from '../packed-rows.ts';
import type { Database } from '../schema.ts';
import type { SensitivityGuard } from '../sensitivity-guard.ts';
import type { PostgresStore } from './postgres-store.ts';

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
const STAGE_INDEXES = STAGE_COLUMNS.map((c) => COL[c]);
const STAGE_LIST = STAGE_COLUMNS.join(', ');
/** What the aggregates count of an event (StoredEventKeys but id, hash and sensitivity). */
const COUNTED = [
  'country',
  'admin1',
  'admin2',
  'month',
  'violence_type',
  'actor1',
  'actor1_category',
  'actor2',
  'actor2_category',
  'fatalities',
  'civilian_fatalities',
  'civilian_targeting',
  'civilian_targeting_derived',
] as const;
const MATCH = 'e.source = s.source AND e.source_event_id = s.source_event_id';

/** A value in COPY's text format: tab-separated, \N for null, backslash escapes. */
function copyText(x: string | number | null): string {
  if (x === null) return '\\N';
  if (typeof x === 'number') return String(x);
  return SPECIAL.test(x) ? x.replace(ESCAPES, (c) => ESCAPED[c]) : x;
}
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export interface PostgresFileCounts {
  imported: number;
  updated: number;
  unchanged: number;
}

/**
 * One file's events on PostgreSQL: its rows stream with COPY into a temporary staging table (no
 * log, no index) and are merged into `events` when the file ends, with a few statements whatever
 * the file's size: new rows inserted, changed ones updated, unchanged ones only counted. What the
 * aggregates must give back (unchanged rows, which the reader counted in, and the old values of
 * changed ones) is read grouped, so a re-import of a million unchanged rows reads a few thousand
 * groups, not a million rows. Files are merged one after another, so a later file of the same
 * command sees the rows of an earlier one, as on SQLite.
 */
export class PostgresFileImport {
  private copy: ReturnType<typeof copyFrom> | null = null;
  private readonly row: EventValues = new Array(EVENT_COLUMNS.length);

  private constructor(
    private readonly client: pg.PoolClient,
    private readonly importId: number,
    private readonly counts: CountAccumulator,
    private readonly guard: SensitivityGuard,
  ) {}

  static async start(
    client: pg.PoolClient,
    importId: number,
    counts: CountAccumulator,
    guard: SensitivityGuard,
  ): Promise<PostgresFileImport> {
    // Temporary, so neither logged nor seen by anyone else; dropped when the transaction ends.
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS event_stage ON COMMIT DROP AS SELECT ${STAGE_LIST} FROM events WITH NO DATA`,
    );
    await client.query('TRUNCATE event_stage');
    const f = new PostgresFileImport(client, importId, counts, guard);
    f.copy = client.query(copyFrom(`COPY event_stage (${STAGE_LIST}) FROM STDIN`));
    return f;
  }

  /** Streams a packed batch's rows into the staging table. */
  async write(unpacker: RowUnpacker, p: PackedRows): Promise<void> {
    const copy = this.copy as NonNullable<typeof this.copy>;
    const row = this.row;
    const lines: string[] = [];
    for (let i = 0; i < p.count; i++) {
      unpacker.fill(p, i, row, 0, 0);
      let line = '';
      for (let k = 0; k < STAGE_INDEXES.length; k++) {
        if (k) line += '\t';
        line += copyText(row[STAGE_INDEXES[k]]);
      }
      lines.push(line);
    }
    if (!lines.length) return;
    if (!copy.write(`${lines.join('\n')}\n`)) await Promise.race([once(copy, 'drain'), once(copy, 'error')]);
  }

  /** Ends the stream and merges the staged rows into the events. */
  async finish(): Promise<PostgresFileCounts> {
    const copy = this.copy as NonNullable<typeof this.copy>;
    this.copy = null;
    const done = once(copy, 'finish');
    copy.end();
    await done;
    const staged = copy.rowCount;
    const out: PostgresFileCounts = { imported: 0, updated: 0, unchanged: 0 };
    if (!staged) return out;
    const c = this.client;
    const sources = (await c.query<{ source: string }>('SELECT DISTINCT source FROM event_stage')).rows;
    let held = false;
    for (const { source } of sources)
      held ||= (await c.query('SELECT 1 FROM events WHERE source = $1 LIMIT 1', [source])).rowCount === 1;
    if (held) {
      // The planner knows nothing of a fresh temporary table until it is analysed.
      await c.query('ANALYZE event_stage');
      await this.acceptLegacyHashes();
      const changedLevels = await c.query<{ sensitivity: string; n: number }>(
        `SELECT e.sensitivity, count(*) AS n FROM event_stage s JOIN events e ON ${MATCH}
         WHERE e.content_hash <> s.content_hash GROUP BY e.sensitivity`,
      );
      let refused = false;
      for (const r of changedLevels.rows) if (!this.guard.allows(r.sensitivity, Number(r.n))) refused = true;
      // The import fails as a whole (SensitivityGuard.assertClear); nothing of this file is merged.
      if (refused) return out;
      out.unchanged = await this.takeBack('e.content_hash = s.content_hash');
      await this.takeBack('e.content_hash <> s.content_hash');
      const updated = await c.query(
        `UPDATE events e SET ${STAGE_COLUMNS.map((col) => `${col} = s.${col}`).join(', ')}, import_id = $1
         FROM event_stage s WHERE ${MATCH} AND e.content_hash <> s.content_hash`,
        [this.importId],
      );
      out.updated = updated.rowCount ?? 0;
    }
    const inserted = await c.query(
      `INSERT INTO events (${STAGE_LIST}, import_id) SELECT ${STAGE_LIST}, $1 FROM event_stage s` +
        (held ? ` WHERE NOT EXISTS (SELECT 1 FROM events e WHERE ${MATCH})` : ''),
      [this.importId],
    );
    out.imported = inserted.rowCount ?? 0;
    return out;
  }

  /**
   * Takes out of the aggregates what the reader counted in for rows that match a stored event on
   * `condition`: for unchanged rows their own counts, for changed ones the stored event's old
   * counts. Returns how many rows matched.
   */
  private async takeBack(condition: string): Promise<number> {
    const cols = COUNTED.map((col) => `e.${col}`).join(', ');
    const groups = await this.client.query<StoredEventKeys & { n: number }>(
      `SELECT ${cols}, count(*) AS n FROM event_stage s JOIN events e ON ${MATCH} WHERE ${condition} GROUP BY ${cols}`,
    );
    let n = 0;
    for (const g of groups.rows) {
      this.counts.add(countedFromStored(g), -Number(g.n));
      n += Number(g.n);
    }
    return n;
  }

  /**
   * Events stored before the hash changed carry the older MD5 hash; a staged row whose older hash
   * matches is the same event, so it takes the stored hash and is then found unchanged.
   */
  private async acceptLegacyHashes(): Promise<void> {
    const c = this.client;
    const old = await c.query<Record<string, string | number | null> & { stored_hash: string }>(
      `SELECT ${STAGE_COLUMNS.map((col) => `s.${col}`).join(', ')}, e.content_hash AS stored_hash
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
    }
  }
}
