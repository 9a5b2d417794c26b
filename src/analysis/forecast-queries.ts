import { type Kysely, sql } from 'kysely';
import { VIOLENT_TYPES } from '../domain/violence-type.ts';
import type { Database } from '../store/schema.ts';
import type { ViolentAdmin2Month } from './forecast-aor.ts';
import type { ViolentAreaMonth } from './forecast-panel.ts';

/**
 * The store reads behind forecasts: violent events and their fatalities by admin1 (or admin2) and month from
 * the monthly aggregates (never the events), the country's latest event date (one index probe)
 * and the admin-1 boundaries. Sums are cast with Number() because PostgreSQL returns bigint sums
 * as strings.
 */
const VIOLENT = [...VIOLENT_TYPES];

export async function readViolentAreaMonths(
  db: Kysely<Database>,
  country: string,
  toMonth: string,
): Promise<ViolentAreaMonth[]> {
  const rows = await db
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
    .execute();
  return rows.map((r) => ({
    admin1: r.admin1,
    month: r.month,
    events: Number(r.events),
    fatalities: Number(r.fatalities),
  }));
}

/** Violent events and fatalities by admin-2 area and month within the given admin-1 areas, up to `toMonth`. */
export async function readViolentAdmin2Months(
  db: Kysely<Database>,
  country: string,
  toMonth: string,
  admin1s: readonly string[],
): Promise<ViolentAdmin2Month[]> {
  if (!admin1s.length) return [];
  const rows = await db
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
    .execute();
  return rows.map((r) => ({
    admin1: r.admin1,
    admin2: r.admin2,
    month: r.month,
    events: Number(r.events),
    fatalities: Number(r.fatalities),
  }));
}

/** The date of the country's latest event in the store (YYYY-MM-DD), or null when it has none. */
export async function latestEventDate(db: Kysely<Database>, country: string): Promise<string | null> {
  const r = await db
    .selectFrom('events')
    .select(sql<string | null>`max(date_start)`.as('last'))
    .where('country', '=', country)
    .executeTakeFirst();
  return r?.last ? String(r.last).slice(0, 10) : null;
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
