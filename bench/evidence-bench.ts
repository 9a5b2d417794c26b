import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { importEvents } from '../src/app/import-events.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { generateAcled } from './generate-acled.ts';
import { fmtMs, median, time } from './stats.ts';

export const BENCH_DIR = join(import.meta.dirname, 'out');
export const BENCH_ROWS = Number(process.env.TANDEM_BENCH_ROWS ?? 1_000_000);

/**
 * The generated benchmark file, written once and kept under bench/out (ignored by git); with
 * `longNotes`, the same rows with notes of several sentences (about 388 MB for a million rows).
 */
export async function benchFile(longNotes = false): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const path = join(BENCH_DIR, `acled-${BENCH_ROWS}${longNotes ? '-long-notes' : ''}.csv`);
  if (!existsSync(path)) {
    console.log(
      `generating ${BENCH_ROWS.toLocaleString('en-US')} ACLED-shaped rows${longNotes ? ' with long notes' : ''}…`,
    );
    await generateAcled(path, BENCH_ROWS, 7, { longNotes });
  }
  return path;
}

function bareParse(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(path) as never, {
      chunk: (r: Papa.ParseResult<unknown>) => {
        rows += r.data.length;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

export interface EvidenceBenchResult {
  store: Store;
  dbPath: string;
}

/**
 * Import against papaparse's bare parse of the same file, alternating so that both see the same
 * machine; then admin1 × month summaries against DuckDB's GROUP BY of the same rows.
 */
export async function benchEvidence(runs = 3): Promise<EvidenceBenchResult> {
  const file = await benchFile();
  const mb = statSync(file).size / 1e6;
  console.log(`\n## Evidence store: ${BENCH_ROWS.toLocaleString('en-US')} rows, ${mb.toFixed(0)} MB`);
  const dbPath = join(BENCH_DIR, `bench-${BENCH_ROWS}.db`);
  const parse: number[] = [];
  const imp: number[] = [];
  if (runs === 0 && existsSync(dbPath)) return { store: await openStore({ dbPath }), dbPath };
  for (let i = 0; i < Math.max(runs, 1); i++) {
    const [tp, rows] = await time(() => bareParse(file));
    parse.push(tp);
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`])
      rmSync(f, { force: true });
    const store = await openStore({ dbPath });
    // CPU time of the whole process (both threads) too: on a shared machine it moves less than
    // the wall clock when other work competes for the cores.
    const cpu0 = process.cpuUsage();
    const [ti, r] = await time(() => importEvents(store, [file]));
    const cpu = process.cpuUsage(cpu0);
    imp.push(ti);
    await store.close();
    if (r.files[0].imported !== BENCH_ROWS || rows !== BENCH_ROWS + 1)
      throw new Error('benchmark import lost rows');
    console.log(
      `  run ${i + 1}: bare parse ${fmtMs(tp)}, import ${fmtMs(ti)} (${(ti / tp).toFixed(2)}×; CPU ${fmtMs((cpu.user + cpu.system) / 1000)})`,
    );
  }
  const ratio = median(imp.map((t, i) => t / parse[i]));
  console.log(
    `import: median ${fmtMs(median(imp))}; papaparse bare parse: median ${fmtMs(median(parse))}; import / parse: median ${ratio.toFixed(2)}× (target ≤ 2×)`,
  );

  const store = await openStore({ dbPath });
  const [tre] = await time(() => importEvents(store, [file]));
  console.log(`re-import of the same file (all unchanged): ${fmtMs(tre)}`);

  const ours: number[] = [];
  let groups = 0;
  for (let i = 0; i < 7; i++) {
    const [t, s] = await time(() => summarizeEvents(store.db, 'admin1', {}, 'month'));
    ours.push(t);
    groups = s.rows.length;
  }
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const [tload] = await time(() =>
    duck.run(
      `CREATE TABLE e AS SELECT country, admin1, strptime(event_date, '%-d %B %Y')::DATE AS d, fatalities FROM read_csv('${file}', header = true, all_varchar = false)`,
    ),
  );
  const theirs: number[] = [];
  let duckGroups = 0;
  for (let i = 0; i < 7; i++) {
    const [t, r] = await time(async () =>
      (
        await duck.runAndReadAll(
          "SELECT country, admin1, strftime(d, '%Y-%m') AS month, count(*) AS events, sum(fatalities) AS fatalities FROM e GROUP BY 1, 2, 3",
        )
      ).getRows(),
    );
    theirs.push(t);
    duckGroups = r.length;
  }
  if (groups !== duckGroups)
    throw new Error(`summary has ${groups} admin1×month groups, DuckDB ${duckGroups}`);
  console.log(
    `summary admin1 × month (${groups} groups): median ${fmtMs(median(ours))}; DuckDB GROUP BY on the same rows: median ${fmtMs(median(theirs))} (DuckDB's CSV load, not counted: ${fmtMs(tload)}); ours / DuckDB: ${(median(ours) / median(theirs)).toFixed(2)}× (target ≤ 1×)`,
  );
  return { store, dbPath };
}
