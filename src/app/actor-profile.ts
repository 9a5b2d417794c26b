import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { namedIn } from '../analysis/harmed-group.ts';
import { type ActorCategory, isStateCategory } from '../domain/actor-category.ts';
import type { ActorCategoryPeriod } from '../domain/actor-category-period.ts';
import { SENSITIVITY_LEVELS } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { readCategoryPeriods } from '../store/category-periods.ts';
import { splitTargets } from '../store/event-columns.ts';
import { type StoredEvent, toEvent } from '../store/event-repository.ts';
import type { Database } from '../store/schema.ts';
import { eventReadRule, readableLevels } from './access-control.ts';
import { logEventReads } from './access-log.ts';
import type { AppContext } from './operation.ts';

export interface ActorProfile {
  name: string;
  country: string | null;
  /** The category of most of its events (each event's category is that of its date). */
  category: ActorCategory | null;
  isState: boolean;
  /** The register's dated categories, when the actor changed kind (empty otherwise). */
  categoryPeriods: ActorCategoryPeriod[];
  /** Its events' categories in the order they held, each with its first and last day and events. */
  categoriesOverTime: { category: ActorCategory | null; first: string; last: string; events: number }[];
  events: number;
  fatalities: number;
  /** Events in which this actor is the perpetrator (actor 1) and civilians the target. */
  civilianTargetingEvents: number;
  /** Its share of all civilian-targeting events in the same country (0–1; null when there are none). */
  shareOfAttacksOnCivilians: number | null;
  areas: { admin1: string; events: number; fatalities: number }[];
  /** Its latest events, newest first (at most `limit`). */
  latest: StoredEvent[];
}

/**
 * One cell of an actor's record: its events in one country, area and month under one category,
 * each event once (as actor 1 or, when it is not also actor 1, as actor 2: `actor_counts`' roles).
 */
interface Cell {
  country: string;
  admin1: string;
  month: string;
  category: string;
  /** As actor 1 or 2 (false: acting beside a side, ACLED's associated actors, with no category). */
  own: boolean;
  events: number;
  fatalities: number;
  /** As actor 1, with civilians the target. */
  civilianTargeting: number;
}

/**
 * The actor page's figures, from the monthly actor aggregates the importer keeps (`actor_counts`)
 * rather than from the events: an army with 200,000 events in a store of a million took 20 s when
 * every event was read. The aggregates count each event once (an actor named on both sides, as
 * actor 1); two corrections make them count what reading the events counted:
 * - an event above the requester's clearance is released with its actors withheld, so it is no lead
 *   to the actor and is taken out; every non-public event naming the actor is read from the index
 *   of non-public events and written to the access log, granted or not;
 * - the first and last day of each run of categories are read from the events of the run's first
 *   and last month only.
 * The latest events are read newest first from the months the aggregates say hold them.
 */
