import type { Kysely } from 'kysely';
import { autoId } from './column-helpers.ts';

/** Stored plan versions and who acknowledged which version (recommendation 2). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('mission', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_versions_mission_version')
    .unique()
    .on('plan_versions')
    .columns(['mission', 'version'])
    .execute();
  await db.schema
    .createTable('plan_acknowledgements')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('plan_version_id', 'integer', (c) => c.notNull())
    .addColumn('mission', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_acknowledgements_once')
    .unique()
    .on('plan_acknowledgements')
    .columns(['plan_version_id', 'acknowledged_by', 'role'])
    .execute();
}
