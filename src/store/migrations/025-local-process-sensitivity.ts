import type { Kysely } from 'kysely';

/**
 * A local process's sensitivity: PA-X Local's are published and stay `public`; a mission may keep
 * one of its own (a dialogue held in confidence) for those cleared for it. Rows stored before
 * this migration are public, as every process was.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('local_processes')
    .addColumn('sensitivity', 'text', (c) => c.notNull().defaultTo('public'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('local_processes').dropColumn('sensitivity').execute();
}
