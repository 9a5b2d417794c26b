// The import measured as users run it, whole processes timed from outside: `tandem import` into a
// fresh SQLite file, into a fresh PostgreSQL database when TANDEM_BENCH_DATABASE_URL names a
// server, and the floor (bench/sqlite-floor.ts --once: papaparse plus storing every raw field in
// a bare table). Each is run `runs` times, alternating, and the best run of each is compared.
//
// Run alone: node --import tsx bench/import-bench.ts [FILE.csv]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { fmtMs } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'tandem.js');

export interface ImportBenchResult {
  file: string;
  rows: number;
  sqliteMs: number[];
  postgresMs: number[];
  floorMs: number[];
}

function timed(args: string[]): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** Times `tandem import FILE` on each store, and the floor, `runs` times each, alternating. */
export async function benchImport(
  file: string,
  dir: string,
  runs = 2,
  serverUrl = process.env.TANDEM_BENCH_DATABASE_URL,
): Promise<ImportBenchResult> {
  mkdirSync(dir, { recursive: true });
  const out: ImportBenchResult = { file, rows: 0, sqliteMs: [], postgresMs: [], floorMs: [] };
  const dbPath = join(dir, 'import-bench.db');
  const clear = () => {
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`])
      rmSync(f, { force: true });
  };
  for (let i = 0; i < runs; i++) {
    out.floorMs.push(timed(['--import', 'tsx', join(ROOT, 'bench', 'sqlite-floor.ts'), '--once', file]).ms);
    clear();
    const s = timed([BIN, 'import', '--json', file, '--db', dbPath]);
    out.sqliteMs.push(s.ms);
    out.rows = JSON.parse(s.stdout).files[0].imported;
    clear();
    if (serverUrl) {
      const name = 'tandem_import_bench';
      const url = await freshDatabase(serverUrl, name);
      const p = timed([BIN, 'import', '--json', file, '--database-url', url]);
      out.postgresMs.push(p.ms);
      await dropDatabase(serverUrl, name);
      if (JSON.parse(p.stdout).files[0].imported !== out.rows)
        throw new Error('PostgreSQL imported other rows');
    }
  }
  return out;
}

export function describeImport(r: ImportBenchResult): string[] {
  const best = (xs: number[]) => Math.min(...xs);
  const mb = statSync(r.file).size / 1e6;
  const lines = [
    `\n## Import as a whole process: ${r.rows.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB, best of ${r.sqliteMs.length}`,
    `floor (papaparse + raw fields into a bare SQLite table, as a process): ${fmtMs(best(r.floorMs))}`,
    `tandem import, SQLite: ${fmtMs(best(r.sqliteMs))}; ${(best(r.sqliteMs) / best(r.floorMs)).toFixed(2)}× the floor (target ≤ 1.3×)`,
  ];
  if (r.postgresMs.length)
    lines.push(
      `tandem import, PostgreSQL: ${fmtMs(best(r.postgresMs))}; PostgreSQL / SQLite: ${(best(r.postgresMs) / best(r.sqliteMs)).toFixed(2)}× (target ≤ 1.0×)`,
    );
  else lines.push('PostgreSQL: not measured (set TANDEM_BENCH_DATABASE_URL to a server to measure it)');
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { benchFile, BENCH_DIR } = await import('./evidence-bench.ts');
  const file = process.argv[2] ?? (await benchFile(process.env.TANDEM_BENCH_NOTES === 'long'));
  const runs = Number(process.env.TANDEM_BENCH_RUNS ?? 2);
  for (const line of describeImport(await benchImport(file, BENCH_DIR, runs))) console.log(line);
}
