/**
 * Escalation test: a negative-binomial CUSUM on monthly event counts, with the baseline taken
 * from the months just before the current rise began.
 *
 * Why this test. Monthly conflict counts are overdispersed (their variance is many times their
 * mean: a quiet province has a bad month now and then), so a Poisson test fires on ordinary noise.
 * The negative binomial with a dispersion estimated from the area's last three years widens what
 * counts as normal for a bursty area and stays sharp for a steady one. The baseline *level* is the
 * last six months, not the last year: after a lull (CAR in the second half of 2020) the rise is
 * measured against the lull, as an analyst would measure it, rather than against a year that still
 * holds the tail of the previous wave. The dispersion is measured around each year's own level, so a
 * trend in the window is not mistaken for burstiness, and the baseline is widened for the
 * uncertainty of a six-month mean, which would otherwise turn every chance low into a false alarm. A CUSUM, not a
 * single-month threshold, because what we want is a *sustained* rise: it adds up the evidence
 * month after month (the log-likelihood ratio of "the mean has multiplied by `shift`" against
 * "the mean is the baseline") and forgets it when months fall back to normal, so a run of
 * moderately high months fires while a single odd month does not. Its last zero-crossing before
 * the alarm dates the start of the rise, which is what an analyst asks first. The baseline is
 * frozen while a run is open, so the rise cannot raise its own bar; after an alarm the score is
 * reset and the window moves on, so a rise that keeps rising fires again and a new, higher level
 * becomes the norm after `window` months. A Bayesian change point would date the change as well,
 * but costs far more per series, and this runs for every area and actor of a country in well
 * under a second. The false-alarm rate is set by `threshold` (h): a higher h means fewer false
 * alarms and a later alarm; bench/alert-calibration.ts prints what each h gives.
 */
export interface CusumOptions {
  /** Months in the trailing window whose mean is the baseline level. */
  window: number;
  /** The rise to detect, as a multiple of the baseline mean (2 = a doubling). */
  shift: number;
  /**
   * Months used to estimate the dispersion (at least `window`): twelve points give a variance too
   * noisy to trust, and an underestimated variance is a false alarm waiting to happen.
   */
  dispersionWindow: number;
  /**
   * The dispersion window is cut into blocks of this many months, and each month's deviation is
   * taken from its own block's mean: a level that moved between years is not burstiness.
   */
  dispersionBlock: number;
  /** Decision threshold h on the CUSUM score; sets the false-alarm rate. */
  threshold: number;
  /** Floor on the baseline mean (events per month), so a zero baseline still gives a finite test. */
  minBaseline: number;
  /** Months of history a series needs before it is tested at all. */
  minHistory: number;
  /**
   * Longest run (months) the score may stay open without an alarm before the baseline is refreshed:
   * a slow drift that takes years to add up is a new normal, not an escalation, and would date
   * the "start" years too early.
   */
  maxRun: number;
}

export const DEFAULT_CUSUM_OPTIONS: CusumOptions = {
  window: 6,
  dispersionWindow: 36,
  dispersionBlock: 12,
  shift: 2,
  threshold: 5,
  minBaseline: 0.5,
  minHistory: 6,
  maxRun: 12,
};

/** One alarm: indexes into the series, the baseline it was measured against, and its score. */
export interface CusumAlarm {
  /**
   * Index of the first month of the rise: the change point within the open run that best explains
   * the months up to the alarm (see `changePoint`).
   */
  start: number;
  /** Index of the month after the score's last zero: where the open run began. */
  runStart: number;
  /** Index of the month the score crossed the threshold. */
  alarm: number;
  /** Baseline mean events per month (after the floor). */
  baseline: number;
  /** Negative-binomial size parameter of the baseline, widened for the uncertainty of its mean. */
  size: number;
  /** Mean events per month from start to alarm. */
  observed: number;
  score: number;
}

export interface Baseline {
  mean: number;
  size: number;
}

/** Mean of a window of counts, with the floor applied. */
export function baselineMean(window: readonly number[], minBaseline: number): number {
  const mean = window.length ? window.reduce((a, b) => a + b, 0) / window.length : 0;
  return Math.max(mean, minBaseline);
}

/**
 * Negative-binomial size of a window by the method of moments, with the variance measured around
 * a moving level: each point against the mean of its own block of `block` months (blocks counted
 * back from the window's end), pooled over the blocks. A window that spans a past rise therefore
 * does not pass the step for burstiness. Infinity (Poisson) where the window is not overdispersed.
 */
