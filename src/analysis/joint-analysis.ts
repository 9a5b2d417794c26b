import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { DriverTaxonomy } from '../domain/driver.ts';
import { FieldError } from '../domain/field-error.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { ViolenceType } from '../domain/violence-type.ts';
import type { HiddenEvents } from '../store/hidden-records.ts';
import type { Database } from '../store/schema.ts';
import type { AnalysisScope } from './aggregate-scope.ts';
import {
  type AreaMonth,
  areaMonthsOf,
  monthBreakdownOf,
  readActorRegister,
  readAreaMonths,
  readMonthBreakdown,
} from './analysis-queries.ts';
import { dataGaps } from './data-gap.ts';
import { summariseDrivers } from './driver-findings.ts';
import { loadDriverTaxonomy } from './driver-rules.ts';
import { periodOfScope } from './event-scope-check.ts';
import { readSourceIds } from './event-source-ids.ts';
import { readMonthsWithEvents } from './forecast-queries.ts';
import { getOrAdd } from './get-or-add.ts';
import { readHiddenActorCounts, shownActor } from './hidden-actor-counts.ts';
import { analysisProvenance } from './joint-analysis-provenance.ts';
import type {
  AreaSummary,
  Hotspot,
  JointAnalysis,
  PerpetratorProfile,
  Trend,
} from './joint-analysis-result.ts';
import { DEFAULT_LOG_CUSUM_OPTIONS } from './log-cusum.ts';
import { addMonths, denseSeries, lastDayOf, monthRange } from './months.ts';
import { type CusumOptions, DEFAULT_CUSUM_OPTIONS } from './nb-cusum.ts';
import { DEFAULT_NEW_ACTOR_OPTIONS } from './new-actor-alerts.ts';
import { readPeriodAlerts } from './period-alerts.ts';
import { readPeriodEdges } from './period-edges.ts';
import {
  actorsWithCivilianFigure,
  type PerpetratorCell,
  readActorMonths,
  readPerpetrators,
  readThreatCells,
} from './perpetrator-queries.ts';
import type { NotesAccess } from './readable-notes.ts';
import { thinLastMonth } from './thin-last-month.ts';
import { harmedMost, proposeThreatsFromData } from './threat-proposals.ts';
import { trendOf, trendWindow } from './trend.ts';

export interface JointAnalysisOptions extends AnalysisScope {
  /** Inclusive YYYY-MM-DD bounds; default the first and last event of the scope. */
  from?: string;
  to?: string;
  cusum?: Partial<CusumOptions>;
  /** Events listed behind each alert, driver and threat. */
  evidenceLimit?: number;
  /** Most recent events whose notes are read for driver suggestions. */
  driverSample?: number;
  perpetratorLimit?: number;
  threatLimit?: number;
  hotspotLimit?: number;
  /** Months at the end of the period compared with the months before them for trends. */
  trendMonths?: number;
  /** Actors need this many violent events up to the period's end to be tested for escalation. */
  minActorEvents?: number;
  taxonomy?: DriverTaxonomy;
  /** The events the requester may not read in full: counted under "(withheld)" wherever actors are named. */
  hidden?: HiddenEvents;
  /** Whose notes the analysis may read for driver suggestions (default: all, as for a local user). */
  notesAccess?: NotesAccess;
  /** When given, filled with the milliseconds each phase took (for the benchmark). */
  timings?: Record<string, number>;
}

