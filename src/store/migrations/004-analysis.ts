import type { Kysely } from 'kysely';
import { autoId } from './column-helpers.ts';

/**
 * Analysts' driver tags and their confirmations, the threat register, and two indexes on events for
 * the analysis: a perpetrator's events in an area, newest first (the threat register's linked
 * events), and an area's events over a few months (alert evidence). The country/date index alone
 * answers both only by scanning every event of the country in the window.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = autoId(db);
  await db.schema
    .createIndex('events_perpetrator_area_date')
    .on('events')
    .columns(['country', 'actor1', 'admin1', 'date_start'])
    .execute();
  // An area's events over a few months (alert evidence, driver samples of one admin1).
  await db.schema
    .createIndex('events_area_date')
    .on('events')
    .columns(['country', 'admin1', 'date_start'])
    .execute();
  await db.schema
    .createTable('driver_tags')
    .addColumn('id', 'integer', id)
    .addColumn('driver', 'text', (c) => c.notNull())
    // An event tag names the event; an area tag leaves it null and names country and admin1.
    .addColumn('event_id', 'integer')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('analyst', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('driver_tags_country')
    .on('driver_tags')
    .columns(['country', 'driver'])
    .execute();
  await db.schema.createIndex('driver_tags_event').on('driver_tags').columns(['event_id']).execute();

  await db.schema
    .createTable('driver_tag_confirmations')
    .addColumn('tag_id', 'integer', (c) => c.notNull())
    .addColumn('analyst', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('driver_tag_confirmations_pk', ['tag_id', 'analyst'] as never)
    .execute();

  await db.schema
    .createTable('threats')
    .addColumn('id', 'integer', id)
    .addColumn('perpetrator', 'text', (c) => c.notNull())
    .addColumn('perpetrator_category', 'text')
    .addColumn('is_state', 'integer', (c) => c.notNull())
    .addColumn('targeted_population', 'text', (c) => c.notNull())
    .addColumn('violence_type', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('trend', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON arrays as text, the same on both databases.
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('fatalities', 'integer', (c) => c.notNull())
    .addColumn('drivers', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text')
    .execute();
  await db.schema
    .createIndex('threats_key')
    .unique()
    .on('threats')
    .columns(['country', 'admin1', 'perpetrator', 'targeted_population', 'violence_type'])
    .execute();
}