export function dispersionSize(window: readonly number[], block: number): number {
  let squares = 0;
  let freedom = 0;
  let total = 0;
  for (let end = window.length; end > 0; end -= block) {
    const part = window.slice(Math.max(0, end - block), end);
    const sum = part.reduce((a, b) => a + b, 0);
    const mean = sum / part.length;
    total += sum;
    squares += part.reduce((a, b) => a + (b - mean) ** 2, 0);
    freedom += part.length - 1;
  }
  const mean = window.length ? total / window.length : 0;
  const variance = freedom > 0 ? squares / freedom : 0;
  return variance > mean && mean > 0 ? (mean * mean) / (variance - mean) : Number.POSITIVE_INFINITY;
}

/**
 * The baseline widened for the uncertainty of its mean, estimated from `months` months: the
 * predictive variance of next month's count is the count's own variance times (1 + 1/months). A
 * short window reacts to the recent level; this keeps it from firing on a chance low.
 */
export function predictiveBaseline(base: Baseline, months: number): Baseline {
  const variance = base.mean + (Number.isFinite(base.size) ? (base.mean * base.mean) / base.size : 0);
  const widened = variance * (1 + 1 / Math.max(1, months));
  return { mean: base.mean, size: (base.mean * base.mean) / (widened - base.mean) };
}

/**
 * Log-likelihood ratio of one count under NB(mean mu1, size r) against NB(mean mu0, size r); the
 * Poisson ratio when r is infinite.
 */
export function nbLogLikelihoodRatio(x: number, mu0: number, mu1: number, size: number): number {
  if (!Number.isFinite(size)) return x * Math.log(mu1 / mu0) - (mu1 - mu0);
  const r = size;
  return x * Math.log((mu1 * (mu0 + r)) / (mu0 * (mu1 + r))) - r * Math.log((mu1 + r) / (mu0 + r));
}

/**
 * Runs the CUSUM over one dense monthly series (one count per month, no gaps) and returns every
 * alarm, oldest first. Months before `minHistory` are never tested. Pure and O(n · window).
 */
export function negativeBinomialCusum(
  counts: readonly number[],
  options: Partial<CusumOptions> = {},
): CusumAlarm[] {
  const o = { ...DEFAULT_CUSUM_OPTIONS, ...options };
  const alarms: CusumAlarm[] = [];
  let score = 0;
  let runStart = -1;
  let base: Baseline | null = null;
  for (let t = 0; t < counts.length; t++) {
    if (score > 0 && t - runStart >= o.maxRun) score = 0;
    if (score === 0) {
      if (t < o.minHistory) continue;
      const recent = counts.slice(Math.max(0, t - o.window), t);
      const mean = baselineMean(recent, o.minBaseline);
      const long = counts.slice(Math.max(0, t - Math.max(o.window, o.dispersionWindow)), t);
      base = predictiveBaseline({ mean, size: dispersionSize(long, o.dispersionBlock) }, recent.length);
    }
    const b = base!;
    const next = Math.max(0, score + nbLogLikelihoodRatio(counts[t]!, b.mean, b.mean * o.shift, b.size));
    if (score === 0 && next > 0) runStart = t;
    score = next;
    if (score >= o.threshold) {
      const start = changePoint(counts, runStart, t, b);
      const months = counts.slice(start, t + 1);
      alarms.push({
        start,
        runStart,
        alarm: t,
        baseline: b.mean,
        size: b.size,
        observed: months.reduce((a, c) => a + c, 0) / months.length,
        score,
      });
      score = 0;
    }
  }
  return alarms;
}

/**
 * Dates the rise inside an open run. The CUSUM's last zero-crossing is where evidence began to
 * pile up, but a mild elevated stretch before a sharp jump drags it months too early (South Sudan
 * drifted up through 2013 before the war of December). So, among the months from the run start to
 * the alarm, pick the one where a step up to the mean of the months that follow fits best: the
 * profile log-likelihood ratio with the post-change mean estimated, the size held at the baseline's.
 */
export function changePoint(
  counts: readonly number[],
  runStart: number,
  alarm: number,
  base: Baseline,
): number {
  let best = runStart;
  let bestScore = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let tau = alarm; tau >= runStart; tau--) {
    sum += counts[tau]!;
    const mu1 = sum / (alarm - tau + 1);
    if (mu1 <= base.mean) continue;
    let score = 0;
    for (let i = tau; i <= alarm; i++) score += nbLogLikelihoodRatio(counts[i]!, base.mean, mu1, base.size);
    // Ties go to the earlier month: the rise began no later than that.
    if (score >= bestScore) {
      bestScore = score;
      best = tau;
    }
  }
  return best;
}
