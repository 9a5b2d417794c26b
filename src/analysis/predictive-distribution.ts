/**
 * A predictive distribution of a count, kept as sorted samples (equally likely values). Every
 * forecast and every baseline is one, so the backtest scores them all the same way.
 */
export interface PredictiveDistribution {
  /** Sorted ascending, non-negative. */
  samples: Float64Array;
}

export function fromSamples(values: ArrayLike<number>): PredictiveDistribution {
  const samples = Float64Array.from(values as ArrayLike<number>, (v) => Math.max(0, v));
  samples.sort();
  return { samples };
}

/** A distribution that puts all its mass on one value: how a point baseline is scored. */
export function pointMass(value: number): PredictiveDistribution {
  return { samples: Float64Array.of(Math.max(0, value)) };
}

export function mean(d: PredictiveDistribution): number {
  let s = 0;
  for (const v of d.samples) s += v;
  return s / d.samples.length;
}

/** The forecast to use under a log-scale error: exp(E[log(1 + y)]) − 1. */
export function logPoint(d: PredictiveDistribution): number {
  let s = 0;
  for (const v of d.samples) s += Math.log1p(v);
  return Math.expm1(s / d.samples.length);
}

/** The q-quantile, interpolated between order statistics. */
export function quantile(d: PredictiveDistribution, q: number): number {
  const x = d.samples;
  const pos = q * (x.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(x.length - 1, lo + 1);
  return x[lo]! + (x[hi]! - x[lo]!) * (pos - lo);
}

/** Share of the mass at or above `value`. */
export function probabilityAtLeast(d: PredictiveDistribution, value: number): number {
  let n = 0;
  for (const v of d.samples) if (v >= value) n++;
  return n / d.samples.length;
}

/**
 * The continuous ranked probability score of the sample distribution against the outcome y:
 * E|X − y| − ½ E|X − X′|, the second term from the sorted samples in one pass. For a point mass it
 * is the absolute error.
 */
export function crps(d: PredictiveDistribution, y: number): number {
  const x = d.samples;
  const n = x.length;
  let absErr = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    absErr += Math.abs(x[i]! - y);
    spread += (2 * (i + 1) - n - 1) * x[i]!;
  }
  return absErr / n - spread / (n * n);
}
