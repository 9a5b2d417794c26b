import { baselineForecast } from './forecast-baselines.ts';
import { FEATURE_COUNT, featureSource, writeFeatures } from './forecast-features.ts';
import type { ForecastMetric, ForecastPanel, SeriesLevel } from './forecast-panel.ts';
import { fromSamples, type PredictiveDistribution } from './predictive-distribution.ts';
import { RidgeAccumulator } from './ridge-regression.ts';

/**
 * The forecast model: a pooled ridge regression (standardised columns) of an area's log1p count
 * h months after an origin on the features at the origin (forecast-features.ts), the season
 * features taken for the month forecast, fitted on every area and every past origin whose outcome
 * is known by the origin, older origins discounted. Horizons 1–3 share the one-month-ahead fit:
 * its rows are the most recent evidence, and a fit of their own, on rows two or three months
 * older, scored worse in the backtest; horizons 4–6 have their own fits, which carry the pull
 * back to an area's usual level that the one-month fit lacks (docs/forecasts.md). The predictive distribution at
 * horizon h adds to the fitted value the errors that these coefficients make h months ahead on the
 * training rows of recent years whose fitted values were alike (five bins by fitted value: a quiet
 * area's errors are not a busy one's), shifted so that its mean log1p is the fitted value, and maps
 * back with expm1, floored at zero. Why this model: see docs/forecasts.md.
 */
export interface ForecastModelOptions {
  /** Furthest horizon fitted (months). */
  horizons: number;
  /** Ridge penalty per unit of training weight. */
  lambda: number;
  /** Half-life (months) of a training row's weight. */
  halfLife: number;
  /** Months of recent training origins whose residuals make the predictive distribution. */
  residualWindow: number;
  /** Bins by fitted value for the residuals. */
  residualBins: number;
  /**
   * The quantile of a bin's residuals above which they are brought down to it (1: none). The
   * largest of them are a few shocks (Juba, December 2013) that every area of the bin would
   * otherwise borrow, inflating its mean.
   */
  residualCap: number;
  /** Samples kept per predictive distribution. */
  samples: number;
  /** Shift each distribution so that its mean log1p is the fitted value (see `centring`). */
  centre: boolean;
  /** Columns of the features used (the others are zeroed), for comparing candidates. */
  features?: readonly number[];
  /**
   * Horizons up to this one are forecast by the one-month-ahead fit; each horizon beyond it has a
   * fit of its own.
   */
  sharedFitHorizons: number;
  /**
   * The correlation between two areas assumed when the country's forecast is summed from its
   * areas' (forecast-country-sum.ts).
   */
  areaCorrelation: number;
}

export const DEFAULT_FORECAST_MODEL: ForecastModelOptions = {
  horizons: 6,
  lambda: 1,
  halfLife: 60,
  residualWindow: 60,
  residualBins: 5,
  residualCap: 0.98,
  samples: 100,
  centre: true,
  sharedFitHorizons: 3,
  areaCorrelation: 0.2,
};

/** The model's forecast for one series at one origin and horizon. */
export interface ModelForecast {
  series: number;
  origin: number;
  horizon: number;
  metric: ForecastMetric;
  distribution: PredictiveDistribution;
}

interface TrainingRow {
  origin: number;
  x: Float64Array;
  y: number;
}

/** Fewest training rows before a model is fitted at all. */
const MIN_ROWS = 30;

/**
 * Months of data below which ranges are kept at least as wide as the model's typical error: the
 * backtest's two years, before which no skill is measured. A fit on a few months' rows, or a
 * bootstrap from a few months, knows little and would claim much (two months of a country gave an
 * 80% range of 6–8 events a month for a month that saw 15).
 */
export const SHORT_HISTORY_MONTHS = 24;

/**
 * The spread of log(1 + n) a range keeps at least on a short history, as a standard deviation:
 * between the one-month errors of the log-average of 12 months in the backtests of CAR and South
 * Sudan (events 0.48 and 0.78, deaths 1.0 and 1.6; docs/forecasts.md).
 */
const SHORT_HISTORY_SD: Record<ForecastMetric, number> = { events: 0.6, fatalities: 1.3 };

/** How many months of its own the typical error counts for beside an area's own spread. */
const PRIOR_MONTHS = 12;

/** The 10th-to-90th width of a normal spread of that deviation: the floor of the 80% range. */
const shortHistorySpread = (metric: ForecastMetric) => 2 * 1.2816 * SHORT_HISTORY_SD[metric];

/** Half-life (months) of the weights a short history's months take in its forecast's centre. */
const SHORT_HISTORY_HALF_LIFE = 3;

/**
 * The forecast of an area with too few rows to fit on a short history: its months' log-average,
 * recent months weighing more (half-life SHORT_HISTORY_HALF_LIFE, as the model's weighted mean of
 * recent log counts: three quiet months before fifteen of 25 to 30 events must not hold the
 * forecast at 18), spread by logistic quantiles of a deviation between SHORT_HISTORY_SD and its
 * own months' about that centre (their variances pooled, the typical error counting as twelve
 * months), in place of a bootstrap that two months would make two values.
 */
