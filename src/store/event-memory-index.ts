import { NO_CATEGORY_FILTER } from '../domain/actor-category.ts';
import {
  dayNumber,
  type EventIndexData,
  type IndexedPoint,
  mapPointAt,
  NO_CATEGORY,
} from './event-index-data.ts';
import { splitPeriod } from './matching-event-count.ts';

/** The filters the index answers; others (ids, actors, civilian targeting) are SQL's. */
export interface IndexedFilter {
  country: string;
  admin1?: string | readonly string[];
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  violenceTypes?: readonly string[];
  /** The perpetrator's (first actor's) category. */
  actorCategories?: readonly string[];
}

/** An admin-1 area's figures for a period, as areaMap shows them. */
export interface IndexedAreaFigures {
  country: string;
  admin1: string;
  events: number;
  fatalities: number;
  civilianFatalities: number | null;
  /** The events counted whose source gives civilian deaths. */
  civilianFatalitiesEvents: number;
  civilianTargetingEvents: number;
  stateCivilianTargetingEvents: number;
  first: string;
  last: string;
}

/** One month, violence type and kind of perpetrator of the trend. */
export interface IndexedMonthRow {
  month: string;
  violenceType: string;
  perpetrator: 'state-forces' | 'other';
  events: number;
  fatalities: number;
  civilianTargetingEvents: number;
}

/** A compiled filter: masks over the codes, the country's slices. */
interface Compiled {
  /** The positions scanned, [start, end): of the events themselves, or of `positions` when set. */
  start: number;
  end: number;
  /** One area's event positions, newest first, when the filter names a single area. */
  positions: Int32Array | null;
  countStart: number;
  countEnd: number;
  /** By area code: 1 for the areas asked. */
  areas: Uint8Array | null;
  types: Uint8Array | null;
  categories: Uint8Array | null;
}

/**
 * The events' filterable fields in memory, for the questions the dashboard asks most and that a
 * cache cannot serve because each viewer asks a different one: the newest events of a period and
 * filters (the map's points, the area page's list) and how many match, and each area's figures.
 * On the million-event store these cost SQLite 10–40 ms each (reading rows scattered over the
 * file, or summing 20,000 count rows); here a slice of typed arrays is walked in well under one.
 * It answers exactly as the SQL it stands for (test/event-memory-index.test.ts compares them).
 */
export class EventMemoryIndex {
  readonly #country = new Map<string, number>();
  readonly #area = new Map<string, number>();
  readonly #type = new Map<string, number>();
  readonly #category = new Map<string, number>();
  readonly #level = new Map<string, number>();
  readonly #stateForces: number;
  /** Event positions grouped by area, newest first within each; area a's are [slices[a], slices[a + 1]). */
  readonly #areaOrder: Int32Array;
  readonly #areaSlices: Int32Array;

