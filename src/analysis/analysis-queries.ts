import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { ThreatCell } from '../domain/threat.ts';
import { VIOLENT_TYPES } from '../domain/violence-type.ts';
import { HAS_PERIODS } from '../store/category-periods.ts';
import type { Database } from '../store/schema.ts';
import { readOwnCategories } from './actor-own-category.ts';

/**
 * The store reads behind the joint analysis. Series and totals come from the aggregate tables
 * (event_counts, actor_counts) that the importer keeps current, so a country of a million events
 * costs a few thousand rows; raw events are read only for bounded evidence lists and samples.
 * Sums are cast with Number() because PostgreSQL returns bigint sums as strings.
 */

/** Where an analysis looks: a country (or every country) and optionally one admin1. */
export interface AnalysisScope {
  country?: string;
  admin1?: string;
}

const VIOLENT = [...VIOLENT_TYPES];

/** One admin1 × month of the aggregates, summed over admin2, violence types and categories. */
export interface AreaMonth {
  country: string;
  admin1: string;
  month: string;
  events: number;
  /** Violent events (VIOLENT_TYPES: battles, GED's two conflict types, explosions/remote violence, violence against civilians): what alerts count. */
  violentEvents: number;
  fatalities: number;
  civilianFatalities: number;
  civilianFatalitiesKnown: number;
  civilianTargetingEvents: number;
  /** Events targeting civilians whose first actor is a state force. */
  stateCivilianTargetingEvents: number;
}

/** Restricts a query on an aggregate table to the scope. */
function applyScope<T extends 'event_counts' | 'actor_counts' | 'country_counts', O>(
  q: SelectQueryBuilder<Database, T, O>,
  scope: AnalysisScope,
): SelectQueryBuilder<Database, T, O> {
  if (scope.country !== undefined) q = q.where(sql.ref('country'), '=', scope.country);
  if (scope.admin1 !== undefined) q = q.where(sql.ref('admin1'), '=', scope.admin1);
  return q;
}

/** Every admin1 × month of the scope up to `toMonth` (history before the period feeds baselines). */
export async function readAreaMonths(
  db: Kysely<Database>,
  scope: AnalysisScope,
  toMonth: string,
): Promise<AreaMonth[]> {
  const q = applyScope(
    db
      .selectFrom('event_counts')
      .select([
        'country',
        'admin1',
        'month',
        sql<number>`sum(events)`.as('events'),
        sql<number>`sum(case when violence_type in (${sql.join(VIOLENT)}) then events else 0 end)`.as(
          'violent',
        ),
        sql<number>`sum(fatalities)`.as('fatalities'),
        sql<number>`sum(civilian_fatalities)`.as('civilian_fatalities'),
        sql<number>`sum(civilian_fatalities_known)`.as('known'),
        sql<number>`sum(civilian_targeting_events)`.as('targeting'),
        sql<number>`sum(case when actor_category = 'state-forces' then civilian_targeting_events else 0 end)`.as(
          'state',
        ),
      ])
      .where('month', '<=', toMonth)
      .groupBy(['country', 'admin1', 'month']),
    scope,
  );
  return (await q.execute()).map((r) => ({
    country: r.country,
    admin1: r.admin1,
    month: r.month,
    events: Number(r.events),
    violentEvents: Number(r.violent),
    fatalities: Number(r.fatalities),
    civilianFatalities: Number(r.civilian_fatalities),
    civilianFatalitiesKnown: Number(r.known),
    civilianTargetingEvents: Number(r.targeting),
    stateCivilianTargetingEvents: Number(r.state),
  }));
}

/** Events per month of the period by violence type or by perpetrator category. */
export async function readMonthBreakdown(
  db: Kysely<Database>,
  scope: AnalysisScope,
  firstMonth: string,
  lastMonth: string,
  by: 'violence_type' | 'actor_category',
): Promise<{ month: string; key: string; events: number }[]> {
  // A country's breakdown (or the store's) from the roll-up without areas; an area's from its rows.
  // Both tables have the columns read here; the type names the roll-up's.
  const table = (scope.admin1 === undefined ? 'country_counts' : 'event_counts') as 'country_counts';
  const rows = await applyScope(
    db
      .selectFrom(table)
      .select(['month', sql<string>`${sql.ref(by)}`.as('key'), sql<number>`sum(events)`.as('events')])
      .where('month', '>=', firstMonth)
      .where('month', '<=', lastMonth)
      .groupBy(['month', by]),
    scope,
  ).execute();
  return rows.map((r) => ({ month: r.month, key: r.key, events: Number(r.events) }));
}

