// What the events' shape costs SQLite to store, apart from reading the file: the rows of an
// imported store, already in memory, go into a fresh table (i) as the store keeps them, the
// places, actors, types and dates as text, and (ii) with those columns as numbers of a dictionary
// (what issue 11 allows: "dictionary-coded columns"), then the import's unique index and its three
// bulk indexes are built over each, with the import's sorter settings. A third run binds every
// row's values to a statement that stores nothing: what handing the values to SQLite costs alone.
// It measures the store's side only: the reading thread, the aggregates and the commit of a
// real import are not in it (docs/import-speed.md).
//
// Run: node --import tsx bench/sqlite-store-shapes.ts [STORE.db] [ROWS]
// (default: bench/out/bench-1000000.db, which `npm run bench` leaves; every row of it)
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_COLUMNS } from '../src/store/event-columns.ts';
import { PACKED_COLUMN_ORDER, WORDS_PER_ROW } from '../src/store/packed-rows.ts';
import { benchSqliteFloor, type FloorRun } from './sqlite-floor.ts';
import { fmtMs, median } from './stats.ts';

const PER_STATEMENT = 16;
/** The columns the import's wire format already sends as dictionary words (packed-rows.ts). */
const WORD_COLUMNS = new Set(PACKED_COLUMN_ORDER.slice(0, WORDS_PER_ROW).map((i) => EVENT_COLUMNS[i]));
const INDEXES = [
  { unique: true, columns: ['source', 'source_event_id'] },
  { unique: false, columns: ['country', 'date_start', 'violence_type', 'actor1_category'] },
  { unique: false, columns: ['country', 'actor1', 'admin1', 'date_start'] },
  { unique: false, columns: ['country', 'admin1', 'date_start', 'violence_type', 'actor1_category'] },
];

type Row = unknown[];

interface ShapeRun {
  insertMs: number;
  indexMs: number[];
  commitMs: number;
}

function storeRows(
  columns: readonly string[],
  rows: readonly Row[],
  path: string,
  bindOnly = false,
): ShapeRun {
  for (const f of [path, `${path}-journal`]) rmSync(f, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE events (id INTEGER PRIMARY KEY, ${columns.join(', ')})`);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const statement = bindOnly
    ? db.prepare(`SELECT 1 WHERE 0 AND ${new Array(columns.length * PER_STATEMENT).fill('?').join(' + ')}`)
    : db.prepare(
        `INSERT INTO events (${columns.join(', ')}) VALUES ${new Array(PER_STATEMENT).fill(tuple).join(', ')}`,
      );
  const params: unknown[] = [];
  const t0 = performance.now();
  db.exec('BEGIN');
  for (let i = 0; i + PER_STATEMENT <= rows.length; i += PER_STATEMENT) {
    params.length = 0;
    for (let k = 0; k < PER_STATEMENT; k++) for (const v of rows[i + k]) params.push(v);
    if (bindOnly) statement.all(params);
    else statement.run(params);
  }
  const insertMs = performance.now() - t0;
  const indexMs: number[] = [];
  if (!bindOnly) {
    // The import's settings for its index builds (sqlite-event-import.ts).
    db.pragma('cache_size = -4000');
    db.pragma('threads = 2');
    for (const [k, ix] of INDEXES.entries()) {
      const t = performance.now();
      db.exec(`CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX i${k} ON events (${ix.columns.join(', ')})`);
      indexMs.push(performance.now() - t);
    }
  }
  const t1 = performance.now();
  db.exec('COMMIT');
  const commitMs = performance.now() - t1;
  db.close();
  for (const f of [path, `${path}-journal`]) rmSync(f, { force: true });
  return { insertMs, indexMs, commitMs };
}

/** The same rows with every repeating column as a number of one dictionary. */
function dictionaryCoded(columns: readonly string[], rows: readonly Row[]): Row[] {
  const ids = new Map<unknown, number>();
  const coded = columns.map((c) => WORD_COLUMNS.has(c as (typeof EVENT_COLUMNS)[number]));
  return rows.map((r) =>
    r.map((v, i) => {
      if (!coded[i] || v === null) return v;
      let id = ids.get(v);
      if (id === undefined) {
        id = ids.size;
        ids.set(v, id);
      }
      return id;
    }),
  );
}

function describe(name: string, runs: readonly ShapeRun[]): string {
  const total = (r: ShapeRun) => r.insertMs + r.indexMs.reduce((a, b) => a + b, 0) + r.commitMs;
  const indexes = INDEXES.map((_, k) => fmtMs(median(runs.map((r) => r.indexMs[k] ?? 0)))).join(', ');
  return (
    `${name}: inserts ${fmtMs(median(runs.map((r) => r.insertMs)))}, ` +
    (runs[0].indexMs.length
      ? `indexes ${indexes}, commit ${fmtMs(median(runs.map((r) => r.commitMs)))}, `
      : '') +
    `all ${fmtMs(median(runs.map(total)))} (median of ${runs.length})`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = process.argv[2] ?? join(import.meta.dirname, 'out', 'bench-1000000.db');
  if (!existsSync(source)) {
    console.error(`${source}: no such store; run npm run bench once, or name an imported store`);
    process.exit(2);
  }
  const limit = Number(process.argv[3] ?? 0);
  const src = new Database(source, { readonly: true });
  const columns = (
    src.prepare("SELECT name FROM pragma_table_info('events')").pluck().all() as string[]
  ).filter((c) => c !== 'id');
  const rows = src
    .prepare(`SELECT ${columns.join(', ')} FROM events${limit ? ` LIMIT ${limit}` : ''}`)
    .raw()
    .all() as Row[];
  src.close();
  const coded = dictionaryCoded(columns, rows);
  const path = join(import.meta.dirname, 'out', `store-shapes-${process.pid}.db`);
  const asText: ShapeRun[] = [];
  const asCodes: ShapeRun[] = [];
  const bindText: ShapeRun[] = [];
  const bindCodes: ShapeRun[] = [];
  // The floor of issue 11 (papaparse and a bare table) on the bench file, in the same alternation.
  const csv = join(import.meta.dirname, 'out', `acled-${rows.length}.csv`);
  const floor: FloorRun[] = [];
  for (let i = 0; i < 3; i++) {
    if (existsSync(csv)) floor.push(...(await benchSqliteFloor(csv, join(import.meta.dirname, 'out'), 1)));
    asText.push(storeRows(columns, rows, path));
    asCodes.push(storeRows(columns, coded, path));
    bindText.push(storeRows(columns, rows, path, true));
    bindCodes.push(storeRows(columns, coded, path, true));
  }
  console.log(
    `${rows.length.toLocaleString('en-US')} events of ${source}, ${columns.length} columns, alternating:`,
  );
  console.log(describe('as stored (text)', asText));
  console.log(describe('dictionary-coded', asCodes));
  console.log(describe('values bound only, text', bindText));
  console.log(describe('values bound only, codes', bindCodes));
  if (floor.length) {
    const floorMs = median(floor.map((r) => r.parseAndStoreMs));
    const writer = (runs: readonly ShapeRun[]) =>
      median(runs.map((r) => r.insertMs + r.indexMs.reduce((a, b) => a + b, 0) + r.commitMs));
    console.log(
      `floor on ${csv}: ${fmtMs(floorMs)}; the writing connection's work alone, as stored ` +
        `${(writer(asText) / floorMs).toFixed(2)}×, dictionary-coded ${(writer(asCodes) / floorMs).toFixed(2)}× the floor`,
    );
  } else console.log(`floor: not measured (${csv} is absent; npm run bench writes it)`);
}