export function shortHistoryForecast(
  counts: readonly number[],
  t: number,
  metric: ForecastMetric,
  samples: number,
): PredictiveDistribution {
  const logs = counts.slice(0, t + 1).map(Math.log1p);
  const decay = 0.5 ** (1 / SHORT_HISTORY_HALF_LIFE);
  const weights = logs.map((_, i) => decay ** (logs.length - 1 - i));
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = logs.reduce((a, v, i) => a + weights[i]! * v, 0) / total;
  const own = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, logs.length - 1));
  const n = logs.length - 1;
  const prior = SHORT_HISTORY_SD[metric];
  const sd = Math.sqrt((n * own ** 2 + PRIOR_MONTHS * prior ** 2) / (n + PRIOR_MONTHS));
  const scale = (Math.max(sd, prior) * Math.sqrt(3)) / Math.PI;
  const values = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const q = (i + 0.5) / samples;
    values[i] = Math.expm1(mean + scale * Math.log(q / (1 - q)));
  }
  return fromSamples(values);
}

/**
 * Runs the model forward through the panel's months and returns its forecasts at each origin asked
 * for (indexes into panel.months), for every series active by then and every horizon. At origin t
 * the model has seen only rows whose outcome month is ≤ t, so a forecast at t is the same whether
 * the panel ends at t or years later. Where there are too few training rows (under 30) to fit or
 * to draw a horizon's errors from, the area's bootstrap baseline is its forecast, or on a history
 * under two years shortHistoryForecast; under two years every range is at least as wide as the
 * typical error (SHORT_HISTORY_SD).
 */
export function runForecastModel(
  panel: ForecastPanel,
  metric: ForecastMetric,
  origins: readonly number[],
  level: SeriesLevel,
  options: ForecastModelOptions = DEFAULT_FORECAST_MODEL,
): ModelForecast[] {
  const src = featureSource(panel, metric);
  const wanted = new Set(origins);
  const last = Math.max(-1, ...origins);
  const out: ModelForecast[] = [];
  const p = FEATURE_COUNT;
  const mask = options.features ? new Set(options.features) : null;
  const discount = 0.5 ** (1 / options.halfLife);
  const fits = Array.from({ length: options.horizons }, () => ({
    acc: new RidgeAccumulator(p),
    rows: [] as TrainingRow[],
  }));
  // Admin-1 forecasts learn from the country's series too (its larger counts steady the fit, as
  // the backtest shows); the country's own forecast (where it is not the sum of its areas',
  // forecast-country-sum.ts) learns from its own series only, since the admin-1 rows, many and
  // small, would pull it to their scale. Areas of responsibility are groups of admin-1 areas: their
  // forecasts come from the admin-1 model, and their series, which repeat the admin-1 counts, are
  // never training rows.
  const trainsOn = (l: SeriesLevel) => l !== 'aor' && (level !== 'country' || l === 'country');
  const features = (s: number, t: number, h: number) => {
    const x = new Float64Array(p);
    writeFeatures(src, s, t, h, x);
    if (mask) for (let j = 1; j < p; j++) if (!mask.has(j)) x[j] = 0;
    return x;
  };
  for (let t = 0; t <= last; t++) {
    // Rows whose outcome month is t become known now: origin t − h for each horizon h. Every
    // horizon keeps its rows (its errors make its distribution); only fitted horizons accumulate.
    for (let h = 1; h <= options.horizons; h++) {
      const fit = fits[h - 1]!;
      const fitted = h === 1 || h > options.sharedFitHorizons;
      if (fitted) fit.acc.discount(discount);
      const s0 = t - h;
      if (s0 < 0) continue;
      for (let s = 0; s < panel.series.length; s++) {
        if (panel.series[s]!.firstActive > s0 || !trainsOn(panel.series[s]!.level)) continue;
        const x = features(s, s0, h);
        const y = src.own[s]!.values[t]!;
        if (fitted) fit.acc.add(x, y);
        fit.rows.push({ origin: s0, x, y });
      }
    }
    if (!wanted.has(t)) continue;
    // Each series' errors at the horizon before, so that a range never narrows further out; on a
    // short history, at first the typical error's spread.
    const nearer = new Map<number, number>();
    const short = t + 1 < SHORT_HISTORY_MONTHS;
    if (short) for (let s = 0; s < panel.series.length; s++) nearer.set(s, shortHistorySpread(metric));
    for (let h = 1; h <= options.horizons; h++) {
      const fit = fits[h > options.sharedFitHorizons ? h - 1 : 0]!;
      const errors = fits[h - 1]!.rows;
      if (fit.rows.length < MIN_ROWS || errors.length < MIN_ROWS) {
        // Too little history to fit: each area's own last three years, drawn at random, stand in.
        for (let s = 0; s < panel.series.length; s++) {
          if (panel.series[s]!.firstActive > t || panel.series[s]!.level !== level) continue;
          const distribution = short
            ? shortHistoryForecast(panel.series[s]![metric], t, metric, options.samples)
            : baselineForecast('bootstrap', panel.series[s]![metric], t);
          out.push({ series: s, origin: t, horizon: h, metric, distribution });
        }
        continue;
      }
      const beta = fit.acc.solve(options.lambda)!;
      const bins = residualBins(errors, beta, t - h - options.residualWindow, options);
      for (let s = 0; s < panel.series.length; s++) {
        if (panel.series[s]!.firstActive > t || panel.series[s]!.level !== level) continue;
        const f = dot(beta, features(s, t, h));
        const r = atLeastAsWide(binFor(bins, f), nearer, s);
        const c = options.centre ? centring(f, r) : 0;
        const values = new Float64Array(r.length);
        for (let i = 0; i < r.length; i++) values[i] = Math.expm1(f + c + r[i]!);
        out.push({ series: s, origin: t, horizon: h, metric, distribution: fromSamples(values) });
      }
    }
  }
  return out;
}

