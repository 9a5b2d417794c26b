import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { isPeaceOperation, PEACE_OPERATION_PATTERNS } from '../domain/peace-operation.ts';
import type { ThreatCell } from '../domain/threat.ts';
import { FIGHTING_TYPES } from '../domain/violence-type.ts';
import { splitTargets } from '../store/event-columns.ts';
import type { ActorCountTable, Database } from '../store/schema.ts';
import { readOwnCategories } from './actor-own-category.ts';
import { type AnalysisScope, applyScope, VIOLENT } from './aggregate-scope.ts';
import { type HiddenActorCounts, movedToWithheld } from './hidden-actor-counts.ts';
import type { PeriodEdges } from './period-edges.ts';

/**
 * The analysis's reads of who perpetrates violence, from the actor aggregates (actor_counts): the
 * perpetrator table, each actor's months (the new-actor and actor alerts), and the cells threats
 * are proposed from. An actor acting beside a side counts with its own category, never the side's.
 */

/**
 * The roles of `actor_counts` that perpetrate an event: the first actor (1) and the actors acting
 * with it (3), as ACLED codes an army's auxiliaries or foreign partners beside it.
 */
export const PERPETRATOR_ROLES = [1, 3];

/**
 * Who perpetrates an event, as the actor alerts count it: either side of fighting (ACLED's
 * battles, GED's state-based and non-state conflict, where GED always names the government
 * first) and those acting with either side, but for a peace operation in fighting (on either
 * side: peace-operation.ts); the first actor of other violence and those acting with it. The
 * target of an attack has not perpetrated it.
 */
function perpetrates(eb: ExpressionBuilder<Database, 'actor_counts'>) {
  // In lower case on both dialects: SQLite's LIKE ignores case, PostgreSQL's does not.
  const actor = eb.fn<string>('lower', ['actor']);
  const notPeaceOperation = eb.not(
    eb.or(PEACE_OPERATION_PATTERNS.map((p) => eb(actor, 'like', p.toLowerCase()))),
  );
  return eb.or([
    eb.and([
      eb('role', 'in', PERPETRATOR_ROLES),
      eb.or([eb('violence_type', 'not in', [...FIGHTING_TYPES]), notPeaceOperation]),
    ]),
    eb.and([eb('role', 'in', [2, 4]), eb('violence_type', 'in', [...FIGHTING_TYPES]), notPeaceOperation]),
  ]);
}

/** Categories that never perpetrate an event (its target, or people in the street). */
const NOT_PERPETRATORS = ['civilians', 'protesters'];

/**
 * The perpetrator reads' conditions (perpetrates, violent types, not civilians or protesters, a
 * named actor) on an `actor_counts` row held in memory: the days of a month a period cuts
 * (period-edges.ts), which stand in for the table's rows of that month.
 */
function perpetratesRow(r: ActorCountTable): boolean {
  return !NOT_PERPETRATORS.includes(r.actor_category) && violentPerpetrator(r);
}

/** `perpetrates` and a violent type, on a row held in memory, for a named actor. */
function violentPerpetrator(r: ActorCountTable): boolean {
  if (!VIOLENT.includes(r.violence_type as (typeof VIOLENT)[number]) || r.actor === '') return false;
  const fighting = (FIGHTING_TYPES as readonly string[]).includes(r.violence_type);
  // A peace operation in fighting, on either side, is not its perpetrator (peace-operation.ts).
  if (fighting && isPeaceOperation(r.actor)) return false;
  return PERPETRATOR_ROLES.includes(r.role) || ((r.role === 2 || r.role === 4) && fighting);
}

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

