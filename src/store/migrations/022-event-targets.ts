import type { Kysely } from 'kysely';

/**
 * Who was harmed, per event, as the source names the group (ACLED's associated actors of the
 * civilian side, a mission incident's targeted groups and victims), joined with '; '. Events
 * stored before it hold '' until their file is imported again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('targets', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('targets').execute();
}
