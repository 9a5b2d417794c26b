import type { Kysely } from 'kysely';
import { autoId } from './column-helpers.ts';

/**
 * The protection–participation register: people and groups whose participation matters, kept
 * pseudonymous. Alias, real name and organisation are stored sealed (AES-256-GCM, `*_sealed`);
 * what analysis needs (role, gender, office, area, the processes and rounds attended, linked
 * incidents, protective measures) is kept in plain.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('participants')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'text', (c) => c.notNull())
    .addColumn('consent_given', 'integer', (c) => c.notNull())
    .addColumn('consent_on', 'text')
    .addColumn('alias_sealed', 'text', (c) => c.notNull())
    .addColumn('real_name_sealed', 'text', (c) => c.notNull())
    .addColumn('organisation_sealed', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participants_by_country').on('participants').column('country').execute();
  await db.schema
    .createTable('participant_processes')
    .addColumn('participant_id', 'integer', (c) => c.notNull())
    .addColumn('process_kind', 'text', (c) => c.notNull())
    .addColumn('process', 'text', (c) => c.notNull())
    /** '' when the participant takes part in the process as a whole, no round named. */
    .addColumn('round', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('participant_processes_by_participant')
    .on('participant_processes')
    .column('participant_id')
    .execute();
  await db.schema
    .createTable('participant_incidents')
    .addColumn('participant_id', 'integer', (c) => c.notNull())
    .addColumn('incident_id', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('participant_measures')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('participant_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_on', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('participant_measures').execute();
  await db.schema.dropTable('participant_incidents').execute();
  await db.schema.dropTable('participant_processes').execute();
  await db.schema.dropTable('participants').execute();
}
