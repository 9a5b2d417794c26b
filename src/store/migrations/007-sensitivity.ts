import type { Kysely } from 'kysely';
import { autoId } from './column-helpers.ts';

/** A sensitivity level on every event, and the log of every read of a sensitive record. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('sensitivity', 'text', (c) => c.notNull().defaultTo('public'))
    .execute();
  await db.schema
    .createTable('access_log')
    .addColumn('id', 'integer', autoId(db))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('requester', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('sensitivity', 'text', (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('access_log_record')
    .on('access_log')
    .columns(['record_kind', 'record_id'])
    .execute();
}
