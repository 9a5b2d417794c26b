import { type Kysely, sql } from 'kysely';
import { isPeopleGroup } from '../domain/people-groups.ts';
import type { CountedEvent } from './counted-event.ts';
import { COL, type EventValues, splitTargets } from './event-columns.ts';
import {
  N_CIVILIAN_FATALITIES,
  N_CIVILIAN_TARGETING,
  N_CIVILIAN_TARGETING_DERIVED,
  N_FATALITIES,
  W_ACTOR1,
  W_ACTOR1_ASSOCIATED,
  W_ACTOR1_CATEGORY,
  W_ACTOR2,
  W_ACTOR2_ASSOCIATED,
  W_ACTOR2_CATEGORY,
  W_ADMIN1,
  W_ADMIN2,
  W_COUNTRY,
  W_MONTH,
  W_VIOLENCE_TYPE,
} from './packed-row-slots.ts';
import { NUMBERS_PER_ROW, type PackedRows, WORDS_PER_ROW } from './packed-rows.ts';
import type { ActorCountTable, Database, EventCountTable } from './schema.ts';

const SEP = '\u001f';

/**
 * The associated actors of a side that count as actors of the event: organised ones, not the
 * groups of people ACLED names beside them (isPeopleGroup: a militia's community, students, aid
 * workers), which stay in the event's record and its exports.
 */
export function actingNames(joined: string): string[] {
  return splitTargets(joined).filter((n) => !isPeopleGroup(n));
}
const NONE: readonly number[] = [];

/**
 * Small dense ids for strings, and for pairs of ids, so that a row's aggregate keys are found
 * with a few map look-ups on numbers instead of building and hashing a joined string (the
 * largest cost of reading a big file). Pairs remember their parts, so a key can be taken apart
 * again when the counts are written.
 */
class KeyIds {
  private readonly strings = new Map<string, number>();
  private readonly names: string[] = [];
  // Pairs in an open-addressing table of (left, right) → id, in typed arrays: a pair is found
  // without allocating, and all the numbers stay small integers.
  private slots = new Int32Array(1 << 12).fill(-1);
  private left = new Int32Array(1 << 11);
  private right = new Int32Array(1 << 11);
  private count = 0;

  str(s: string): number {
    let i = this.strings.get(s);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(s);
      this.strings.set(s, i);
    }
    return i;
  }

  /** How many pair ids there are; every pair id is below this. */
  get size(): number {
    return this.count;
  }

  pair(a: number, b: number): number {
    const mask = this.slots.length - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const id = this.slots[h];
      if (id === -1) break;
      if (this.left[id] === a && this.right[id] === b) return id;
      h = (h + 1) & mask;
    }
    const id = this.count++;
    if (id === this.left.length) {
      const l = new Int32Array(id * 2);
      l.set(this.left);
      this.left = l;
      const r = new Int32Array(id * 2);
      r.set(this.right);
      this.right = r;
    }
    this.left[id] = a;
    this.right[id] = b;
    this.slots[h] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let h = (Math.imul(this.left[id], 0x9e3779b1) ^ Math.imul(this.right[id], 0x85ebca6b)) >>> 0;
      h = (h ^ (h >>> 15)) & mask;
      while (slots[h] !== -1) h = (h + 1) & mask;
      slots[h] = id;
    }
    this.slots = slots;
  }

  name(id: number): string {
    return this.names[id];
  }

  leftOf(id: number): number {
    return this.left[id];
  }

  rightOf(id: number): number {
    return this.right[id];
  }
}

/** Ids for a key part with few values (months, violence types, categories), within `bits` bits. */
class SmallIds {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];

  constructor(
    private readonly bits: number,
    private readonly what: string,
  ) {}

  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.names.length;
      // Readers only let through real dates (1900–2100) and the known types and categories.
      if (i >= 1 << this.bits) throw new Error(`more than ${1 << this.bits} ${this.what}s in one import`);
      this.names.push(s);
      this.ids.set(s, i);
    }
    return i;
  }

  name(id: number): string {
    return this.names[id];
  }
}

/**
 * Measures by key id, in one growing typed array: a key's slot is found by indexing, not by
 * hashing, and no array is allocated per key.
 */
