import { fromSamples, type PredictiveDistribution, pointMass } from './predictive-distribution.ts';

/**
 * The naive forecasts every model must beat, each from the area's own counts up to the origin:
 * zero; the last month repeated; the mean of the last 12 months; the mean of log1p over the last
 * 12 months mapped back (the best constant under a log-scale error); and a bootstrap, which draws
 * next month from the area's own last 36 months. The first four are point masses (their CRPS is
 * the absolute error, their "interval" a single value).
 */
export const BASELINES = ['zero', 'last', 'mean12', 'meanLog12', 'bootstrap'] as const;
export type Baseline = (typeof BASELINES)[number];

/** Months the bootstrap draws from. */
const BOOTSTRAP_MONTHS = 36;

export function baselineForecast(
  which: Baseline,
  counts: readonly number[],
  t: number,
): PredictiveDistribution {
  const from = (w: number) => counts.slice(Math.max(0, t - w + 1), t + 1);
  switch (which) {
    case 'zero':
      return pointMass(0);
    case 'last':
      return pointMass(counts[t]!);
    case 'mean12': {
      const w = from(12);
      return pointMass(w.reduce((a, b) => a + b, 0) / w.length);
    }
    case 'meanLog12': {
      const w = from(12);
      return pointMass(Math.expm1(w.reduce((a, b) => a + Math.log1p(b), 0) / w.length));
    }
    case 'bootstrap':
      return fromSamples(from(BOOTSTRAP_MONTHS));
  }
}
