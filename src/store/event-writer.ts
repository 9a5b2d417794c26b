import { hash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ConflictEvent } from '../domain/conflict-event.ts';
import type { ReadProblem } from '../domain/read-problem.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import type { CountUpsert } from './count-accumulator.ts';
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
  sensitivity: string;
}

/**
 * A row set aside while reading, with the event id it carried where the reader got that far (an
 * id repeated within the file): its raw text is as sensitive as the record of that id.
 */
export interface SetAsideRow extends ReadProblem {
  source?: string;
  sourceEventId?: string;
}

/** A row set aside, ready to store, with the level its raw text is released at. */
export interface StoredProblem extends ReadProblem {
  sensitivity: Sensitivity;
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

/**
 * The secondary indexes on events that a bulk load may drop and rebuild: building an index once
 * over sorted keys is far cheaper than a million random insertions into it. The unique index on
 * (source, source_event_id) is apart (dropSourceIdIndex), since looking rows up relies on it.
 */
const BULK_INDEXES: { name: string; columns: string[] }[] = [
  { name: 'events_country_date', columns: ['country', 'date_start'] },
  // The analysis's: evidence for an area or a perpetrator over a period.
  { name: 'events_perpetrator_area_date', columns: ['country', 'actor1', 'admin1', 'date_start'] },
  { name: 'events_area_date', columns: ['country', 'admin1', 'date_start'] },
];

/** Within the import's transaction: drops the bulk indexes (createBulkIndexes builds them again). */
export async function dropBulkIndexes(db: Kysely<Database>): Promise<void> {
  for (const i of BULK_INDEXES) await db.schema.dropIndex(i.name).ifExists().execute();
}

export async function createBulkIndexes(db: Kysely<Database>): Promise<void> {
  for (const i of BULK_INDEXES)
    await db.schema.createIndex(i.name).ifNotExists().on('events').columns(i.columns).execute();
}

/**
 * The unique index on (source, source_event_id), as migration 001 made it. A first import of a
 * source looks nothing up and cannot collide (ids repeated in the file are set aside while
 * reading), so it may drop this index too and build it once at the end, inside the same
 * transaction: keeping it current cost a million-row load a third of its insert time. Building
 * it again checks every row, so the store never commits without it or with a duplicate.
 */
const SOURCE_ID_INDEX = { name: 'events_source_id', columns: ['source', 'source_event_id'] };

export async function dropSourceIdIndex(db: Kysely<Database>): Promise<void> {
  await db.schema.dropIndex(SOURCE_ID_INDEX.name).ifExists().execute();
}

export async function createSourceIdIndex(db: Kysely<Database>): Promise<void> {
  await db.schema
    .createIndex(SOURCE_ID_INDEX.name)
    .ifNotExists()
    .unique()
    .on('events')
    .columns(SOURCE_ID_INDEX.columns)
    .execute();
}

/** The columns of StoredEventKeys: what a look-up of a stored event reads. */
export const STORED_KEY_COLUMNS = [
  'id',
  'content_hash',
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
  'sensitivity',
] as const;
const KEY_COLUMNS = STORED_KEY_COLUMNS.join(', ');

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
 * How a batch of rows travels from the reading thread to the writer. Copying 31 values a row
 * between threads, and allocating them again on arrival, cost the writer as much as SQLite did;
 * so the columns whose values repeat (places, actors, types, dates) go as numbers into a
 * dictionary that grows as the file is read, numbers go in one typed array, and only the text
 * that is new with every row (ids, hashes, notes) goes as strings.
 */
export interface PackedRows {
  count: number;
  /** Strings the dictionary gained with this batch, in the order of their ids. */
  words: string[];
  /** count × WORD_COLUMNS.length dictionary ids, -1 for null. */
  codes: Int32Array;
  /** count × TEXT_COLUMNS.length strings. */
  texts: string[];
  /** count × NUMBER_COLUMNS.length numbers, NaN for null (readers never let NaN through). */
  numbers: Float64Array;
}

const TEXT_COLUMNS = ['source_event_id', 'content_hash', 'notes'].map((c) => COL[c as keyof typeof COL]);
const NUMBER_COLUMNS = [
  'latitude',
  'longitude',
  'geo_precision',
  'civilian_targeting',
  'civilian_targeting_derived',
  'fatalities',
  'fatalities_low',
  'fatalities_high',
  'civilian_fatalities',
].map((c) => COL[c as keyof typeof COL]);
const WORD_COLUMNS = EVENT_COLUMNS.map((_, i) => i).filter(
  (i) => i !== COL.import_id && !TEXT_COLUMNS.includes(i) && !NUMBER_COLUMNS.includes(i),
);

/**
 * Where a packed row keeps a column: readers of PackedRows.codes (for a dictionary column) or
 * PackedRows.numbers (for a number column) find row `i`'s value at `i * WORDS_PER_ROW + slot`
 * or `i * NUMBERS_PER_ROW + slot`.
 */
export const WORDS_PER_ROW = WORD_COLUMNS.length;
export const NUMBERS_PER_ROW = NUMBER_COLUMNS.length;
export function wordSlot(column: number): number {
  const i = WORD_COLUMNS.indexOf(column);
  if (i === -1) throw new Error(`column ${EVENT_COLUMNS[column]} is not packed as a word`);
  return i;
}
export function numberSlot(column: number): number {
  const i = NUMBER_COLUMNS.indexOf(column);
  if (i === -1) throw new Error(`column ${EVENT_COLUMNS[column]} is not packed as a number`);
  return i;
}

/**
 * The reading side of PackedRows: rows are packed one by one as they are read, so nothing of a
 * row but its packed form outlives it (a batch of whole rows kept alive is what made the reader's
 * garbage collection expensive), and the dictionary of the strings sent so far is kept here.
 */
export class RowPacker {
  private readonly ids = new Map<string, number>();
  /** Every word so far, by id: what a code of any batch stands for, on the reading side. */
  readonly dictionary: string[] = [];
  private words: string[] = [];
  private codes: Int32Array;
  private texts: string[] = [];
  private numbers: Float64Array;
  private n = 0;

