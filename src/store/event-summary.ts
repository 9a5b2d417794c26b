import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { SummaryDimension } from '../domain/summary-dimension.ts';
import { splitTargets } from './event-columns.ts';
import { type HiddenEvents, hidesNothing, isHidden, isOpen } from './hidden-records.ts';
import type { Database } from './schema.ts';

export { SUMMARY_DIMENSIONS, type SummaryDimension } from '../domain/summary-dimension.ts';

export interface SummaryFilter {
  country?: string;
  /** Inclusive YYYY-MM-DD bounds on the event's first day. */
  from?: string;
  to?: string;
}

export interface SummaryRow {
  /** The area, period or category as the source spells it ('' where the source has none). */
  key: string;
  /** With a second dimension (`then`): its value. */
  key2?: string;
  /**
   * For a row by admin-2 area: the admin-1 area it lies in. Districts of one name lie in several
   * provinces (Tessalit in Gao and in Kidal; Nigeria's Bassa in Kogi and in Plateau): each is a row.
   */
  admin1?: string;
  country: string;
  events: number;
  fatalities: number;
  /** GED's civilian deaths; null where no event in the group comes from a source that gives them. */
  civilianFatalities: number | null;
  /** The row's events whose source gives civilian deaths: where fewer than `events`, the figure counts only theirs. */
  civilianFatalitiesEvents: number;
  civilianTargetingEvents: number;
  /** Of the civilian-targeting events, how many Tandem derived because the source does not say. */
  civilianTargetingDerivedEvents: number;
}

export interface Summary {
  by: SummaryDimension;
  rows: SummaryRow[];
}

/** What identifies a summary row: its country and its keys. */
export function summaryRowKey(r: SummaryRow): string {
  return `${r.country}\u001f${r.admin1 ?? ''}\u001f${r.key}\u001f${r.key2 ?? ''}`;
}

/** Between an admin-2 area's province and its name in the grouped key, split off by withProvince. */
const PROVINCE_SEPARATOR = '\u001e';

/** A row by admin-2 area with its province apart: key "Gao␞Tessalit" becomes key Tessalit, admin1 Gao. */
function withProvince(r: SummaryRow, by: SummaryDimension, then: SummaryDimension | undefined): SummaryRow {
  if (by === 'admin2') {
    const [admin1, key] = splitProvince(r.key);
    return { ...r, key, admin1 };
  }
  if (then === 'admin2') return { ...r, key2: splitProvince(r.key2 ?? '')[1] };
  return r;
}

function splitProvince(k: string): [string, string] {
  const i = k.indexOf(PROVINCE_SEPARATOR);
  return i === -1 ? ['', k] : [k.slice(0, i), k.slice(i + 1)];
}

/**
 * Adds one row's counts to another's (`sign` 1), or takes them away (-1). Civilian deaths stay
 * null where no source of the rows gives them.
 */
export function addSummaryCounts(into: SummaryRow, r: SummaryRow, sign: 1 | -1): void {
  into.events += sign * r.events;
  into.fatalities += sign * r.fatalities;
  if (r.civilianFatalities !== null && (sign > 0 || into.civilianFatalities !== null))
    into.civilianFatalities = (into.civilianFatalities ?? 0) + sign * r.civilianFatalities;
  into.civilianFatalitiesEvents += sign * r.civilianFatalitiesEvents;
  if (into.civilianFatalitiesEvents === 0) into.civilianFatalities = null;
  into.civilianTargetingEvents += sign * r.civilianTargetingEvents;
  into.civilianTargetingDerivedEvents += sign * r.civilianTargetingDerivedEvents;
}

