import type { Kysely } from 'kysely';
import { readEventsRevision } from './events-revision.ts';
import type { Database } from './schema.ts';

/**
 * What the in-memory event index holds (event-memory-index.ts): every event's filterable fields
 * and place, in the order the map and the evidence lists show them (by country, newest first, the
 * higher id first on a day), and the monthly counts summed over districts. Plain typed arrays and
 * string tables, so a worker thread can build it and hand it over without copying.
 */
export interface EventIndexData {
  /** The events' revision it was read at (events-revision.ts). */
  revision: number;
  countries: string[];
  /** Per country code, its events' [start, end) in the arrays below. */
  countrySlices: Int32Array;
  /** Admin-1 names; an area code is one country's area. */
  areas: string[];
  /** Per area code, its country's code. */
  areaCountry: Int32Array;
  types: string[];
  /** Actor categories; code 255 is "none" (no category), which no filter matches. */
  categories: string[];
  levels: string[];
  id: Float64Array;
  /** The event's first day as yyyymmdd. */
  day: Int32Array;
  area: Int32Array;
  type: Uint8Array;
  category: Uint8Array;
  level: Uint8Array;
  civilianTargeting: Uint8Array;
  /** NaN where the event has no coordinates. */
  longitude: Float64Array;
  latitude: Float64Array;
  /**
   * Each event's map point as JSON text (`mapPointAt`'s, as JSON.stringify writes it), one after
   * another in the order above: the event at i is bytes [pointStart[i], pointStart[i + 1]). A
   * page of points is then copied, not built and encoded again per request.
   */
  pointText: Uint8Array;
  pointStart: Int32Array;
  /** Per country code, its count rows' [start, end) in the arrays below. */
  countSlices: Int32Array;
  cArea: Int32Array;
  /** yyyymm */
  cMonth: Int32Array;
  cType: Uint8Array;
  /** Coded as `categories`, '' (event_counts' "none") included as a name. */
  cCategory: Uint8Array;
  cEvents: Float64Array;
  cFatalities: Float64Array;
  cCivilianFatalities: Float64Array;
  cCivilianFatalitiesKnown: Float64Array;
  cCivilianTargeting: Float64Array;
}

/** The typed arrays of the data, for a worker's transfer list. */
export function transferables(d: EventIndexData): ArrayBuffer[] {
  return Object.values(d)
    .filter((v): v is Int32Array => ArrayBuffer.isView(v))
    .map((v) => v.buffer as ArrayBuffer);
}

export const NO_CATEGORY = 255;
/** Events read per query while building: keeps each read short, so other work interleaves. */
const CHUNK = 50_000;
/** Above this many events the index is not built (about 70 bytes an event); reads use SQL. */
export const MAX_INDEXED_EVENTS = 8_000_000;

/** A string table: a name's code, given on first sight. */
class Codes {
  readonly names: string[] = [];
  readonly #codes = new Map<string, number>();
  constructor(private readonly max: number) {}
  code(name: string): number {
    let c = this.#codes.get(name);
    if (c === undefined) {
      c = this.names.length;
      if (c >= this.max) throw new IndexNotBuilt(`more than ${this.max} distinct values`);
      this.#codes.set(name, c);
      this.names.push(name);
    }
    return c;
  }
}

/** Why an index was not built (the reads then use SQL): never a user's error. */
export class IndexNotBuilt extends Error {}

/** yyyymmdd of a YYYY-MM-DD date (its first ten characters), or NaN. */
export function dayNumber(date: string): number {
  const n = Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
  return date[4] === '-' && date[7] === '-' ? n : Number.NaN;
}

/**
 * Reads the index's data from the store, in short reads with pauses between them. Returns null when
 * the events changed while it read (it is then read again later), and throws IndexNotBuilt when the
 * store is beyond what it holds.
 */
