import { type Kysely, sql } from 'kysely';
import type { StoredEventKeys } from './event-writer.ts';
import type { Database } from './schema.ts';

/** The part of an event that the aggregate tables count. */
export interface CountedEvent {
  country: string;
  admin1: string;
  admin2: string;
  month: string;
  violenceType: string;
  actor1: string;
  actor1Category: string | null;
  actor2: string;
  actor2Category: string | null;
  fatalities: number;
  civilianFatalities: number | null;
  civilianTargeting: boolean;
  civilianTargetingDerived: boolean;
}

export function countedFromStored(r: StoredEventKeys): CountedEvent {
  return {
    country: r.country,
    admin1: r.admin1,
    admin2: r.admin2,
    month: r.month,
    violenceType: r.violence_type,
    actor1: r.actor1,
    actor1Category: r.actor1_category,
    actor2: r.actor2,
    actor2Category: r.actor2_category,
    fatalities: r.fatalities,
    civilianFatalities: r.civilian_fatalities,
    civilianTargeting: r.civilian_targeting === 1,
    civilianTargetingDerived: r.civilian_targeting_derived === 1,
  };
}

const SEP = '\u001f';
type Measures = [
  events: number,
  fatalities: number,
  civ: number,
  civKnown: number,
  civTargeting: number,
  derived: number,
];

/**
 * Keeps `event_counts` and `actor_counts` current during an import: every added, changed or
 * replaced event adds or takes away its counts in memory, and `flush` applies the net change with
 * one upsert per key. Summaries then read these small tables instead of scanning raw events.
 */
export class CountAccumulator {
  private readonly areas = new Map<string, Measures>();
  private readonly actors = new Map<string, Measures>();

  add(e: CountedEvent, sign: 1 | -1): void {
    const civ = e.civilianFatalities ?? 0;
    const known = e.civilianFatalities === null ? 0 : 1;
    const target = e.civilianTargeting ? 1 : 0;
    const derived = e.civilianTargeting && e.civilianTargetingDerived ? 1 : 0;
    const areaKey = `${e.country}${SEP}${e.admin1}${SEP}${e.admin2}${SEP}${e.month}${SEP}${e.violenceType}${SEP}${e.actor1Category ?? ''}`;
    bump(this.areas, areaKey, sign, e.fatalities, civ, known, target, derived);
    if (e.actor1) {
      const k = `${e.country}${SEP}${e.admin1}${SEP}${e.actor1}${SEP}${e.actor1Category ?? ''}${SEP}1${SEP}${e.month}${SEP}${e.violenceType}`;
      bump(this.actors, k, sign, e.fatalities, civ, known, target, 0);
    }
    if (e.actor2) {
      const k = `${e.country}${SEP}${e.admin1}${SEP}${e.actor2}${SEP}${e.actor2Category ?? ''}${SEP}2${SEP}${e.month}${SEP}${e.violenceType}`;
      bump(this.actors, k, sign, e.fatalities, civ, known, target, 0);
    }
  }