/**
 * The roles of `actor_counts` that perpetrate an event: the first actor (1) and the actors acting
 * with it (3), as ACLED codes an army's auxiliaries or foreign partners beside it.
 */
export const PERPETRATOR_ROLES = [1, 3];

/** Categories that never perpetrate an event (its target, or people in the street). */
const NOT_PERPETRATORS = ['civilians', 'protesters'];

/**
 * Gives the counts of actors named beside a side (roles 3 and 4, which carry no category) the
 * category the same actor has by its own record (actor-own-category.ts): never the side's, and ''
 * when the store says nothing of it. The rows need their month (a dated actor's period).
 */
async function withOwnCategories<
  R extends { country: string; actor: string; actor_category: string; month: string },
>(db: Kysely<Database>, rows: readonly R[]): Promise<R[]> {
  const unnamed = rows.filter((r) => r.actor_category === '');
  if (!unnamed.length) return [...rows];
  const own = await readOwnCategories(
    db,
    unnamed.map((r) => r.actor),
  );
  return rows.map((r) =>
    r.actor_category === '' ? { ...r, actor_category: own.of(r.actor, r.country, r.month) } : r,
  );
}

/**
 * Sums rows that fall into one cell once their month is left out and their category is known (an
 * associated actor's counts join its own as actor 1 of the same category), in first-seen order.
 */
function mergeCells<
  R extends { country: string; actor: string; actor_category: string; admin1: string; violence_type: string },
>(rows: readonly R[], measures: readonly (keyof R & string)[]): Omit<R, 'month'>[] {
  const byCell = new Map<string, R>();
  for (const r of rows) {
    const { month: _month, ...rest } = r as R & { month?: string };
    const k = [r.country, r.actor, r.actor_category, r.admin1, r.violence_type].join('\u001f');
    const cell = byCell.get(k);
    if (!cell) {
      byCell.set(k, { ...(rest as R) });
      continue;
    }
    for (const m of measures) (cell[m] as number) = Number(cell[m]) + Number(r[m]);
  }
  return [...byCell.values()];
}

/** A perpetrator (first actor, or one acting with it) × admin1 × violence type over the period. */
export interface PerpetratorCell {
  country: string;
  actor: string;
  actorCategory: string;
  admin1: string;
  violenceType: string;
  events: number;
  fatalities: number;
  civilianFatalities: number;
  civilianTargetingEvents: number;
}

/**
 * Violent events by perpetrator (first actor, or one acting with it; civilians and protesters are not perpetrators)
 * over the period, by admin1 and violence type; and the same perpetrators' monthly events.
 */