  constructor(private readonly capacity = 5000) {
    this.codes = new Int32Array(capacity * WORD_COLUMNS.length);
    this.numbers = new Float64Array(capacity * NUMBER_COLUMNS.length);
  }

  /** Rows packed since the last take(). */
  get count(): number {
    return this.n;
  }

  add(r: EventValues): void {
    if (this.n === this.capacity) throw new Error('RowPacker is full: take() the rows first');
    const codes = this.codes;
    let w = this.n * WORD_COLUMNS.length;
    for (let k = 0; k < WORD_COLUMNS.length; k++) {
      const x = r[WORD_COLUMNS[k]];
      if (x === null) codes[w++] = -1;
      else {
        let id = this.ids.get(x as string);
        if (id === undefined) {
          id = this.ids.size;
          this.ids.set(x as string, id);
          this.words.push(x as string);
          this.dictionary.push(x as string);
        }
        codes[w++] = id;
      }
    }
    for (let k = 0; k < TEXT_COLUMNS.length; k++) this.texts.push(r[TEXT_COLUMNS[k]] as string);
    const numbers = this.numbers;
    let u = this.n * NUMBER_COLUMNS.length;
    for (let k = 0; k < NUMBER_COLUMNS.length; k++) {
      const x = r[NUMBER_COLUMNS[k]];
      numbers[u++] = x === null ? Number.NaN : (x as number);
    }
    this.n++;
  }

  /** The rows packed so far, leaving the packer empty (its dictionary stays). */
  take(): PackedRows {
    const p: PackedRows = {
      count: this.n,
      words: this.words,
      codes: this.codes.slice(0, this.n * WORD_COLUMNS.length),
      texts: this.texts,
      numbers: this.numbers.slice(0, this.n * NUMBER_COLUMNS.length),
    };
    this.words = [];
    this.texts = [];
    this.n = 0;
    return p;
  }
}

/** The writing side of PackedRows: the same dictionary, rebuilt from the words of each batch. */
export class RowUnpacker {
  readonly words: string[] = [];

  /** Takes in a batch's new words; call once per batch, in order, before reading its rows. */
  receive(p: PackedRows): void {
    for (const word of p.words) this.words.push(word);
  }

  /** Writes row `i` of `p` into `out` from `offset` on, in EVENT_COLUMNS order. */
  fill(p: PackedRows, i: number, out: unknown[], offset: number, importId: number): void {
    let w = i * WORD_COLUMNS.length;
    for (const c of WORD_COLUMNS) {
      const id = p.codes[w++];
      out[offset + c] = id === -1 ? null : this.words[id];
    }
    let t = i * TEXT_COLUMNS.length;
    for (const c of TEXT_COLUMNS) out[offset + c] = p.texts[t++];
    let u = i * NUMBER_COLUMNS.length;
    for (const c of NUMBER_COLUMNS) {
      const x = p.numbers[u++];
      out[offset + c] = Number.isNaN(x) ? null : x;
    }
    out[offset + COL.import_id] = importId;
  }