export async function actorProfile(
  ctx: AppContext,
  input: { name: string; country?: string; limit: number },
): Promise<ActorProfile> {
  const db = ctx.store.db;
  const { name } = input;
  const cells = new Map<string, Cell>();
  const cellOf = (country: string, admin1: string, month: string, category: string | null, own: boolean) => {
    const c = category ?? '';
    const k = `${country}\u001f${admin1}\u001f${month}\u001f${c}\u001f${own}`;
    let cell = cells.get(k);
    if (!cell) {
      cell = { country, admin1, month, category: c, own, events: 0, fatalities: 0, civilianTargeting: 0 };
      cells.set(k, cell);
    }
    return cell;
  };

  let counted = db
    .selectFrom('actor_counts')
    .select((eb) => [
      'country',
      'admin1',
      'month',
      'actor_category',
      'role',
      eb.fn.sum<number>('events').as('events'),
      eb.fn.sum<number>('fatalities').as('fatalities'),
      eb.fn.sum<number>('civilian_targeting_events').as('civ'),
    ])
    .where('actor', '=', name)
    .groupBy(['country', 'admin1', 'month', 'actor_category', 'role']);
  if (input.country) counted = counted.where('country', '=', input.country);
  for (const r of await counted.execute()) {
    const cell = cellOf(r.country, r.admin1, r.month, r.actor_category, Number(r.role) <= 2);
    cell.events += Number(r.events);
    cell.fatalities += Number(r.fatalities);
    if (Number(r.role) === 1 || Number(r.role) === 3) cell.civilianTargeting += Number(r.civ);
  }
  if (!cells.size) throw notFound(input);

  // Non-public events naming the actor: each read is logged; those above clearance are taken out.
  let sensitive = db
    .selectFrom('events')
    .select([
      'id',
      'sensitivity',
      'source',
      'source_event_id',
      'country',
      'admin1',
      'month',
      'actor1',
      'actor2',
      'actor1_category',
      'actor2_category',
      'actor1_associated',
      'fatalities',
      'civilian_targeting',
    ])
    .where(sql<boolean>`sensitivity <> ${sql.lit('public')}`)
    .where(
      'sensitivity',
      'in',
      SENSITIVITY_LEVELS.filter((l) => l !== 'public'),
    )
    .where(naming(name));
  if (input.country) sensitive = sensitive.where('country', '=', input.country);
  const reads: { id: number; sensitivity: string; granted: boolean }[] = [];
  const rows = (await sensitive.execute()).map((e) => ({ ...e, sourceEventId: e.source_event_id }));
  // Cleared for its level and, for another office's incident, of that office (need-to-know).
  const mayRead = await eventReadRule(ctx, rows);
  const denied: number[] = [];
  for (const e of rows) {
    const granted = mayRead(e);
    reads.push({ id: e.id, sensitivity: e.sensitivity, granted });
    if (granted) continue;
    denied.push(e.id);
    // As actor_counts counts it: actor 1, actor 2, or acting with actor 1 (else with actor 2).
    const asActor1 =
      e.actor1 === name || (e.actor2 !== name && splitTargets(e.actor1_associated).includes(name));
    // An actor acting beside a side is counted without a category (roles 3 and 4).
    const own = e.actor1 === name || e.actor2 === name;
    const category = own ? (e.actor1 === name ? e.actor1_category : e.actor2_category) : null;
    const cell = cellOf(e.country, e.admin1, e.month, category, own);
    cell.events -= 1;
    cell.fatalities -= e.fatalities;
    if (asActor1 && e.civilian_targeting === 1) cell.civilianTargeting -= 1;
  }
  await logEventReads(ctx, reads, 'actor page');

  const kept = [...cells.values()].filter((c) => c.events > 0);
  if (!kept.length) throw notFound(input);
  const byCountry = new Map<string, number>();
  const categories = new Map<string, number>();
  const areas = new Map<string, { admin1: string; events: number; fatalities: number }>();
  let events = 0;
  let fatalities = 0;
  let civilianTargetingEvents = 0;
  for (const c of kept) {
    events += c.events;
    fatalities += c.fatalities;
    civilianTargetingEvents += c.civilianTargeting;
    byCountry.set(c.country, (byCountry.get(c.country) ?? 0) + c.events);
    if (c.category) categories.set(c.category, (categories.get(c.category) ?? 0) + c.events);
    const a = areas.get(c.admin1) ?? { admin1: c.admin1, events: 0, fatalities: 0 };
    a.events += c.events;
    a.fatalities += c.fatalities;
    areas.set(c.admin1, a);
  }
  const category = ([...categories].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null) as ActorCategory | null;
  // The share is of the country asked for, or of the one where most of its events are.
  const country = input.country ?? [...byCountry].sort((a, b) => b[1] - a[1])[0]![0];
  const allCivilian = await db
    .selectFrom('country_counts')
    .select(sql<number>`coalesce(sum(civilian_targeting_events), 0)`.as('n'))
    .where('country', '=', country)
    .executeTakeFirst();
  const ownCivilian = kept.filter((c) => c.country === country).reduce((s, c) => s + c.civilianTargeting, 0);
  const total = Number(allCivilian?.n ?? 0);
  const readable: Readable = { levels: readableLevels(ctx.requester), denied };
  const countries = [...byCountry.keys()];
  return {
    name,
    country: input.country ?? null,
    category,
    isState: isStateCategory(category),
    categoryPeriods: (await readCategoryPeriods(db, [name])).get(name) ?? [],
    categoriesOverTime: await categoryRuns(db, name, kept, countries, readable),
    events,
    fatalities,
    civilianTargetingEvents,
    shareOfAttacksOnCivilians: total ? ownCivilian / total : null,
    areas: [...areas.values()].sort((a, b) => b.events - a.events),
    latest: await latestEvents(db, name, kept, countries, readable, input.limit),
  };
}

function notFound(input: { name: string; country?: string }): TandemError {
  return new TandemError(
    'not-found',
    `no event names "${input.name}"${input.country ? ` in ${input.country}` : ''}`,
  );
}

/** What the requester may read in full: the levels of its clearance, less the events denied it. */
interface Readable {
  levels: string[];
  /** Events within those levels that another office keeps (need-to-know). */
  denied: number[];
}

/** Events naming the actor that the requester may read in full (a condition on `events`). */
function namingReadable(name: string, countries: string[], readable: Readable) {
  return (eb: ExpressionBuilder<Database, 'events'>) =>
    eb.and([
      eb('country', 'in', countries),
      eb('sensitivity', 'in', readable.levels),
      ...(readable.denied.length ? [eb('id', 'not in', readable.denied)] : []),
      naming(name)(eb),
    ]);
}

/** Events naming the actor on either side: as actor 1 or 2, or acting with one of them. */
function naming(name: string) {
  return (eb: ExpressionBuilder<Database, 'events'>) =>
    eb.or([
      eb('actor1', '=', name),
      eb('actor2', '=', name),
      eb.and([eb('actor1_associated', '<>', ''), namedIn('actor1_associated', name)]),
      eb.and([eb('actor2_associated', '<>', ''), namedIn('actor2_associated', name)]),
    ]);
}