export async function readPerpetrators(
  db: Kysely<Database>,
  scope: AnalysisScope,
  firstMonth: string,
  lastMonth: string,
  /** Where the monthly counts start: the trend's earlier window may begin before the period. */
  monthlyFrom: string = firstMonth,
): Promise<{
  cells: PerpetratorCell[];
  monthly: { actor: string; month: string; events: number }[];
  /** Each actor's events before the first month of `monthly` (the whole record before it). */
  before: { actor: string; events: number }[];
}> {
  const base = (from: string) =>
    db
      .selectFrom('actor_counts')
      // The first actor, and those acting with it (ACLED's assoc_actor_1: auxiliaries of the army).
      .where('role', 'in', PERPETRATOR_ROLES)
      .where('month', '>=', from)
      .where('month', '<=', lastMonth)
      .where('violence_type', 'in', VIOLENT)
      .where('actor_category', 'not in', NOT_PERPETRATORS)
      .where('actor', '<>', '');
  const measures = [
    sql<number>`sum(events)`.as('events'),
    sql<number>`sum(fatalities)`.as('fatalities'),
    sql<number>`sum(civilian_fatalities)`.as('civilian_fatalities'),
    sql<number>`sum(civilian_targeting_events)`.as('targeting'),
  ];
  const keys = ['country', 'actor', 'actor_category', 'admin1', 'violence_type'] as const;
  const [first, acting] = await Promise.all([
    applyScope(
      base(firstMonth)
        .where('role', '=', 1)
        .select([...keys, ...measures])
        .groupBy([...keys]),
      scope,
    ).execute(),
    // Those acting with the first actor, by month: their counts carry no category (see
    // withOwnCategories), and a dated actor's category is the one of its period.
    applyScope(
      base(firstMonth)
        .where('role', '=', 3)
        .select([...keys, 'month', ...measures])
        .groupBy([...keys, 'month']),
      scope,
    ).execute(),
  ]);
  const cells = mergeCells(
    [...first, ...(await withOwnCategories(db, acting))].filter(
      (r) => !NOT_PERPETRATORS.includes(r.actor_category),
    ),
    ['events', 'fatalities', 'civilian_fatalities', 'targeting'],
  );
  const seriesFrom = monthlyFrom < firstMonth ? monthlyFrom : firstMonth;
  const monthly = await applyScope(
    base(seriesFrom)
      .select(['actor', 'month', sql<number>`sum(events)`.as('events')])
      .groupBy(['actor', 'month']),
    scope,
  ).execute();
  // What came before the series, so that a trend can tell an actor's return from its first
  // appearance (trendOf).
  const before = await applyScope(
    db
      .selectFrom('actor_counts')
      .where('role', 'in', PERPETRATOR_ROLES)
      .where('month', '<', seriesFrom)
      .where('violence_type', 'in', VIOLENT)
      .where('actor_category', 'not in', NOT_PERPETRATORS)
      .where('actor', '<>', '')
      .select(['actor', sql<number>`sum(events)`.as('events')])
      .groupBy('actor'),
    scope,
  ).execute();
  return {
    cells: cells.map((r) => ({
      country: r.country,
      actor: r.actor,
      actorCategory: r.actor_category,
      admin1: r.admin1,
      violenceType: r.violence_type,
      events: Number(r.events),
      fatalities: Number(r.fatalities),
      civilianFatalities: Number(r.civilian_fatalities),
      civilianTargetingEvents: Number(r.targeting),
    })),
    monthly: monthly.map((r) => ({ actor: r.actor, month: r.month, events: Number(r.events) })),
    before: before.map((r) => ({ actor: r.actor, events: Number(r.events) })),
  };
}

/** An actor's violent events per month, either side, up to `toMonth` (civilians excepted). */
export interface ActorMonth {
  country: string;
  actor: string;
  month: string;
  events: number;
}

export async function readActorMonths(
  db: Kysely<Database>,
  scope: AnalysisScope,
  toMonth: string,
): Promise<ActorMonth[]> {
  const q = applyScope(
    db
      .selectFrom('actor_counts')
      .select(['country', 'actor', 'month', sql<number>`sum(events)`.as('events')])
      .where('month', '<=', toMonth)
      .where('violence_type', 'in', VIOLENT)
      .where('actor_category', '<>', 'civilians')
      .where('actor', '<>', '')
      .groupBy(['country', 'actor', 'month']),
    scope,
  );
  return (await q.execute()).map((r) => ({
    country: r.country,
    actor: r.actor,
    month: r.month,
    events: Number(r.events),
  }));
}

