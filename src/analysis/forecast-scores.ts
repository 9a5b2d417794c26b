import { crps, logPoint, mean, type PredictiveDistribution, quantile } from './predictive-distribution.ts';

/** Scores of one forecaster over a set of forecasts, each averaged over the forecasts. */
export interface ForecastScore {
  /** Squared error of the mean. */
  mse: number;
  /** Squared error on log1p of the point forecast exp(E[log1p y]) − 1. */
  msle: number;
  crps: number;
  /** Share of outcomes inside the 0.1–0.9 quantile interval (ends included). */
  coverage80: number;
  /** Sum of the forecast means over the sum of the outcomes. */
  totalRatio: number | null;
  n: number;
}

/** Running sums behind a ForecastScore. */
export class ScoreAccumulator {
  private n = 0;
  private se = 0;
  private sle = 0;
  private crpsSum = 0;
  private covered = 0;
  private forecastTotal = 0;
  private actualTotal = 0;

  /** How many forecasts were scored. */
  get count(): number {
    return this.n;
  }

  add(d: PredictiveDistribution, y: number): void {
    const m = mean(d);
    this.n++;
    this.se += (m - y) ** 2;
    this.sle += (Math.log1p(logPoint(d)) - Math.log1p(y)) ** 2;
    this.crpsSum += crps(d, y);
    if (quantile(d, 0.1) <= y && y <= quantile(d, 0.9)) this.covered++;
    this.forecastTotal += m;
    this.actualTotal += y;
  }

  merge(other: ScoreAccumulator): void {
    this.n += other.n;
    this.se += other.se;
    this.sle += other.sle;
    this.crpsSum += other.crpsSum;
    this.covered += other.covered;
    this.forecastTotal += other.forecastTotal;
    this.actualTotal += other.actualTotal;
  }

  result(): ForecastScore {
    const n = Math.max(1, this.n);
    return {
      mse: this.se / n,
      msle: this.sle / n,
      crps: this.crpsSum / n,
      coverage80: this.covered / n,
      totalRatio: this.actualTotal > 0 ? this.forecastTotal / this.actualTotal : null,
      n: this.n,
    };
  }
}

/**
 * Average precision of scores for binary outcomes: the mean, over the positives, of the precision
 * among the cases ranked at or above each (ties ranked together). Null without positives.
 */
export function averagePrecision(cases: readonly { score: number; positive: boolean }[]): number | null {
  const positives = cases.filter((c) => c.positive).length;
  if (!positives) return null;
  const sorted = [...cases].sort((a, b) => b.score - a.score);
  let ap = 0;
  let hits = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    let tiePositives = 0;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) {
      if (sorted[j]!.positive) tiePositives++;
      j++;
    }
    hits += tiePositives;
    ap += (tiePositives * hits) / j;
    i = j;
  }
  return ap / positives;
}
