import { type Kysely, sql } from 'kysely';
import { addDays } from '../domain/calendar-day.ts';
import { VIOLENT_TYPES } from '../domain/violence-type.ts';
import type { Database } from '../store/schema.ts';
import type { ViolentAdmin2Month } from './forecast-aor.ts';
import type { ViolentAreaMonth } from './forecast-panel.ts';

/**
 * The store reads behind forecasts: violent events and their fatalities by admin1 (or admin2) and month from
 * the monthly aggregates; of those events, how many fall in each month's second half (from the
 * events' start dates, read from the index on country, admin-1 area, date and type, which holds
 * every column this count needs); the country's latest event date (one index probe) and the
 * admin-1 boundaries. Sums are cast with Number() because PostgreSQL returns bigint sums as
 * strings.
 */
const VIOLENT = [...VIOLENT_TYPES];

/** The first day of a month's second half: events from it on are the month's `lateEvents`. */
const LATE_FROM_DAY = '16';

const areaMonthKey = (admin1: string, admin2: string, month: string) =>
  `${admin1}\u0000${admin2}\u0000${month}`;

/**
 * Violent events dated from the 16th of their month on, by admin-1 area (and admin-2 area when
 * `admin1s` is given: within those) and month, up to `toMonth`, keyed by areaMonthKey. The months
 * after `toMonth` are dropped here rather than in the query: a bound on the date would lead
 * SQLite to the index on country and date, which lacks the admin-1 area, and to the table.
 */
async function readLateViolentEvents(
  db: Kysely<Database>,
  country: string,
  toMonth: string,
  admin1s?: readonly string[],
): Promise<Map<string, number>> {
  const month = sql<string>`substr(date_start, 1, 7)`;
  let q = db
    .selectFrom('events')
    .select(['admin1', month.as('month'), sql<number>`count(*)`.as('events')])
    .where('country', '=', country)
    .where('violence_type', 'in', VIOLENT)
    .where(sql<boolean>`substr(date_start, 9, 2) >= ${LATE_FROM_DAY}`);
  if (admin1s) q = q.where('admin1', 'in', [...admin1s]);
  const rows = admin1s
    ? await q.select('admin2').groupBy(['admin1', 'admin2', month]).execute()
    : await q.groupBy(['admin1', month]).execute();
  return new Map(
    rows
      .filter((r) => r.month <= toMonth)
      .map((r) => [areaMonthKey(r.admin1, 'admin2' in r ? String(r.admin2) : '', r.month), Number(r.events)]),
  );
}

export async function readViolentAreaMonths(
  db: Kysely<Database>,
  country: string,
  toMonth: string,
): Promise<ViolentAreaMonth[]> {
  const [rows, late] = await Promise.all([
    db
      .selectFrom('event_counts')
      .select([
        'admin1',
        'month',
        sql<number>`sum(events)`.as('events'),
        sql<number>`sum(fatalities)`.as('fatalities'),
      ])
      .where('country', '=', country)
      .where('month', '<=', toMonth)
      .where('violence_type', 'in', VIOLENT)
      .groupBy(['admin1', 'month'])
      .execute(),
    readLateViolentEvents(db, country, toMonth),
  ]);
  return rows.map((r) => ({
    admin1: r.admin1,
    month: r.month,
    events: Number(r.events),
    fatalities: Number(r.fatalities),
    lateEvents: late.get(areaMonthKey(r.admin1, '', r.month)) ?? 0,
  }));
}

/** The first month with a violent event of the country in the store, or null when it has none. */
export async function firstViolentMonth(db: Kysely<Database>, country: string): Promise<string | null> {
  const r = await db
    .selectFrom('event_counts')
    .select((eb) => eb.fn.min('month').as('month'))
    .where('country', '=', country)
    .where('violence_type', 'in', VIOLENT)
    .where('events', '>', 0)
    .executeTakeFirst();
  return r?.month ?? null;
}

