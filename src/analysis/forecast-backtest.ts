import { BASELINES, type Baseline, baselineForecast } from './forecast-baselines.ts';
import { runLevelForecasts } from './forecast-country-sum.ts';
import { DEFAULT_FORECAST_MODEL, type ForecastModelOptions } from './forecast-model.ts';
import { deathShare, isQuiet, onsetProbability } from './forecast-onset.ts';
import type { ForecastLevel, ForecastMetric, ForecastPanel } from './forecast-panel.ts';
import { averagePrecision, type ForecastScore, ScoreAccumulator } from './forecast-scores.ts';

export interface BacktestOptions {
  level: ForecastLevel;
  metrics: readonly ForecastMetric[];
  /** Months of data before the first origin. */
  minTrainMonths: number;
  /** Only the latest this many origins are scored (the brief's recent skill); all when absent. */
  lastOrigins?: number;
  model: ForecastModelOptions;
}

/** The origins the brief's skill is measured over: the last five years of them. */
export const RECENT_ORIGINS = 60;

export const DEFAULT_BACKTEST: BacktestOptions = {
  level: 'admin1',
  metrics: ['events', 'fatalities'],
  minTrainMonths: 24,
  model: DEFAULT_FORECAST_MODEL,
};

/** Average precision for onset (first death in an area with none in the 12 months to the origin). */
export interface OnsetScore {
  model: number | null;
  /** The bootstrap's probability: the share of the area's last 36 months with a death. */
  bootstrap: number | null;
  /** Share of eligible area-months that saw an onset: the average precision of a coin. */
  baseRate: number | null;
  n: number;
}

export interface BacktestScore {
  horizon: number;
  metric: ForecastMetric;
  model: ForecastScore;
  baselines: Record<Baseline, ForecastScore>;
  onset: OnsetScore;
}

export interface BacktestResult {
  level: ForecastLevel;
  /** The origins scored; `first` and `last` are null when the record is too short for any. */
  origins: { first: string | null; last: string | null; count: number };
  /** Per horizon and metric, where at least one forecast could be scored. */
  scores: BacktestScore[];
  /** Per metric, pooled over horizons 1–3: the comparison the issue asks for. */
  pooled: {
    metric: ForecastMetric;
    horizons: string;
    model: ForecastScore;
    baselines: Record<Baseline, ForecastScore>;
  }[];
}

/** Every origin with `minTrainMonths` before it and at least one month after it. */
export function backtestOrigins(panel: ForecastPanel, minTrainMonths: number): number[] {
  const out: number[] = [];
  for (let t = minTrainMonths; t < panel.months.length - 1; t++) out.push(t);
  return out;
}

/**
 * The rolling-origin backtest: at every origin, the model (trained on what was known then) and the
 * baselines forecast each area of the level 1–H months ahead, and each forecast whose month is in
 * the data is scored against what happened. The panel is built once to the last month, which leaks
 * nothing: the model at origin t uses rows with outcome ≤ t only, areas count from their first
 * violent month, and baselines read months ≤ t.
 */
export function runBacktest(panel: ForecastPanel, o: BacktestOptions = DEFAULT_BACKTEST): BacktestResult {
  const all = backtestOrigins(panel, o.minTrainMonths);
  const origins = o.lastOrigins === undefined ? all : all.slice(-o.lastOrigins);
  const H = o.model.horizons;
  const last = panel.months.length - 1;
  const inLevel = (s: number) => panel.series[s]!.level === o.level;
  const fatal = runLevelForecasts(panel, 'fatalities', origins, o.level, o.model);
  const onsetCases = Array.from({ length: H }, () => ({ model: [] as Case[], bootstrap: [] as Case[] }));
  for (const f of fatal) {
    const t = f.origin + f.horizon;
    if (t > last || !inLevel(f.series)) continue;
    const fat = panel.series[f.series]!.fatalities;
    if (!isQuiet(fat, f.origin)) continue;
    const positive = fat[t]! > 0;
    const cases = onsetCases[f.horizon - 1]!;
    cases.model.push({ score: onsetProbability(f.distribution, fat, f.origin), positive });
    cases.bootstrap.push({ score: deathShare(fat, f.origin), positive });
  }
  const scores: BacktestScore[] = [];
  const pooled: BacktestResult['pooled'] = [];
  for (const metric of o.metrics) {
    const forecasts =
      metric === 'fatalities' ? fatal : runLevelForecasts(panel, metric, origins, o.level, o.model);
    const model = Array.from({ length: H }, () => new ScoreAccumulator());
    const base = Array.from({ length: H }, () => newBaselineAccumulators());
    for (const f of forecasts) {
      const t = f.origin + f.horizon;
      if (t > last || !inLevel(f.series)) continue;
      const counts = panel.series[f.series]![metric];
      const y = counts[t]!;
      model[f.horizon - 1]!.add(f.distribution, y);
      for (const b of BASELINES) base[f.horizon - 1]![b].add(baselineForecast(b, counts, f.origin), y);
    }
    const pooledModel = new ScoreAccumulator();
    const pooledBase = newBaselineAccumulators();
    for (let h = 1; h <= H; h++) {
      const cases = onsetCases[h - 1]!;
      // A horizon reaching past the record's end at every origin has nothing to score: no row, not zeros.
      if (!model[h - 1]!.count) continue;
      scores.push({
        horizon: h,
        metric,
        model: model[h - 1]!.result(),
        baselines: baselineResults(base[h - 1]!),
        onset: {
          model: averagePrecision(cases.model),
          bootstrap: averagePrecision(cases.bootstrap),
          baseRate: cases.model.length
            ? cases.model.filter((c) => c.positive).length / cases.model.length
            : null,
          n: cases.model.length,
        },
      });
      if (h <= 3) {
        pooledModel.merge(model[h - 1]!);
        for (const b of BASELINES) pooledBase[b].merge(base[h - 1]![b]);
      }
    }
    if (!pooledModel.count) continue;
    pooled.push({
      metric,
      horizons: `1-${Math.min(3, H)}`,
      model: pooledModel.result(),
      baselines: baselineResults(pooledBase),
    });
  }
  return {
    level: o.level,
    origins: {
      first: origins.length ? panel.months[origins[0]!]! : null,
      last: origins.length ? panel.months[origins[origins.length - 1]!]! : null,
      count: origins.length,
    },
    scores,
    pooled,
  };
}

interface Case {
  score: number;
  positive: boolean;
}

function newBaselineAccumulators(): Record<Baseline, ScoreAccumulator> {
  return Object.fromEntries(BASELINES.map((b) => [b, new ScoreAccumulator()])) as Record<
    Baseline,
    ScoreAccumulator
  >;
}

function baselineResults(a: Record<Baseline, ScoreAccumulator>): Record<Baseline, ForecastScore> {
  return Object.fromEntries(BASELINES.map((b) => [b, a[b].result()])) as Record<Baseline, ForecastScore>;
}
