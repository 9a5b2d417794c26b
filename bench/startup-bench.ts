// How long `tandem` takes as a whole process: `tandem --help`, and `tandem summary --by admin1
// --json` on a store of BENCH_ROWS events against a Node script that answers the same GROUP BY
// from its own persisted DuckDB file. Runs alternate, so both see the same machine; medians.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestChange } from '../src/server/web-build-age.ts';
import { BENCH_DIR, BENCH_ROWS, benchFile } from './evidence-bench.ts';
import { fmtMs, median } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'tandem.js');

/** Builds dist/ when it is older than src/: a user's `tandem` runs the compiled CLI. */
function ensureBuilt(): void {
  const built = join(ROOT, 'dist', '.built');
  if (existsSync(built) && statSync(built).mtimeMs >= newestChange(join(ROOT, 'src'))) return;
  console.log('building dist/ (npm run build:cli)…');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build:cli failed');
}

/** Runs a command once and returns its wall time in ms; it must succeed. */
function timed(args: string[]): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, TANDEM_FROM_SOURCE: '0' },
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** The SQLite store of the bench file, imported once with the CLI and kept under bench/out. */
function sqliteStore(csv: string): string {
  const db = join(BENCH_DIR, `startup-${BENCH_ROWS}.db`);
  if (!existsSync(db)) {
    console.log(`importing ${csv} into ${db}…`);
    try {
      timed([BIN, 'import', csv, '--db', db]);
    } catch (e) {
      for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
      throw e;
    }
  }
  return db;
}

/** The DuckDB file of the same rows, loaded once from the CSV and kept under bench/out. */
async function duckdbFile(csv: string): Promise<string> {
  const path = join(BENCH_DIR, `startup-${BENCH_ROWS}.duckdb`);
  if (!existsSync(path)) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(path);
    const con = await instance.connect();
    await con.run(
      `CREATE TABLE events AS SELECT country, admin1, fatalities FROM read_csv('${csv}', header = true)`,
    );
    con.closeSync();
    instance.closeSync();
  }
  return path;
}

export interface StartupBenchResult {
  helpMs: number[];
  summaryMs: number[];
  duckdbMs: number[];
  groups: number;
}

/** Medians of `runs` whole-process runs of each, alternating. */
export async function benchStartup(runs = 7): Promise<StartupBenchResult> {
  ensureBuilt();
  const csv = await benchFile();
  const db = sqliteStore(csv);
  const duck = await duckdbFile(csv);
  const duckScript = join(import.meta.dirname, 'duckdb-summary.mjs');
  // One run of each first, not counted: the files come into the page cache.
  const ours = JSON.parse(timed([BIN, 'summary', '--by', 'admin1', '--json', '--db', db]).stdout);
  const theirs = JSON.parse(timed([duckScript, duck]).stdout);
  if (ours.rows.length !== theirs.rows.length)
    throw new Error(`summary has ${ours.rows.length} admin1 groups, DuckDB ${theirs.rows.length}`);
  const result: StartupBenchResult = { helpMs: [], summaryMs: [], duckdbMs: [], groups: ours.rows.length };
  for (let i = 0; i < runs; i++) {
    result.helpMs.push(timed([BIN, '--help']).ms);
    result.summaryMs.push(timed([BIN, 'summary', '--by', 'admin1', '--json', '--db', db]).ms);
    result.duckdbMs.push(timed([duckScript, duck]).ms);
  }
  return result;
}

export function describeStartup(r: StartupBenchResult): string {
  const list = (xs: number[]) => xs.map((x) => fmtMs(x)).join(', ');
  const summary = median(r.summaryMs);
  const duck = median(r.duckdbMs);
  return [
    `\n## CLI start, whole process (compiled CLI), medians of ${r.helpMs.length} runs`,
    `tandem --help: ${fmtMs(median(r.helpMs))} [${list(r.helpMs)}]; target ≤ 300 ms`,
    `tandem summary --by admin1 --json, ${BENCH_ROWS.toLocaleString('en-US')} events (${r.groups} groups): ${fmtMs(summary)} [${list(r.summaryMs)}]`,
    `node script, DuckDB GROUP BY on its own file of the same rows: ${fmtMs(duck)} [${list(r.duckdbMs)}]`,
    `tandem / DuckDB: ${(summary / duck).toFixed(2)}× (target ≤ 1×)`,
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) console.log(describeStartup(await benchStartup()));