  async flush(db: Kysely<Database>): Promise<void> {
    const areaRows = [...this.areas].filter(([, m]) => m.some((x) => x !== 0));
    for (let i = 0; i < areaRows.length; i += 1000) {
      await db
        .insertInto('event_counts')
        .values(
          areaRows.slice(i, i + 1000).map(([k, m]) => {
            const [country, admin1, admin2, month, violence_type, actor_category] = k.split(SEP);
            return {
              country,
              admin1,
              admin2,
              month,
              violence_type,
              actor_category,
              events: m[0],
              fatalities: m[1],
              civilian_fatalities: m[2],
              civilian_fatalities_known: m[3],
              civilian_targeting_events: m[4],
              civilian_targeting_derived_events: m[5],
            };
          }),
        )
        .onConflict((oc) =>
          oc
            .columns(['country', 'month', 'admin1', 'admin2', 'violence_type', 'actor_category'])
            .doUpdateSet({
              events: sql`event_counts.events + excluded.events`,
              fatalities: sql`event_counts.fatalities + excluded.fatalities`,
              civilian_fatalities: sql`event_counts.civilian_fatalities + excluded.civilian_fatalities`,
              civilian_fatalities_known: sql`event_counts.civilian_fatalities_known + excluded.civilian_fatalities_known`,
              civilian_targeting_events: sql`event_counts.civilian_targeting_events + excluded.civilian_targeting_events`,
              civilian_targeting_derived_events: sql`event_counts.civilian_targeting_derived_events + excluded.civilian_targeting_derived_events`,
            }),
        )
        .execute();
    }
    const actorRows = [...this.actors].filter(([, m]) => m.some((x) => x !== 0));
    for (let i = 0; i < actorRows.length; i += 1000) {
      await db
        .insertInto('actor_counts')
        .values(
          actorRows.slice(i, i + 1000).map(([k, m]) => {
            const [country, admin1, actor, actor_category, role, month, violence_type] = k.split(SEP);
            return {
              country,
              admin1,
              actor,
              actor_category,
              role: Number(role),
              month,
              violence_type,
              events: m[0],
              fatalities: m[1],
              civilian_fatalities: m[2],
              civilian_targeting_events: m[4],
            };
          }),
        )
        .onConflict((oc) =>
          oc
            .columns(['country', 'actor', 'role', 'month', 'admin1', 'actor_category', 'violence_type'])
            .doUpdateSet({
              events: sql`actor_counts.events + excluded.events`,
              fatalities: sql`actor_counts.fatalities + excluded.fatalities`,
              civilian_fatalities: sql`actor_counts.civilian_fatalities + excluded.civilian_fatalities`,
              civilian_targeting_events: sql`actor_counts.civilian_targeting_events + excluded.civilian_targeting_events`,
            }),
        )
        .execute();
    }
    const byAreaMonth = new Map<string, Measures>();
    for (const [k, m] of areaRows) {
      const key = k.split(SEP).slice(0, 4).join(SEP);
      const cur = byAreaMonth.get(key);
      if (cur) for (let i = 0; i < cur.length; i++) cur[i] += m[i];
      else byAreaMonth.set(key, [...m] as Measures);
    }
    const monthRows = [...byAreaMonth];
    for (let i = 0; i < monthRows.length; i += 1000) {
      await db
        .insertInto('area_month_counts')
        .values(
          monthRows.slice(i, i + 1000).map(([k, m]) => {
            const [country, admin1, admin2, month] = k.split(SEP);
            return {
              country,
              admin1,
              admin2,
              month,
              events: m[0],
              fatalities: m[1],
              civilian_fatalities: m[2],
              civilian_fatalities_known: m[3],
              civilian_targeting_events: m[4],
              civilian_targeting_derived_events: m[5],
            };
          }),
        )
        .onConflict((oc) =>
          oc.columns(['country', 'month', 'admin1', 'admin2']).doUpdateSet({
            events: sql`area_month_counts.events + excluded.events`,
            fatalities: sql`area_month_counts.fatalities + excluded.fatalities`,
            civilian_fatalities: sql`area_month_counts.civilian_fatalities + excluded.civilian_fatalities`,
            civilian_fatalities_known: sql`area_month_counts.civilian_fatalities_known + excluded.civilian_fatalities_known`,
            civilian_targeting_events: sql`area_month_counts.civilian_targeting_events + excluded.civilian_targeting_events`,
            civilian_targeting_derived_events: sql`area_month_counts.civilian_targeting_derived_events + excluded.civilian_targeting_derived_events`,
          }),
        )
        .execute();
    }
    await db.deleteFrom('area_month_counts').where('events', '=', 0).execute();
    await db.deleteFrom('event_counts').where('events', '=', 0).execute();
    await db.deleteFrom('actor_counts').where('events', '=', 0).execute();
    this.areas.clear();
    this.actors.clear();
  }
}

function bump(
  map: Map<string, Measures>,
  key: string,
  s: number,
  fat: number,
  civ: number,
  known: number,
  target: number,
  derived: number,
) {
  const m = map.get(key);
  if (m) {
    m[0] += s;
    m[1] += s * fat;
    m[2] += s * civ;
    m[3] += s * known;
    m[4] += s * target;
    m[5] += s * derived;
  } else map.set(key, [s, s * fat, s * civ, s * known, s * target, s * derived]);
}

/**
 * Adds the events an import wrote (new rows and the new values of changed rows, all carrying its
 * id) to the aggregate tables, with one GROUP BY per table in the database: much cheaper than
 * counting row by row while reading.
 */
