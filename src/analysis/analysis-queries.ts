import { type Kysely, sql } from 'kysely';
import { HAS_PERIODS } from '../store/category-periods.ts';
import type { Database, EventCountTable } from '../store/schema.ts';
import { type AnalysisScope, applyScope, VIOLENT } from './aggregate-scope.ts';

/**
 * The store reads behind the joint analysis. Series and totals come from the aggregate tables
 * (event_counts, actor_counts) that the importer keeps current, so a country of a million events
 * costs a few thousand rows; raw events are read only for bounded evidence lists and samples.
 * Sums are cast with Number() because PostgreSQL returns bigint sums as strings.
 */

/** One admin1 × month of the aggregates, summed over admin2, violence types and categories. */
export interface AreaMonth {
  country: string;
  admin1: string;
  month: string;
  events: number;
  /** Violent events (VIOLENT_TYPES: battles, GED's two conflict types, explosions/remote violence, violence against civilians): what alerts count. */
  violentEvents: number;
  fatalities: number;
  /** Deaths in the violent events: what the alerts on deaths count (riots' and protests' deaths are not violence in their sense). */
  violentFatalities: number;
  civilianFatalities: number;
  civilianFatalitiesKnown: number;
  civilianTargetingEvents: number;
  /** Events targeting civilians whose first actor is a state force. */
  stateCivilianTargetingEvents: number;
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
        sql<number>`sum(case when violence_type in (${sql.join(VIOLENT)}) then fatalities else 0 end)`.as(
          'violent_fatalities',
        ),
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
    violentFatalities: Number(r.violent_fatalities),
    civilianFatalities: Number(r.civilian_fatalities),
    civilianFatalitiesKnown: Number(r.known),
    civilianTargetingEvents: Number(r.targeting),
    stateCivilianTargetingEvents: Number(r.state),
  }));
}

/**
 * `event_counts` rows (the days of a month a period cuts, period-edges.ts) summed as
 * readAreaMonths sums the table: the same measures, by country, admin1 and month.
 */
export function areaMonthsOf(rows: readonly EventCountTable[]): AreaMonth[] {
  const out = new Map<string, AreaMonth>();
  for (const r of rows) {
    const k = `${r.country}\u001f${r.admin1}\u001f${r.month}`;
    let c = out.get(k);
    if (!c) {
      c = {
        country: r.country,
        admin1: r.admin1,
        month: r.month,
        events: 0,
        violentEvents: 0,
        fatalities: 0,
        violentFatalities: 0,
        civilianFatalities: 0,
        civilianFatalitiesKnown: 0,
        civilianTargetingEvents: 0,
        stateCivilianTargetingEvents: 0,
      };
      out.set(k, c);
    }
    c.events += r.events;
    if (VIOLENT.includes(r.violence_type as (typeof VIOLENT)[number])) {
      c.violentEvents += r.events;
      c.violentFatalities += r.fatalities;
    }
    c.fatalities += r.fatalities;
    c.civilianFatalities += r.civilian_fatalities;
    c.civilianFatalitiesKnown += r.civilian_fatalities_known;
    c.civilianTargetingEvents += r.civilian_targeting_events;
    if (r.actor_category === 'state-forces') c.stateCivilianTargetingEvents += r.civilian_targeting_events;
  }
  return [...out.values()];
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

/** `event_counts` rows summed as readMonthBreakdown sums the tables: events by month and `by`. */
export function monthBreakdownOf(
  rows: readonly EventCountTable[],
  by: 'violence_type' | 'actor_category',
): { month: string; key: string; events: number }[] {
  const out = new Map<string, { month: string; key: string; events: number }>();
  for (const r of rows) {
    const k = `${r.month}\u001f${r[by]}`;
    const c = out.get(k);
    if (c) c.events += r.events;
    else out.set(k, { month: r.month, key: r[by], events: r.events });
  }
  return [...out.values()];
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