  constructor(readonly data: EventIndexData) {
    for (const [names, codes] of [
      [data.countries, this.#country],
      [data.types, this.#type],
      [data.categories, this.#category],
      [data.levels, this.#level],
    ] as const) {
      for (let i = 0; i < names.length; i++) codes.set(names[i]!, i);
    }
    this.#stateForces = this.#category.get('state-forces') ?? -1;
    for (let a = 0; a < data.areas.length; a++)
      this.#area.set(`${data.countries[data.areaCountry[a]!]}\u0000${data.areas[a]}`, a);
    // Each area's events in their order (a stable counting sort): an area page's questions scan
    // its own events, not its country's.
    const n = data.id.length;
    this.#areaSlices = new Int32Array(data.areas.length + 1);
    for (let i = 0; i < n; i++) this.#areaSlices[data.area[i]! + 1]!++;
    for (let a = 1; a <= data.areas.length; a++) this.#areaSlices[a]! += this.#areaSlices[a - 1]!;
    const next = this.#areaSlices.slice(0, data.areas.length);
    this.#areaOrder = new Int32Array(n);
    for (let i = 0; i < n; i++) this.#areaOrder[next[data.area[i]!]!++] = i;
  }

  /**
   * Positions of the events matching `f`, newest first (the higher id first on a day), after
   * `offset`, at most `limit`; only those of the sensitivity `levels` given, and with a latitude
   * when `placed` (as the map's SQL asks).
   */
  newest(
    f: IndexedFilter,
    o: { offset: number; limit: number; levels?: readonly string[]; placed?: boolean },
  ): number[] {
    const c = this.#compile(f);
    const out: number[] = [];
    if (!c) return out;
    const d = this.data;
    const levels = o.levels ? this.#mask(o.levels, this.#level) : null;
    const [lo, hi] = this.#days(c, f.from, f.to);
    let skip = o.offset;
    for (let k = lo; k < hi && out.length < o.limit; k++) {
      const i = c.positions === null ? k : c.positions[k]!;
      if (!this.#matches(c, i)) continue;
      if (levels && !levels[d.level[i]!]) continue;
      if (o.placed && Number.isNaN(d.latitude[i]!)) continue;
      if (skip > 0) skip--;
      else out.push(i);
    }
    return out;
  }

  /** How many events match `f`, whatever their sensitivity: countMatchingEvents' answer. */
  count(f: IndexedFilter): number {
    const c = this.#compile(f);
    if (!c) return 0;
    const { months, days } = splitPeriod(f.from, f.to);
    let n = 0;
    for (const p of days) {
      const [lo, hi] = this.#days(c, p.from, p.to);
      for (let k = lo; k < hi; k++) if (this.#matches(c, c.positions === null ? k : c.positions[k]!)) n++;
    }
    if (!months) return n;
    const d = this.data;
    const from = months.from ? monthNumber(months.from) : 0;
    const to = months.to ? monthNumber(months.to) : 999999;
    for (let i = c.countStart; i < c.countEnd; i++) {
      const m = d.cMonth[i]!;
      if (m >= from && m <= to && this.#countMatches(c, i)) n += d.cEvents[i]!;
    }
    return n;
  }

  /** Each area's figures over the whole months `f`'s period touches, as event_counts sums them. */
  areaFigures(f: IndexedFilter): IndexedAreaFigures[] {
    const c = this.#compile(f);
    if (!c) return [];
    const d = this.data;
    const from = f.from ? monthNumber(f.from) : 0;
    const to = f.to ? monthNumber(f.to) : 999999;
    const byArea = new Map<number, IndexedAreaFigures & { firstN: number; lastN: number }>();
    for (let i = c.countStart; i < c.countEnd; i++) {
      const m = d.cMonth[i]!;
      if (m < from || m > to || !this.#countMatches(c, i)) continue;
      const area = d.cArea[i]!;
      let a = byArea.get(area);
      if (!a) {
        a = {
          country: f.country,
          admin1: d.areas[area]!,
          events: 0,
          fatalities: 0,
          civilianFatalities: 0,
          civilianTargetingEvents: 0,
          stateCivilianTargetingEvents: 0,
          first: '',
          last: '',
          civilianFatalitiesEvents: 0,
          firstN: m,
          lastN: m,
        };
        byArea.set(area, a);
      }
      a.events += d.cEvents[i]!;
      a.fatalities += d.cFatalities[i]!;
      a.civilianFatalities! += d.cCivilianFatalities[i]!;
      a.civilianFatalitiesEvents += d.cCivilianFatalitiesKnown[i]!;
      a.civilianTargetingEvents += d.cCivilianTargeting[i]!;
      if (d.cCategory[i] === this.#stateForces) a.stateCivilianTargetingEvents += d.cCivilianTargeting[i]!;
      if (m < a.firstN) a.firstN = m;
      if (m > a.lastN) a.lastN = m;
    }
    return [...byArea.values()].map(({ firstN, lastN, ...a }) => ({
      ...a,
      civilianFatalities: a.civilianFatalitiesEvents > 0 ? a.civilianFatalities : null,
      first: monthText(firstN),
      last: monthText(lastN),
    }));
  }

  /**
   * The monthly events, deaths and attacks on civilians of the whole months `f`'s period touches,
   * by violence type and whether the perpetrator is a state force, as the trend chart sums the
   * monthly aggregates; ordered by month, type, then perpetrator.
   */
  monthlySeries(f: IndexedFilter): IndexedMonthRow[] {
    const c = this.#compile(f);
    if (!c) return [];
    const d = this.data;
    const from = f.from ? monthNumber(f.from) : 0;
    const to = f.to ? monthNumber(f.to) : 999999;
    const rows = new Map<string, IndexedMonthRow & { m: number }>();
    for (let i = c.countStart; i < c.countEnd; i++) {
      const m = d.cMonth[i]!;
      if (m < from || m > to || !this.#countMatches(c, i)) continue;
      const state = d.cCategory[i] === this.#stateForces;
      const key = `${m}|${d.cType[i]}|${state ? 1 : 0}`;
      let r = rows.get(key);
      if (!r) {
        r = {
          m,
          month: monthText(m),
          violenceType: d.types[d.cType[i]!]!,
          perpetrator: state ? 'state-forces' : 'other',
          events: 0,
          fatalities: 0,
          civilianTargetingEvents: 0,
        };
        rows.set(key, r);
      }
      r.events += d.cEvents[i]!;
      r.fatalities += d.cFatalities[i]!;
      r.civilianTargetingEvents += d.cCivilianTargeting[i]!;
    }
    return [...rows.values()]
      .sort(
        (a, b) =>
          a.m - b.m ||
          (a.violenceType < b.violenceType ? -1 : a.violenceType > b.violenceType ? 1 : 0) ||
          (a.perpetrator < b.perpetrator ? -1 : a.perpetrator > b.perpetrator ? 1 : 0),
      )
      .map(({ m: _, ...r }) => r);
  }

  /** The map point of the event at `i`: [id, longitude, latitude, civilian targeting, state forces]. */
  point(i: number): IndexedPoint {
    return mapPointAt(this.data, i, this.#stateForces);
  }

  /**
   * `{"total":…,"points":[…]}` for these positions' points, byte for byte as JSON.stringify writes
   * `{ total, points }` and encodes it: the points' texts copied from the index.
   */
  pointsJson(total: number, positions: readonly number[]): Uint8Array<ArrayBuffer> {
    const { pointText, pointStart } = this.data;
    const head = `{"total":${JSON.stringify(total)},"points":[`;
    let size = head.length + Math.max(0, positions.length - 1) + 2;
    for (const i of positions) size += pointStart[i + 1]! - pointStart[i]!;
    const out = new Uint8Array(size);
    let at = UTF8.encodeInto(head, out).written;
    for (let k = 0; k < positions.length; k++) {
      if (k > 0) out[at++] = 0x2c; // ,
      const i = positions[k]!;
      for (let b = pointStart[i]!, end = pointStart[i + 1]!; b < end; b++) out[at++] = pointText[b]!;
    }
    out[at++] = 0x5d; // ]
    out[at] = 0x7d; // }
    return out;
  }

  id(i: number): number {
    return this.data.id[i]!;
  }

  #compile(f: IndexedFilter): Compiled | null {
    const c = this.#country.get(f.country);
    if (c === undefined) return null;
    const d = this.data;
    const asked = f.admin1 === undefined ? [] : typeof f.admin1 === 'string' ? [f.admin1] : f.admin1;
    let areas: Uint8Array | null = null;
    if (f.admin1 !== undefined) {
      areas = new Uint8Array(d.areas.length);
      for (const a of asked) {
        const code = this.#area.get(`${f.country}\u0000${a}`);
        if (code !== undefined) areas[code] = 1;
      }
    }
    const one = asked.length === 1 ? this.#area.get(`${f.country}\u0000${asked[0]}`) : undefined;
    return {
      ...(one === undefined
        ? { start: d.countrySlices[2 * c] ?? 0, end: d.countrySlices[2 * c + 1] ?? 0, positions: null }
        : { start: this.#areaSlices[one]!, end: this.#areaSlices[one + 1]!, positions: this.#areaOrder }),
      countStart: d.countSlices[2 * c] ?? 0,
      countEnd: d.countSlices[2 * c + 1] ?? 0,
      areas,
      types: f.violenceTypes?.length ? this.#mask(f.violenceTypes, this.#type) : null,
      categories: f.actorCategories?.length ? this.#categoryMask(f.actorCategories) : null,
    };
  }

  #mask(names: readonly string[], codes: Map<string, number>): Uint8Array {
    const mask = new Uint8Array(256);
    for (const n of names) {
      const code = codes.get(n);
      if (code !== undefined) mask[code] = 1;
    }
    mask[NO_CATEGORY] = 0;
    return mask;
  }

  /** As #mask, and "unknown" for the events whose first actor has no category. */
  #categoryMask(names: readonly string[]): Uint8Array {
    const mask = this.#mask(names, this.#category);
    if (names.includes(NO_CATEGORY_FILTER)) {
      mask[NO_CATEGORY] = 1;
      const empty = this.#category.get('');
      if (empty !== undefined) mask[empty] = 1;
    }
    return mask;
  }

  #matches(c: Compiled, i: number): boolean {
    const d = this.data;
    return (
      (c.types === null || c.types[d.type[i]!] === 1) &&
      (c.categories === null || c.categories[d.category[i]!] === 1) &&
      (c.areas === null || c.areas[d.area[i]!] === 1)
    );
  }

  #countMatches(c: Compiled, i: number): boolean {
    const d = this.data;
    return (
      (c.types === null || c.types[d.cType[i]!] === 1) &&
      (c.categories === null || c.categories[d.cCategory[i]!] === 1) &&
      (c.areas === null || c.areas[d.cArea[i]!] === 1)
    );
  }

  /** The country's positions whose day is within [from, to] (the days run newest first). */
  #days(c: Compiled, from: string | undefined, to: string | undefined): [number, number] {
    return [
      to === undefined ? c.start : this.#firstAtOrBefore(c, dayNumber(to)),
      from === undefined ? c.end : this.#firstAtOrBefore(c, dayNumber(from) - 1),
    ];
  }

  /** The country's first position whose day is `day` or earlier. */
  #firstAtOrBefore(c: Compiled, day: number): number {
    const days = this.data.day;
    let [lo, hi] = [c.start, c.end];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[c.positions === null ? mid : c.positions[mid]!]! > day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const UTF8 = new TextEncoder();

function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}

function monthText(m: number): string {
  return `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`;
}
