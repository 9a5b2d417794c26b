import { type Kysely, sql } from 'kysely';
import { actingNames } from './count-accumulator.ts';
import {
  N_LATITUDE,
  N_LONGITUDE,
  W_ACTOR1,
  W_ACTOR1_ASSOCIATED,
  W_ACTOR1_CATEGORY,
  W_ACTOR2,
  W_ACTOR2_ASSOCIATED,
  W_ACTOR2_CATEGORY,
  W_ADMIN1,
  W_ADMIN2,
  W_COUNTRY,
} from './packed-row-slots.ts';
import { NUMBERS_PER_ROW, type PackedRows, WORDS_PER_ROW } from './packed-rows.ts';
import type { Database } from './schema.ts';

type AreaSums = [sumLat: number, sumLon: number, n: number];

/**
 * The actors and areas an import names, gathered while reading: each actor with its category and
 * whether it is a state force, each admin-1 and admin-2 area with the sum of its events'
 * coordinates, for a centre point.
 */
export class RegisterTally {
  readonly actors = new Map<string, [category: string | null, isState: number]>();
  /**
   * Actors named only as acting with a side (ACLED's associated actors): the register takes them
   * without a category (an auxiliary or a foreign force acting with the army is neither the army's
   * kind nor the host state's force) until a source or an actor list gives one.
   */
  readonly associated = new Set<string>();
  // country → admin1 → admin2 ('' for the admin-1 area itself) → coordinate sums: nested maps,
  // so a row finds its areas without building a key string.
  private readonly areas = new Map<string, Map<string, Map<string, AreaSums>>>();

  // The reading side's shortcuts by dictionary code (see addPacked): an actor's entry, and the
  // admin-2 map of a (country, admin-1) pair, each found by numbers instead of by their names.
  private dictionary: readonly string[] = [];
  private actorByCode: ([category: string | null, isState: number] | undefined)[] = [];
  private admin2sByCodes = new Map<number, Map<number, Map<string, AreaSums>>>();

  /** Adds every row of a packed batch: its actors, and its areas' coordinates (see CountAccumulator.addPacked). */
  addPacked(p: PackedRows, dictionary: readonly string[]): void {
    if (dictionary !== this.dictionary) {
      this.dictionary = dictionary;
      this.actorByCode = [];
      this.admin2sByCodes = new Map();
    }
    // Kept as long as the dictionary, so that the array stays a plain list, never a sparse one.
    while (this.actorByCode.length < dictionary.length) this.actorByCode.push(undefined);
    const { codes, numbers } = p;
    for (let i = 0; i < p.count; i++) {
      const w = i * WORDS_PER_ROW;
      const u = i * NUMBERS_PER_ROW;
      this.addActorCode(codes[w + W_ACTOR1], codes[w + W_ACTOR1_CATEGORY], dictionary);
      this.addActorCode(codes[w + W_ACTOR2], codes[w + W_ACTOR2_CATEGORY], dictionary);
      this.addAssociated(codes[w + W_ACTOR1_ASSOCIATED], dictionary);
      this.addAssociated(codes[w + W_ACTOR2_ASSOCIATED], dictionary);
      const admin1Code = codes[w + W_ADMIN1];
      const admin1 = dictionary[admin1Code];
      if (!admin1) continue;
      const lat = numbers[u + N_LATITUDE];
      const lon = numbers[u + N_LONGITUDE];
      const known = !Number.isNaN(lat) && !Number.isNaN(lon);
      const countryCode = codes[w + W_COUNTRY];
      let byAdmin1 = this.admin2sByCodes.get(countryCode);
      if (!byAdmin1) {
        byAdmin1 = new Map();
        this.admin2sByCodes.set(countryCode, byAdmin1);
      }
      let byAdmin2 = byAdmin1.get(admin1Code);
      if (!byAdmin2) {
        byAdmin2 = this.admin2s(dictionary[countryCode], admin1);
        byAdmin1.set(admin1Code, byAdmin2);
      }
      const admin2 = dictionary[codes[w + W_ADMIN2]];
      this.addArea(byAdmin2, admin2, known ? lat : 0, known ? lon : 0, known ? 1 : 0);
      if (admin2 !== '') this.addArea(byAdmin2, '', known ? lat : 0, known ? lon : 0, known ? 1 : 0);
    }
  }

  private addActorCode(code: number, categoryCode: number, dictionary: readonly string[]): void {
    const category = categoryCode === -1 ? null : dictionary[categoryCode];
    let cur = this.actorByCode[code];
    if (!cur) {
      const name = dictionary[code];
      if (!name) return;
      cur = this.actors.get(name);
      if (!cur) {
        cur = [null, 0];
        this.actors.set(name, cur);
      }
      this.actorByCode[code] = cur;
    }
    // An actor keeps the first category it was seen with, and is a state force once seen as one.
    if (!cur[0] && category) cur[0] = category;
    if (category === 'state-forces') cur[1] = 1;
  }

  private addAssociated(code: number, dictionary: readonly string[]): void {
    const joined = code === -1 ? '' : dictionary[code];
    if (joined) for (const name of actingNames(joined)) this.associated.add(name);
  }

  private admin2s(country: string, admin1: string): Map<string, AreaSums> {
    let byAdmin1 = this.areas.get(country);
    if (!byAdmin1) {
      byAdmin1 = new Map();
      this.areas.set(country, byAdmin1);
    }
    let byAdmin2 = byAdmin1.get(admin1);
    if (!byAdmin2) {
      byAdmin2 = new Map();
      byAdmin1.set(admin1, byAdmin2);
    }
    return byAdmin2;
  }

  private addArea(
    byAdmin2: Map<string, AreaSums>,
    admin2: string,
    lat: number,
    lon: number,
    n: number,
  ): void {
    const cur = byAdmin2.get(admin2);
    if (!cur) byAdmin2.set(admin2, [lat, lon, n]);
    else {
      cur[0] += lat;
      cur[1] += lon;
      cur[2] += n;
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
    const associated = [...this.associated].filter((name) => !this.actors.has(name));
    for (let i = 0; i < associated.length; i += 1000) {
      await db
        .insertInto('actors')
        .values(
          associated.slice(i, i + 1000).map((name) => ({ name, category: null, is_state: 0, aliases: '' })),
        )
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    }
    const areas: [string[], AreaSums][] = [];
    for (const [country, byAdmin1] of this.areas)
      for (const [admin1, byAdmin2] of byAdmin1)
        for (const [admin2, sums] of byAdmin2) areas.push([[country, admin1, admin2], sums]);
    for (let i = 0; i < areas.length; i += 1000) {
      await db
        .insertInto('areas')
        .values(
          areas.slice(i, i + 1000).map(([[country, admin1, admin2], [sumLat, sumLon, n]]) => {
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