const COUNT_KEY: Record<Exclude<SummaryDimension, 'target'>, string> = {
  country: 'country',
  admin1: 'admin1',
  // Grouped with its province: one name may be a district of several (withProvince splits it).
  admin2: `admin1 || '${PROVINCE_SEPARATOR}' || admin2`,
  year: 'substr(month, 1, 4)',
  month: 'month',
  'actor-category': "coalesce(nullif(actor_category, ''), 'unknown')",
  'violence-type': 'violence_type',
};
const EVENT_KEY: Record<SummaryDimension, string> = {
  ...COUNT_KEY,
  'actor-category': "coalesce(nullif(actor1_category, ''), 'unknown')",
  // The groups as stored ('; ' between them), split by splitTargetRows. Where the source names no
  // group, protesters the source says were targeted are those protesters ("Protesters (Mali)", in
  // ACLED's excessive force against protesters), not civilians in general (Mali probe).
  target: `case when targets <> '' then targets when civilian_targeting = 1 and actor2_category = 'protesters' and actor2 <> '' then actor2 when civilian_targeting = 1 then 'Civilians (' || country || ')' else '' end`,
};

/** A row as the grouped queries return it: the keys and the sums. */
interface GroupedRow {
  country: unknown;
  key: unknown;
  key2?: unknown;
  events: unknown;
  fatalities: unknown;
  civ: unknown;
  known: unknown;
  target: unknown;
  derived: unknown;
}

/** Adds grouped rows of the same keys together (from the roll-up, cut months or split targets). */
class SummaryMerger {
  private readonly merged = new Map<string, SummaryRow>();

  constructor(private readonly twoKeys: boolean) {}

  add(r: GroupedRow): void {
    const k = `${r.country}\u001f${r.key}\u001f${r.key2 ?? ''}`;
    let m = this.merged.get(k);
    if (!m) {
      m = {
        key: String(r.key ?? ''),
        ...(this.twoKeys ? { key2: String(r.key2 ?? '') } : {}),
        country: String(r.country),
        events: 0,
        fatalities: 0,
        civilianFatalities: 0,
        civilianFatalitiesEvents: 0,
        civilianTargetingEvents: 0,
        civilianTargetingDerivedEvents: 0,
      };
      this.merged.set(k, m);
    }
    m.events += Number(r.events);
    m.fatalities += Number(r.fatalities);
    m.civilianFatalities = (m.civilianFatalities ?? 0) + Number(r.civ);
    m.civilianFatalitiesEvents += Number(r.known);
    m.civilianTargetingEvents += Number(r.target);
    m.civilianTargetingDerivedEvents += Number(r.derived);
  }

  /** The merged rows; civilian deaths null where no event of the row comes from a source giving them. */
  rows(): SummaryRow[] {
    return [...this.merged.values()].map((r) => ({
      ...r,
      civilianFatalities: r.civilianFatalitiesEvents > 0 ? r.civilianFatalities : null,
    }));
  }
}

/**
 * Rows grouped by the stored targets made rows per group: an event naming two groups counts under
 * each. Rows of the same group from different combinations are merged by the caller.
 */
function splitTargetRows<R extends { key: unknown; key2?: unknown }>(
  rows: readonly R[],
  by: SummaryDimension,
  then: SummaryDimension | undefined,
): R[] {
  if (by !== 'target' && then !== 'target') return [...rows];
  const field = by === 'target' ? 'key' : 'key2';
  return rows.flatMap((r) => {
    const groups = splitTargets(String(r[field] ?? ''));
    return groups.length ? groups.map((g) => ({ ...r, [field]: g })) : [r];
  });
}

const ROLLUP_MISSES = new Set<SummaryDimension>(['actor-category', 'violence-type']);

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * The summary's measures counted from the events themselves, grouped by one or two dimensions;
 * a dimension in `whole` is not grouped by (its key is ''), so each event counts once.
 */
