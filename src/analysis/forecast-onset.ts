import { type PredictiveDistribution, probabilityAtLeast } from './predictive-distribution.ts';

/**
 * Onset: the first death in an area that had none in the 12 months up to the origin. Its
 * probability for a month ahead is the mean of two estimates: the share of the model's fatalities
 * distribution at one death or more (it knows the area's violence without deaths, its neighbours'
 * and the country's), and the share of the area's last 36 months with a death (the bootstrap's
 * estimate: where deaths were, they return). Each alone ranked the onsets that came about equally
 * in the backtest; their mean ranked them better than either (docs/forecasts.md). A logistic
 * regression fitted on the quiet area-months themselves ranked them worse than both, and is not used.
 */

/** Months without a death, up to the origin, that make an area quiet. */
export const QUIET_MONTHS = 12;
/** Months whose deaths the bootstrap's estimate counts. */
const SHARE_MONTHS = 36;

/** Whether the area had no death in the QUIET_MONTHS months up to origin `t`. */
export function isQuiet(fatalities: readonly number[], t: number): boolean {
  for (let i = Math.max(0, t - QUIET_MONTHS + 1); i <= t; i++) if (fatalities[i]! > 0) return false;
  return true;
}

/** Share of the area's last 36 months (up to origin `t`) with a death: the bootstrap's probability. */
export function deathShare(fatalities: readonly number[], t: number): number {
  const from = Math.max(0, t - SHARE_MONTHS + 1);
  let n = 0;
  for (let i = from; i <= t; i++) if (fatalities[i]! > 0) n++;
  return n / (t + 1 - from);
}

/**
 * The probability of onset in a month ahead, from the model's fatalities distribution for that
 * month and the area's fatalities up to origin `t`: at least one death (a value ≥ 0.5 rounds to
 * one) under the model, averaged with the area's death share.
 */
export function onsetProbability(
  fatalities: PredictiveDistribution,
  pastFatalities: readonly number[],
  t: number,
): number {
  return (probabilityAtLeast(fatalities, 0.5) + deathShare(pastFatalities, t)) / 2;
}
