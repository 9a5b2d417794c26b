import { type Kysely, sql } from 'kysely';
import { VIOLENT_TYPES } from '../domain/violence-type.ts';
import type { Database } from '../store/schema.ts';
import type { AnalysisScope } from './aggregate-scope.ts';
import type { AreaMonth } from './analysis-queries.ts';
import { type AlertSeries, cusumAlert, type DetectedAlert } from './escalation-alerts.ts';
import { getOrAdd } from './get-or-add.ts';
import { type LogCusumOptions, logScaleCusum } from './log-cusum.ts';
import { denseSeries, monthRange } from './months.ts';

/**
 * Whether an event's dates say in which month its deaths fell: a span of a month at most, taken as
 * its first month as every count takes it (27 May to 3 June 2001, Bangui's coup attempt, is May).
 * GED dates some events only to a longer span ("1 February to 31 March 2014", 198 deaths in Ouham)
 * or a year: such an event raised a one-month massacre alert the source does not date. Their
 * deaths still count in the months' deaths, which the log-scale CUSUM watches.
 */
function datedToAMonth(start: string, end: string): boolean {
  return Date.parse(end) - Date.parse(start) <= 31 * 86_400_000;
}

/** Deaths in one event from which it is a mass-casualty event. */
export const MASS_CASUALTY_DEATHS = 100;

/**
 * The deadliest violent event of each area and month that had one of at least MASS_CASUALTY_DEATHS
 * dated to a month at most (datedToAMonth; country-wide under admin1 ''), keyed
 * `country \u001f admin1 \u001f month`. Few rows: only such events are read.
 */
export async function readMassCasualtyMonths(
  db: Kysely<Database>,
  scope: AnalysisScope,
  toMonth: string,
): Promise<Map<string, number>> {
  let q = db
    .selectFrom('events')
    .select(['country', 'admin1', 'month', 'fatalities', 'date_start', 'date_end'])
    // A literal, not a parameter: the partial index events_mass_casualty (migration 027) is used
    // only when the query's own condition is seen to imply the index's.
    .where(sql<boolean>`fatalities >= ${sql.lit(MASS_CASUALTY_DEATHS)}`)
    .where('violence_type', 'in', [...VIOLENT_TYPES])
    .where('month', '<=', toMonth);
  if (scope.country !== undefined) q = q.where('country', '=', scope.country);
  if (scope.admin1 !== undefined) q = q.where('admin1', '=', scope.admin1);
  const out = new Map<string, number>();
  const keep = (k: string, n: number) => out.set(k, Math.max(out.get(k) ?? 0, n));
  for (const r of await q.execute()) {
    if (!datedToAMonth(r.date_start, r.date_end)) continue;
    keep(`${r.country}\u001f${r.admin1}\u001f${r.month}`, Number(r.fatalities));
    keep(`${r.country}\u001f\u001f${r.month}`, Number(r.fatalities));
  }
  return out;
}

/**
 * Monthly deaths in violent events (riots' and protests' are left out, as the forecasts leave
 * them out) of the country and of each admin1, dense from the country's first month (so a quiet
 * province's zeros count), as escalation-alerts.ts builds the event series. Pure.
 */
export function buildFatalitySeries(areaMonths: readonly AreaMonth[], admin1?: string): AlertSeries[] {
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  const countries = new Map<string, Map<string, number>>();
  const admins = new Map<string, { country: string; admin1: string; monthly: Map<string, number> }>();
  for (const c of areaMonths) {
    if (!first.has(c.country) || c.month < first.get(c.country)!) first.set(c.country, c.month);
    if (!last.has(c.country) || c.month > last.get(c.country)!) last.set(c.country, c.month);
    if (admin1 === undefined) {
      const m = getOrAdd(countries, c.country, () => new Map<string, number>());
      m.set(c.month, (m.get(c.month) ?? 0) + c.violentFatalities);
    }
    if (c.admin1) {
      const a = getOrAdd(admins, `${c.country}\u001f${c.admin1}`, () => ({
        country: c.country,
        admin1: c.admin1,
        monthly: new Map<string, number>(),
      }));
      a.monthly.set(c.month, (a.monthly.get(c.month) ?? 0) + c.violentFatalities);
    }
  }
  const out: AlertSeries[] = [];
  for (const [country, monthly] of [...countries].sort((x, y) => x[0].localeCompare(y[0]))) {
    const months = monthRange(first.get(country)!, last.get(country)!);
    out.push({ level: 'country', country, key: country, months, counts: denseSeries(months, monthly) });
  }
  for (const a of [...admins.values()].sort(
    (x, y) => x.country.localeCompare(y.country) || x.admin1.localeCompare(y.admin1),
  )) {
    const months = monthRange(first.get(a.country)!, last.get(a.country)!);
    out.push({
      level: 'admin1',
      country: a.country,
      key: a.admin1,
      admin1: a.admin1,
      months,
      counts: denseSeries(months, a.monthly),
    });
  }
  return out;
}

/**
 * Alerts on deaths: a mass-casualty month (a month with an event of at least 100 deaths, whatever
 * the area's deaths before it: a massacre never becomes background, and the first of two must not
 * hide the second), and a sustained rise of monthly deaths (log-cusum.ts); where both fall on the
 * same month, the mass casualty is the alert. The mass casualty's baseline is the area's mean
 * monthly deaths over the six months before, for context: it decides nothing. Pure.
 */
export function detectFatalityAlerts(
  series: readonly AlertSeries[],
  massCasualty: ReadonlyMap<string, number>,
  cusum: LogCusumOptions,
  firstMonth: string,
): DetectedAlert[] {
  const found: DetectedAlert[] = [];
  for (const s of series) {
    const admin1 = s.admin1 ?? '';
    const massMonths = new Set<number>();
    s.months.forEach((m, t) => {
      const deaths = massCasualty.get(`${s.country}\u001f${admin1}\u001f${m}`);
      if (deaths === undefined) return;
      // The months before are reported, not tested: a rule that asked them to be quiet let a
      // massacre hide the next one (West Darfur, June and November 2023; docs/alerts.md).
      const before = s.counts.slice(Math.max(0, t - 6), t);
      const average = before.length ? before.reduce((a, b) => a + b, 0) / before.length : 0;
      massMonths.add(t);
      if (m < firstMonth) return;
      found.push({
        level: s.level,
        country: s.country,
        key: s.key,
        start: m,
        alarm: m,
        metric: 'fatalities',
        kind: 'mass-casualty',
        baseline: round2(average),
        observed: s.counts[t]!,
        score: deaths,
        threshold: MASS_CASUALTY_DEATHS,
        counts: [s.counts[t]!],
        series: s,
      });
    });
    for (const a of logScaleCusum(s.counts, cusum)) {
      // A rise that holds a mass-casualty month is that month's alert again, not a second signal.
      if (s.months[a.alarm]! < firstMonth || [...massMonths].some((t) => t >= a.start && t <= a.alarm))
        continue;
      found.push(cusumAlert(s, a, 'fatalities', cusum.threshold));
    }
  }
  return found;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
