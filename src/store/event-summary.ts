import { type Kysely, sql } from 'kysely';
import type { SummaryDimension } from '../domain/summary-dimension.ts';
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
  country: string;
  events: number;
  fatalities: number;
  /** GED's civilian deaths; null where no event in the group comes from a source that gives them. */
  civilianFatalities: number | null;
  civilianTargetingEvents: number;
  /** Of the civilian-targeting events, how many Tandem derived because the source does not say. */
  civilianTargetingDerivedEvents: number;
}

export interface Summary {
  by: SummaryDimension;
  rows: SummaryRow[];
}

const COUNT_KEY: Record<SummaryDimension, string> = {
  country: 'country',
  admin1: 'admin1',
  admin2: 'admin2',
  year: 'substr(month, 1, 4)',
  month: 'month',
  'actor-category': "coalesce(nullif(actor_category, ''), 'unknown')",
  'violence-type': 'violence_type',
};
const EVENT_KEY: Record<SummaryDimension, string> = {
  ...COUNT_KEY,
  'actor-category': "coalesce(actor1_category, 'unknown')",
};

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

/** The summary's measures counted from the events themselves, grouped by one or two dimensions. */
function groupedEvents(db: Kysely<Database>, by: SummaryDimension, then: SummaryDimension | undefined) {
  return db
    .selectFrom('events')
    .select([
      'country',
      sql<string>`${sql.raw(EVENT_KEY[by])}`.as('key'),
      sql<string>`${sql.raw(then ? EVENT_KEY[then] : "''")}`.as('key2'),
      sql<number>`count(*)`.as('events'),
      sql<number>`sum(fatalities)`.as('fatalities'),
      sql<number>`coalesce(sum(civilian_fatalities), 0)`.as('civ'),
      sql<number>`count(civilian_fatalities)`.as('known'),
      sql<number>`sum(civilian_targeting)`.as('target'),
      sql<number>`sum(civilian_targeting * civilian_targeting_derived)`.as('derived'),
    ])
    .groupBy(['country', sql.raw(EVENT_KEY[by]), ...(then ? [sql.raw(EVENT_KEY[then])] : [])] as never);
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
  const merged = new Map<string, SummaryRow & { known: number }>();
  const add = (r: Record<string, unknown>) => {
    const k = `${r.country}\u001f${r.key}\u001f${r.key2 ?? ''}`;
    const m = merged.get(k) ?? {
      key: String(r.key ?? ''),
      ...(then ? { key2: String(r.key2 ?? '') } : {}),
      country: String(r.country),
      events: 0,
      fatalities: 0,
      civilianFatalities: 0,
      civilianTargetingEvents: 0,
      civilianTargetingDerivedEvents: 0,
      known: 0,
    };
    m.events += Number(r.events);
    m.fatalities += Number(r.fatalities);
    m.civilianFatalities = (m.civilianFatalities ?? 0) + Number(r.civ);
    m.known += Number(r.known);
    m.civilianTargetingEvents += Number(r.target);
    m.civilianTargetingDerivedEvents += Number(r.derived);
    merged.set(k, m);
  };

  if (!(fromMonth && toMonth && fromMonth > toMonth)) {
    // Area and period summaries read the small roll-up; category and type ones the full table.
    const areaOnly = !ROLLUP_MISSES.has(by) && !(then && ROLLUP_MISSES.has(then));
    let q = db
      .selectFrom(areaOnly ? 'area_month_counts' : 'event_counts')
      .select([
        'country',
        sql<string>`${sql.raw(COUNT_KEY[by])}`.as('key'),
        sql<string>`${sql.raw(then ? COUNT_KEY[then] : "''")}`.as('key2'),
        sql<number>`sum(events)`.as('events'),
        sql<number>`sum(fatalities)`.as('fatalities'),
        sql<number>`sum(civilian_fatalities)`.as('civ'),
        sql<number>`sum(civilian_fatalities_known)`.as('known'),
        sql<number>`sum(civilian_targeting_events)`.as('target'),
        sql<number>`sum(civilian_targeting_derived_events)`.as('derived'),
      ])
      .groupBy(['country', sql.raw(COUNT_KEY[by]), ...(then ? [sql.raw(COUNT_KEY[then])] : [])] as never);
    if (filter.country !== undefined) q = q.where('country', '=', filter.country);
    if (fromMonth) q = q.where('month', '>=', fromMonth);
    if (toMonth) q = q.where('month', '<=', toMonth);
    for (const r of await q.execute()) add(r);
  }

  // The cut months at either end, counted from the events.
  const ranges: [string, string][] = [];
  const fromCut = filter.from !== undefined && fromMonth !== filter.from.slice(0, 7);
  const toCut = filter.to !== undefined && toMonth !== filter.to.slice(0, 7);
  if (fromCut && toCut && filter.from?.slice(0, 7) === filter.to?.slice(0, 7)) {
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
  const rows = [...merged.values()]
    .filter((r) => r.events > 0)
    .map(({ known, ...r }) => ({ ...r, civilianFatalities: known > 0 ? r.civilianFatalities : null }))
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
  return then ? { by, thenBy: then, rows } : { by, rows };
}

/**
 * What the events of the given sensitivities contribute to a summary, grouped as `summarizeEvents`
 * groups, counted from the events themselves (such events are few: a mission's own records).
 */
export async function summarizeEventsOf(
  db: Kysely<Database>,
  sensitivities: readonly string[],
  by: SummaryDimension,
  filter: SummaryFilter = {},
  then?: SummaryDimension,
): Promise<SummaryRow[]> {
  if (!sensitivities.length) return [];
  let q = groupedEvents(db, by, then).where('sensitivity', 'in', [...sensitivities]);
  if (filter.country !== undefined) q = q.where('country', '=', filter.country);
  if (filter.from !== undefined) q = q.where('date_start', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('date_start', '<=', filter.to);
  return (await q.execute()).map((r) => ({
    key: String(r.key ?? ''),
    ...(then ? { key2: String(r.key2 ?? '') } : {}),
    country: String(r.country),
    events: Number(r.events),
    fatalities: Number(r.fatalities),
    civilianFatalities: Number(r.known) > 0 ? Number(r.civ) : null,
    civilianTargetingEvents: Number(r.target),
    civilianTargetingDerivedEvents: Number(r.derived),
  }));
}
