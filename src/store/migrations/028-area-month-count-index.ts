import { type Kysely, sql } from 'kysely';

/**
 * The monthly aggregates by area first: their key leads with the country and the month, so an
 * area's trend, its alerts and the count of its events over a period read every area of the
 * country (2 ms on a store of a million), where this index reads the area's own rows (0.3 ms).
 * The table holds a row per area, month, type and category, so the index costs an import nothing
 * measurable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX event_counts_area_month ON event_counts (country, admin1, month)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX event_counts_area_month`.execute(db);
}
