import type { Kysely } from 'kysely';

/**
 * A driver tag can be disputed by an analyst who does not stand behind it, with their reason, and
 * withdrawn by the analyst who made it. A withdrawn tag stays in the store, with when and why, so
 * that the audit chain's record of it still points at something; it counts nowhere.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('driver_tag_disputes')
    .addColumn('tag_id', 'integer', (c) => c.notNull())
    .addColumn('analyst', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('driver_tag_disputes_pk', ['tag_id', 'analyst'] as never)
    .execute();
  await db.schema.alterTable('driver_tags').addColumn('withdrawn_at', 'text').execute();
  await db.schema.alterTable('driver_tags').addColumn('withdrawn_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('driver_tag_disputes').execute();
  await db.schema.alterTable('driver_tags').dropColumn('withdrawn_reason').execute();
  await db.schema.alterTable('driver_tags').dropColumn('withdrawn_at').execute();
}