/** Rows with one `events` each, summed by `key`; those that come to none are left out. */
function summed<R extends { events: number }>(rows: readonly R[], key: (r: R) => string): R[] {
  const out = new Map<string, R>();
  for (const r of rows) {
    const k = key(r);
    const seen = out.get(k);
    if (seen) seen.events += r.events;
    else out.set(k, { ...r });
  }
  return [...out.values()].filter((r) => r.events !== 0);
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
  /** The months the period cuts, counted over its days in them (period-edges.ts). */
  edges: PeriodEdges | null = null,
  /**
   * The events the requester may not read in full, counted under "(withheld)" apart by category
   * (withheldActorKey; hidden-actor-counts.ts).
   */
  hidden: HiddenActorCounts | null = null,
): Promise<{
  cells: PerpetratorCell[];
  monthly: { actor: string; month: string; events: number }[];
  /** Each actor's events before the first month of `monthly` (the whole record before it). */
  before: { actor: string; events: number }[];
}> {
  const cut = edges ? [...edges.months] : [];
  const seriesFrom = monthlyFrom < firstMonth ? monthlyFrom : firstMonth;
  // The hidden events' rows move to "(withheld)": over whole months where the tables' rows are
  // read, over the period's days where the cut months' are.
  const moved = (from: string, to: string) =>
    movedToWithheld(
      [
        ...(hidden?.whole ?? []).filter((r) => r.month >= from && r.month <= to && !cut.includes(r.month)),
        ...(hidden?.edges ?? []).filter((r) => r.month >= from && r.month <= to),
      ],
      true,
    ).filter(perpetratesRow);
  const cutDays = (edges?.actorCounts ?? []).filter(perpetratesRow);
  const edgeRows = [...cutDays, ...moved(firstMonth, lastMonth)];
  const base = (from: string) => {
    const q = db
      .selectFrom('actor_counts')
      .where(perpetrates)
      .where('month', '>=', from)
      .where('month', '<=', lastMonth)
      .where('violence_type', 'in', VIOLENT)
      .where('actor_category', 'not in', NOT_PERPETRATORS)
      .where('actor', '<>', '');
    return cut.length ? q.where('month', 'not in', cut) : q;
  };
  const edgeCell = (r: ActorCountTable) => ({
    country: r.country,
    actor: r.actor,
    actor_category: r.actor_category,
    admin1: r.admin1,
    violence_type: r.violence_type,
    month: r.month,
    events: r.events,
    fatalities: r.fatalities,
    civilian_fatalities: r.civilian_fatalities,
    targeting: r.civilian_targeting_events,
  });
  const measures = [
    sql<number>`sum(events)`.as('events'),
    sql<number>`sum(fatalities)`.as('fatalities'),
    sql<number>`sum(civilian_fatalities)`.as('civilian_fatalities'),
    sql<number>`sum(civilian_targeting_events)`.as('targeting'),
  ];
  const keys = ['country', 'actor', 'actor_category', 'admin1', 'violence_type'] as const;
  const [first, acting] = await Promise.all([
    // The named sides, with their own categories.
    applyScope(
      base(firstMonth)
        .where('role', 'in', [1, 2])
        .select([...keys, ...measures])
        .groupBy([...keys]),
      scope,
    ).execute(),
    // Those acting with a side, by month: their counts carry no category (see
    // withOwnCategories), and a dated actor's category is the one of its period.
    applyScope(
      base(firstMonth)
        .where('role', 'in', [3, 4])
        .select([...keys, 'month', ...measures])
        .groupBy([...keys, 'month']),
      scope,
    ).execute(),
  ]);
  const named = [...first, ...edgeRows.filter((r) => r.role <= 2).map(edgeCell)];
  const beside = [...acting, ...edgeRows.filter((r) => r.role > 2).map(edgeCell)];
  const cells = mergeCells(
    [...named, ...(await withOwnCategories(db, beside))].filter(
      (r) => !NOT_PERPETRATORS.includes(r.actor_category),
    ),
    ['events', 'fatalities', 'civilian_fatalities', 'targeting'],
  ).filter((r) => Number(r.events) || Number(r.fatalities) || Number(r.targeting));
  const monthly = summed(
    [
      ...(await applyScope(
        base(seriesFrom)
          .select(['actor', 'month', sql<number>`sum(events)`.as('events')])
          .groupBy(['actor', 'month']),
        scope,
      ).execute()),
      ...cutDays,
      ...moved(seriesFrom, lastMonth),
    ].map((r) => ({ actor: r.actor, month: r.month, events: Number(r.events) })),
    (r) => `${r.actor}\u001f${r.month}`,
  );
  // What came before the series, so that a trend can tell an actor's return from its first
  // appearance (trendOf).
  const before = summed(
    [
      ...(await applyScope(
        db
          .selectFrom('actor_counts')
          .where(perpetrates)
          .where('month', '<', seriesFrom)
          .where('violence_type', 'in', VIOLENT)
          .where('actor_category', 'not in', NOT_PERPETRATORS)
          .where('actor', '<>', '')
          .select(['actor', sql<number>`sum(events)`.as('events')])
          .groupBy('actor'),
        scope,
      ).execute()),
      ...movedToWithheld(
        (hidden?.whole ?? []).filter((r) => r.month < seriesFrom),
        true,
      ).filter(perpetratesRow),
    ].map((r) => ({ actor: r.actor, events: Number(r.events) })),
    (r) => r.actor,
  );
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

/**
 * An actor's violent events per month up to `toMonth` (civilians excepted), those it perpetrated:
 * either side of fighting (ACLED's battles, GED's two conflict types), actor 1 of one-sided
 * violence and remote violence, and one acting with them. The target of an attack (actor 2 of
 * violence against civilians: protesters shot at by the police) has not raised its violence.
 */
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
  /** The events the requester may not read in full, counted under "(withheld)". */
  hidden: HiddenActorCounts | null = null,
): Promise<ActorMonth[]> {
  const q = applyScope(
    db
      .selectFrom('actor_counts')
      .select(['country', 'actor', 'month', sql<number>`sum(events)`.as('events')])
      .where('month', '<=', toMonth)
      .where('violence_type', 'in', VIOLENT)
      .where(perpetrates)
      .where('actor_category', '<>', 'civilians')
      .where('actor', '<>', '')
      .groupBy(['country', 'actor', 'month']),
    scope,
  );
  const moved = movedToWithheld((hidden?.whole ?? []).filter((r) => r.month <= toMonth)).filter(
    (r) => r.actor_category !== 'civilians' && violentPerpetrator(r),
  );
  return summed(
    [...(await q.execute()), ...moved].map((r) => ({
      country: r.country,
      actor: r.actor,
      month: r.month,
      events: Number(r.events),
    })),
    (r) => `${r.country}\u001f${r.actor}\u001f${r.month}`,
  );
}