function dot(beta: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let j = 0; j < beta.length; j++) s += beta[j]! * x[j]!;
  return s;
}

interface ResidualBin {
  /** Upper edge of the fitted values in this bin (the last bin is open). */
  upTo: number;
  /** Residuals at evenly spaced ranks, `samples` of them. */
  residuals: Float64Array;
}

/** The recent training rows' residuals under `beta`, split into bins by fitted value. */
function residualBins(
  rows: readonly TrainingRow[],
  beta: Float64Array,
  fromOrigin: number,
  o: ForecastModelOptions,
): ResidualBin[] {
  const recent = rows.filter((r) => r.origin >= fromOrigin);
  const used = recent.length >= MIN_ROWS ? recent : rows;
  const pairs = used.map((r) => {
    const f = dot(beta, r.x);
    return { f, e: r.y - f };
  });
  pairs.sort((a, b) => a.f - b.f);
  const k = Math.max(1, Math.min(o.residualBins, Math.floor(pairs.length / MIN_ROWS)));
  const bins: ResidualBin[] = [];
  for (let b = 0; b < k; b++) {
    const part = pairs.slice(Math.floor((b * pairs.length) / k), Math.floor(((b + 1) * pairs.length) / k));
    const e = Float64Array.from(part, (x) => x.e).sort();
    const residuals = new Float64Array(o.samples);
    for (let i = 0; i < o.samples; i++) residuals[i] = e[Math.floor(((i + 0.5) * e.length) / o.samples)]!;
    const cap = residuals[Math.min(o.samples - 1, Math.floor(o.residualCap * o.samples))]!;
    for (let i = 0; i < o.samples; i++) residuals[i] = Math.min(residuals[i]!, cap);
    bins.push({ upTo: b === k - 1 ? Number.POSITIVE_INFINITY : part[part.length - 1]!.f, residuals });
  }
  return bins;
}

/**
 * A series' residuals at this horizon, widened where they spread less (from the 10th to the 90th
 * of their values) than its residuals one horizon nearer did; the spread is carried to the next
 * horizon. Horizons 4–6 have fits of their own, whose errors on their own rows can be narrower
 * than the one-month fit's three months ahead: a range that narrowed further out would claim to
 * know the sixth month better than the third. The values between the 10th and the 90th are
 * stretched about the median to the spread before; those beyond move with their end, so that the
 * tails are not stretched too (on the log scale a stretched upper tail would inflate the mean).
 */
export function atLeastAsWide(r: Float64Array, nearer: Map<number, number>, series: number): Float64Array {
  const { lo, hi } = spreadEnds(r);
  const spread = hi - lo;
  const before = nearer.get(series) ?? 0;
  if (spread >= before || spread <= 0) {
    nearer.set(series, Math.max(spread, before));
    return r;
  }
  nearer.set(series, before);
  const median = r[Math.floor(r.length / 2)]!;
  const k = before / spread;
  const newLo = median + (lo - median) * k;
  const newHi = median + (hi - median) * k;
  return r.map((e) => (e <= lo ? e + newLo - lo : e >= hi ? e + newHi - hi : median + (e - median) * k));
}

/** The 10th and 90th of a series' 100 residuals, the ends of its 80% range. */
function spreadEnds(r: Float64Array): { lo: number; hi: number } {
  return { lo: r[Math.floor(r.length * 0.1)]!, hi: r[Math.min(r.length - 1, Math.floor(r.length * 0.9))]! };
}

function binFor(bins: readonly ResidualBin[], f: number): Float64Array {
  for (const b of bins) if (f <= b.upTo) return b.residuals;
  return bins[bins.length - 1]!.residuals;
}

/**
 * The shift c that makes the mean of max(0, f + c + r) equal to the fitted value f (floored at a
 * small positive level): a count cannot fall below zero, so residuals borrowed from rows with
 * other fitted values would otherwise raise the distribution's log-mean above the regression's.
 */
function centring(f: number, r: Float64Array): number {
  const target = Math.max(f, 0.01);
  const g = (c: number) => {
    let s = 0;
    for (const e of r) s += Math.max(0, f + c + e);
    return s / r.length;
  };
  if (g(0) <= target) return 0;
  let lo = -10;
  let hi = 0;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (g(mid) > target) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}
