/**
 * Escalation test for monthly deaths: a CUSUM on the logarithm of the count.
 *
 * Why not the negative-binomial test of the event counts. Monthly deaths are heavy-tailed: one
 * massacre is one event and hundreds of deaths, so a month's deaths can be a hundred times the
 * area's usual while its events barely move. A count model fitted to such a series either takes
 * its variance from the massacres (and then never fires on a sustained rise) or does not (and then
 * fires on every massacre's aftermath). On the log scale, log(1 + deaths), the tail becomes a
 * spread of a few units, and a standardised CUSUM (a Gaussian log-likelihood ratio for a shift of
 * `2 × allowance` spreads) adds up months that are high against the area's own recent level: a
 * sustained rise in deaths fires, one odd month does not. The level is the mean of the last
 * `window` months, the spread the standard deviation of the last `spreadWindow` months around
 * their yearly means (so a past change of level is not mistaken for spread), floored at
 * `minSpread` so a calm area's near-constant zero does not make one death an alarm. The single
 * catastrophic month is the mass-casualty rule's job (fatality-alerts.ts), not this test's.
 */
export interface LogCusumOptions {
  window: number;
  spreadWindow: number;
  minSpread: number;
  /** Half the shift to detect, in spreads: 1 detects a rise of two spreads. */
  allowance: number;
  threshold: number;
  minHistory: number;
  maxRun: number;
}

export const DEFAULT_LOG_CUSUM_OPTIONS: LogCusumOptions = {
  window: 6,
  spreadWindow: 36,
  minSpread: 0.75,
  allowance: 1,
  threshold: 5,
  minHistory: 6,
  maxRun: 12,
};

export interface LogCusumAlarm {
  start: number;
  alarm: number;
  /** Mean deaths per month in the baseline window. */
  baseline: number;
  /** Mean deaths per month from start to alarm. */
  observed: number;
  score: number;
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Standard deviation around the mean of each block of 12 months (pooled), as nb-cusum measures dispersion. */
function spreadOf(xs: readonly number[]): number {
  let squares = 0;
  let freedom = 0;
  for (let end = xs.length; end > 0; end -= 12) {
    const part = xs.slice(Math.max(0, end - 12), end);
    const m = mean(part);
    squares += part.reduce((a, b) => a + (b - m) ** 2, 0);
    freedom += part.length - 1;
  }
  return freedom > 0 ? Math.sqrt(squares / freedom) : 0;
}

/** Runs the log-scale CUSUM over one dense monthly series of deaths; every alarm, oldest first. Pure. */
export function logScaleCusum(
  counts: readonly number[],
  options: Partial<LogCusumOptions> = {},
): LogCusumAlarm[] {
  const o = { ...DEFAULT_LOG_CUSUM_OPTIONS, ...options };
  const logs = counts.map((c) => Math.log1p(c));
  const alarms: LogCusumAlarm[] = [];
  let score = 0;
  let runStart = -1;
  let level = 0;
  let spread = o.minSpread;
  let baseline = 0;
  for (let t = 0; t < counts.length; t++) {
    if (score > 0 && t - runStart >= o.maxRun) score = 0;
    if (score === 0) {
      if (t < o.minHistory) continue;
      const from = Math.max(0, t - o.window);
      level = mean(logs.slice(from, t));
      baseline = mean(counts.slice(from, t));
      spread = Math.max(o.minSpread, spreadOf(logs.slice(Math.max(0, t - o.spreadWindow), t)));
    }
    const next = Math.max(0, score + (logs[t]! - level) / spread - o.allowance);
    if (score === 0 && next > 0) runStart = t;
    score = next;
    if (score >= o.threshold) {
      alarms.push({
        start: runStart,
        alarm: t,
        baseline,
        observed: mean(counts.slice(runStart, t + 1)),
        score,
      });
      score = 0;
    }
  }
  return alarms;
}