export async function readEventIndexData(db: Kysely<Database>): Promise<EventIndexData | null> {
  const revision = await readEventsRevision(db);
  const total = Number(
    (
      await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  if (total > MAX_INDEXED_EVENTS) throw new IndexNotBuilt(`${total} events`);
  // Room for a few events written while reading; more means the store changed (checked below).
  const n = total + 1024;
  const countries = new Codes(1024);
  const areaCodes = new Codes(2 ** 31);
  const areas: string[] = [];
  const areaCountry: number[] = [];
  const types = new Codes(255);
  const categories = new Codes(255);
  const levels = new Codes(255);
  const raw = {
    id: new Float64Array(n),
    day: new Int32Array(n),
    country: new Int32Array(n),
    area: new Int32Array(n),
    type: new Uint8Array(n),
    category: new Uint8Array(n),
    level: new Uint8Array(n),
    civilianTargeting: new Uint8Array(n),
    longitude: new Float64Array(n),
    latitude: new Float64Array(n),
  };
  let count = 0;
  let last = -1;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .select([
        'id',
        'country',
        'admin1',
        'date_start',
        'violence_type',
        'actor1_category',
        'civilian_targeting',
        'sensitivity',
        'longitude',
        'latitude',
      ])
      .where('id', '>', last)
      .orderBy('id')
      .limit(CHUNK)
      .execute();
    for (const r of rows) {
      if (count === n) return null;
      const day = dayNumber(r.date_start);
      if (!(day >= 19000101 && day <= 22511231))
        throw new IndexNotBuilt(`a date the index cannot order: ${r.date_start}`);
      const country = countries.code(r.country);
      const areaKey = `${r.country}\u0000${r.admin1}`;
      const area = areaCodes.code(areaKey);
      areas[area] = r.admin1;
      areaCountry[area] = country;
      raw.id[count] = Number(r.id);
      raw.day[count] = day;
      raw.country[count] = country;
      raw.area[count] = area;
      raw.type[count] = types.code(r.violence_type);
      raw.category[count] = r.actor1_category === null ? NO_CATEGORY : categories.code(r.actor1_category);
      raw.level[count] = levels.code(r.sensitivity);
      raw.civilianTargeting[count] = Number(r.civilian_targeting) ? 1 : 0;
      raw.longitude[count] = r.longitude === null ? Number.NaN : Number(r.longitude);
      raw.latitude[count] = r.latitude === null ? Number.NaN : Number(r.latitude);
      count++;
    }
    if (rows.length < CHUNK) break;
    last = Number(rows[rows.length - 1]!.id);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const order = newestFirst(raw.country, raw.day, count);
  const pick = <T extends Float64Array | Int32Array | Uint8Array>(from: T, make: (k: number) => T): T => {
    const out = make(count);
    for (let i = 0; i < count; i++) out[i] = from[order[i]!]!;
    return out;
  };
  const countrySlices = new Int32Array(countries.names.length * 2);
  const sortedCountry = pick(raw.country, (k) => new Int32Array(k));
  for (let i = 0; i < count; i++) {
    const c = sortedCountry[i]!;
    if (i === 0 || sortedCountry[i - 1] !== c) countrySlices[2 * c] = i;
    countrySlices[2 * c + 1] = i + 1;
  }
  const events = {
    id: pick(raw.id, (k) => new Float64Array(k)),
    day: pick(raw.day, (k) => new Int32Array(k)),
    area: pick(raw.area, (k) => new Int32Array(k)),
    type: pick(raw.type, (k) => new Uint8Array(k)),
    category: pick(raw.category, (k) => new Uint8Array(k)),
    level: pick(raw.level, (k) => new Uint8Array(k)),
    civilianTargeting: pick(raw.civilianTargeting, (k) => new Uint8Array(k)),
    longitude: pick(raw.longitude, (k) => new Float64Array(k)),
    latitude: pick(raw.latitude, (k) => new Float64Array(k)),
  };
  const counts = await readMonthlyCounts(db, countries, areaCodes, { areas, areaCountry }, types, categories);
  if ((await readEventsRevision(db)) !== revision) return null;
  return {
    revision,
    countries: countries.names,
    countrySlices,
    areas,
    areaCountry: Int32Array.from(areaCountry),
    types: types.names,
    categories: categories.names,
    levels: levels.names,
    ...events,
    ...pointTexts(events, categories.names.indexOf('state-forces')),
    ...counts,
  };
}

/** What a map point is made of. */
type PointFields = Pick<EventIndexData, 'id' | 'longitude' | 'latitude' | 'civilianTargeting' | 'category'>;

/** A map point: [id, longitude, latitude, civilian targeting 0|1, state-force perpetrator 0|1]. */
export type IndexedPoint = [number, number | null, number | null, number, 0 | 1];

/** The map point of the event at `i`; `stateForces` is the category code of state forces (or -1). */
export function mapPointAt(d: PointFields, i: number, stateForces: number): IndexedPoint {
  const longitude = d.longitude[i]!;
  const latitude = d.latitude[i]!;
  return [
    d.id[i]!,
    Number.isNaN(longitude) ? null : longitude,
    Number.isNaN(latitude) ? null : latitude,
    d.civilianTargeting[i]!,
    d.category[i] === stateForces ? 1 : 0,
  ];
}

/** Every event's map point as JSON text, and where each starts (the text is ASCII: a byte a character). */
function pointTexts(d: PointFields, stateForces: number): Pick<EventIndexData, 'pointText' | 'pointStart'> {
  const n = d.id.length;
  const pointStart = new Int32Array(n + 1);
  // Written straight into a growing buffer: a million points' strings kept at once, then joined,
  // would hold several times the text's size on the heap.
  let text = new Uint8Array(n * 32 + 64);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const point = JSON.stringify(mapPointAt(d, i, stateForces));
    if (at + point.length > text.length) {
      const grown = new Uint8Array(2 * (at + point.length));
      grown.set(text.subarray(0, at));
      text = grown;
    }
    for (let k = 0; k < point.length; k++) text[at++] = point.charCodeAt(k);
    pointStart[i + 1] = at;
  }
  return { pointText: text.slice(0, at), pointStart };
}

/**
 * The positions of the events (read in id order) sorted by country, newest day first, higher id
 * first: one numeric sort of keys that pack the three (country 10 bits, day 17, id rank 26).
 */
function newestFirst(country: Int32Array, day: Int32Array, count: number): Int32Array {
  if (count >= 2 ** 26) throw new IndexNotBuilt(`${count} events`);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const d = day[i]!;
    const y = Math.floor(d / 10000);
    const m = Math.floor(d / 100) % 100;
    const dd = d % 100;
    if (m < 1 || m > 12 || dd < 1 || dd > 31) throw new IndexNotBuilt(`a date the index cannot order: ${d}`);
    const compact = (y - 1900) * 372 + (m - 1) * 31 + (dd - 1);
    keys[i] = country[i]! * 2 ** 43 + (2 ** 17 - 1 - compact) * 2 ** 26 + (2 ** 26 - 1 - i);
  }
  keys.sort();
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = 2 ** 26 - 1 - (keys[i]! % 2 ** 26);
  return order;
}

