import type { Kysely } from 'kysely';
import type { AlertLevel, EscalationAlert } from '../domain/alert.ts';
import type { EventCitation } from '../domain/event-citation.ts';
import { isViolent, VIOLENCE_TYPES } from '../domain/violence-type.ts';
import type { Database } from '../store/schema.ts';
import type { AreaMonth } from './analysis-queries.ts';
import { readEvidence } from './evidence-events.ts';
import { buildFatalitySeries, detectFatalityAlerts, readMassCasualtyMonths } from './fatality-alerts.ts';
import { getOrAdd } from './get-or-add.ts';
import type { LogCusumOptions } from './log-cusum.ts';
import { addMonths, denseSeries, lastDayOf, monthRange } from './months.ts';
import { type CusumOptions, negativeBinomialCusum } from './nb-cusum.ts';
import { detectNewActors, type NewActorOptions } from './new-actor-alerts.ts';
import type { ActorMonth } from './perpetrator-queries.ts';

/** One monthly series to test: the country, an admin1 or an actor, dense from its first month. */
export interface AlertSeries {
  level: AlertLevel;
  country: string;
  key: string;
  admin1?: string;
  actor?: string;
  months: string[];
  counts: number[];
}

export interface AlertSeriesOptions {
  lastMonth: string;
  /** When the analysis is of one admin1, the country series is not built. */
  admin1?: string;
  /** Actors with fewer violent events than this up to lastMonth are not tested. */
  minActorEvents: number;
}