class MeasureTable {
  private slotOf = new Int32Array(1 << 12).fill(-1);
  private values = new Float64Array(6 << 10);
  readonly keys: number[] = [];

  /** The offset of the key's six measures in `values`, adding the key when new. */
  at(key: number): number {
    if (key >= this.slotOf.length) {
      const s = new Int32Array(Math.max(this.slotOf.length * 2, key + 1)).fill(-1);
      s.set(this.slotOf);
      this.slotOf = s;
    }
    let slot = this.slotOf[key];
    if (slot === -1) {
      slot = this.keys.length;
      this.keys.push(key);
      this.slotOf[key] = slot;
      if (slot * 6 >= this.values.length) {
        const v = new Float64Array(this.values.length * 2);
        v.set(this.values);
        this.values = v;
      }
    }
    return slot * 6;
  }

  bump(key: number, s: number, fat: number, civ: number, known: number, target: number, derived: number) {
    const o = this.at(key);
    const m = this.values;
    m[o] += s;
    m[o + 1] += s * fat;
    m[o + 2] += s * civ;
    m[o + 3] += s * known;
    m[o + 4] += s * target;
    m[o + 5] += s * derived;
  }

  measures(slot: number): Measures {
    const o = slot * 6;
    return Array.from(this.values.subarray(o, o + 6)) as Measures;
  }

  clear(): void {
    this.slotOf.fill(-1);
    this.values.fill(0);
    this.keys.length = 0;
  }
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
  // A key is a pair of ids: where (country and admin-1, then admin-2 or the actor, each a
  // pair of string ids) and a tail packing month, violence type, category and role into one
  // small number, since those take few values.
  private readonly ids = new KeyIds();
  private readonly months = new SmallIds(13, 'month');
  private readonly types = new SmallIds(4, 'violence type');
  private readonly categories = new SmallIds(4, 'actor category');
  private readonly areas = new MeasureTable();
  private readonly actors = new MeasureTable();

  /** Adds an event's counts `sign` times (negative to take them out). */
  add(e: CountedEvent, sign: number): void {
    this.addParts(
      e.country,
      e.admin1,
      e.admin2,
      e.month,
      e.violenceType,
      e.actor1,
      e.actor1Category,
      e.actor2,
      e.actor2Category,
      e.actor1Associated,
      e.actor2Associated,
      e.fatalities,
      e.civilianFatalities,
      e.civilianTargeting,
      e.civilianTargetingDerived,
      sign,
    );
  }

  /** add() for a row of column values, without building a CountedEvent (the import's hot path). */
  addValues(v: EventValues, sign: 1 | -1): void {
    this.addParts(
      v[COL.country] as string,
      v[COL.admin1] as string,
      v[COL.admin2] as string,
      v[COL.month] as string,
      v[COL.violence_type] as string,
      v[COL.actor1] as string,
      v[COL.actor1_category] as string | null,
      v[COL.actor2] as string,
      v[COL.actor2_category] as string | null,
      v[COL.actor1_associated] as string,
      v[COL.actor2_associated] as string,
      v[COL.fatalities] as number,
      v[COL.civilian_fatalities] as number | null,
      v[COL.civilian_targeting] === 1,
      v[COL.civilian_targeting_derived] === 1,
      sign,
    );
  }

  private addParts(
    country: string,
    admin1: string,
    admin2: string,
    month: string,
    violenceType: string,
    actor1: string,
    actor1Category: string | null,
    actor2: string,
    actor2Category: string | null,
    actor1Associated: string,
    actor2Associated: string,
    fatalities: number,
    civilianFatalities: number | null,
    civilianTargeting: boolean,
    civilianTargetingDerived: boolean,
    sign: number,
  ): void {
    const ids = this.ids;
    const names = (joined: string) => (joined ? actingNames(joined).map((n) => ids.str(n)) : NONE);
    this.addIds(
      ids.str(country),
      ids.str(admin1),
      ids.str(admin2),
      this.months.id(month),
      this.types.id(violenceType),
      actor1 ? ids.str(actor1) : -1,
      this.categories.id(actor1Category ?? ''),
      actor2 ? ids.str(actor2) : -1,
      this.categories.id(actor2Category ?? ''),
      names(actor1Associated),
      names(actor2Associated),
      fatalities,
      civilianFatalities,
      civilianTargeting,
      civilianTargetingDerived,
      sign,
    );
  }

