import type { Kysely } from 'kysely';

/** The importer counts each import's events into the aggregates by import id. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('events_import').on('events').column('import_id').execute();
}