function addTo(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/**
 * Builds the monthly violent-event series to test: each country and each admin1 from the country's
 * first month of data (so a quiet province's zeros count), and each actor (either side of an
 * event, civilians excepted) from its own first month. Pure.
 */
export function buildAlertSeries(
  areaMonths: readonly AreaMonth[],
  actorMonths: readonly ActorMonth[],
  o: AlertSeriesOptions,
): AlertSeries[] {
  const countries = new Map<string, Map<string, number>>();
  const admins = new Map<string, { country: string; admin1: string; monthly: Map<string, number> }>();
  const firstMonthOf = new Map<string, string>();
  for (const c of areaMonths) {
    const f = firstMonthOf.get(c.country);
    if (!f || c.month < f) firstMonthOf.set(c.country, c.month);
    if (o.admin1 === undefined) {
      addTo(
        getOrAdd(countries, c.country, () => new Map()),
        c.month,
        c.violentEvents,
      );
    }
    if (c.admin1) {
      const k = `${c.country}\u001f${c.admin1}`;
      const a = getOrAdd(admins, k, () => ({ country: c.country, admin1: c.admin1, monthly: new Map() }));
      addTo(a.monthly, c.month, c.violentEvents);
    }
  }
  const actors = new Map<
    string,
    { country: string; actor: string; monthly: Map<string, number>; total: number; first: string }
  >();
  for (const c of actorMonths) {
    if (!c.events) continue;
    const k = `${c.country}\u001f${c.actor}`;
    const a = getOrAdd(actors, k, () => ({
      country: c.country,
      actor: c.actor,
      monthly: new Map<string, number>(),
      total: 0,
      first: c.month,
    }));
    addTo(a.monthly, c.month, c.events);
    a.total += c.events;
    if (c.month < a.first) a.first = c.month;
  }
  const out: AlertSeries[] = [];
  const dense = (first: string, monthly: Map<string, number>) => {
    const months = monthRange(first, o.lastMonth);
    return { months, counts: denseSeries(months, monthly) };
  };
  const byKey = <T>(m: Map<string, T>) => [...m].sort((x, y) => x[0].localeCompare(y[0])).map(([, v]) => v);
  for (const [country, monthly] of [...countries].sort((x, y) => x[0].localeCompare(y[0])))
    out.push({ level: 'country', country, key: country, ...dense(firstMonthOf.get(country)!, monthly) });
  for (const a of byKey(admins))
    out.push({
      level: 'admin1',
      country: a.country,
      key: a.admin1,
      admin1: a.admin1,
      ...dense(firstMonthOf.get(a.country)!, a.monthly),
    });
  for (const a of byKey(actors))
    if (a.total >= o.minActorEvents)
      out.push({
        level: 'actor',
        country: a.country,
        key: a.actor,
        actor: a.actor,
        ...dense(a.first, a.monthly),
      });
  return out;
}

export type DetectedAlert = Omit<EscalationAlert, 'evidence'> & { series: AlertSeries };

/** A CUSUM's alarm on one series as an escalation alert of `metric` (either test's alarms). */
export function cusumAlert(
  s: AlertSeries,
  a: { start: number; alarm: number; baseline: number; observed: number; score: number },
  metric: DetectedAlert['metric'],
  threshold: number,
): DetectedAlert {
  return {
    level: s.level,
    country: s.country,
    key: s.key,
    start: s.months[a.start]!,
    alarm: s.months[a.alarm]!,
    metric,
    kind: 'escalation',
    baseline: round2(a.baseline),
    observed: round2(a.observed),
    score: round2(a.score),
    threshold,
    counts: s.counts.slice(a.start, a.alarm + 1),
    series: s,
  };
}

/** Runs the CUSUM on each series and keeps the alarms that fall on or after `firstMonth`. Pure. */
export function detectAlerts(
  series: readonly AlertSeries[],
  cusum: CusumOptions,
  firstMonth: string,
): DetectedAlert[] {
  const found: DetectedAlert[] = [];
  for (const s of series) {
    for (const a of negativeBinomialCusum(s.counts, cusum)) {
      if (s.months[a.alarm]! >= firstMonth) found.push(cusumAlert(s, a, 'events', cusum.threshold));
    }
  }
  return found.sort(byLevel);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface EscalationAlertOptions extends AlertSeriesOptions {
  country?: string;
  cusum: CusumOptions;
  /** The test of monthly deaths (log-cusum.ts). */
  fatalityCusum: LogCusumOptions;
  newActors: NewActorOptions;
  firstMonth: string;
  evidenceLimit: number;
}

/** Alerts in the order they are shown: country, admin1, actor; then country, start, key. */
function byLevel(x: DetectedAlert, y: DetectedAlert): number {
  const order: Record<AlertLevel, number> = { country: 0, admin1: 1, actor: 2 };
  return (
    order[x.level] - order[y.level] ||
    x.country.localeCompare(y.country) ||
    x.start.localeCompare(y.start) ||
    x.key.localeCompare(y.key) ||
    x.metric.localeCompare(y.metric) ||
    x.kind.localeCompare(y.kind)
  );
}

/**
 * Every alarm of the three tests (violent events, deaths, new actors) in the series given, whose
 * alarm falls at or after `firstMonth`, in the order they are shown; without evidence.
 */
export async function detectAllAlerts(
  db: Kysely<Database>,
  areaMonths: readonly AreaMonth[],
  actorMonths: readonly ActorMonth[],
  o: Omit<EscalationAlertOptions, 'evidenceLimit'>,
): Promise<DetectedAlert[]> {
  const massCasualty = await readMassCasualtyMonths(
    db,
    { country: o.country, admin1: o.admin1 },
    o.lastMonth,
  );
  return [
    ...detectAlerts(buildAlertSeries(areaMonths, actorMonths, o), o.cusum, o.firstMonth),
    ...detectFatalityAlerts(
      buildFatalitySeries(areaMonths, o.admin1),
      massCasualty,
      o.fatalityCusum,
      o.firstMonth,
    ),
    ...detectNewActors(areaMonths, actorMonths, o.newActors, o.firstMonth, o.lastMonth),
  ].sort(byLevel);
}

/** Alerts for the country, each admin1 and each actor of the cells given, with their evidence. */
export async function escalationAlerts(
  db: Kysely<Database>,
  areaMonths: readonly AreaMonth[],
  actorMonths: readonly ActorMonth[],
  o: EscalationAlertOptions,
): Promise<EscalationAlert[]> {
  const found = await detectAllAlerts(db, areaMonths, actorMonths, o);
  const evidence = await Promise.all(
    found.map((a) => alertEvidence(db, a, { admin1: o.admin1, evidenceLimit: o.evidenceLimit })),
  );
  return found.map((a, i) => withEvidence(a, evidence[i]!));
}

/** The events behind one alert: the most lethal violent events of its area or actor in its last three months. */
export async function alertEvidence(
  db: Kysely<Database>,
  a: DetectedAlert,
  o: { admin1?: string; evidenceLimit: number },
): Promise<EventCitation[]> {
  const rows = await readEvidence(db, {
    country: a.country,
    admin1: a.series.admin1 ?? o.admin1,
    actor: a.series.actor,
    // The events of the rise up to the alarm, at most its last three months: enough to show
    // what happened, and bounded however long the rise (a country of 6,000 events a month).
    from: `${[a.start, addMonths(a.alarm, -2)].sort()[1]}-01`,
    to: lastDayOf(a.alarm),
    violenceTypes: VIOLENCE_TYPES.filter(isViolent),
    limit: o.evidenceLimit,
    order: 'lethal',
  });
  return rows.map(
    (e): EventCitation => ({
      id: e.id,
      source: e.source,
      sourceEventId: e.sourceEventId,
      date: e.date,
      admin1: e.admin1,
      actor1: e.actor1,
      fatalities: e.fatalities,
    }),
  );
}

/** An alert as the analysis gives it: without its series, with its evidence. */
export function withEvidence(
  { series: _series, ...a }: DetectedAlert,
  evidence: EventCitation[],
): EscalationAlert {
  return { ...a, evidence };
}