  /** addParts() with every text part already an id (an actor -1 when empty). */
  private addIds(
    country: number,
    admin1: number,
    admin2: number,
    month: number,
    violenceType: number,
    actor1: number,
    actor1Category: number,
    actor2: number,
    actor2Category: number,
    actor1Associated: readonly number[],
    actor2Associated: readonly number[],
    fatalities: number,
    civilianFatalities: number | null,
    civilianTargeting: boolean,
    civilianTargetingDerived: boolean,
    sign: number,
  ): void {
    const civ = civilianFatalities ?? 0;
    const known = civilianFatalities === null ? 0 : 1;
    const target = civilianTargeting ? 1 : 0;
    const derived = civilianTargeting && civilianTargetingDerived ? 1 : 0;
    const ids = this.ids;
    const place = ids.pair(country, admin1);
    const when = month * 16 + violenceType;
    const areaKey = ids.pair(ids.pair(place, admin2), this.tail(when, actor1Category, 0));
    this.areas.bump(areaKey, sign, fatalities, civ, known, target, derived);
    if (actor1 !== -1) {
      const k = ids.pair(ids.pair(place, actor1), this.tail(when, actor1Category, 1));
      this.actors.bump(k, sign, fatalities, civ, known, target, 0);
    }
    // An actor named on both sides is counted once, as actor 1: role 2 is second and not first.
    if (actor2 !== -1 && actor2 !== actor1) {
      const k = ids.pair(ids.pair(place, actor2), this.tail(when, actor2Category, 2));
      this.actors.bump(k, sign, fatalities, civ, known, target, 0);
    }
    // The actors acting with a side: role 3 with the first, 4 with the second, each only where no
    // earlier role names it, and without a category: the source gives none, and the side's is not
    // theirs (Wagner Group acting with Mali's army is not Mali's state force, nor a Dozo militia).
    if (actor1Associated.length === 0 && actor2Associated.length === 0) return;
    const counted = [actor1, actor2];
    const none = this.categories.id('');
    for (const [list, role] of [
      [actor1Associated, 3],
      [actor2Associated, 4],
    ] as const) {
      for (const a of list) {
        if (counted.includes(a)) continue;
        counted.push(a);
        const k = ids.pair(ids.pair(place, a), this.tail(when, none, role));
        this.actors.bump(k, sign, fatalities, civ, known, target, 0);
      }
    }
  }

  // What each dictionary code of the reader's RowPacker stands for here, found once per code:
  // a KeyIds string id (-1 for the empty string, which only actors test), and small ids.
  private dictionary: readonly string[] = [];
  private codeIds = new Int32Array(0);
  private codeSmall = new Int32Array(0);
  private codeNames: (readonly number[] | undefined)[] = [];