function groupedEvents(
  db: Kysely<Database>,
  by: SummaryDimension,
  then: SummaryDimension | undefined,
  whole: readonly SummaryDimension[] = [],
) {
  const key = (d: SummaryDimension | undefined) => (d && !whole.includes(d) ? EVENT_KEY[d] : "''");
  const keys = [key(by), key(then)];
  return (
    db
      .selectFrom('events')
      .select([
        'country',
        sql<string>`${sql.raw(keys[0]!)}`.as('key'),
        sql<string>`${sql.raw(keys[1]!)}`.as('key2'),
        sql<number>`count(*)`.as('events'),
        sql<number>`sum(fatalities)`.as('fatalities'),
        sql<number>`coalesce(sum(civilian_fatalities), 0)`.as('civ'),
        sql<number>`count(civilian_fatalities)`.as('known'),
        sql<number>`sum(civilian_targeting)`.as('target'),
        sql<number>`sum(civilian_targeting * civilian_targeting_derived)`.as('derived'),
      ])
      // A constant is no grouping (PostgreSQL refuses one: "non-integer constant in GROUP BY").
      .groupBy(['country', ...keys.filter((k) => k !== "''").map((k) => sql.raw(k))] as never)
  );
}

/**
 * Events, fatalities, civilian fatalities and civilian-targeting events grouped by one dimension.
 * Whole months come from the aggregate table kept at import time; the days of a month cut by
 * `from` or `to` are counted from the events themselves, so any date range is exact.
 */
export async function summarizeEvents(
  db: Kysely<Database>,
  by: SummaryDimension,
  filter: SummaryFilter = {},
  then?: SummaryDimension,
): Promise<Summary & { thenBy?: SummaryDimension }> {
  const fromMonth = filter.from
    ? filter.from.endsWith('-01')
      ? filter.from.slice(0, 7)
      : shiftMonth(filter.from.slice(0, 7), 1)
    : undefined;
  const toMonth = filter.to
    ? filter.to === lastDay(filter.to.slice(0, 7))
      ? filter.to.slice(0, 7)
      : shiftMonth(filter.to.slice(0, 7), -1)
    : undefined;
  const merged = new SummaryMerger(then !== undefined);
  const add = (r: GroupedRow) => merged.add(r);

  if (by === 'target' || then === 'target') {
    // The aggregates do not keep targets: counted from the events, over the exact days.
    let q = groupedEvents(db, by, then);
    q = q.where(inFilter(filter));
    for (const r of splitTargetRows(await q.execute(), by, then)) add(r);
  } else if (!(fromMonth && toMonth && fromMonth > toMonth)) {
    // Area and period summaries read the small roll-up; category and type ones the full table.
    const areaOnly = !ROLLUP_MISSES.has(by) && !(then && ROLLUP_MISSES.has(then));
    let q = db
      .selectFrom(areaOnly ? 'area_month_counts' : 'event_counts')
      .select([
        'country',
        sql<string>`${sql.raw(COUNT_KEY[by as keyof typeof COUNT_KEY])}`.as('key'),
        sql<string>`${sql.raw(then ? COUNT_KEY[then as keyof typeof COUNT_KEY] : "''")}`.as('key2'),
        sql<number>`sum(events)`.as('events'),
        sql<number>`sum(fatalities)`.as('fatalities'),
        sql<number>`sum(civilian_fatalities)`.as('civ'),
        sql<number>`sum(civilian_fatalities_known)`.as('known'),
        sql<number>`sum(civilian_targeting_events)`.as('target'),
        sql<number>`sum(civilian_targeting_derived_events)`.as('derived'),
      ])
      .groupBy([
        'country',
        sql.raw(COUNT_KEY[by as keyof typeof COUNT_KEY]),
        ...(then ? [sql.raw(COUNT_KEY[then as keyof typeof COUNT_KEY])] : []),
      ] as never);
    if (filter.country !== undefined) q = q.where('country', '=', filter.country);
    if (fromMonth) q = q.where('month', '>=', fromMonth);
    if (toMonth) q = q.where('month', '<=', toMonth);
    for (const r of await q.execute()) add(r);
  }

  // The cut months at either end, counted from the events.
  const ranges: [string, string][] = [];
  const fromCut = filter.from !== undefined && fromMonth !== filter.from.slice(0, 7);
  const toCut = filter.to !== undefined && toMonth !== filter.to.slice(0, 7);
  if (by === 'target' || then === 'target') {
    // Already counted from the events over the exact days.
  } else if (fromCut && toCut && filter.from?.slice(0, 7) === filter.to?.slice(0, 7)) {
    ranges.push([filter.from as string, filter.to as string]);
  } else {
    if (fromCut && filter.from) ranges.push([filter.from, lastDay(filter.from.slice(0, 7))]);
    if (toCut && filter.to) ranges.push([`${filter.to.slice(0, 7)}-01`, filter.to]);
  }
  for (const [a, b] of ranges) {
    let q = groupedEvents(db, by, then).where('date_start', '>=', a).where('date_start', '<=', b);
    if (filter.country !== undefined) q = q.where('country', '=', filter.country);
    for (const r of await q.execute()) add(r);
  }

  const timeLike = by === 'year' || by === 'month';
  const rows = merged
    .rows()
    .filter((r) => r.events > 0)
    .sort((a, b) =>
      timeLike
        ? a.country.localeCompare(b.country) ||
          a.key.localeCompare(b.key) ||
          (a.key2 ?? '').localeCompare(b.key2 ?? '')
        : a.country.localeCompare(b.country) ||
          (then ? a.key.localeCompare(b.key) : b.events - a.events) ||
          a.key.localeCompare(b.key) ||
          (a.key2 ?? '').localeCompare(b.key2 ?? ''),
    );
  const split = rows.map((r) => withProvince(r, by, then));
  return then ? { by, thenBy: then, rows: split } : { by, rows: split };
}

