import type { AreaForecast } from '../analysis/forecast.ts';
import type { BacktestResult } from '../analysis/forecast-backtest.ts';
import { BASELINES, type Baseline } from '../analysis/forecast-baselines.ts';
import type { ForecastScore } from '../analysis/forecast-scores.ts';
import type { Block, Cell, Section } from './brief-model.ts';

/**
 * The forecast section of the brief, and the backtest table that the CLI, the benchmark and
 * docs/forecasts.md print: what the next months look like per area, which quiet areas may see
 * deaths, and, in plain words, how these forecasts did on the country's own past.
 */

/** What the brief's forecast section is written from. */
export interface ForecastBrief {
  country: string;
  origin: string;
  forecasts: AreaForecast[];
  backtest: BacktestResult;
}

const NAIVE: readonly Baseline[] = ['zero', 'last', 'mean12', 'meanLog12'];
const BASELINE_NAMES: Record<Baseline, string> = {
  zero: 'assuming no violence',
  last: 'assuming next month repeats this one',
  mean12: 'the average of the last 12 months',
  meanLog12: 'the typical (log-average) month of the last 12',
  bootstrap: "a month drawn from the area's last three years",
};

/** The naive baseline with the lowest MSLE, and the model's gain over it (1 − model/best). */
export function bestNaive(p: { model: ForecastScore; baselines: Record<Baseline, ForecastScore> }): {
  baseline: Baseline;
  gain: number;
} {
  const baseline = NAIVE.reduce((b, x) => (p.baselines[x].msle < p.baselines[b].msle ? x : b));
  return { baseline, gain: 1 - p.model.msle / p.baselines[baseline].msle };
}

const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The backtest as a Markdown table: MSLE per horizon against every baseline, pooled 1–3 first. */
export function formatBacktestTable(r: BacktestResult): string {
  const head = [
    'metric',
    'horizon',
    'model MSLE',
    ...BASELINES.map((b) => `${b} MSLE`),
    'gain vs best naive',
    'coverage 80%',
    'CRPS model / bootstrap',
    'total ratio',
    'onset AP model / bootstrap / base rate',
  ];
  const rows: string[][] = [];
  for (const p of r.pooled) {
    const best = bestNaive(p);
    rows.push([
      p.metric,
      p.horizons,
      f3(p.model.msle),
      ...BASELINES.map((b) => f3(p.baselines[b].msle)),
      `${pct(best.gain)} (vs ${best.baseline})`,
      f3(p.model.coverage80),
      `${p.model.crps.toFixed(2)} / ${p.baselines.bootstrap.crps.toFixed(2)}`,
      p.model.totalRatio?.toFixed(2) ?? '–',
      '',
    ]);
    for (const s of r.scores.filter((x) => x.metric === p.metric)) {
      const b = bestNaive(s);
      const ap = (x: number | null) => (x === null ? '–' : x.toFixed(2));
      rows.push([
        s.metric,
        String(s.horizon),
        f3(s.model.msle),
        ...BASELINES.map((x) => f3(s.baselines[x].msle)),
        `${pct(b.gain)} (vs ${b.baseline})`,
        f3(s.model.coverage80),
        `${s.model.crps.toFixed(2)} / ${s.baselines.bootstrap.crps.toFixed(2)}`,
        s.model.totalRatio?.toFixed(2) ?? '–',
        `${ap(s.onset.model)} / ${ap(s.onset.bootstrap)} / ${ap(s.onset.baseRate)} (n ${s.onset.n})`,
      ]);
    }
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** How the forecasts did, in plain words, one sentence per metric. */
export function skillSentences(r: BacktestResult): string[] {
  const span = `${r.origins.first} to ${r.origins.last}`;
  return r.pooled.map((p) => {
    const { baseline, gain } = bestNaive(p);
    const what = p.metric === 'events' ? 'violent events' : 'deaths';
    const cover = `their 80% ranges held what happened ${Math.round(p.model.coverage80 * 100)}% of the time`;
    if (gain > 0)
      return `Over ${span}, forecasts of ${what} 1–3 months ahead were ${Math.round(gain * 100)}% closer (on a log scale) than the best simple rule, ${BASELINE_NAMES[baseline]}; ${cover}.`;
    return `Over ${span}, forecasts of ${what} 1–3 months ahead were no better than ${BASELINE_NAMES[baseline]} (${Math.round(-gain * 100)}% further off on a log scale): treat them as that rule with a range; ${cover}.`;
  });
}

/** Quiet areas (no death in the last 12 months) ranked by the chance of a death in the next three. */
export function likelyOnsets(
  forecasts: readonly AreaForecast[],
  min = 0.2,
): { key: string; month: string; p: number }[] {
  const best = new Map<string, { key: string; month: string; p: number }>();
  for (const f of forecasts) {
    if (f.pOnset === null || f.horizon > 3) continue;
    const b = best.get(f.key);
    if (!b || f.pOnset > b.p) best.set(f.key, { key: f.key, month: f.month, p: f.pOnset });
  }
  return [...best.values()].filter((x) => x.p >= min).sort((a, b) => b.p - a.p || a.key.localeCompare(b.key));
}

/** The brief's forecast section: skill first, then next month per area, then likely onsets. */
export function forecastSection(b: ForecastBrief): Section {
  const next = b.forecasts.filter((f) => f.horizon === 1);
  const byArea = new Map<string, { events?: AreaForecast; fatalities?: AreaForecast }>();
  for (const f of next) byArea.set(f.key, { ...byArea.get(f.key), [f.metric]: f });
  const range = (f?: AreaForecast) =>
    f ? `${Math.round(f.point)} (${Math.round(f.quantiles['0.1'])}–${Math.round(f.quantiles['0.9'])})` : '–';
  const rows = [...byArea]
    .sort((x, y) => (y[1].events?.point ?? 0) - (x[1].events?.point ?? 0))
    .map(([key, v]): Cell[] => [key, range(v.events), range(v.fatalities)]);
  const onsets = likelyOnsets(b.forecasts);
  return {
    title: `Forecast: ${next[0]?.month ?? 'next month'} and after`,
    blocks: [
      ...skillSentences(b.backtest).map((text): Block => ({ kind: 'p', text })),
      {
        kind: 'table',
        head: [`admin-1 area, ${next[0]?.month ?? ''}`, 'violent events (80% range)', 'deaths (80% range)'],
        rows,
      },
      onsets.length
        ? {
            kind: 'list',
            items: onsets.map(
              (o) =>
                `${o.key}: ${Math.round(o.p * 100)}% chance of deaths by ${o.month}, after a year without`,
            ),
          }
        : {
            kind: 'p',
            text: 'No area without deaths in the last year has a 20% or higher chance of deaths in the next three months.',
          },
      {
        kind: 'counted',
        text: `Forecasts from ${b.origin}, using only data up to its end: a pooled regression on the log of each area's past counts, its neighbours', the season and the alert state (docs/forecasts.md); skill from a rolling-origin backtest over ${b.backtest.origins.count} past origins (\`tandem forecast backtest --country "${b.country}"\`).`,
      },
    ],
  };
}
