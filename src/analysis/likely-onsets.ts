import type { AreaForecast } from './forecast.ts';

/** What a forecast says of an area's chance of deaths starting. */
type OnsetForecast = Pick<AreaForecast, 'key' | 'month' | 'horizon' | 'metric' | 'pOnset'>;

/**
 * Quiet areas (no death in the 12 months to the origin) whose chance of deaths is `min` or more in
 * one of the next three months: each with its likeliest month and that month's chance, the
 * likeliest first. The chance is of that one month, not of the three together, which the months'
 * forecasts do not give (they are not independent). The brief and the workbench list these.
 */
export function likelyOnsets(
  forecasts: readonly OnsetForecast[],
  min = 0.2,
): { key: string; month: string; p: number }[] {
  const best = new Map<string, { key: string; month: string; p: number }>();
  for (const f of forecasts) {
    if (f.metric !== 'fatalities' || f.pOnset === null || f.horizon > 3) continue;
    const b = best.get(f.key);
    if (!b || f.pOnset > b.p) best.set(f.key, { key: f.key, month: f.month, p: f.pOnset });
  }
  return [...best.values()].filter((x) => x.p >= min).sort((a, b) => b.p - a.p || a.key.localeCompare(b.key));
}