/** Violent events and fatalities per admin-1 area in one month, as far as the store holds it. */
export async function readViolentMonth(
  db: Kysely<Database>,
  country: string,
  month: string,
  /** The month's days up to this one only (a period that ends inside it), from the events. */
  through?: string,
): Promise<Map<string, { events: number; fatalities: number }>> {
  if (through) {
    const days = await db
      .selectFrom('events')
      .select(['admin1', sql<number>`count(*)`.as('events'), sql<number>`sum(fatalities)`.as('fatalities')])
      .where('country', '=', country)
      .where('date_start', '>=', `${month}-01`)
      .where('date_start', '<=', through)
      .where('violence_type', 'in', VIOLENT)
      .groupBy('admin1')
      .execute();
    return new Map(
      days.map((r) => [r.admin1, { events: Number(r.events), fatalities: Number(r.fatalities) }]),
    );
  }
  const rows = await db
    .selectFrom('event_counts')
    .select(['admin1', sql<number>`sum(events)`.as('events'), sql<number>`sum(fatalities)`.as('fatalities')])
    .where('country', '=', country)
    .where('month', '=', month)
    .where('violence_type', 'in', VIOLENT)
    .groupBy('admin1')
    .execute();
  return new Map(rows.map((r) => [r.admin1, { events: Number(r.events), fatalities: Number(r.fatalities) }]));
}

/** Violent events and fatalities by admin-2 area and month within the given admin-1 areas, up to `toMonth`. */
export async function readViolentAdmin2Months(
  db: Kysely<Database>,
  country: string,
  toMonth: string,
  admin1s: readonly string[],
): Promise<ViolentAdmin2Month[]> {
  if (!admin1s.length) return [];
  const [rows, late] = await Promise.all([
    db
      .selectFrom('event_counts')
      .select([
        'admin1',
        'admin2',
        'month',
        sql<number>`sum(events)`.as('events'),
        sql<number>`sum(fatalities)`.as('fatalities'),
      ])
      .where('country', '=', country)
      .where('month', '<=', toMonth)
      .where('violence_type', 'in', VIOLENT)
      .where('admin1', 'in', [...admin1s])
      .groupBy(['admin1', 'admin2', 'month'])
      .execute(),
    readLateViolentEvents(db, country, toMonth, admin1s),
  ]);
  return rows.map((r) => ({
    admin1: r.admin1,
    admin2: r.admin2,
    month: r.month,
    events: Number(r.events),
    fatalities: Number(r.fatalities),
    lateEvents: late.get(areaMonthKey(r.admin1, r.admin2, r.month)) ?? 0,
  }));
}

/** How many distinct days from `from` to `to` (YYYY-MM-DD, both included) hold an event of the country. */
export async function eventDaysBetween(
  db: Kysely<Database>,
  country: string,
  from: string,
  to: string,
): Promise<number> {
  const r = await db
    .selectFrom('events')
    .select(sql<number>`count(distinct substr(date_start, 1, 10))`.as('days'))
    .where('country', '=', country)
    .where('date_start', '>=', from)
    .where('date_start', '<', addDays(to, 1))
    .executeTakeFirst();
  return Number(r?.days ?? 0);
}

/** The country's admin-1 boundary polygons as loaded (GeoJSON geometry text). */
export async function readBoundaries(
  db: Kysely<Database>,
  country: string,
): Promise<{ admin1: string; geometry: string }[]> {
  const rows = await db
    .selectFrom('areas')
    .select(['admin1', 'geometry'])
    .where('country', '=', country)
    .where('admin2', '=', '')
    .where('geometry', 'is not', null)
    .execute();
  return rows.map((r) => ({ admin1: r.admin1, geometry: r.geometry! }));
}

/** The months up to `toMonth` in which the store holds any event of the country, of any kind. */
export async function readMonthsWithEvents(
  db: Kysely<Database>,
  country: string,
  toMonth: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('country_counts')
    .select('month')
    .distinct()
    .where('country', '=', country)
    .where('month', '<=', toMonth)
    .where('events', '>', 0)
    .execute();
  return rows.map((r) => r.month);
}