export async function addImportToCounts(db: Kysely<Database>, importId: number): Promise<void> {
  await sql`
    INSERT INTO event_counts (country, admin1, admin2, month, violence_type, actor_category, events, fatalities,
      civilian_fatalities, civilian_fatalities_known, civilian_targeting_events, civilian_targeting_derived_events)
    SELECT country, admin1, admin2, month, violence_type, coalesce(actor1_category, ''), count(*), sum(fatalities),
      coalesce(sum(civilian_fatalities), 0), count(civilian_fatalities), sum(civilian_targeting),
      sum(civilian_targeting * civilian_targeting_derived)
    FROM events WHERE import_id = ${importId}
    GROUP BY country, admin1, admin2, month, violence_type, coalesce(actor1_category, '')
    ON CONFLICT (country, month, admin1, admin2, violence_type, actor_category) DO UPDATE SET
      events = event_counts.events + excluded.events,
      fatalities = event_counts.fatalities + excluded.fatalities,
      civilian_fatalities = event_counts.civilian_fatalities + excluded.civilian_fatalities,
      civilian_fatalities_known = event_counts.civilian_fatalities_known + excluded.civilian_fatalities_known,
      civilian_targeting_events = event_counts.civilian_targeting_events + excluded.civilian_targeting_events,
      civilian_targeting_derived_events = event_counts.civilian_targeting_derived_events + excluded.civilian_targeting_derived_events
  `.execute(db);
  await sql`
    INSERT INTO area_month_counts (country, admin1, admin2, month, events, fatalities, civilian_fatalities,
      civilian_fatalities_known, civilian_targeting_events, civilian_targeting_derived_events)
    SELECT country, admin1, admin2, month, count(*), sum(fatalities), coalesce(sum(civilian_fatalities), 0),
      count(civilian_fatalities), sum(civilian_targeting), sum(civilian_targeting * civilian_targeting_derived)
    FROM events WHERE import_id = ${importId}
    GROUP BY country, admin1, admin2, month
    ON CONFLICT (country, month, admin1, admin2) DO UPDATE SET
      events = area_month_counts.events + excluded.events,
      fatalities = area_month_counts.fatalities + excluded.fatalities,
      civilian_fatalities = area_month_counts.civilian_fatalities + excluded.civilian_fatalities,
      civilian_fatalities_known = area_month_counts.civilian_fatalities_known + excluded.civilian_fatalities_known,
      civilian_targeting_events = area_month_counts.civilian_targeting_events + excluded.civilian_targeting_events,
      civilian_targeting_derived_events = area_month_counts.civilian_targeting_derived_events + excluded.civilian_targeting_derived_events
  `.execute(db);
  for (const role of [1, 2]) {
    const actor = sql.raw(role === 1 ? 'actor1' : 'actor2');
    const category = sql.raw(role === 1 ? 'actor1_category' : 'actor2_category');
    await sql`
      INSERT INTO actor_counts (country, admin1, actor, actor_category, role, month, violence_type, events, fatalities,
        civilian_fatalities, civilian_targeting_events)
      SELECT country, admin1, ${actor}, coalesce(${category}, ''), ${role}, month, violence_type, count(*), sum(fatalities),
        coalesce(sum(civilian_fatalities), 0), sum(civilian_targeting)
      FROM events WHERE import_id = ${importId} AND ${actor} <> ''
      GROUP BY country, admin1, ${actor}, coalesce(${category}, ''), month, violence_type
      ON CONFLICT (country, actor, role, month, admin1, actor_category, violence_type) DO UPDATE SET
        events = actor_counts.events + excluded.events,
        fatalities = actor_counts.fatalities + excluded.fatalities,
        civilian_fatalities = actor_counts.civilian_fatalities + excluded.civilian_fatalities,
        civilian_targeting_events = actor_counts.civilian_targeting_events + excluded.civilian_targeting_events
    `.execute(db);
  }
}

/**
 * Keeps the actor and area registers current with an import: every actor named in its events
 * (with its category, and whether it is a state force), every admin-1 and admin-2 area with the
 * mean position of its events as a centre. A polygon loaded from a boundary file is never
 * replaced; a category already known is kept.
 */
export async function addImportToRegisters(db: Kysely<Database>, importId: number): Promise<void> {
  for (const role of [1, 2]) {
    const actor = sql.raw(role === 1 ? 'actor1' : 'actor2');
    const category = sql.raw(role === 1 ? 'actor1_category' : 'actor2_category');
    await sql`
      INSERT INTO actors (name, category, is_state, aliases)
      SELECT ${actor}, max(${category}), max(CASE WHEN ${category} = 'state-forces' THEN 1 ELSE 0 END), ''
      FROM events WHERE import_id = ${importId} AND ${actor} <> ''
      GROUP BY ${actor}
      ON CONFLICT (name) DO UPDATE SET
        category = coalesce(actors.category, excluded.category),
        is_state = CASE WHEN excluded.is_state = 1 THEN 1 ELSE actors.is_state END
    `.execute(db);
  }
  // Admin-2 areas, then admin-1 areas (admin2 ''): PostgreSQL will not group by a constant.
  for (const level of [2, 1]) {
    const admin2 = sql.raw(level === 2 ? 'admin2' : "''");
    const groupBy = sql.raw(level === 2 ? 'country, admin1, admin2' : 'country, admin1');
    await sql`
      INSERT INTO areas (country, admin1, admin2, latitude, longitude, geometry, source)
      SELECT country, admin1, ${admin2}, avg(latitude), avg(longitude), NULL, 'events'
      FROM events WHERE import_id = ${importId} AND admin1 <> ''
      GROUP BY ${groupBy}
      ON CONFLICT (country, admin1, admin2) DO NOTHING
    `.execute(db);
  }
}
