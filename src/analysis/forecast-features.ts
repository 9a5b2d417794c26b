import type { ForecastMetric, ForecastPanel } from './forecast-panel.ts';
import { negativeBinomialCusum } from './nb-cusum.ts';

/**
 * The predictors of an area's log1p count h months after an origin, all measured at or before
 * the origin: its own recent level (the last three months one by one; means over 3, 12 and 36
 * months, whose differences carry the trend), how often it had any violence in the last year and
 * how long since the last, the other metric's recent level, the neighbours' recent level (areas
 * sharing a border, or the rest of the country when no boundaries are loaded), the country's
 * level, the season of the target month, whether an escalation alert fired in the last three
 * months, and the violent events of the origin month's second half, the area's and the country's
 * (its most recent news: an attack on the 30th says more about next month than one on the 2nd, and
 * fighting that breaks out late in the month elsewhere in the country may reach the area next).
 * Everything is on the log1p scale, so one pooled model fits quiet and busy areas alike.
 */
export const FEATURE_NAMES = [
  'intercept',
  'last',
  'lag1',
  'lag2',
  'mean3',
  'mean12',
  'mean36',
  'share12',
  'sinceLast',
  'other3',
  'other12',
  'neighbours3',
  'neighbours12',
  'country3',
  'isCountry',
  'seasonSin',
  'seasonCos',
  'alert3',
  'recent',
  'late',
  'countryLate',
] as const;

/** Half-life (months) of the weighted mean of recent log counts (`recent`). */
const RECENT_HALF_LIFE = 3;

/** Horizons (months) for which the country's violent events of the origin month's second half count. */
const COUNTRY_LATE_HORIZONS = 3;

export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Per-series log1p values with prefix sums, so each window mean is O(1). */
interface LogSeries {
  values: Float64Array;
  prefix: Float64Array;
  /** Prefix count of months with any (≥ 1) count. */
  active: Float64Array;
  /** Index of the last month with a count at or before each month, −1 if none. */
  lastActive: Int32Array;
  /** Exponentially weighted mean of log1p up to each month (half-life RECENT_HALF_LIFE). */
  recent: Float64Array;
}

function logSeries(counts: readonly number[]): LogSeries {
  const n = counts.length;
  const values = new Float64Array(n);
  const prefix = new Float64Array(n + 1);
  const active = new Float64Array(n + 1);
  const lastActive = new Int32Array(n);
  const recent = new Float64Array(n);
  const a = 0.5 ** (1 / RECENT_HALF_LIFE);
  let num = 0;
  let den = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    values[i] = Math.log1p(counts[i]!);
    prefix[i + 1] = prefix[i]! + values[i]!;
    active[i + 1] = active[i]! + (counts[i]! > 0 ? 1 : 0);
    if (counts[i]! > 0) last = i;
    lastActive[i] = last;
    num = a * num + values[i]!;
    den = a * den + 1;
    recent[i] = num / den;
  }
  return { values, prefix, active, lastActive, recent };
}

/** Mean over the `w` months ending at t (fewer at the panel's start). */
export function windowMean(prefix: Float64Array, t: number, w: number): number {
  const from = Math.max(0, t - w + 1);
  return (prefix[t + 1]! - prefix[from]!) / (t + 1 - from);
}

/** What the features are computed from; built once per panel and metric. */
export interface FeatureSource {
  panel: ForecastPanel;
  metric: ForecastMetric;
  own: LogSeries[];
  other: LogSeries[];
  /** For each series and month, whether an escalation alert (on events) fired in the last 3 months. */
  alert: Uint8Array[];
  /** For each series, the series whose mean is its neighbours' level. */
  neighbourSets: number[][];
  /** Calendar month (0–11) of the panel's first month. */
  firstCalendarMonth: number;
}

export function featureSource(panel: ForecastPanel, metric: ForecastMetric): FeatureSource {
  const other: ForecastMetric = metric === 'events' ? 'fatalities' : 'events';
  const admins = panel.series.map((s, i) => (s.level === 'admin1' ? i : -1)).filter((i) => i >= 0);
  return {
    panel,
    metric,
    own: panel.series.map((s) => logSeries(s[metric])),
    other: panel.series.map((s) => logSeries(s[other])),
    alert: panel.series.map((s) => {
      const flags = new Uint8Array(s.events.length);
      // The CUSUM is a forward pass: an alarm at month t uses months ≤ t only.
      for (const a of negativeBinomialCusum(s.events))
        for (let t = a.alarm; t < Math.min(flags.length, a.alarm + 3); t++) flags[t] = 1;
      return flags;
    }),
    neighbourSets: panel.series.map((s, i) => {
      if (s.level === 'country') return admins;
      return s.neighbours.length ? s.neighbours : admins.filter((j) => j !== i);
    }),
    firstCalendarMonth: panel.months.length ? Number(panel.months[0]!.slice(5, 7)) - 1 : 0,
  };
}

/**
 * Writes the features of series `s` at origin `t` for a forecast `h` months ahead into `out`.
 * Neighbours count only from their own first violent month, as the model would have known them.
 */
export function writeFeatures(src: FeatureSource, s: number, t: number, h: number, out: Float64Array): void {
  const own = src.own[s]!;
  const other = src.other[s]!;
  const v = own.values;
  let n3 = 0;
  let n12 = 0;
  let nn = 0;
  for (const j of src.neighbourSets[s]!) {
    if (src.panel.series[j]!.firstActive > t) continue;
    n3 += windowMean(src.own[j]!.prefix, t, 3);
    n12 += windowMean(src.own[j]!.prefix, t, 12);
    nn++;
  }
  const since = own.lastActive[t]! < 0 ? 36 : Math.min(36, t - own.lastActive[t]!);
  const twelve = Math.min(12, t + 1);
  const month = (src.firstCalendarMonth + t + h) % 12;
  out[0] = 1;
  out[1] = v[t]!;
  out[2] = t >= 1 ? v[t - 1]! : 0;
  out[3] = t >= 2 ? v[t - 2]! : 0;
  out[4] = windowMean(own.prefix, t, 3);
  out[5] = windowMean(own.prefix, t, 12);
  out[6] = windowMean(own.prefix, t, 36);
  out[7] = (own.active[t + 1]! - own.active[t + 1 - twelve]!) / twelve;
  out[8] = Math.log1p(since);
  out[9] = windowMean(other.prefix, t, 3);
  out[10] = windowMean(other.prefix, t, 12);
  out[11] = nn ? n3 / nn : 0;
  out[12] = nn ? n12 / nn : 0;
  out[13] = windowMean(src.own[0]!.prefix, t, 3);
  out[14] = src.panel.series[s]!.level === 'country' ? 1 : 0;
  out[15] = Math.sin((2 * Math.PI * month) / 12);
  out[16] = Math.cos((2 * Math.PI * month) / 12);
  out[17] = src.alert[s]![t]!;
  out[18] = own.recent[t]!;
  out[19] = Math.log1p(src.panel.series[s]!.lateEvents[t]!);
  // The country's second half is news for the next three months only (the fits four to six
  // months ahead see zeros): with it, they scored 0.1–1.4 points worse in both backtests.
  out[20] = h <= COUNTRY_LATE_HORIZONS ? Math.log1p(src.panel.series[0]!.lateEvents[t]!) : 0;
}
