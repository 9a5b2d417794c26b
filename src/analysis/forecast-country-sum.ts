import { baselineForecast } from './forecast-baselines.ts';
import {
  type ForecastModelOptions,
  type ModelForecast,
  runForecastModel,
  SHORT_HISTORY_MONTHS,
} from './forecast-model.ts';
import type { ForecastMetric, ForecastPanel, SeriesLevel } from './forecast-panel.ts';
import { getOrAdd } from './get-or-add.ts';
import { fromSamples, type PredictiveDistribution } from './predictive-distribution.ts';

/**
 * The country's forecast as the sum of its admin-1 areas' forecasts, rather than a model of its
 * own series: a country has one monthly row a month to learn from, its areas ten to twenty. Fitted
 * on its own 29–53 months, South Sudan's country model was 59% worse than the 12-month mean for
 * events and 45% worse for deaths one to three months ahead, and its 80% ranges held 46–58% of
 * outcomes four to six months ahead; the sum of its areas is 16% and 10% better than that mean
 * (CAR: as good as its own model, within 2 points). See docs/forecasts.md.
 *
 * The areas' forecasts are not independent (fighting spreads, a rainy season falls on all), and a
 * sum of independent draws is too narrow. They are summed through a Gaussian copula with one
 * correlation between any two areas (correlatedSum). Events with no admin-1 area (2% of CAR's) are
 * one more term, drawn from their own last three years. The country's own model stands under two
 * years of data (before the backtest measures any skill), and where its areas hold under half its
 * events.
 */

/** The share of the country's violent events (over three years) its areas must hold for their sum to stand. */
const PLACED_SHARE = 0.5;

/** Months over which that share is counted. */
const PLACED_MONTHS = 36;

/** Draws from the sum kept as its distribution. */
const DRAWS = 200;

/**
 * The model's forecasts for the series of a level: the country's as the sum of its areas' where
 * the panel has admin-1 areas, otherwise the model's own (and every other level's).
 */
export function runLevelForecasts(
  panel: ForecastPanel,
  metric: ForecastMetric,
  origins: readonly number[],
  level: SeriesLevel,
  model: ForecastModelOptions,
): ModelForecast[] {
  const country = panel.series.findIndex((s) => s.level === 'country');
  if (level !== 'country' || country < 0) return runForecastModel(panel, metric, origins, level, model);
  // The country's own forecast stands under two years of data (its log-average, kept as wide as
  // the typical error: shortHistoryForecast, where a sum of areas with a few months each claims
  // more), and where its admin-1 areas hold under half its violent events (events with no admin-1
  // area, from a source that names none).
  const placed = placedShare(panel, country);
  const summed = origins.filter((t) => t + 1 >= SHORT_HISTORY_MONTHS && placed(t) >= PLACED_SHARE);
  const sum = new Set(summed);
  const own = origins.filter((t) => !sum.has(t));
  const out = own.length ? runForecastModel(panel, metric, own, level, model) : [];
  if (!summed.length) return out;
  const byStep = new Map<string, ModelForecast[]>();
  for (const f of runForecastModel(panel, metric, summed, 'admin1', model))
    if (panel.series[f.series]!.level === 'admin1')
      getOrAdd(byStep, `${f.origin}:${f.horizon}`, () => []).push(f);
  const rest = unplacedSeries(panel, metric, country);
  const firstUnplaced = rest.findIndex((n) => n > 0);
  for (const list of byStep.values()) {
    const { origin, horizon } = list[0]!;
    const terms = list.map((f) => f.distribution);
    if (firstUnplaced >= 0 && firstUnplaced <= origin)
      terms.push(baselineForecast('bootstrap', rest, origin));
    out.push({
      series: country,
      origin,
      horizon,
      metric,
      distribution: correlatedSum(terms, model.areaCorrelation, seedOf(origin, horizon)),
    });
  }
  return out.sort((a, b) => a.origin - b.origin || a.horizon - b.horizon);
}

/**
 * The share of the country's violent events in the PLACED_MONTHS up to each month that its admin-1
 * areas hold (0 where it has none in them).
 */
function placedShare(panel: ForecastPanel, country: number): (t: number) => number {
  const all = panel.series[country]!.events;
  const rest = unplacedSeries(panel, 'events', country);
  return (t) => {
    let n = 0;
    let off = 0;
    for (let m = Math.max(0, t - PLACED_MONTHS + 1); m <= t; m++) {
      n += all[m]!;
      off += rest[m]!;
    }
    return n > 0 ? 1 - off / n : 0;
  };
}

/** Each month's count of the country's events with no admin-1 area (the country's less its areas'). */
function unplacedSeries(panel: ForecastPanel, metric: ForecastMetric, country: number): number[] {
  const rest = [...panel.series[country]![metric]];
  for (const s of panel.series)
    if (s.level === 'admin1') for (let m = 0; m < rest.length; m++) rest[m]! -= s[metric][m]!;
  return rest.map((n) => Math.max(0, n));
}

/**
 * Draws of the sum of several distributions whose values move together with correlation `rho`
 * (a Gaussian copula): each term's latent normal is √ρ·z + √(1−ρ)·eᵢ, z shared by all terms in a
 * draw. Each term's draws are then its values at evenly spaced quantiles, handed out in the order of
 * its latents (as Iman and Conover impose a rank correlation), so every term's own distribution is
 * used whole, and the sum's mean is the sum of the terms' means, whatever the draws. Deterministic:
 * the normals come from a generator seeded by `seed`.
 */
export function correlatedSum(
  terms: readonly PredictiveDistribution[],
  rho: number,
  seed: number,
): PredictiveDistribution {
  const normal = normalDraws(seed);
  const shared = Float64Array.from({ length: DRAWS }, normal).map((z) => Math.sqrt(rho) * z);
  const own = Math.sqrt(1 - rho);
  const sums = new Float64Array(DRAWS);
  const latent = new Float64Array(DRAWS);
  const order = new Uint32Array(DRAWS);
  for (const t of terms) {
    const x = t.samples;
    for (let k = 0; k < DRAWS; k++) {
      latent[k] = shared[k]! + own * normal();
      order[k] = k;
    }
    order.sort((a, b) => latent[a]! - latent[b]!);
    for (let r = 0; r < DRAWS; r++) sums[order[r]!]! += x[Math.floor(((r + 0.5) / DRAWS) * x.length)]!;
  }
  return fromSamples(sums);
}

/** A seed per origin and horizon, so a forecast does not depend on what else was computed with it. */
function seedOf(origin: number, horizon: number): number {
  return (origin * 31 + horizon) * 2654435761;
}

/** Standard normal variates (Box–Muller) from a small seeded generator (mulberry32). */
function normalDraws(seed: number): () => number {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}
