/**
 * `analyze` over a store: a full country analysis (mapping, hotspots, alerts for the country,
 * every admin1 and every actor with their evidence, perpetrators, drivers, threats), timed.
 * bench/run.ts calls `benchAnalyze(store, country)`; run alone it opens $TANDEM_DB (or the path
 * given) and analyses the country given, or the store's largest:
 *   node --import tsx bench/analysis-bench.ts /tmp/bench.db [Country]
 */
import { performance } from 'node:perf_hooks';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { renderBriefHtml, renderBriefMarkdown } from '../src/reports/joint-brief.ts';
import { openStore, type Store } from '../src/store/store.ts';

export interface AnalyzeBenchResult {
  country: string;
  /** Wall time of each run of the full analysis, ms. */
  runsMs: number[];
  /** Best of the runs, ms; the target is 1,000 ms on the 1M-row store. */
  bestMs: number;
  /** CPU time (user + system) of the best run, ms: a fairer figure than wall time on a busy machine. */
  cpuMs: number;
  /** First run (cold caches), ms. */
  firstMs: number;
  briefMs: number;
  alerts: number;
  areas: number;
  perpetrators: number;
  events: number;
  /** Milliseconds per phase in the best run. */
  phases: Record<string, number>;
}

/** Times `runs` full analyses of one country (the first is cold), then the Markdown and HTML brief. */
export async function benchAnalyze(store: Store, country: string, runs = 3): Promise<AnalyzeBenchResult> {
  const runsMs: number[] = [];
  let last: Awaited<ReturnType<typeof runJointAnalysis>> | null = null;
  let phases: Record<string, number> = {};
  let cpuMs = 0;
  for (let i = 0; i < runs; i++) {
    const timings: Record<string, number> = {};
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    last = await runJointAnalysis(store.db, { country, timings });
    const cpu = process.cpuUsage(c0);
    const ms = Math.round(performance.now() - t0);
    if (!runsMs.length || ms < Math.min(...runsMs)) {
      phases = timings;
      cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    }
    runsMs.push(ms);
  }
  const t1 = performance.now();
  renderBriefMarkdown(last!);
  renderBriefHtml(last!);
  const briefMs = Math.round(performance.now() - t1);
  return {
    country,
    runsMs,
    bestMs: Math.min(...runsMs),
    firstMs: runsMs[0]!,
    cpuMs,
    briefMs,
    alerts: last!.alerts.length,
    areas: last!.areas.length,
    perpetrators: last!.perpetratorCount,
    events: last!.headline.events,
    phases,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const store = await openStore({ dbPath: process.argv[2] });
  try {
    let country = process.argv[3];
    if (!country) {
      const r = await store.db
        .selectFrom('event_counts')
        .select('country')
        .groupBy('country')
        .orderBy((eb) => eb.fn.sum('events'), 'desc')
        .executeTakeFirst();
      if (!r) throw new Error(`no events in ${store.location}`);
      country = r.country;
    }
    const res = await benchAnalyze(store, country);
    console.log(
      `analyze ${res.country}: ${res.events.toLocaleString('en-US')} events, ${res.areas} areas, ${res.perpetrators} perpetrators, ${res.alerts} alerts; runs ${res.runsMs.join(' / ')} ms (best ${res.bestMs} ms wall, ${res.cpuMs} ms CPU; target ≤ 1000 ms); brief ${res.briefMs} ms; phases of the best run: ${Object.entries(
        res.phases,
      )
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}`,
    );
  } finally {
    await store.close();
  }
}
