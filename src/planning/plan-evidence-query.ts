import type { Kysely } from 'kysely';
import { categoryOfName } from '../domain/actor-category.ts';
import type { Plan } from '../domain/plan.ts';
import { actingNames } from '../store/count-accumulator.ts';
import {
  type HiddenEvents,
  hiddenEventTest,
  namesOnlyHidden,
  readableEvents,
  WITHHELD_KEY,
} from '../store/hidden-records.ts';
import type { Database } from '../store/schema.ts';
import type { PlanEvent } from './area-ranking.ts';
import { areaKey } from './area-ranking.ts';
import type { PlanEvidence } from './plan-checks.ts';

/** One year before a YYYY-MM-DD date (the look-back for state-perpetrator frictions). */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y) - 1}-${m}-${d}`;
}

/**
 * Reads from the store what the plan checks need: civilian-targeting events in the plan's
 * country from a year before the period to its end, which partners are state forces in the data,
 * and the admin1 names the data uses. Only rows that matter are read, so a plan checks quickly
 * even against a store of every country. Whether a partner is a state force is read from the events
 * the requester may read (outside `hidden`), or a plan naming a withheld actor would confirm it.
 */
export async function readPlanEvidence(
  db: Kysely<Database>,
  plan: Plan,
  hidden: HiddenEvents,
): Promise<PlanEvidence> {
  const rows = await db
    .selectFrom('events')
    .select([
      'id',
      'source',
      'source_event_id',
      'date_start',
      'admin1',
      'actor1',
      'actor1_category',
      'actor1_associated',
      'actor2',
      'actor2_category',
      'violence_type',
      'civilian_targeting',
      'fatalities',
      'civilian_fatalities',
      'sensitivity',
    ])
    .where('country', '=', plan.country)
    .where('date_start', '>=', yearBefore(plan.period.from))
    .where('date_start', '<=', plan.period.to)
    .where((eb) =>
      eb.or([eb('violence_type', '=', 'violence-against-civilians'), eb('civilian_targeting', '=', 1)]),
    )
    .orderBy('date_start')
    .orderBy('id')
    .execute();
  // An event the requester may not read in full is counted with its actors' names withheld: a
  // partner a plan names can then never match it, or the finding would confirm a guessed name.
  const isHiddenEvent = hiddenEventTest(hidden);
  const events: PlanEvent[] = rows.map((r) => ({
    id: Number(r.id),
    source: r.source,
    sourceEventId: r.source_event_id,
    dateStart: r.date_start,
    admin1: r.admin1,
    ...(isHiddenEvent({ sensitivity: r.sensitivity, source: r.source, sourceEventId: r.source_event_id })
      ? { actor1: WITHHELD_KEY, actor1Associated: [], actor2: WITHHELD_KEY }
      : { actor1: r.actor1, actor1Associated: actingNames(r.actor1_associated), actor2: r.actor2 }),
    actor1Category: r.actor1_category,
    actor2Category: r.actor2_category,
    violenceType: r.violence_type,
    civilianTargeting: Number(r.civilian_targeting) === 1,
    fatalities: Number(r.fatalities),
    civilianFatalities: r.civilian_fatalities === null ? null : Number(r.civilian_fatalities),
  }));

  const partners = [...new Set(plan.activities.flatMap((a) => a.partners))];
  const stateActors = new Set<string>();
  if (partners.length) {
    const as1 = await readableEvents(db, hidden)
      .select('actor1 as name')
      .distinct()
      .where('actor1', 'in', partners)
      .where('actor1_category', '=', 'state-forces')
      .execute();
    const as2 = await readableEvents(db, hidden)
      .select('actor2 as name')
      .distinct()
      .where('actor2', 'in', partners)
      .where('actor2_category', '=', 'state-forces')
      .execute();
    const flagged = await db
      .selectFrom('actors')
      .select('name')
      .where('name', 'in', partners)
      .where('is_state', '=', 1)
      .execute();
    // A partner the data names only beside another actor (ACLED's associated actors) borrows no
    // category from it; the register's flag above says whether it is a state force. A name the
    // register knows only from records the requester may not read in full is none of theirs: a
    // finding on a partner so named would confirm a guessed name (security probe).
    const onlyHidden = await namesOnlyHidden(db, hidden);
    for (const r of [...as1, ...as2, ...flagged]) if (!onlyHidden.has(r.name)) stateActors.add(r.name);
    // The country's forces as missions write them ("SPLA", "FACA", "Military Forces of South Sudan"
    // for the data's "(2011-)"), whatever the data calls them: the plan probe's support to "SPLA"
    // in Western Bahr el Ghazal raised no friction where the army's own name raised one.
    for (const p of partners) if (categoryOfName(p, plan.country) === 'state-forces') stateActors.add(p);
  }
  const areas = await db
    .selectFrom('events')
    .select('admin1')
    .distinct()
    .where('country', '=', plan.country)
    .where('admin1', '!=', '')
    .execute();
  const dataAreas = areas.map((a) => a.admin1).sort();
  const range = await db
    .selectFrom('events')
    .select((eb) => [eb.fn.min('date_start').as('from'), eb.fn.max('date_start').as('to')])
    .where('country', '=', plan.country)
    .executeTakeFirst();
  return {
    events,
    stateActors,
    dataAreas,
    dataAdmin2: await admin2Names(db, plan, dataAreas),
    ...(range?.from && range.to ? { dataRange: { from: String(range.from), to: String(range.to) } } : {}),
  };
}

/**
 * The admin-2 names the data holds in each province that an area of responsibility splits (read
 * through the index on country and admin-1), or undefined when none does.
 */
async function admin2Names(
  db: Kysely<Database>,
  plan: Plan,
  dataAreas: readonly string[],
): Promise<Map<string, string[]> | undefined> {
  const named = plan.areasOfResponsibility.flatMap((a) => a.admin2.map((d) => areaKey(d.admin1)));
  if (!named.length) return undefined;
  const provinces = dataAreas.filter((a) => named.includes(areaKey(a)));
  const out = new Map<string, string[]>(provinces.map((p) => [p, []]));
  if (!provinces.length) return out;
  const rows = await db
    .selectFrom('events')
    .select(['admin1', 'admin2'])
    .distinct()
    .where('country', '=', plan.country)
    .where('admin1', 'in', provinces)
    .where('admin2', '!=', '')
    .execute();
  for (const r of rows) out.get(r.admin1)?.push(r.admin2);
  return out;
}
