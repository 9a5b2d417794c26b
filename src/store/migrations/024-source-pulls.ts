import type { Kysely } from 'kysely';
import { autoId } from './column-helpers.ts';

/**
 * Pulls from the ACLED and UCDP APIs: one row per attempt, with the query it ran (country, dates,
 * version), its counts, its import, and the cursors a later pull starts from (ACLED's `timestamp`
 * and `deleted_timestamp`); a failed attempt keeps its one-line error, and no import.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('source_pulls')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('query_key', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('import_id', 'integer')
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('deleted_cursor', 'text')
    .execute();
  await db.schema
    .createIndex('source_pulls_query')
    .on('source_pulls')
    .columns(['source', 'query_key', 'status'])
    .execute();

  // Counts that arrive already aggregated (HDX HAPI's conflict_event: events and fatalities per
  // admin-2 area, month and kind of event). Kept apart from the events: they are ACLED's events
  // counted by someone else, and added to the event tables they would count them twice.
  await db.schema
    .createTable('conflict_aggregates')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('import_id', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1_code', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('admin2_code', 'text', (c) => c.notNull())
    .addColumn('admin2', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('fatalities', 'integer')
    .execute();
  await db.schema
    .createIndex('conflict_aggregates_key')
    .on('conflict_aggregates')
    .columns(['source', 'country_code', 'admin1_code', 'admin2_code', 'event_type', 'period_start'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conflict_aggregates').execute();
  await db.schema.dropTable('source_pulls').execute();
}