/** The analysis's defaults (propose-threats.ts shares them). */
export const DEFAULTS = {
  evidenceLimit: 10,
  driverSample: 3000,
  perpetratorLimit: 40,
  threatLimit: 30,
  hotspotLimit: 10,
  trendMonths: 6,
  minActorEvents: 10,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The first month of a period starting on `day`, or its last month ending on it, when the period
 * holds less than 3/4 of that month's days.
 */
function partialMonth(
  day: string,
  side: 'first' | 'last',
): { month: string; days: number; of: number } | null {
  const [y, m, d] = day.split('-').map(Number);
  const of = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const days = side === 'last' ? d : of - d + 1;
  return days / of < 0.75 ? { month: day.slice(0, 7), days, of } : null;
}

function sumBy<T>(items: readonly T[], f: (t: T) => number): number {
  let s = 0;
  for (const i of items) s += f(i);
  return s;
}

function addTo(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/**
 * Runs the joint analysis of one scope (a country, or every country, optionally one admin1) over a
 * period: violence mapping (monthly series per area, perpetrator category and violence type;
 * fatalities, civilian fatalities and the state forces' share of violence against civilians),
 * hotspots by level and by change, perpetrator profiles, escalation alerts (a negative-binomial
 * CUSUM per country, admin1 and actor, see nb-cusum.ts), drivers (rule suggestions from a bounded
 * sample of event notes plus analysts' tags, joint ones apart) and the threat register (proposals
 * from the data overlaid with analysts' edits). Series and totals come from the aggregate tables;
 * raw events are read only for evidence lists and samples, each bounded.
 */
/** Groups listed per perpetrator as those it harmed most. */
const TARGETED_LISTED = 3;

export async function runJointAnalysis(
  db: Kysely<Database>,
  options: JointAnalysisOptions = {},
): Promise<JointAnalysis> {
  const o = { ...DEFAULTS, ...defined(options) };
  const cusum: CusumOptions = { ...DEFAULT_CUSUM_OPTIONS, ...defined(options.cusum ?? {}) };
  for (const [name, v] of [
    ['from', o.from],
    ['to', o.to],
  ] as const) {
    if (v !== undefined && (!DATE.test(v) || Number.isNaN(Date.parse(v))))
      throw new FieldError(name, (n) => `${n(name)} must be a date YYYY-MM-DD, got "${v}"`);
  }
  if (!(cusum.threshold > 0)) throw new TandemError('bad-input', 'the alert threshold must be above 0');
  if (!(cusum.shift > 1)) throw new TandemError('bad-input', 'the shift to detect must be above 1');
  const scope: AnalysisScope = { country: o.country, admin1: o.admin1 };
  let clock = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    if (options.timings) options.timings[phase] = Math.round(now - clock);
    clock = now;
  };
  const { from, to, last, first } = await periodOfScope(db, scope, o);
  const firstMonth = from.slice(0, 7);
  const lastMonth = to.slice(0, 7);
  const months = monthRange(firstMonth, lastMonth);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const { recentStart, previousStart } = trendWindow(months, o.trendMonths);
  const inPeriod = (m: string) => m >= firstMonth && m <= lastMonth;
  /** The trend of a monthly series; `earlier`: events of the same kind before the series' first month. */
  const trend = (monthly: ReadonlyMap<string, number>, earlier: number): Trend => {
    let recent = 0;
    let previous = 0;
    let before = earlier;
    for (const [m, n] of monthly) {
      if (m >= recentStart && m <= lastMonth) recent += n;
      else if (m >= previousStart && m < recentStart) previous += n;
      else if (m < previousStart) before += n;
    }
    return { direction: trendOf(recent, previous, before), recent, previous };
  };

  const window = { firstMonth, lastMonth, recentStart, previousStart };
  // Where the period cuts a month, its days in that month are counted from their events and
  // stand in for the month's aggregates (period-edges.ts), so that every figure of the period
  // covers the dates given. A bound not asked for is the first or last event itself, which cuts
  // no month (no event lies outside it in its month): it stands as its month's first or last day.
  const bounds = {
    from: o.from === undefined ? `${firstMonth}-01` : from,
    to: o.to === undefined ? lastDayOf(lastMonth) : to,
  };
  const edges = await readPeriodEdges(db, scope, bounds.from, bounds.to);
  const cutsMonths = edges !== null;
  // What the requester may not read in full counts under "(withheld)" wherever actors are named.
  const hidden = await readHiddenActorCounts(db, options.hidden, scope, bounds);
  /** Rows of the aggregates with the cut months' rows replaced by the period's days in them. */
  const withEdges = <R extends { month: string }>(rows: R[], edgeRows: () => R[]): R[] =>
    edges ? [...rows.filter((r) => !edges.months.has(r.month)), ...edgeRows()] : rows;
  // SQLite answers these one after the other anyway; PostgreSQL can overlap them.
  const [storedAreaMonths, storedByType, storedByCategory, perp, actorMonths, threatCells, register] =
    await Promise.all([
      readAreaMonths(db, scope, lastMonth),
      readMonthBreakdown(db, scope, firstMonth, lastMonth, 'violence_type'),
      readMonthBreakdown(db, scope, firstMonth, lastMonth, 'actor_category'),
      readPerpetrators(db, scope, firstMonth, lastMonth, previousStart, edges, hidden),
      readActorMonths(db, scope, lastMonth, hidden),
      readThreatCells(db, scope, window, hidden),
      readActorRegister(db),
    ]);
  const areaMonths = withEdges(storedAreaMonths, () => areaMonthsOf(edges!.eventCounts));
  const byType = withEdges(storedByType, () => monthBreakdownOf(edges!.eventCounts, 'violence_type'));
  const byCategory = withEdges(storedByCategory, () =>
    monthBreakdownOf(edges!.eventCounts, 'actor_category'),
  );
  const stateActors = register.state;
  lap('read aggregates');
  const periodCells = areaMonths.filter((c) => inPeriod(c.month));
  const civilianFatalitiesEvents = sumBy(periodCells, (c) => c.civilianFatalitiesKnown);
  const civilianKnown = civilianFatalitiesEvents > 0;

  // ---- Violence mapping -------------------------------------------------------------------------
  const blank = () => months.map(() => 0);
  const mapping: JointAnalysis['mapping'] = {
    months,
    events: blank(),
    fatalities: blank(),
    civilianFatalities: blank(),
    civilianTargetingEvents: blank(),
    stateCivilianTargetingEvents: blank(),
    byViolenceType: {},
    byPerpetratorCategory: {},
  };
  const knownByMonth = blank();
  for (const c of periodCells) {
    const i = monthIndex.get(c.month)!;
    mapping.events[i]! += c.events;
    mapping.fatalities[i]! += c.fatalities;
    (mapping.civilianFatalities as number[])[i]! += c.civilianFatalities;
    knownByMonth[i]! += c.civilianFatalitiesKnown;
    mapping.civilianTargetingEvents[i]! += c.civilianTargetingEvents;
    mapping.stateCivilianTargetingEvents[i]! += c.stateCivilianTargetingEvents;
  }
  mapping.civilianFatalities = mapping.civilianFatalities.map((v, i) => (knownByMonth[i] ? v : null));
  const breakdown = (rows: typeof byType) => {
    const out = new Map<string, number[]>();
    for (const r of rows) getOrAdd(out, r.key || 'unknown', blank)[monthIndex.get(r.month)!]! += r.events;
    return sortedRecord(Object.fromEntries(out));
  };
  mapping.byViolenceType = breakdown(byType);
  mapping.byPerpetratorCategory = breakdown(byCategory);

  // ---- Areas and headline -----------------------------------------------------------------------
  const areaKey = (c: { country: string; admin1: string }) => `${c.country}\u001f${c.admin1}`;
  const areaMap = new Map<
    string,
    {
      country: string;
      admin1: string;
      cells: AreaMonth[];
      monthly: Map<string, number>;
      /** The monthly events from the trend's earlier window on, before the period too. */
      forTrend: Map<string, number>;
      /** The events before the trend's earlier window: a quiet area's return is not new violence. */
      beforeTrend: number;
      known: number;
    }
  >();
  for (const c of areaMonths) {
    const k = areaKey(c);
    const a = getOrAdd(areaMap, k, () => ({
      country: c.country,
      admin1: c.admin1,
      cells: [] as AreaMonth[],
      monthly: new Map<string, number>(),
      forTrend: new Map<string, number>(),
      beforeTrend: 0,
      known: 0,
    }));
    if (c.month >= previousStart) addTo(a.forTrend, c.month, c.events);
    else a.beforeTrend += c.events;
    if (inPeriod(c.month)) {
      a.cells.push(c);
      addTo(a.monthly, c.month, c.events);
      a.known += c.civilianFatalitiesKnown;
    }
  }
  const areas: AreaSummary[] = [];
  for (const a of areaMap.values()) {
    const events = sumBy(a.cells, (c) => c.events);
    if (!events && !a.cells.length) continue;
    const t = trend(a.forTrend, a.beforeTrend);
    areas.push({
      country: a.country,
      admin1: a.admin1,
      events,
      fatalities: sumBy(a.cells, (c) => c.fatalities),
      civilianFatalities: a.known ? sumBy(a.cells, (c) => c.civilianFatalities) : null,
      civilianTargetingEvents: sumBy(a.cells, (c) => c.civilianTargetingEvents),
      trend: t.direction,
      trendDetail: t,
      series: denseSeries(months, a.monthly),
    });
  }
  areas.sort(
    (x, y) => y.events - x.events || x.country.localeCompare(y.country) || x.admin1.localeCompare(y.admin1),
  );
  const civTargeting = sumBy(periodCells, (c) => c.civilianTargetingEvents);
  const stateCivTargeting = sumBy(periodCells, (c) => c.stateCivilianTargetingEvents);
  const headlineCivilian = civilianKnown ? sumBy(areas, (a) => a.civilianFatalities ?? 0) : null;
  const headline: JointAnalysis['headline'] = {
    events: sumBy(areas, (a) => a.events),
    fatalities: sumBy(areas, (a) => a.fatalities),
    civilianFatalities: headlineCivilian,
    civilianFatalitiesEvents,
    violentEvents: sumBy(periodCells, (c) => c.violentEvents),
    civilianTargetingEvents: civTargeting,
    stateShareOfCivilianTargeting: civTargeting ? round(stateCivTargeting / civTargeting, 3) : null,
    stateCivilianTargetingEvents: stateCivTargeting,
  };

  // Months the store holds nothing of the country, in the period or the baselines before it: the
  // alerts read them as months without violence (analysis/data-gap.ts).
  const gaps = o.country
    ? dataGaps(await readMonthsWithEvents(db, o.country, lastMonth), lastMonth).filter(
        (g) => g.to >= addMonths(firstMonth, -cusum.window),
      )
    : [];

  // ---- Hotspots --------------------------------------------------------------------------------
  const hot: Hotspot[] = areas.map((a) => ({
    country: a.country,
    admin1: a.admin1,
    events: a.events,
    fatalities: a.fatalities,
    recent: a.trendDetail.recent,
    previous: a.trendDetail.previous,
    change: a.trendDetail.recent - a.trendDetail.previous,
  }));
  const byName = (x: Hotspot, y: Hotspot) =>
    x.country.localeCompare(y.country) || x.admin1.localeCompare(y.admin1);
  const hotspots = {
    byLevel: [...hot].sort((x, y) => y.events - x.events || y.fatalities - x.fatalities || byName(x, y)),
    byChange: [...hot].filter((h) => h.change > 0).sort((x, y) => y.change - x.change || byName(x, y)),
  };
  hotspots.byLevel = hotspots.byLevel.slice(0, o.hotspotLimit);
  hotspots.byChange = hotspots.byChange.slice(0, o.hotspotLimit);

  // ---- Perpetrators ----------------------------------------------------------------------------
  const perpMap = new Map<
    string,
    { cells: PerpetratorCell[]; category: Map<string, number>; monthly: Map<string, number> }
  >();
  for (const c of perp.cells) {
    const p = getOrAdd(perpMap, c.actor, () => ({
      cells: [] as PerpetratorCell[],
      category: new Map<string, number>(),
      monthly: new Map<string, number>(),
    }));
    p.cells.push(c);
    addTo(p.category, c.actorCategory, c.events);
  }
  for (const m of perp.monthly) {
    const p = perpMap.get(m.actor);
    if (p) addTo(p.monthly, m.month, m.events);
  }
  const perpBefore = new Map(perp.before.map((b) => [b.actor, b.events]));
  const profiles: PerpetratorProfile[] = [];
  for (const [actor, p] of perpMap) {
    // The events' own category where they give one; else the register's, which knows the actor
    // from its other events (a GED one-sided event names its perpetrator but not its kind).
    const known = [...p.category].filter(([c]) => c !== '');
    const category = known.length
      ? known.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]
      : (register.category.get(actor) ?? '');
    const byArea = new Map<string, number>();
    const targets: Partial<Record<ViolenceType, number>> = {};
    for (const c of p.cells) {
      addTo(byArea, c.admin1, c.events);
      const vt = c.violenceType as ViolenceType;
      targets[vt] = (targets[vt] ?? 0) + c.events;
    }
    const events = sumBy(p.cells, (c) => c.events);
    const ct = sumBy(p.cells, (c) => c.civilianTargetingEvents);
    const t = trend(p.monthly, perpBefore.get(actor) ?? 0);
    profiles.push({
      // One "(withheld)" row per category of the hidden events (withheldActorKey).
      actor: shownActor(actor),
      category,
      isState: category === 'state-forces' || stateActors.has(actor),
      events,
      fatalities: sumBy(p.cells, (c) => c.fatalities),
      civilianFatalities: civilianKnown ? sumBy(p.cells, (c) => c.civilianFatalities) : null,
      civilianTargetingEvents: ct,
      civilianTargetingShare: events ? round(ct / events, 3) : 0,
      areaCount: byArea.size,
      areas: [...byArea]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([admin1, n]) => ({ admin1, events: n })),
      targets: sortedRecord(targets),
      targetedPopulations: [],
      trend: t.direction,
      trendDetail: t,
      series: denseSeries(months, p.monthly),
    });
  }
  profiles.sort(
    (a, b) =>
      b.events - a.events ||
      b.civilianTargetingEvents - a.civilianTargetingEvents ||
      a.actor.localeCompare(b.actor) ||
      a.category.localeCompare(b.category),
  );
  // Keep the largest perpetrators, and every state actor whatever its size (the paper's friction).
  const perpetrators = profiles.filter((p, i) => i < o.perpetratorLimit || p.isState);
  // Where some sources of the period give civilian deaths and others do not, an actor known only
  // from the latter has no figure: "–", not 0.
  if (civilianKnown && civilianFatalitiesEvents < sumBy(periodCells, (c) => c.events)) {
    const withFigure = await actorsWithCivilianFigure(
      db,
      scope,
      firstMonth,
      lastMonth,
      perpetrators.map((p) => p.actor),
    );
    for (const p of perpetrators) if (!withFigure.has(p.actor)) p.civilianFatalities = null;
  }

  // ---- Escalation alerts -----------------------------------------------------------------------
  lap('mapping, areas, perpetrators');
  const dataLastMonth = last.slice(0, 7);
  const alerts = await readPeriodAlerts(db, scope, {
    firstMonth,
    lastMonth,
    dataLastMonth,
    cusum,
    evidenceLimit: o.evidenceLimit,
    minActorEvents: o.minActorEvents,
    // The cells read for the period reach the end of the data when the period does.
    read: lastMonth >= dataLastMonth ? { areaMonths: storedAreaMonths, actorMonths } : undefined,
    hidden,
  });
  lap('alerts and evidence');

  // ---- Drivers ---------------------------------------------------------------------------------
  const taxonomy = o.taxonomy ?? loadDriverTaxonomy();
  const { findings: drivers, sampled } = await summariseDrivers(db, taxonomy, {
    country: o.country,
    admin1: o.admin1,
    from,
    to,
    sample: o.driverSample,
    evidenceLimit: o.evidenceLimit,
    notesAccess: o.notesAccess,
  });

  lap('drivers');
  // ---- Threats ---------------------------------------------------------------------------------
  const proposed = await proposeThreatsFromData(db, threatCells, taxonomy, stateActors, {
    country: o.country,
    admin1: o.admin1,
    from,
    to,
    window,
    limit: o.threatLimit,
    evidenceLimit: o.evidenceLimit,
    notesAccess: o.notesAccess,
    hidden: options.hidden,
  });
  lap('threats');
  const threats = proposed.threats;
  const harmed = harmedMost(proposed, TARGETED_LISTED);
  for (const p of perpetrators) p.targetedPopulations = harmed.get(p.actor) ?? [];

  // The events drivers and threats cite, by their sources' own ids, so a brief printed or sent
  // outside the workbench can still be traced to its source (alerts' evidence carries its own).
  const citations = await readSourceIds(db, [
    ...drivers.flatMap((d) => d.evidence.flatMap((e) => (e.eventId === null ? [] : [e.eventId]))),
    ...threats.flatMap((x) => x.events),
  ]);
  const partialFirst = o.from === undefined ? null : partialMonth(from, 'first');
  // A country's record that begins in the period, or shortly before: its first months have no
  // history to test a rise against.
  const testedFrom = addMonths(first.slice(0, 7), cusum.minHistory);
  const untested = o.country !== undefined && testedFrom > firstMonth;
  const thin = thinLastMonth(mapping.months, mapping.events);
  return {
    scope: { country: o.country ?? null, admin1: o.admin1 ?? null },
    period: {
      from,
      to,
      firstMonth,
      lastMonth,
      partialLastMonth: partialMonth(to, 'last'),
      ...(partialFirst ? { partialFirstMonth: partialFirst } : {}),
      ...(thin ? { thinLastMonth: thin } : {}),
      ...(gaps.length ? { dataGaps: gaps } : {}),
      ...(untested ? { alertsTestedFrom: testedFrom, dataFirstMonth: first.slice(0, 7) } : {}),
    },
    settings: {
      cusum,
      fatalityCusum: DEFAULT_LOG_CUSUM_OPTIONS,
      newActors: DEFAULT_NEW_ACTOR_OPTIONS,
      trendMonths: o.trendMonths,
      alertMetric:
        'violent events per month (battles, state-based and non-state conflict, explosions/remote violence, violence against civilians), counted per event for the country and admin1, per involvement (either side) for actors; and deaths in them per month for the country and admin1',
      minActorEvents: o.minActorEvents,
      evidenceLimit: o.evidenceLimit,
    },
    headline,
    mapping,
    areas,
    hotspots,
    alerts,
    perpetrators,
    perpetratorCount: profiles.length,
    drivers,
    driverSample: { events: sampled, limit: o.driverSample },
    threats,
    threatCount: { shown: proposed.shown, total: proposed.total, exact: proposed.exact },
    citations,
    provenance: analysisProvenance({
      country: o.country,
      admin1: o.admin1,
      cutsMonths,
      from,
      to,
      firstMonth,
      lastMonth,
      recentStart,
      previousStart,
      cusum,
      sampled,
      driverSample: o.driverSample,
      threatLimit: o.threatLimit,
    }),
  };
}

/** The same record with its keys in alphabetical order, so output does not depend on row order. */
function sortedRecord<T>(r: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(r).sort((a, b) => a[0].localeCompare(b[0])));
}

/** Drops keys whose value is undefined, so they do not override defaults when spread. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
