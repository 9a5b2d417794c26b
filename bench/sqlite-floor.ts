// The least that any import into SQLite through better-sqlite3 can cost, measured beside the bare
// parse it is compared with: papaparse reads the file and every row's raw fields go, as they are,
// into a table of plain columns with no index, 16 rows a statement, in one transaction. No dates
// read, no checks, no hash, no aggregates, no index: an import that does its job does all of it on
// top. If this floor is above the import target, the target cannot be met with this store.
//
// Run alone: node --import tsx bench/sqlite-floor.ts FILE.csv
// or, for one parse-and-store in a process of its own (what bench/import-bench.ts times against a
// whole `tandem import`): node --import tsx bench/sqlite-floor.ts --once FILE.csv
import { createReadStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { fmtMs, median } from './stats.ts';

export interface FloorRun {
  /** papaparse alone, streaming the file. */
  parseMs: number;
  /** papaparse plus storing every field as it is, in one thread. */
  parseAndStoreMs: number;
  /** The storing part of that: the time spent inside better-sqlite3. */
  storeMs: number;
}

function parse(path: string, onRows?: (rows: string[][]) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    Papa.parse(createReadStream(path) as never, {
      chunk: (r: Papa.ParseResult<string[]>) => onRows?.(r.data),
      complete: () => resolve(),
      error: reject,
    });
  });
}

const PER_STATEMENT = 16;

async function parseAndStore(path: string, dbPath: string): Promise<{ totalMs: number; storeMs: number }> {
  for (const f of [dbPath, `${dbPath}-journal`]) rmSync(f, { force: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = NORMAL');
  let width = 0;
  let many: Database.Statement | null = null;
  let one: Database.Statement | null = null;
  let params: string[] = [];
  let storeMs = 0;
  const t0 = performance.now();
  db.exec('BEGIN');
  await parse(path, (rows) => {
    const t = performance.now();
    for (const row of rows) {
      if (!many) {
        width = row.length;
        const cols = row.map((_, i) => `c${i}`).join(', ');
        const tuple = `(${row.map(() => '?').join(', ')})`;
        db.exec(`CREATE TABLE raw (${cols})`);
        many = db.prepare(`INSERT INTO raw VALUES ${new Array(PER_STATEMENT).fill(tuple).join(', ')}`);
        one = db.prepare(`INSERT INTO raw VALUES ${tuple}`);
        continue; // the header
      }
      if (row.length !== width) continue; // the empty last line
      for (const v of row) params.push(v);
      if (params.length === width * PER_STATEMENT) {
        many.run(params);
        params = [];
      }
    }
    storeMs += performance.now() - t;
  });
  const t = performance.now();
  const last = one as Database.Statement | null;
  for (let i = 0; i < params.length; i += width) last?.run(params.slice(i, i + width));
  db.exec('COMMIT');
  storeMs += performance.now() - t;
  const totalMs = performance.now() - t0;
  db.close();
  for (const f of [dbPath, `${dbPath}-journal`]) rmSync(f, { force: true });
  return { totalMs, storeMs };
}

/** Alternates the bare parse and the parse-and-store floor, `runs` times each. */
export async function benchSqliteFloor(path: string, dir: string, runs = 3): Promise<FloorRun[]> {
  const out: FloorRun[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await parse(path);
    const parseMs = performance.now() - t;
    const { totalMs, storeMs } = await parseAndStore(path, join(dir, 'sqlite-floor.db'));
    out.push({ parseMs, parseAndStoreMs: totalMs, storeMs });
  }
  return out;
}

export function describeFloor(runs: readonly FloorRun[]): string {
  const parseMs = median(runs.map((r) => r.parseMs));
  const storeMs = median(runs.map((r) => r.storeMs));
  const ratio = median(runs.map((r) => r.parseAndStoreMs / r.parseMs));
  const storeRatio = median(runs.map((r) => r.storeMs / r.parseMs));
  return (
    `floor: papaparse plus storing every raw field into a bare SQLite table through better-sqlite3 ` +
    `(no checks, no index): median ${fmtMs(median(runs.map((r) => r.parseAndStoreMs)))}, ${ratio.toFixed(2)}× the bare parse ` +
    `(${fmtMs(parseMs)}); the storing alone ${fmtMs(storeMs)}, ${storeRatio.toFixed(2)}× the bare parse`
  );
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--once') {
  await parseAndStore(process.argv[3], join(import.meta.dirname, 'out', `sqlite-floor-${process.pid}.db`));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node --import tsx bench/sqlite-floor.ts FILE.csv');
    process.exit(2);
  }
  const runs = await benchSqliteFloor(path, join(import.meta.dirname, 'out'));
  for (const [i, r] of runs.entries())
    console.log(
      `run ${i + 1}: parse ${fmtMs(r.parseMs)}, parse and store ${fmtMs(r.parseAndStoreMs)} (store ${fmtMs(r.storeMs)})`,
    );
  console.log(describeFloor(runs));
}
