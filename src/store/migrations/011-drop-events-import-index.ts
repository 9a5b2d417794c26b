import type { Kysely } from 'kysely';

/**
 * Drops the index of events by import: it served counting each import's events into the
 * aggregates in SQL, which the importer no longer does (it counts while reading), and nothing
 * else looks events up by import. Rebuilding it cost every large import a sort of all events.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_import').ifExists().execute();
}
