import type { Kysely } from 'kysely';
import { autoId } from './column-helpers.ts';

/**
 * The mission's own incident log. What identifies people or places (the narrative, the source,
 * the place name and the precise coordinates) is stored sealed (AES-256-GCM, `*_sealed`); the
 * coordinates are kept in plain only to 0.1° (about 11 km), enough for counting on a map. Every
 * edit leaves a row in incident_history: who, when, which fields.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('time', 'text')
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('admin2', 'text', (c) => c.notNull())
    .addColumn('coarse_latitude', 'real')
    .addColumn('coarse_longitude', 'real')
    .addColumn('geo_precision', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('perpetrator', 'text', (c) => c.notNull())
    .addColumn('perpetrator_category', 'text')
    .addColumn('victims', 'text', (c) => c.notNull())
    .addColumn('killed', 'integer', (c) => c.notNull())
    .addColumn('injured', 'integer', (c) => c.notNull())
    .addColumn('targeted_groups', 'text', (c) => c.notNull())
    .addColumn('reliability', 'text', (c) => c.notNull())
    .addColumn('credibility', 'integer', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'text', (c) => c.notNull())
    .addColumn('narrative_sealed', 'text', (c) => c.notNull())
    .addColumn('source_type_sealed', 'text', (c) => c.notNull())
    .addColumn('place_sealed', 'text', (c) => c.notNull())
    .addColumn('coordinates_sealed', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incidents_by_country')
    .on('incidents')
    .columns(['country', 'occurred_on'])
    .execute();
  await db.schema
    .createTable('incident_history')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('incident_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_history_by_incident')
    .on('incident_history')
    .column('incident_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_history').execute();
  await db.schema.dropTable('incidents').execute();
}
