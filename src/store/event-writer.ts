import { hash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ConflictEvent } from '../domain/conflict-event.ts';
import type { ReadProblem } from '../domain/read-problem.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import type { PostgresStore } from './postgres/postgres-store.ts';
import type { Database } from './schema.ts';
import type { SqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

/** What the importer needs to know of an event already stored: its hash and its aggregate keys. */
export interface StoredEventKeys {
  id: number;
  content_hash: string;
  country: string;
  admin1: string;
  admin2: string;
  month: string;
  violence_type: string;
  actor1: string;
  actor1_category: string | null;
  actor2: string;
  actor2_category: string | null;
  fatalities: number;
  civilian_fatalities: number | null;
  civilian_targeting: number;
  civilian_targeting_derived: number;
}

/**
 * An event ready to write: its column values in EVENT_COLUMNS order, with the content hash in
 * place and the import id left 0 for the writer to fill. Plain arrays, so a worker thread can
 * prepare them and hand them over cheaply.
 */
export type EventValues = (string | number | null)[];

/**
 * The importer's view of the database inside one transaction: look events up by source id, write
 * new and changed ones, record the import and the rows set aside. SQLite uses prepared statements
 * on the raw connection (the hot path of a million-row import); PostgreSQL multi-row inserts.
 */
export interface EventWriter {
  readonly db: Kysely<Database>;
  countSource(source: string): Promise<number>;
  countAll(): Promise<number>;
  lookup(source: string, ids: readonly string[]): Promise<Map<string, StoredEventKeys>>;
  insert(importId: number, rows: readonly EventValues[]): Promise<void>;
  update(importId: number, rows: readonly { id: number; row: EventValues }[]): Promise<void>;
  addProblems(importId: number, problems: readonly ReadProblem[]): Promise<void>;
}

/**
 * The secondary indexes on events that a bulk load may drop and rebuild: building an index once
 * over sorted keys is far cheaper than a million random insertions into it. The unique index on
 * (source, source_event_id) stays, since the import itself relies on it.
 */
const BULK_INDEXES: { name: string; columns: string[] }[] = [
  { name: 'events_country_date', columns: ['country', 'date_start'] },
  { name: 'events_import', columns: ['import_id'] },
  // The analysis's: evidence for an area or a perpetrator over a period.
  { name: 'events_perpetrator_area_date', columns: ['country', 'actor1', 'admin1', 'date_start'] },
  { name: 'events_area_date', columns: ['country', 'admin1', 'date_start'] },
];

/** Within the import's transaction: drops the bulk indexes, runs `fn`, and builds them again. */
export async function withoutBulkIndexes<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  for (const i of BULK_INDEXES) await db.schema.dropIndex(i.name).ifExists().execute();
  const result = await fn();
  for (const i of BULK_INDEXES) await db.schema.createIndex(i.name).on('events').columns(i.columns).execute();
  return result;
}

const KEY_COLUMNS =
  'id, content_hash, country, admin1, admin2, month, violence_type, actor1, actor1_category, actor2, actor2_category, fatalities, civilian_fatalities, civilian_targeting, civilian_targeting_derived';

export const EVENT_COLUMNS = [
  'source',
  'source_event_id',
  'content_hash',
  'import_id',
  'date_start',
  'date_end',
  'date_precision',
  'month',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'violence_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor1_category',
  'actor2',
  'actor2_category',
  'civilian_targeting',
  'civilian_targeting_derived',
  'fatalities',
  'fatalities_low',
  'fatalities_high',
  'civilian_fatalities',
  'notes',
  'source_text',
  'sensitivity',
] as const;

/** Where the importer finds what it needs in an EventValues row. */
export const COL = Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, i])) as Record<
  (typeof EVENT_COLUMNS)[number],
  number
>;

/**
 * An event's column values, with its content hash (import id still 0). The hash is of the
 * normalised values, not the raw row, so the same event read from CSV or GeoJSON is the same.
 */
export function eventValues(e: ConflictEvent, sensitivity: Sensitivity = 'public'): EventValues {
  const v: EventValues = [
    e.source,
    e.sourceEventId,
    '',
    0,
    e.dateStart,
    e.dateEnd,
    e.datePrecision,
    e.dateStart.slice(0, 7),
    e.country,
    e.admin1,
    e.admin2,
    e.location,
    e.latitude,
    e.longitude,
    e.geoPrecision,
    e.violenceType,
    e.eventType,
    e.subEventType,
    e.actor1,
    e.actor1Category,
    e.actor2,
    e.actor2Category,
    e.civilianTargeting ? 1 : 0,
    e.civilianTargetingDerived ? 1 : 0,
    e.fatalities,
    e.fatalitiesLow,
    e.fatalitiesHigh,
    e.civilianFatalities,
    e.notes,
    e.sourceText,
    sensitivity,
  ];
  v[COL.content_hash] = hash('md5', v.join('\u001f'));
  return v;
}

function withImport(importId: number, row: EventValues): EventValues {
  const v = row.slice();
  v[COL.import_id] = importId;
  return v;
}

function asRecord(importId: number, row: EventValues) {
  const v = withImport(importId, row);
  return Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, v[i]])) as never;
}

async function addProblemsWith(db: Kysely<Database>, importId: number, problems: readonly ReadProblem[]) {
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
        })),
      )
      .execute();
  }
}

function sqliteWriter(store: SqliteStore): EventWriter {
  const raw = store.raw;
  const placeholders = EVENT_COLUMNS.map(() => '?').join(', ');
  const insert = raw.prepare(`INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${placeholders})`);
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
      for (const r of rows) {
        r[COL.import_id] = importId;
        insert.run(r);
      }
    },
    async update(importId, rows) {
      for (const { id, row } of rows) update.run([...withImport(importId, row), id]);
    },
    addProblems: (importId, problems) => addProblemsWith(store.db, importId, problems),
  };
}

function postgresWriter(trx: Transaction<Database>): EventWriter {
  return {
    db: trx,
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
          .select([...KEY_COLUMNS.split(', '), 'source_event_id'] as never)
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
    async update(importId, rows) {
      for (const { id, row } of rows) {
        await trx.updateTable('events').set(asRecord(importId, row)).where('id', '=', id).execute();
      }
    },
    addProblems: (importId, problems) => addProblemsWith(trx, importId, problems),
  };
}

/**
 * Runs `fn` inside one transaction with an EventWriter: everything it writes lands together or
 * not at all (an error, a kill or Ctrl-C leaves the store as it was).
 */
export async function withEventWriter<T>(store: Store, fn: (w: EventWriter) => Promise<T>): Promise<T> {
  if (store.dialect === 'sqlite') {
    const s = store as SqliteStore;
    s.raw.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn(sqliteWriter(s));
      s.raw.exec('COMMIT');
      return result;
    } catch (e) {
      if (s.raw.inTransaction) s.raw.exec('ROLLBACK');
      throw e;
    }
  }
  void (store as PostgresStore);
  return store.db.transaction().execute((trx) => fn(postgresWriter(trx)));
}