  /**
   * add() for every row of a packed batch, reading the packer's dictionary codes (`dictionary`
   * is every word so far): a row's parts are found by indexing arrays instead of hashing its
   * strings, which is most of what counting cost.
   */
  addPacked(p: PackedRows, dictionary: readonly string[], sign: 1 | -1): void {
    // Codes mean something else in another file's dictionary.
    if (dictionary !== this.dictionary) {
      this.dictionary = dictionary;
      this.codeIds = new Int32Array(0);
      this.codeSmall = new Int32Array(0);
      this.codeNames = [];
    }
    if (this.codeIds.length < dictionary.length) {
      const size = Math.max(dictionary.length, this.codeIds.length * 2, 1024);
      const ids = new Int32Array(size).fill(-2);
      ids.set(this.codeIds);
      this.codeIds = ids;
      const small = new Int32Array(size).fill(-2);
      small.set(this.codeSmall);
      this.codeSmall = small;
    }
    const codeIds = this.codeIds;
    const codeSmall = this.codeSmall;
    const str = (code: number): number => {
      let id = codeIds[code];
      if (id === -2) {
        const word = dictionary[code];
        id = word === '' ? -1 : this.ids.str(word);
        codeIds[code] = id;
      }
      return id === -1 ? this.ids.str('') : id;
    };
    const actor = (code: number): number => {
      if (codeIds[code] === -2) str(code);
      return codeIds[code];
    };
    const small = (code: number, ids: SmallIds): number => {
      let id = codeSmall[code];
      if (id === -2) {
        id = ids.id(dictionary[code]);
        codeSmall[code] = id;
      }
      return id;
    };
    const category = (code: number): number =>
      code === -1 ? this.categories.id('') : small(code, this.categories);
    // A list of associated actors, as the ids of its names, worked out once per dictionary code.
    const codeNames = this.codeNames;
    const names = (code: number): readonly number[] => {
      let list = codeNames[code];
      if (list === undefined) {
        const word = code === -1 ? '' : dictionary[code];
        list = word ? actingNames(word).map((n) => this.ids.str(n)) : NONE;
        codeNames[code] = list;
      }
      return list;
    };
    const { codes, numbers } = p;
    for (let i = 0; i < p.count; i++) {
      const w = i * WORDS_PER_ROW;
      const u = i * NUMBERS_PER_ROW;
      const civ = numbers[u + N_CIVILIAN_FATALITIES];
      this.addIds(
        str(codes[w + W_COUNTRY]),
        str(codes[w + W_ADMIN1]),
        str(codes[w + W_ADMIN2]),
        small(codes[w + W_MONTH], this.months),
        small(codes[w + W_VIOLENCE_TYPE], this.types),
        actor(codes[w + W_ACTOR1]),
        category(codes[w + W_ACTOR1_CATEGORY]),
        actor(codes[w + W_ACTOR2]),
        category(codes[w + W_ACTOR2_CATEGORY]),
        names(codes[w + W_ACTOR1_ASSOCIATED]),
        names(codes[w + W_ACTOR2_ASSOCIATED]),
        numbers[u + N_FATALITIES],
        Number.isNaN(civ) ? null : civ,
        numbers[u + N_CIVILIAN_TARGETING] === 1,
        numbers[u + N_CIVILIAN_TARGETING_DERIVED] === 1,
        sign,
      );
    }
  }

  /** Month and violence type (`when`), category id and role (0 for the area tables) in one number. */
  private tail(when: number, category: number, role: number): number {
    return (when * 16 + category) * 8 + role;
  }

  /** A key's parts in the order of EVENT_KEYS (role 0) or ACTOR_KEYS. */
  private parts(key: number): string[] {
    const ids = this.ids;
    const t = ids.rightOf(key);
    const where = ids.leftOf(key);
    const place = ids.leftOf(where);
    const country = ids.name(ids.leftOf(place));
    const admin1 = ids.name(ids.rightOf(place));
    const third = ids.name(ids.rightOf(where));
    const role = t & 7;
    const category = this.categories.name((t >> 3) & 15);
    const type = this.types.name((t >> 7) & 15);
    const month = this.months.name(t >> 11);
    return role === 0
      ? [country, admin1, third, month, type, category]
      : [country, admin1, third, category, String(role), month, type];
  }

  /** A table's keys and measures, for the counts not zero. */
  private nonZero(t: MeasureTable): [string[], Measures][] {
    return t.keys
      .map((k, slot): [string[], Measures] => [this.parts(k), t.measures(slot)])
      .filter(([, m]) => m.some((x) => x !== 0));
  }

  /**
   * The counts as rows of `event_counts` and `actor_counts`, in memory, nothing written: what the
   * tables would hold for these events alone (the analysis counts the days of a month its period
   * cuts this way, from the events of those days).
   */
  rows(): { eventCounts: EventCountTable[]; actorCounts: ActorCountTable[] } {
    const record = <T>(
      keys: readonly string[],
      measures: [string, number][],
      [parts, m]: [string[], Measures],
    ) => {
      const o: Record<string, string | number> = {};
      keys.forEach((k, i) => {
        o[k] = k === 'role' ? Number(parts[i]) : parts[i]!;
      });
      for (const [name, at] of measures) o[name] = m[at]!;
      return o as T;
    };
    return {
      eventCounts: this.nonZero(this.areas).map((r) => record<EventCountTable>(EVENT_KEYS, AREA_MEASURES, r)),
      actorCounts: this.nonZero(this.actors).map((r) =>
        record<ActorCountTable>(ACTOR_KEYS, ACTOR_MEASURES, r),
      ),
    };
  }