  row(p: PackedRows, i: number): EventValues {
    const v = new Array<string | number | null>(EVENT_COLUMNS.length);
    this.fill(p, i, v, 0, 0);
    return v;
  }

  /** The source of row `i`, without unpacking the rest. */
  source(p: PackedRows, i: number): string {
    return this.words[p.codes[i * WORD_COLUMNS.length + SOURCE_WORD]];
  }
}
const SOURCE_WORD = WORD_COLUMNS.indexOf(COL.source);

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
  v[COL.content_hash] = contentHash(v);
  return v;
}

/** Marks the hashes of contentHash(); a stored hash without it is the older MD5 of the joined row. */
const HASH_VERSION = 'v2:';
const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);

/**
 * A 64-bit hash of a row's values (all but the hash itself and the import id), to tell a changed
 * row from an unchanged one. Not cryptographic: it only has to notice edits, and computed in
 * place over the values it costs a fraction of joining the row into one string for MD5.
 */
export function contentHash(v: EventValues): string {
  let h1 = 0x2f6b9a31;
  let h2 = 0x6c8e9cf5;
  for (let i = 0; i < v.length; i++) {
    if (i === COL.content_hash || i === COL.import_id) continue;
    const x = v[i];
    // Each value adds a tag for its type and, for text, its length, so values cannot run together.
    if (typeof x === 'string') {
      h1 = Math.imul(h1 ^ (x.length + 0x10000), 0x9e3779b1);
      h2 = Math.imul(h2 ^ (x.length + 0x10000), 0x5f356495);
      // Two UTF-16 code units a step (the length is already in, so an odd last unit is safe).
      // A multiplication carries bits only upwards; the rotation brings the high ones back down.
      let j = 0;
      for (; j + 1 < x.length; j += 2) {
        const c = x.charCodeAt(j) | (x.charCodeAt(j + 1) << 16);
        h1 = Math.imul(h1 ^ c, 0x9e3779b1);
        h2 = Math.imul(h2 ^ c, 0x5f356495);
        h2 = (h2 << 15) | (h2 >>> 17);
      }
      if (j < x.length) {
        const c = x.charCodeAt(j);
        h1 = Math.imul(h1 ^ c, 0x9e3779b1);
        h2 = Math.imul(h2 ^ c, 0x5f356495);
      }
    } else if (typeof x === 'number') {
      f64[0] = x;
      h1 = Math.imul(h1 ^ 0x20000, 0x9e3779b1);
      h2 = Math.imul(h2 ^ 0x20000, 0x5f356495);
      h1 = Math.imul(h1 ^ f64Words[0], 0x9e3779b1);
      h2 = Math.imul(h2 ^ f64Words[0], 0x5f356495);
      h1 = Math.imul(h1 ^ f64Words[1], 0x9e3779b1);
      h2 = Math.imul(h2 ^ f64Words[1], 0x5f356495);
    } else {
      h1 = Math.imul(h1 ^ 0x30000, 0x9e3779b1);
      h2 = Math.imul(h2 ^ 0x30000, 0x5f356495);
    }
  }
  // Final avalanche, each lane mixed with the other.
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 ^= h2 >>> 16;
  return `${HASH_VERSION}${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}

/** The hash stores written before contentHash() existed hold: MD5 of the values joined. */
function legacyContentHash(v: EventValues): string {
  const w = v.slice();
  w[COL.content_hash] = '';
  w[COL.import_id] = 0;
  return hash('md5', w.join('\u001f'));
}

/**
 * Whether a stored event's hash says it holds the same content as `v`. Events stored with the
 * older MD5 hash are compared by that hash, so re-importing an older store's file still finds its
 * rows unchanged.
 */
export function sameContent(storedHash: string, v: EventValues): boolean {
  if (storedHash.startsWith(HASH_VERSION)) return storedHash === v[COL.content_hash];
  return storedHash === legacyContentHash(v);
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
  void (store as PostgresStore);
  return store.db.transaction().execute((trx) => fn(postgresWriter(trx)));
}
