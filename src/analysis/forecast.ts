import type { Kysely } from 'kysely';
import type { AreaOfResponsibility } from '../domain/plan.ts';
import type { Database } from '../store/schema.ts';
import { areaAdjacency } from './area-adjacency.ts';
import { addAreasOfResponsibility, partlyCoveredProvinces } from './forecast-aor.ts';
import { runLevelForecasts } from './forecast-country-sum.ts';
import { DEFAULT_FORECAST_MODEL, type ModelForecast } from './forecast-model.ts';
import { isQuiet, onsetProbability } from './forecast-onset.ts';
import {
  buildForecastPanel,
  type ForecastLevel,
  type ForecastMetric,
  type ForecastPanel,
  type SeriesLevel,
} from './forecast-panel.ts';
import { readBoundaries, readViolentAdmin2Months, readViolentAreaMonths } from './forecast-queries.ts';
import { addMonths } from './months.ts';
import { logPoint, mean, quantile } from './predictive-distribution.ts';

/** One area's forecast for one month, as the contract of `tandem forecast` writes it. */
export interface AreaForecast {
  /** "aor" for the mission's areas of responsibility, whose `key` is their name. */
  level: SeriesLevel;
  key: string;
  /** The forecast month, YYYY-MM. */
  month: string;
  /** Months from the origin to `month`. */
  horizon: number;
  metric: ForecastMetric;
  /** exp(E[log(1 + y)]) − 1: the forecast to use under a log-scale error. */
  point: number;
  mean: number;
  quantiles: { '0.1': number; '0.5': number; '0.9': number };
  /**
   * Probability of at least one death in the month, for an area with no death in the 12 months to
   * the origin (an onset); null for an area where deaths are already recent.
   */
  pOnset: number | null;
}

/** A series' recent months, for drawing the forecast beside the history. */
export interface ForecastHistory {
  level: SeriesLevel;
  key: string;
  metric: ForecastMetric;
  months: string[];
  values: number[];
}

/**
 * The panel for a country as known at the end of `origin`: counts of months ≤ origin only, and
 * the boundaries' adjacency (geography, not data: a border does not move with later events); with
 * the mission's areas of responsibility, when given, as series of level "aor".
 */
export async function readForecastPanel(
  db: Kysely<Database>,
  country: string,
  origin: string,
  areasOfResponsibility: readonly AreaOfResponsibility[] = [],
): Promise<ForecastPanel> {
  const [rows, boundaries, admin2Rows] = await Promise.all([
    readViolentAreaMonths(db, country, origin),
    readBoundaries(db, country),
    readViolentAdmin2Months(db, country, origin, partlyCoveredProvinces(areasOfResponsibility)),
  ]);
  const panel = buildForecastPanel(country, rows, origin, areaAdjacency(boundaries));
  return areasOfResponsibility.length
    ? addAreasOfResponsibility(panel, areasOfResponsibility, admin2Rows)
    : panel;
}

export interface ForecastOptions {
  level: ForecastLevel;
  horizons: number;
  metrics: readonly ForecastMetric[];
  historyMonths: number;
}

/**
 * Forecasts every area of the level with a violent event by the panel's last month (the origin)
 * for each of the next `horizons` months, from the model trained on the panel alone, and every
 * area of responsibility in the panel (level "aor") after them. Pure.
 */
export function forecastPanel(
  panel: ForecastPanel,
  o: ForecastOptions,
): { forecasts: AreaForecast[]; history: ForecastHistory[] } {
  const origin = panel.months.length - 1;
  if (origin < 0) return { forecasts: [], history: [] };
  const levels: SeriesLevel[] = [o.level];
  if (panel.series.some((s) => s.level === 'aor')) levels.push('aor');
  const forecasts = levels.flatMap((level) => forecastLevel(panel, level, o));
  const from = Math.max(0, origin - o.historyMonths + 1);
  const history = panel.series
    .filter((s) => levels.includes(s.level) && s.firstActive <= origin)
    .flatMap((s) =>
      o.metrics.map((metric) => ({
        level: s.level,
        key: s.key,
        metric,
        months: panel.months.slice(from),
        values: s[metric].slice(from),
      })),
    );
  return { forecasts, history };
}

function forecastLevel(panel: ForecastPanel, level: SeriesLevel, o: ForecastOptions): AreaForecast[] {
  const origin = panel.months.length - 1;
  const model = { ...DEFAULT_FORECAST_MODEL, horizons: o.horizons };
  const byKey = (fs: ModelForecast[]) => new Map(fs.map((f) => [`${f.series}:${f.horizon}`, f]));
  const fatalBy = byKey(runLevelForecasts(panel, 'fatalities', [origin], level, model));
  const forecasts: AreaForecast[] = [];
  for (const metric of o.metrics) {
    const own =
      metric === 'fatalities' ? fatalBy : byKey(runLevelForecasts(panel, metric, [origin], level, model));
    panel.series.forEach((s, i) => {
      if (s.level !== level || s.firstActive > origin) return;
      const quiet = isQuiet(s.fatalities, origin);
      for (let h = 1; h <= o.horizons; h++) {
        // The model forecasts every active area of the level at every horizon (see runForecastModel).
        const d = own.get(`${i}:${h}`)!.distribution;
        const df = fatalBy.get(`${i}:${h}`)!.distribution;
        forecasts.push({
          level: s.level,
          key: s.key,
          month: addMonths(panel.months[origin]!, h),
          horizon: h,
          metric,
          point: round(logPoint(d)),
          mean: round(mean(d)),
          quantiles: {
            '0.1': round(quantile(d, 0.1)),
            '0.5': round(quantile(d, 0.5)),
            '0.9': round(quantile(d, 0.9)),
          },
          pOnset: quiet ? round(onsetProbability(df, s.fatalities, origin), 3) : null,
        });
      }
    });
  }
  return forecasts;
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