/** event_counts summed over districts, in slices by country. */
async function readMonthlyCounts(
  db: Kysely<Database>,
  countries: Codes,
  areaCodes: Codes,
  { areas, areaCountry }: { areas: string[]; areaCountry: number[] },
  types: Codes,
  categories: Codes,
) {
  const rows = await db
    .selectFrom('event_counts')
    .select((eb) => [
      'country',
      'admin1',
      'month',
      'violence_type',
      'actor_category',
      eb.fn.sum<number>('events').as('events'),
      eb.fn.sum<number>('fatalities').as('fatalities'),
      eb.fn.sum<number>('civilian_fatalities').as('civilian_fatalities'),
      eb.fn.sum<number>('civilian_fatalities_known').as('known'),
      eb.fn.sum<number>('civilian_targeting_events').as('cte'),
    ])
    .groupBy(['country', 'admin1', 'month', 'violence_type', 'actor_category'])
    .orderBy('country')
    .execute();
  const k = rows.length;
  const c = {
    cArea: new Int32Array(k),
    cMonth: new Int32Array(k),
    cType: new Uint8Array(k),
    cCategory: new Uint8Array(k),
    cEvents: new Float64Array(k),
    cFatalities: new Float64Array(k),
    cCivilianFatalities: new Float64Array(k),
    cCivilianFatalitiesKnown: new Float64Array(k),
    cCivilianTargeting: new Float64Array(k),
  };
  const country = new Int32Array(k);
  rows.forEach((r, i) => {
    country[i] = countries.code(r.country);
    const area = areaCodes.code(`${r.country}\u0000${r.admin1}`);
    areas[area] = r.admin1;
    areaCountry[area] = country[i]!;
    c.cArea[i] = area;
    c.cMonth[i] = Number(r.month.slice(0, 4)) * 100 + Number(r.month.slice(5, 7));
    c.cType[i] = types.code(r.violence_type);
    c.cCategory[i] = categories.code(r.actor_category);
    c.cEvents[i] = Number(r.events);
    c.cFatalities[i] = Number(r.fatalities);
    c.cCivilianFatalities[i] = Number(r.civilian_fatalities);
    c.cCivilianFatalitiesKnown[i] = Number(r.known);
    c.cCivilianTargeting[i] = Number(r.cte);
  });
  // The rows come grouped by country: each country's slice of them.
  const countSlices = new Int32Array(countries.names.length * 2);
  for (let i = 0; i < k; i++) {
    if (i === 0 || country[i - 1] !== country[i]) countSlices[2 * country[i]!] = i;
    countSlices[2 * country[i]! + 1] = i + 1;
  }
  return { countSlices, ...c };
}