/** Whether the actor stands on the first side of an event (as its actor, or acting with it), as actor_counts counts it. */
function onFirstSide(name: string) {
  return sql<boolean>`(actor1 = ${name} or (actor2 <> ${name} and actor1_associated <> '' and ${namedIn('actor1_associated', name)}))`;
}

/**
 * The runs of categories in date order: months whose events share a category are one run; the
 * run's first and last day are read from the events of its first and last month.
 */
async function categoryRuns(
  db: Kysely<Database>,
  name: string,
  cells: Cell[],
  countries: string[],
  readable: Readable,
): Promise<ActorProfile['categoriesOverTime']> {
  const months = new Map<string, Map<string, number>>();
  // Its own events only: acting beside a side, the actor has no category of its own in the event.
  for (const c of cells.filter((c) => c.own)) {
    const m = months.get(c.month) ?? new Map<string, number>();
    m.set(c.category, (m.get(c.category) ?? 0) + c.events);
    months.set(c.month, m);
  }
  // A month that holds two categories (the month the register says it changed kind) orders them
  // by their first day in it.
  const firstDays = async (month: string) => {
    const rows = await db
      .selectFrom('events')
      .select([
        sql<string | null>`case when ${onFirstSide(name)} then actor1_category else actor2_category end`.as(
          'c',
        ),
        sql<string>`min(date_start)`.as('d'),
      ])
      .where(namingReadable(name, countries, readable))
      .where(asSide(name))
      .where('date_start', '>=', `${month}-01`)
      .where('date_start', '<=', `${month}-31`)
      .groupBy('c')
      .execute();
    return new Map(rows.map((r) => [r.c ?? '', r.d]));
  };
  const runs: { category: string; firstMonth: string; lastMonth: string; events: number }[] = [];
  for (const month of [...months.keys()].sort()) {
    let held = [...months.get(month)!];
    if (held.length > 1) {
      const first = await firstDays(month);
      held = held.sort(([a], [b]) => (first.get(a) ?? '').localeCompare(first.get(b) ?? ''));
    }
    for (const [category, n] of held) {
      const run = runs.at(-1);
      if (run && run.category === category) {
        run.lastMonth = month;
        run.events += n;
      } else runs.push({ category, firstMonth: month, lastMonth: month, events: n });
    }
  }
  const day = async (month: string, category: string, edge: 'min' | 'max') => {
    const r = await db
      .selectFrom('events')
      .select(sql<string>`${sql.raw(edge)}(date_start)`.as('d'))
      .where(namingReadable(name, countries, readable))
      .where(asSide(name))
      .where('date_start', '>=', `${month}-01`)
      .where('date_start', '<=', `${month}-31`)
      .where((eb) =>
        eb.or([
          eb.and([onFirstSide(name), categoryIs(eb, 'actor1_category', category)]),
          eb.and([eb.not(onFirstSide(name)), categoryIs(eb, 'actor2_category', category)]),
        ]),
      )
      .executeTakeFirst();
    return r?.d ?? month;
  };
  const out: ActorProfile['categoriesOverTime'] = [];
  for (const r of runs) {
    out.push({
      category: (r.category || null) as ActorCategory | null,
      first: await day(r.firstMonth, r.category, 'min'),
      last: await day(r.lastMonth, r.category, 'max'),
      events: r.events,
    });
  }
  return out;
}

/** Events where the actor is one of the two sides (actor 1 or 2), not acting beside one. */
function asSide(name: string) {
  return sql<boolean>`(actor1 = ${name} or actor2 = ${name})`;
}

function categoryIs(
  eb: ExpressionBuilder<Database, 'events'>,
  column: 'actor1_category' | 'actor2_category',
  category: string,
) {
  return category ? eb(column, '=', category) : eb.or([eb(column, 'is', null), eb(column, '=', '')]);
}

/**
 * The newest `limit` events naming the actor, read from the months that hold them: the aggregates
 * say how many each month has, so the read starts at the month where the newest `limit` begin
 * instead of walking the whole record by date.
 */
async function latestEvents(
  db: Kysely<Database>,
  name: string,
  cells: Cell[],
  countries: string[],
  readable: Readable,
  limit: number,
): Promise<StoredEvent[]> {
  const perMonth = new Map<string, number>();
  for (const c of cells) perMonth.set(c.month, (perMonth.get(c.month) ?? 0) + c.events);
  let from = '';
  let seen = 0;
  for (const month of [...perMonth.keys()].sort().reverse()) {
    from = month;
    seen += perMonth.get(month)!;
    if (seen >= limit) break;
  }
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where(namingReadable(name, countries, readable))
    .where('date_start', '>=', `${from}-01`)
    .orderBy('date_start', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}
