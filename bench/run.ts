// `npm run bench`: every benchmark, each printing its figures (medians of several runs, and
// ratios against a baseline measured in the same run). TANDEM_BENCH_ROWS sets the size of the
// generated event file (default 1,000,000); TANDEM_BENCH_ONLY=evidence,analysis,forecast,server,agreement,startup,hostile,incidents,pull
// runs a subset. TANDEM_BENCH_DATABASE_URL names a PostgreSQL server for the import's
// PostgreSQL / SQLite ratio (a database tandem_import_bench is made and dropped on it).
import { describeAggregateReads } from './aggregate-reads-bench.ts';
import { benchAgreementReview } from './agreement-bench.ts';
import { benchAnalyze } from './analysis-bench.ts';
import { BENCH_DIR, BENCH_ROWS, benchEvidence, benchFile } from './evidence-bench.ts';
import { benchForecastSkill, benchForecastSpeed, describeSkill, describeSpeed } from './forecast-bench.ts';
import { benchHostileBodies, describeHostile } from './hostile-bodies.ts';
import { benchImport, describeImport } from './import-bench.ts';
import { benchIncidentLoad, describeIncidentLoad } from './incident-load.ts';
import { benchPull, describePull } from './pull-bench.ts';
import { benchServer } from './server-bench.ts';
import { benchSqliteFloor, describeFloor } from './sqlite-floor.ts';
import { benchStartup, describeStartup } from './startup-bench.ts';
import { fmtMs, median } from './stats.ts';

const only = new Set(
  (
    process.env.TANDEM_BENCH_ONLY ??
    'evidence,analysis,forecast,server,agreement,startup,hostile,incidents,pull'
  ).split(','),
);
const { store } = await benchEvidence(only.has('evidence') ? 3 : 0);
if (only.has('evidence')) {
  // What the import is measured against: the least any import through better-sqlite3 can cost.
  console.log(describeFloor(await benchSqliteFloor(await benchFile(), BENCH_DIR)));
  // Whole processes, as users run them: tandem import on SQLite (and on PostgreSQL when
  // TANDEM_BENCH_DATABASE_URL names a server) against the floor, for short and long notes.
  for (const longNotes of [false, true])
    for (const line of describeImport(await benchImport(await benchFile(longNotes), BENCH_DIR, 2)))
      console.log(line);
}
const country = 'Northland';

if (only.has('analysis')) {
  const a = await benchAnalyze(store, country, 5);
  console.log(
    `\n## Joint analysis of ${a.country} (${a.events.toLocaleString('en-US')} events, ${a.areas} areas, ${a.perpetrators} perpetrators, ${a.alerts} alerts)`,
  );
  console.log(
    `analyze: median ${fmtMs(median(a.runsMs))} over ${a.runsMs.length} runs [${a.runsMs.map((x) => fmtMs(x)).join(', ')}], first (cold) ${fmtMs(a.firstMs)}; target ≤ 1 s`,
  );
  console.log(
    `phases of the fastest run: ${Object.entries(a.phases)
      .map(([k, v]) => `${k} ${fmtMs(v)}`)
      .join(', ')}`,
  );
  console.log(`brief (Markdown and HTML) from the result: ${fmtMs(a.briefMs)}`);
  console.log(await describeAggregateReads(store, country));
}

if (only.has('forecast')) {
  console.log(describeSpeed(await benchForecastSpeed(store, country), BENCH_ROWS));
  console.log(describeSkill(await benchForecastSkill()));
}

if (only.has('server')) {
  const s = await benchServer(store, country, { connections: 50, seconds: 4 });
  console.log(
    `\n## Workbench server: ${s.connections} concurrent clients, ${s.secondsPerEndpoint} s per endpoint, loopback`,
  );
  for (const e of s.endpoints) {
    console.log(
      `${e.path}: cold ${fmtMs(e.coldMs)}; p50 ${fmtMs(e.p50)}, p95 ${fmtMs(e.p95)}, p99 ${fmtMs(e.p99)} over ${e.requests} requests${e.non2xx ? ` (${e.non2xx} not 2xx)` : ''}`,
    );
  }
  console.log(`worst p95 of the dashboard endpoints: ${fmtMs(s.worstP95)} (target ≤ 50 ms)`);
  console.log(
    `\nEvery request a different period, filter, area or page (no answer served twice from the cache):`,
  );
  for (const e of s.distinct) {
    console.log(
      `${e.endpoint}: p50 ${fmtMs(e.p50)}, p95 ${fmtMs(e.p95)}, p99 ${fmtMs(e.p99)} over ${e.requests} requests, ${e.distinctUrls} different URLs${e.non2xx ? ` (${e.non2xx} not 2xx)` : ''}`,
    );
  }
  console.log(`worst p95, distinct questions: ${fmtMs(s.worstDistinctP95)} (target ≤ 100 ms)`);
  console.log(`the server's event index: ${s.eventIndex}`);
  console.log(
    `overview page first render: ${s.overviewFirstRenderMs === null ? `not measured (${s.overviewNote})` : fmtMs(s.overviewFirstRenderMs)} (target ≤ 1.5 s)`,
  );
}
await store.close();

if (only.has('agreement')) {
  const r = await benchAgreementReview(7);
  console.log(`\n## Agreement review`);
  console.log(
    `${r.name}: median ${fmtMs(r.medianMs)} over ${r.runsMs.length} runs, ${r.characters.toLocaleString('en-US')} characters (~${r.pages} pages), ${r.provisions} provisions, ${r.codes} codes; target < 1 s`,
  );
}

if (only.has('startup')) console.log(describeStartup(await benchStartup()));
if (only.has('hostile')) console.log(describeHostile(await benchHostileBodies()));

if (only.has('incidents')) console.log(describeIncidentLoad(await benchIncidentLoad()));

// The pull of 100,000 ACLED events from the API stand-in against the same rows from a file.
if (only.has('pull'))
  console.log(describePull(await benchPull(Number(process.env.TANDEM_BENCH_PULL_ROWS ?? 100_000))));
