import { getOrAdd } from './get-or-add.ts';
import { monthRange } from './months.ts';

/** The two quantities forecast: violent events, and the fatalities of those events. */
export const FORECAST_METRICS = ['events', 'fatalities'] as const;
export type ForecastMetric = (typeof FORECAST_METRICS)[number];
export const FORECAST_LEVELS = ['country', 'admin1'] as const;
export type ForecastLevel = (typeof FORECAST_LEVELS)[number];
/** A series' level: the levels asked for, and the mission's areas of responsibility (forecast-aor.ts). */
export type SeriesLevel = ForecastLevel | 'aor';

/** One admin1 × month of violent events (VIOLENT_TYPES: battles, GED's state-based and non-state conflict, explosions/remote violence, violence against civilians). */
export interface ViolentAreaMonth {
  admin1: string;
  month: string;
  events: number;
  fatalities: number;
  /** Of `events`, those dated from the 16th of the month on: the month's most recent half. */
  lateEvents: number;
}

/** One area's dense monthly series over the panel's months. */
export interface PanelSeries {
  level: SeriesLevel;
  key: string;
  events: number[];
  fatalities: number[];
  /** Violent events dated from the 16th of each month on (ViolentAreaMonth.lateEvents). */
  lateEvents: number[];
  /** Index of the first month with a violent event; the area is forecast from then on. */
  firstActive: number;
  /** Indexes (into the panel's series) of the admin1 areas that border this one (or lie in it, for a
   * partly covered province of an area of responsibility). */
  neighbours: number[];
}

/** A country's violent events and fatalities by month, for the country and for each admin1. */
export interface ForecastPanel {
  country: string;
  months: string[];
  series: PanelSeries[];
}

/**
 * Builds the dense panel from the counts up to `lastMonth`: the country series (every violent
 * event, with or without an admin1) first, then each admin1 with a violent event by `lastMonth`,
 * from the country's first month with violence. `neighbours` maps an admin1 to the admin1 names it
 * borders; names with no events by `lastMonth` are ignored, so nothing about a later area leaks in.
 * Pure.
 */
export function buildForecastPanel(
  country: string,
  rows: readonly ViolentAreaMonth[],
  lastMonth: string,
  neighbours: ReadonlyMap<string, readonly string[]> = new Map(),
): ForecastPanel {
  const used = rows.filter((r) => r.month <= lastMonth && r.events > 0);
  if (!used.length) return { country, months: [], series: [] };
  let first = used[0]!.month;
  for (const r of used) if (r.month < first) first = r.month;
  const months = monthRange(first, lastMonth);
  const index = new Map(months.map((m, i) => [m, i]));
  const empty = (level: ForecastLevel, key: string): PanelSeries => ({
    level,
    key,
    events: months.map(() => 0),
    fatalities: months.map(() => 0),
    lateEvents: months.map(() => 0),
    firstActive: months.length,
    neighbours: [],
  });
  const total = empty('country', country);
  const areas = new Map<string, PanelSeries>();
  for (const r of used) {
    const i = index.get(r.month)!;
    total.events[i]! += r.events;
    total.fatalities[i]! += r.fatalities;
    total.lateEvents[i]! += r.lateEvents;
    total.firstActive = Math.min(total.firstActive, i);
    if (!r.admin1) continue;
    const a = getOrAdd(areas, r.admin1, () => empty('admin1', r.admin1));
    a.events[i]! += r.events;
    a.fatalities[i]! += r.fatalities;
    a.lateEvents[i]! += r.lateEvents;
    a.firstActive = Math.min(a.firstActive, i);
  }
  const series = [total, ...[...areas.values()].sort((x, y) => x.key.localeCompare(y.key))];
  const position = new Map(series.map((s, i) => [s.level === 'admin1' ? s.key : '', i]));
  for (const s of series) {
    if (s.level !== 'admin1') continue;
    const near = neighbours.get(s.key) ?? [];
    s.neighbours = near
      .map((n) => position.get(n))
      .filter((i): i is number => i !== undefined && i > 0 && series[i] !== s)
      .sort((x, y) => x - y);
  }
  return { country, months, series };
}