/**
 * What the events `hidden` from a requester contribute to a summary (those above their clearance,
 * and other offices' incidents), grouped as `summarizeEvents` groups, counted from the events
 * themselves (such events are few: a mission's own records). A dimension in `whole` is not
 * grouped by: its key is '' and each event counts once, however many groups it names.
 */
export async function summarizeEventsOf(
  db: Kysely<Database>,
  hidden: HiddenEvents,
  by: SummaryDimension,
  filter: SummaryFilter = {},
  then?: SummaryDimension,
  whole: readonly SummaryDimension[] = [],
): Promise<SummaryRow[]> {
  if (hidesNothing(hidden)) return [];
  // Hidden events are never public; said, so that the planner reads the index of non-public events
  // (migration 014) instead of every event of the country (2.2 s on the million-event store).
  let q = groupedEvents(db, by, then, whole)
    .where('sensitivity', '<>', 'public')
    .where((eb) => isHidden(eb, hidden));
  q = q.where(inFilter(filter));
  const merged = new SummaryMerger(then !== undefined);
  for (const r of splitTargetRows(await q.execute(), by, then)) merged.add(r);
  return merged.rows().map((r) => withProvince(r, by, then));
}

/**
 * How many non-public events of `filter` the requester may read (none of `hidden`), by level: what
 * a summary naming districts or groups releases, for the access log.
 */
export async function openNonPublicByLevel(
  db: Kysely<Database>,
  hidden: HiddenEvents,
  filter: SummaryFilter = {},
): Promise<{ sensitivity: string; events: number }[]> {
  let q = db
    .selectFrom('events')
    .select(['sensitivity', sql<number>`count(*)`.as('n')])
    .where('sensitivity', '<>', 'public');
  if (!hidesNothing(hidden)) q = q.where((eb) => isOpen(eb, hidden));
  q = q.where(inFilter(filter));
  return (await q.groupBy('sensitivity').execute()).map((r) => ({
    sensitivity: r.sensitivity,
    events: Number(r.n),
  }));
}

/** The condition that an event falls within `filter`: its country, its first day within the bounds. */
function inFilter(filter: SummaryFilter) {
  return (eb: ExpressionBuilder<Database, 'events'>) =>
    eb.and([
      ...(filter.country !== undefined ? [eb('country', '=', filter.country)] : []),
      ...(filter.from !== undefined ? [eb('date_start', '>=', filter.from)] : []),
      ...(filter.to !== undefined ? [eb('date_start', '<=', filter.to)] : []),
    ]);
}
