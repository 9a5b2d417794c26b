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
    await addCounts(db, 'event_counts', EVENT_KEYS, AREA_MEASURES, areaRows);
    const actorRows = [...this.actors].filter(([, m]) => m.some((x) => x !== 0));
    await addCounts(db, 'actor_counts', ACTOR_KEYS, ACTOR_MEASURES, actorRows);
    // The area-by-month roll-up: the same counts without violence type and category.
    const byAreaMonth = new Map<string, Measures>();
    for (const [k, m] of areaRows) {
      const key = k.split(SEP).slice(0, 4).join(SEP);
      const cur = byAreaMonth.get(key);
      if (cur) for (let i = 0; i < cur.length; i++) cur[i] += m[i];
      else byAreaMonth.set(key, [...m] as Measures);
    }
    await addCounts(db, 'area_month_counts', EVENT_KEYS.slice(0, 4), AREA_MEASURES, [...byAreaMonth]);
    for (const table of ['area_month_counts', 'event_counts', 'actor_counts'] as const) {
      await db.deleteFrom(table).where('events', '=', 0).execute();
    }
    this.areas.clear();
    this.actors.clear();
  }
}

// The order of the parts of each key, as add() builds them.
const EVENT_KEYS = ['country', 'admin1', 'admin2', 'month', 'violence_type', 'actor_category'];
const ACTOR_KEYS = ['country', 'admin1', 'actor', 'actor_category', 'role', 'month', 'violence_type'];
// Each table's measures, with their place in Measures.
const AREA_MEASURES: [string, number][] = [
  ['events', 0],
  ['fatalities', 1],
  ['civilian_fatalities', 2],
  ['civilian_fatalities_known', 3],
  ['civilian_targeting_events', 4],
  ['civilian_targeting_derived_events', 5],
];
const ACTOR_MEASURES = AREA_MEASURES.filter(
  ([c]) => c !== 'civilian_fatalities_known' && c !== 'civilian_targeting_derived_events',
);

/** Adds counts to an aggregate table: one upsert per key, inserting new keys, adding to old ones. */
async function addCounts(
  db: Kysely<Database>,
  table: 'event_counts' | 'actor_counts' | 'area_month_counts',
  keys: string[],
  measures: [string, number][],
  rows: [string, Measures | number[]][],
): Promise<void> {
  const t = sql.table(table);
  const set = Object.fromEntries(
    measures.map(([c]) => [c, sql`${t}.${sql.ref(c)} + excluded.${sql.ref(c)}`]),
  );
  for (let i = 0; i < rows.length; i += 1000) {
    const values = rows.slice(i, i + 1000).map(([k, m]) => {
      const parts = k.split(SEP);
      const row: Record<string, string | number> = {};
      keys.forEach((c, j) => {
        row[c] = c === 'role' ? Number(parts[j]) : parts[j];
      });
      for (const [c, j] of measures) row[c] = m[j];
      return row;
    });
    await db
      .insertInto(table)
      .values(values as never)
      .onConflict((oc) => oc.columns(keys as never).doUpdateSet(set as never))
      .execute();
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
