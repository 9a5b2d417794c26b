import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.ts';

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

/** One aggregate cell: an admin1 × month × violence type × perpetrator category. */
export interface CountCell {
  country: string;
  admin1: string;
  month: string;
  violenceType: string;
  actorCategory: string;
  events: number;
  fatalities: number;
  civilianFatalities: number;
  civilianFatalitiesKnown: number;
  civilianTargetingEvents: number;
}

/** Every event_counts cell of the scope up to `toMonth` (history before the period feeds baselines). */
export async function readCountCells(db: Kysely<Database>, scope: AnalysisScope, toMonth: string): Promise<CountCell[]> {
  // The table is keyed down to admin2; summing its rows here is faster than a GROUP BY, which
  // would sort them in a temporary tree.
  let q = db
    .selectFrom('event_counts')
    .select([
      'country',
      'admin1',
      'month',
      'violence_type',
      'actor_category',
      'events',
      'fatalities',
      'civilian_fatalities',
      'civilian_fatalities_known',
      'civilian_targeting_events',
    ])
    .where('month', '<=', toMonth);
  if (scope.country !== undefined) q = q.where('country', '=', scope.country);
  if (scope.admin1 !== undefined) q = q.where('admin1', '=', scope.admin1);
  const rows = await q.execute();
  const cells = new Map<string, CountCell>();
  for (const r of rows) {
    const k = `${r.country}\u001f${r.admin1}\u001f${r.month}\u001f${r.violence_type}\u001f${r.actor_category}`;
    let c = cells.get(k);
    if (!c) {
      c = {
        country: r.country,
        admin1: r.admin1,
        month: r.month,
        violenceType: r.violence_type,
        actorCategory: r.actor_category,
        events: 0,
        fatalities: 0,
        civilianFatalities: 0,
        civilianFatalitiesKnown: 0,
        civilianTargetingEvents: 0,
      };
      cells.set(k, c);
    }
    c.events += Number(r.events);
    c.fatalities += Number(r.fatalities);
    c.civilianFatalities += Number(r.civilian_fatalities);
    c.civilianFatalitiesKnown += Number(r.civilian_fatalities_known);
    c.civilianTargetingEvents += Number(r.civilian_targeting_events);
  }
  return [...cells.values()];
}

/** One actor_counts cell, summed over roles where asked. */
export interface ActorCell {
  country: string;
  actor: string;
  actorCategory: string;
  role: number;
  admin1: string;
  month: string;
  violenceType: string;
  events: number;
  fatalities: number;
  civilianFatalities: number;
  civilianTargetingEvents: number;
}

/** actor_counts cells of the scope up to `toMonth`. */
export async function readActorCells(db: Kysely<Database>, scope: AnalysisScope, toMonth: string): Promise<ActorCell[]> {
  // One row per key already (the primary key is exactly these columns): no GROUP BY needed.
  let q = db
    .selectFrom('actor_counts')
    .select([
      'country',
      'actor',
      'actor_category',
      'role',
      'admin1',
      'month',
      'violence_type',
      'events',
      'fatalities',
      'civilian_fatalities',
      'civilian_targeting_events',
    ])
    .where('month', '<=', toMonth);
  if (scope.country !== undefined) q = q.where('country', '=', scope.country);
  if (scope.admin1 !== undefined) q = q.where('admin1', '=', scope.admin1);
  const rows = await q.execute();
  return rows.map((r) => ({
    country: r.country,
    actor: r.actor,
    actorCategory: r.actor_category,
    role: Number(r.role),
    admin1: r.admin1,
    month: r.month,
    violenceType: r.violence_type,
    events: Number(r.events),
    fatalities: Number(r.fatalities),
    civilianFatalities: Number(r.civilian_fatalities),
    civilianTargetingEvents: Number(r.civilian_targeting_events),
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

/** A raw event as evidence: enough to find it and to judge it. */
export interface EvidenceEvent {
  id: number;
  source: string;
  sourceEventId: string;
  date: string;
  country: string;
  admin1: string;
  actor1: string;
  actor2: string;
  violenceType: string;
  civilianTargeting: boolean;
  fatalities: number;
  notes: string;
}

export interface EvidenceQuery {
  country?: string;
  admin1?: string;
  actor?: string;
  /** Actor must be the first actor (perpetrator), not either side. */
  actorAsPerpetrator?: boolean;
  from: string;
  to: string;
  violenceTypes?: readonly string[];
  civilianTargeting?: boolean;
  limit: number;
  /** 'lethal': most fatalities first; 'recent': newest first. */
  order: 'lethal' | 'recent';
  withNotes?: boolean;
}

/** Bounded list of raw events behind a figure. Ties are broken by id so results are stable. */
export async function readEvidence(db: Kysely<Database>, q: EvidenceQuery): Promise<EvidenceEvent[]> {
  let s = db
    .selectFrom('events')
    .select([
      'id',
      'source',
      'source_event_id',
      'date_start',
      'country',
      'admin1',
      'actor1',
      'actor2',
      'violence_type',
      'civilian_targeting',
      'fatalities',
    ])
    .where('date_start', '>=', q.from)
    .where('date_start', '<=', q.to);
  if (q.country !== undefined) s = s.where('country', '=', q.country);
  if (q.withNotes) s = s.select('notes');
  if (q.admin1 !== undefined) s = s.where('admin1', '=', q.admin1);
  if (q.actor !== undefined) {
    const actor = q.actor;
    s = q.actorAsPerpetrator
      ? s.where('actor1', '=', actor)
      : s.where((eb) => eb.or([eb('actor1', '=', actor), eb('actor2', '=', actor)]));
  }
  if (q.violenceTypes?.length) s = s.where('violence_type', 'in', [...q.violenceTypes]);
  if (q.civilianTargeting !== undefined) s = s.where('civilian_targeting', '=', q.civilianTargeting ? 1 : 0);
  s =
    q.order === 'lethal'
      ? s.orderBy('fatalities', 'desc').orderBy('date_start').orderBy('id')
      : s.orderBy('date_start', 'desc').orderBy('id', 'desc');
  const rows = await s.limit(q.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    sourceEventId: r.source_event_id,
    date: r.date_start,
    country: r.country,
    admin1: r.admin1,
    actor1: r.actor1,
    actor2: r.actor2,
    violenceType: r.violence_type,
    civilianTargeting: Number(r.civilian_targeting) === 1,
    fatalities: Number(r.fatalities),
    notes: (r as { notes?: string }).notes ?? '',
  }));
}

/** Actors flagged as state in the actors table (the importer's or an analyst's word). */
export async function readStateActors(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('actors').select('name').where('is_state', '=', 1).execute();
  return new Set(rows.map((r) => r.name));
}