export async function readThreatCells(
  db: Kysely<Database>,
  scope: AnalysisScope,
  w: { firstMonth: string; lastMonth: string; recentStart: string; previousStart: string },
  /** The events the requester may not read in full, counted under "(withheld)". */
  hidden: HiddenActorCounts | null = null,
): Promise<ThreatCell[]> {
  const inPeriod = sql`month >= ${w.firstMonth} and month <= ${w.lastMonth}`;
  // The first month read: the period's, or the trend's earlier window where it begins before.
  const start = [w.firstMonth, w.previousStart].sort()[0]!;
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
        .where('month', '>=', start)
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
  // The hidden events' rows, moved to "(withheld)", measured as the query measures a row.
  const moved = movedToWithheld(
    (hidden?.whole ?? []).filter(
      (r) => r.month >= start && r.month <= w.lastMonth && r.actor !== '' && r.civilian_targeting_events > 0,
    ),
  ).map((r) => {
    const inPeriod = r.month >= w.firstMonth && r.month <= w.lastMonth;
    const n = r.civilian_targeting_events;
    return {
      country: r.country,
      actor: r.actor,
      actor_category: r.actor_category,
      admin1: r.admin1,
      violence_type: r.violence_type,
      month: r.month,
      role: r.role,
      events: inPeriod ? n : 0,
      recent: r.month >= w.recentStart ? n : 0,
      previous: r.month >= w.previousStart && r.month < w.recentStart ? n : 0,
      fatalities: inPeriod ? r.fatalities : 0,
    };
  });
  const rows = mergeCells(
    [
      ...first,
      ...moved.filter((r) => r.role === 1),
      ...(await withOwnCategories(db, [...acting, ...moved.filter((r) => r.role === 3)])),
    ],
    ['events', 'recent', 'previous', 'fatalities'],
  ).filter((r) => Number(r.events) || Number(r.recent) || Number(r.previous) || Number(r.fatalities));
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

/**
 * Of `actors`, those with a violent event in the months whose source gives its civilian deaths,
 * in a role the perpetrator table counts (actor 1, or acting with it: PERPETRATOR_ROLES). For a
 * scope that mixes sources giving the figure (GED, a mission's log, a Tandem export) with sources
 * that do not (ACLED): there an actor known only from the latter has no figure, not 0.
 */
export async function actorsWithCivilianFigure(
  db: Kysely<Database>,
  scope: AnalysisScope,
  firstMonth: string,
  lastMonth: string,
  actors: readonly string[],
): Promise<Set<string>> {
  if (!actors.length) return new Set();
  const given = () => {
    let q = db
      .selectFrom('events')
      .where('month', '>=', firstMonth)
      .where('month', '<=', lastMonth)
      .where('violence_type', 'in', VIOLENT)
      .where('civilian_fatalities', 'is not', null);
    if (scope.country !== undefined) q = q.where('country', '=', scope.country);
    if (scope.admin1 !== undefined) q = q.where('admin1', '=', scope.admin1);
    return q;
  };
  const [first, acting] = await Promise.all([
    given()
      .select('actor1')
      .distinct()
      .where('actor1', 'in', [...actors])
      .execute(),
    given().select('actor1_associated').distinct().where('actor1_associated', '<>', '').execute(),
  ]);
  const wanted = new Set(actors);
  const out = new Set(first.map((r) => r.actor1));
  for (const r of acting) for (const a of splitTargets(r.actor1_associated)) if (wanted.has(a)) out.add(a);
  return out;
}
