import { type Kysely, sql } from 'kysely';
import { COL, type EventValues, type StoredEventKeys } from './event-writer.ts';
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

export function countedFromValues(v: EventValues): CountedEvent {
  return {
    country: v[COL.country] as string,
    admin1: v[COL.admin1] as string,
    admin2: v[COL.admin2] as string,
    month: v[COL.month] as string,
    violenceType: v[COL.violence_type] as string,
    actor1: v[COL.actor1] as string,
    actor1Category: v[COL.actor1_category] as string | null,
    actor2: v[COL.actor2] as string,
    actor2Category: v[COL.actor2_category] as string | null,
    fatalities: v[COL.fatalities] as number,
    civilianFatalities: v[COL.civilian_fatalities] as number | null,
    civilianTargeting: v[COL.civilian_targeting] === 1,
    civilianTargetingDerived: v[COL.civilian_targeting_derived] === 1,
  };
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

export interface CountEntries {
  areas: [string, number[]][];
  actors: [string, number[]][];
}
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

  /** The counts as plain entries, to hand from a worker thread to the writer. */
  entries(): CountEntries {
    return { areas: [...this.areas], actors: [...this.actors] };
  }

  merge(e: CountEntries): void {
    for (const [target, list] of [
      [this.areas, e.areas],
      [this.actors, e.actors],
    ] as const) {
      for (const [k, m] of list) {
        const cur = target.get(k);
        if (cur) for (let i = 0; i < cur.length; i++) cur[i] += m[i];
        else target.set(k, m.slice() as Measures);
      }
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
 * The actors and areas an import names, gathered while reading: each actor with its category and
 * whether it is a state force, each admin-1 and admin-2 area with the sum of its events'
 * coordinates, for a centre point.
 */
export class RegisterTally {
  readonly actors = new Map<string, [category: string | null, isState: number]>();
  readonly areas = new Map<string, [sumLat: number, sumLon: number, n: number]>();

  add(v: EventValues): void {
    for (const [a, c] of [
      [COL.actor1, COL.actor1_category],
      [COL.actor2, COL.actor2_category],
    ]) {
      const name = v[a] as string;
      if (!name) continue;
      const category = v[c] as string | null;
      const cur = this.actors.get(name);
      if (!cur) this.actors.set(name, [category, category === 'state-forces' ? 1 : 0]);
      else {
        if (!cur[0] && category) cur[0] = category;
        if (category === 'state-forces') cur[1] = 1;
      }
    }
    const admin1 = v[COL.admin1] as string;
    if (!admin1) return;
    const lat = v[COL.latitude] as number | null;
    const lon = v[COL.longitude] as number | null;
    for (const admin2 of [v[COL.admin2] as string, '']) {
      const k = `${v[COL.country]}${SEP}${admin1}${SEP}${admin2}`;
      let cur = this.areas.get(k);
      if (!cur) {
        cur = [0, 0, 0];
        this.areas.set(k, cur);
      }
      if (lat !== null && lon !== null) {
        cur[0] += lat;
        cur[1] += lon;
        cur[2]++;
      }
      if (admin2 === '') break;
    }
  }

  entries(): { actors: [string, [string | null, number]][]; areas: [string, [number, number, number]][] } {
    return { actors: [...this.actors], areas: [...this.areas] };
  }

  merge(e: ReturnType<RegisterTally['entries']>): void {
    for (const [name, [category, isState]] of e.actors) {
      const cur = this.actors.get(name);
      if (!cur) this.actors.set(name, [category, isState]);
      else {
        if (!cur[0] && category) cur[0] = category;
        cur[1] = Math.max(cur[1], isState);
      }
    }
    for (const [k, [a, b, n]] of e.areas) {
      const cur = this.areas.get(k);
      if (!cur) this.areas.set(k, [a, b, n]);
      else {
        cur[0] += a;
        cur[1] += b;
        cur[2] += n;
      }
    }
  }

  /**
   * Writes the registers: a new actor or area is added, a known actor gains a category it lacked
   * or its state flag, and a polygon loaded from a boundary file is never replaced.
   */
  async flush(db: Kysely<Database>): Promise<void> {
    const actors = [...this.actors];
    for (let i = 0; i < actors.length; i += 1000) {
      await db
        .insertInto('actors')
        .values(
          actors
            .slice(i, i + 1000)
            .map(([name, [category, isState]]) => ({ name, category, is_state: isState, aliases: '' })),
        )
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            category: sql`coalesce(actors.category, excluded.category)`,
            is_state: sql`CASE WHEN excluded.is_state = 1 THEN 1 ELSE actors.is_state END`,
          }),
        )
        .execute();
    }
    const areas = [...this.areas];
    for (let i = 0; i < areas.length; i += 1000) {
      await db
        .insertInto('areas')
        .values(
          areas.slice(i, i + 1000).map(([k, [sumLat, sumLon, n]]) => {
            const [country, admin1, admin2] = k.split(SEP);
            return {
              country,
              admin1,
              admin2,
              latitude: n ? sumLat / n : null,
              longitude: n ? sumLon / n : null,
              geometry: null,
              source: 'events',
            };
          }),
        )
        .onConflict((oc) => oc.columns(['country', 'admin1', 'admin2']).doNothing())
        .execute();
    }
  }
}
