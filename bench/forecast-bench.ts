/**
 * Forecasts: their skill on the two public samples (ACLED South Sudan, UCDP GED CAR), measured by
 * the rolling-origin backtest against the naive baselines, with the candidate models compared; and
 * their speed on the generated store (every admin-1 area of a country, and a full backtest).
 * bench/run.ts calls both; run alone it prints the skill tables:
 *   node --import tsx bench/forecast-bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readForecastPanel } from '../src/analysis/forecast.ts';
import { type BacktestResult, DEFAULT_BACKTEST, runBacktest } from '../src/analysis/forecast-backtest.ts';
import { FEATURE_NAMES } from '../src/analysis/forecast-features.ts';
import { DEFAULT_FORECAST_MODEL, type ForecastModelOptions } from '../src/analysis/forecast-model.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { bestNaive, formatBacktestTable } from '../src/reports/forecast-section.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { fmtMs, median } from './stats.ts';

const DATA = join(import.meta.dirname, '../../shared/data');
const requester = { name: 'bench', roles: ['admin'] };
const call = (store: Store) => ({ via: 'cli' as const, name: 'bench', requester, store });

const SAMPLES = [
  {
    country: 'South Sudan',
    events: 'acled/acled_south_sudan_2011-2015.csv',
    boundaries: 'boundaries/ne10m_admin1_sds.geojson',
  },
  {
    country: 'Central African Republic',
    events: 'ucdp-ged/GEDEvent_v23_1_CAR.csv',
    boundaries: 'boundaries/ne10m_admin1_caf.geojson',
  },
];

/** The models compared: the one shipped, and what it is without some of its parts. */
const ALL = FEATURE_NAMES.map((_, i) => i);
const OWN = ALL.filter((i) => i <= 8);
const CANDIDATES: { name: string; model: ForecastModelOptions }[] = [
  {
    name: 'pooled ridge, the one-month fit for horizons 1–3, a fit per horizon beyond (shipped)',
    model: DEFAULT_FORECAST_MODEL,
  },
  { name: 'a fit per horizon', model: { ...DEFAULT_FORECAST_MODEL, sharedFitHorizons: 1 } },
  { name: 'the one-month fit for every horizon', model: { ...DEFAULT_FORECAST_MODEL, sharedFitHorizons: 6 } },
  {
    name: 'without the weighted mean of recent log counts',
    model: { ...DEFAULT_FORECAST_MODEL, features: ALL.filter((i) => FEATURE_NAMES[i] !== 'recent') },
  },
  {
    name: "without the origin month's second half",
    model: { ...DEFAULT_FORECAST_MODEL, features: ALL.filter((i) => FEATURE_NAMES[i] !== 'late') },
  },
  {
    name: "without the country's second half of the origin month",
    model: { ...DEFAULT_FORECAST_MODEL, features: ALL.filter((i) => FEATURE_NAMES[i] !== 'countryLate') },
  },
  {
    name: 'own history only (no neighbours, other metric, country, season, alerts, second half)',
    model: { ...DEFAULT_FORECAST_MODEL, features: OWN },
  },
  { name: 'residuals not centred', model: { ...DEFAULT_FORECAST_MODEL, centre: false } },
  {
    name: 'the largest residuals not capped (residualCap 1)',
    model: { ...DEFAULT_FORECAST_MODEL, residualCap: 1 },
  },
  { name: 'weak penalty (λ = 0.1)', model: { ...DEFAULT_FORECAST_MODEL, lambda: 0.1 } },
];

export interface SkillResult {
  country: string;
  backtest: BacktestResult;
  backtestMs: number;
  candidates: { name: string; msle: Record<string, number>; deathsTotalRatio: number | null }[];
  /** The country level's backtest (the sum of its areas' forecasts), pooled over horizons 1–3. */
  countryLevel: BacktestResult['pooled'];
}