export async function readThreatCells(
  db: Kysely<Database>,
  scope: AnalysisScope,
  w: { firstMonth: string; lastMonth: string; recentStart: string; previousStart: string },
): Promise<ThreatCell[]> {
  const inPeriod = sql`month >= ${w.firstMonth} and month <= ${w.lastMonth}`;
  const keys = ['country', 'actor', 'actor_category', 'admin1', 'violence_type'] as const;
  const query = () =>
    applyScope(
      db
        .selectFrom('actor_counts')
        .select([
          ...keys,
          sql<number>`sum(case when ${inPeriod} then civilian_targeting_events else 0 end)`.as('events'),
          sql<number>`sum(case when month >= ${w.recentStart} and month <= ${w.lastMonth} then civilian_targeting_events else 0 end)`.as(
            'recent',
          ),
          sql<number>`sum(case when month >= ${w.previousStart} and month < ${w.recentStart} then civilian_targeting_events else 0 end)`.as(
            'previous',
          ),
          sql<number>`sum(case when ${inPeriod} then fatalities else 0 end)`.as('fatalities'),
        ])
        .where('civilian_targeting_events', '>', 0)
        .where('actor', '<>', '')
        .where('month', '>=', [w.firstMonth, w.previousStart].sort()[0]!)
        .where('month', '<=', w.lastMonth),
      scope,
    );
  // The first actor, and those acting with it by month: their counts carry no category of their
  // own (withOwnCategories), and a dated actor's is that of its period.
  const [first, acting] = await Promise.all([
    query()
      .where('role', '=', 1)
      .groupBy([...keys])
      .execute(),
    query()
      .where('role', '=', 3)
      .select('month')
      .groupBy([...keys, 'month'])
      .execute(),
  ]);
  const rows = mergeCells(
    [...first, ...(await withOwnCategories(db, acting))],
    ['events', 'recent', 'previous', 'fatalities'],
  );
  return rows.map((r) => ({
    country: r.country,
    actor: r.actor,
    actorCategory: r.actor_category,
    admin1: r.admin1,
    violenceType: r.violence_type,
    events: Number(r.events),
    recent: Number(r.recent),
    previous: Number(r.previous),
    fatalities: Number(r.fatalities),
  }));
}

/** First and last event date in the scope (uses the country/date index). */
export async function readDateRange(
  db: Kysely<Database>,
  scope: AnalysisScope,
): Promise<{ first: string | null; last: string | null }> {
  // Two ordered seeks, not min() and max() in one query: SQLite answers a lone min/max from the
  // index, but scans the whole range when both are asked together.
  const edge = async (dir: 'asc' | 'desc') => {
    let q = db.selectFrom('events').select('date_start').orderBy('date_start', dir).limit(1);
    if (scope.country !== undefined) q = q.where('country', '=', scope.country);
    if (scope.admin1 !== undefined) q = q.where('admin1', '=', scope.admin1);
    return (await q.executeTakeFirst())?.date_start ?? null;
  };
  return { first: await edge('asc'), last: await edge('desc') };
}

/** Totals per admin1 over exact days, from raw events: used only when the period cuts a month. */
export async function readExactTotals(
  db: Kysely<Database>,
  scope: AnalysisScope,
  from: string,
  to: string,
): Promise<
  {
    country: string;
    admin1: string;
    events: number;
    fatalities: number;
    civilianFatalities: number;
    civilianFatalitiesKnown: number;
  }[]
> {
  let q = db
    .selectFrom('events')
    .select([
      'country',
      'admin1',
      sql<number>`count(*)`.as('events'),
      sql<number>`sum(fatalities)`.as('fatalities'),
      sql<number>`sum(coalesce(civilian_fatalities, 0))`.as('civilian_fatalities'),
      sql<number>`count(civilian_fatalities)`.as('known'),
    ])
    .where('date_start', '>=', from)
    .where('date_start', '<=', to)
    .groupBy(['country', 'admin1']);
  if (scope.country !== undefined) q = q.where('country', '=', scope.country);
  if (scope.admin1 !== undefined) q = q.where('admin1', '=', scope.admin1);
  return (await q.execute()).map((r) => ({
    country: r.country,
    admin1: r.admin1,
    events: Number(r.events),
    fatalities: Number(r.fatalities),
    civilianFatalities: Number(r.civilian_fatalities),
    civilianFatalitiesKnown: Number(r.known),
  }));
}

/** What the actor register says: who is a state actor, and each actor's category where known. */
export interface ActorRegister {
  /**
   * Actors flagged as state (the importer's or an analyst's word). An actor with dated categories
   * is never here: its events carry the category of their period, which decides alone.
   */
  state: Set<string>;
  category: Map<string, string>;
}

export async function readActorRegister(db: Kysely<Database>): Promise<ActorRegister> {
  const rows = await db
    .selectFrom('actors')
    .select(['name', 'category', 'is_state', HAS_PERIODS.as('dated')])
    .where((w) => w.or([w('is_state', '=', 1), w('category', 'is not', null)]))
    .execute();
  const register: ActorRegister = { state: new Set(), category: new Map() };
  for (const r of rows) {
    if (Number(r.is_state) === 1 && !r.dated) register.state.add(r.name);
    if (r.category) register.category.set(r.name, r.category);
  }
  return register;
}