  async flush(db: Kysely<Database>, upsert: CountUpsert = kyselyCountUpsert(db)): Promise<void> {
    const areaRows = this.nonZero(this.areas);
    await addCounts(upsert, 'event_counts', EVENT_KEYS, AREA_MEASURES, areaRows);
    const actorRows = this.nonZero(this.actors);
    await addCounts(upsert, 'actor_counts', ACTOR_KEYS, ACTOR_MEASURES, actorRows);
    // The area-by-month roll-up: the same counts without violence type and category.
    const byAreaMonth = new Map<string, [string[], Measures]>();
    for (const [parts, m] of areaRows) {
      const key = parts.slice(0, 4).join(SEP);
      const cur = byAreaMonth.get(key);
      if (cur) for (let i = 0; i < m.length; i++) cur[1][i] += m[i];
      else byAreaMonth.set(key, [parts.slice(0, 4), [...m] as Measures]);
    }
    await addCounts(upsert, 'area_month_counts', EVENT_KEYS.slice(0, 4), AREA_MEASURES, [
      ...byAreaMonth.values(),
    ]);
    // The country roll-up: the same counts without the areas.
    const byCountry = new Map<string, [string[], Measures]>();
    for (const [parts, m] of areaRows) {
      const key = [parts[0], parts[3], parts[4], parts[5]];
      const k = key.join(SEP);
      const cur = byCountry.get(k);
      if (cur) for (let i = 0; i < m.length; i++) cur[1][i] += m[i];
      else byCountry.set(k, [key, [...m] as Measures]);
    }
    await addCounts(upsert, 'country_counts', COUNTRY_KEYS, AREA_MEASURES, [...byCountry.values()]);
    for (const table of ['area_month_counts', 'country_counts', 'event_counts', 'actor_counts'] as const) {
      await db.deleteFrom(table).where('events', '=', 0).execute();
    }
    this.areas.clear();
    this.actors.clear();
  }
}

// The order of the parts of each key, as add() builds them.
const EVENT_KEYS = ['country', 'admin1', 'admin2', 'month', 'violence_type', 'actor_category'];
const ACTOR_KEYS = ['country', 'admin1', 'actor', 'actor_category', 'role', 'month', 'violence_type'];
const COUNTRY_KEYS = ['country', 'month', 'violence_type', 'actor_category'];
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

export type CountTable = 'event_counts' | 'actor_counts' | 'area_month_counts' | 'country_counts';

/**
 * Adds rows to an aggregate table: a new key is inserted, an existing one gets the measures
 * added. Each row holds the key columns, then the measure columns.
 */
export type CountUpsert = (
  table: CountTable,
  keys: readonly string[],
  measures: readonly string[],
  rows: readonly (string | number)[][],
) => Promise<void>;

/** The CountUpsert of any dialect, through Kysely (SQLite's importer has a faster one). */
export function kyselyCountUpsert(db: Kysely<Database>): CountUpsert {
  return async (table, keys, measures, rows) => {
    const t = sql.table(table);
    const set = Object.fromEntries(
      measures.map((c) => [c, sql`${t}.${sql.ref(c)} + excluded.${sql.ref(c)}`]),
    );
    const columns = [...keys, ...measures];
    for (let i = 0; i < rows.length; i += 1000) {
      const values = rows.slice(i, i + 1000).map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j]])));
      await db
        .insertInto(table)
        .values(values as never)
        .onConflict((oc) => oc.columns(keys as never).doUpdateSet(set as never))
        .execute();
    }
  };
}

/** Adds counts to an aggregate table: one upsert per key, inserting new keys, adding to old ones. */
async function addCounts(
  upsert: CountUpsert,
  table: CountTable,
  keys: string[],
  measures: [string, number][],
  rows: [string[], Measures | number[]][],
): Promise<void> {
  const values = rows.map(([parts, m]) => {
    const row: (string | number)[] = keys.map((c, j) => (c === 'role' ? Number(parts[j]) : parts[j]));
    for (const [, j] of measures) row.push(m[j]);
    return row;
  });
  await upsert(
    table,
    keys,
    measures.map(([c]) => c),
    values,
  );
}
