import type { Kysely } from 'kysely';
import { autoId } from './column-helpers.ts';

/** Events, their aggregates, imports, set-aside rows, actors and areas. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = autoId(db);
  await db.schema
    .createTable('imports')
    .addColumn('id', 'integer', id)
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', id)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_event_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.notNull())
    .addColumn('date_start', 'text', (c) => c.notNull())
    .addColumn('date_end', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('admin2', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('geo_precision', 'integer')
    .addColumn('violence_type', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('sub_event_type', 'text', (c) => c.notNull())
    .addColumn('actor1', 'text', (c) => c.notNull())
    .addColumn('actor1_category', 'text')
    .addColumn('actor2', 'text', (c) => c.notNull())
    .addColumn('actor2_category', 'text')
    .addColumn('civilian_targeting', 'integer', (c) => c.notNull())
    .addColumn('civilian_targeting_derived', 'integer', (c) => c.notNull())
    .addColumn('fatalities', 'integer', (c) => c.notNull())
    .addColumn('fatalities_low', 'integer')
    .addColumn('fatalities_high', 'integer')
    .addColumn('civilian_fatalities', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_source_id')
    .unique()
    .on('events')
    .columns(['source', 'source_event_id'])
    .execute();
  await db.schema
    .createIndex('events_country_date')
    .on('events')
    .columns(['country', 'date_start'])
    .execute();

  const counts = ['events', 'fatalities', 'civilian_fatalities', 'civilian_targeting_events'];
  let ec = db.schema
    .createTable('event_counts')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('admin2', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('violence_type', 'text', (c) => c.notNull())
    .addColumn('actor_category', 'text', (c) => c.notNull());
  for (const c of [...counts, 'civilian_fatalities_known', 'civilian_targeting_derived_events'])
    ec = ec.addColumn(c, 'bigint', (d) => d.notNull());
  await ec
    .addPrimaryKeyConstraint('event_counts_pk', [
      'country',
      'month',
      'admin1',
      'admin2',
      'violence_type',
      'actor_category',
    ] as never)
    .execute();

  let ac = db.schema
    .createTable('actor_counts')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_category', 'text', (c) => c.notNull())
    .addColumn('role', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('violence_type', 'text', (c) => c.notNull());
  for (const c of counts) ac = ac.addColumn(c, 'bigint', (d) => d.notNull());
  await ac
    .addPrimaryKeyConstraint('actor_counts_pk', [
      'country',
      'actor',
      'role',
      'month',
      'admin1',
      'actor_category',
      'violence_type',
    ] as never)
    .execute();

  await db.schema
    .createTable('problems')
    .addColumn('id', 'integer', id)
    .addColumn('import_id', 'integer', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('column', 'integer', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raw', 'text')
    .execute();

  await db.schema
    .createTable('actors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('category', 'text')
    .addColumn('is_state', 'integer', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('areas')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('admin2', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('geometry', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('areas_pk', ['country', 'admin1', 'admin2'] as never)
    .execute();
}