/** Imports both samples into a throwaway store and backtests each at admin-1 level. */
export async function benchForecastSkill(): Promise<SkillResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-forecast-bench-'));
  const store = await openStore({ dbPath: join(dir, 'samples.db') });
  try {
    const out: SkillResult[] = [];
    for (const s of SAMPLES) {
      await runOperation(operations.importFiles, { paths: [join(DATA, s.events)] }, call(store));
      await runOperation(operations.loadBoundaries, { paths: [join(DATA, s.boundaries)] }, call(store));
      const t0 = performance.now();
      const backtest = await runOperation(operations.forecastBacktest, { country: s.country }, call(store));
      const backtestMs = performance.now() - t0;
      const last = backtest.origins.last;
      if (!last) throw new Error(`${s.country}: the sample has no origin to backtest`);
      const panel = await readForecastPanel(store.db, s.country, `${last.slice(0, 4)}-12`);
      const candidates = CANDIDATES.map((c) => {
        const r = runBacktest(panel, { ...DEFAULT_BACKTEST, model: c.model });
        return {
          name: c.name,
          msle: Object.fromEntries(r.pooled.map((p) => [p.metric, p.model.msle])),
          deathsTotalRatio: r.pooled.find((p) => p.metric === 'fatalities')?.model.totalRatio ?? null,
        };
      });
      const countryLevel = (
        await runOperation(operations.forecastBacktest, { country: s.country, level: 'country' }, call(store))
      ).pooled;
      out.push({ country: s.country, backtest, backtestMs, candidates, countryLevel });
    }
    return out;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const TARGET = { events: 0.05, fatalities: 0.15 } as const;

export function describeSkill(results: readonly SkillResult[]): string {
  const lines: string[] = [
    '\n## Forecast skill: rolling-origin backtest at admin-1 level (MSLE, lower is better)',
  ];
  for (const r of results) {
    const b = r.backtest;
    lines.push(
      `\n### ${r.country}: ${b.origins.count} origins, ${b.origins.first} to ${b.origins.last} (backtest ${fmtMs(r.backtestMs)}, target ≤ 30 s)\n`,
    );
    lines.push(formatBacktestTable(b), '');
    for (const p of b.pooled) {
      const { baseline, gain } = bestNaive(p);
      const target = TARGET[p.metric];
      const covered = p.model.coverage80 >= 0.7 && p.model.coverage80 <= 0.9;
      lines.push(
        `- ${p.metric}, horizons 1–3: model ${p.model.msle.toFixed(3)} vs best naive ${p.baselines[baseline].msle.toFixed(3)} (${baseline}): ${gain === null ? 'no error to gain on' : `${(gain * 100).toFixed(1)}% better`}; target ≥ ${target * 100}%: ${gain !== null && gain >= target ? 'met' : 'NOT MET'}. 80% coverage ${p.model.coverage80.toFixed(3)}: ${covered ? 'within' : 'OUTSIDE'} [0.7, 0.9].`,
      );
    }
    lines.push('\nCountry level (the sum of the admin-1 forecasts), horizons 1–3:\n');
    for (const p of r.countryLevel) {
      const { baseline, gain } = bestNaive(p);
      lines.push(
        `- ${p.metric}: model ${p.model.msle.toFixed(3)} vs best naive ${p.baselines[baseline].msle.toFixed(3)} (${baseline}): ${gain === null ? 'no error to gain on' : `${(gain * 100).toFixed(1)}% better`}; 80% coverage ${p.model.coverage80.toFixed(3)}; total ratio ${p.model.totalRatio?.toFixed(2) ?? '–'}.`,
      );
    }
    lines.push('\nCandidates (pooled MSLE, horizons 1–3):\n');
    lines.push(
      '| model | events | fatalities | deaths: forecast / actual totals |',
      '| --- | --- | --- | --- |',
    );
    for (const c of r.candidates)
      lines.push(
        `| ${c.name} | ${c.msle.events?.toFixed(3)} | ${c.msle.fatalities?.toFixed(3)} | ${c.deathsTotalRatio?.toFixed(2) ?? '–'} |`,
      );
  }
  return lines.join('\n');
}

export interface SpeedResult {
  country: string;
  events: number;
  areas: number;
  months: number;
  forecastMs: number[];
  forecastCpuMs: number[];
  backtestMs: number;
  backtestCpuMs: number;
  origins: number;
}

/** Times the forecast of every admin-1 area of `country` (both metrics, six months) and its backtest. */
export async function benchForecastSpeed(store: Store, country: string, runs = 3): Promise<SpeedResult> {
  const forecastMs: number[] = [];
  // CPU time too: on a shared machine it moves less than the wall clock when others compete.
  const forecastCpuMs: number[] = [];
  let areas = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await runOperation(operations.forecast, { country }, call(store));
    forecastMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    forecastCpuMs.push((c.user + c.system) / 1000);
    areas = new Set(r.forecasts.map((f) => f.key)).size;
  }
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const b = await runOperation(operations.forecastBacktest, { country }, call(store));
  const backtestMs = performance.now() - t1;
  const cb = process.cpuUsage(c1);
  if (!b.origins.last) throw new Error(`${country}: no origin to backtest`);
  const panel = await readForecastPanel(store.db, country, b.origins.last);
  const counted = await store.db
    .selectFrom('event_counts')
    .select((eb) => eb.fn.sum<number>('events').as('n'))
    .where('country', '=', country)
    .executeTakeFirst();
  return {
    country,
    events: Number(counted?.n ?? 0),
    areas,
    months: panel.months.length + 1,
    forecastMs,
    forecastCpuMs,
    backtestMs,
    backtestCpuMs: (cb.user + cb.system) / 1000,
    origins: b.origins.count,
  };
}

export function describeSpeed(s: SpeedResult, storeRows: number): string {
  return [
    `\n## Forecasts of ${s.country} (${s.events.toLocaleString('en-US')} of the store's ${storeRows.toLocaleString('en-US')} events; ${s.areas} admin-1 areas, ${s.months} months)`,
    `forecast of every admin-1 area, both metrics, 6 months: median ${fmtMs(median(s.forecastMs))} over ${s.forecastMs.length} runs [${s.forecastMs.map((x) => fmtMs(x)).join(', ')}], CPU median ${fmtMs(median(s.forecastCpuMs))}; target ≤ 2 s`,
    `full backtest (${s.origins} origins, both metrics, 6 horizons, 5 baselines): ${fmtMs(s.backtestMs)}, CPU ${fmtMs(s.backtestCpuMs)}; target ≤ 30 s for 5 years`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(describeSkill(await benchForecastSkill()));
