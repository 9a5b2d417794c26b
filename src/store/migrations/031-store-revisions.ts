import { type Kysely, sql } from 'kysely';

/**
 * A counter per kind of record, raised in the transaction of every change to those records, so a
 * reader that keeps a copy in memory (the server's event index, store/event-memory-index.ts) can
 * tell in one small read whether its copy is still the store's, whichever process wrote.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('store_revisions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO store_revisions (name, revision) VALUES ('events', 1)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('store_revisions').execute();
}
