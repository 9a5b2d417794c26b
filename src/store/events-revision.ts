import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Raises the events' revision. Every change to the events table calls it inside its own
 * transaction (an import's finish, the register's and the dated periods' categories), so the
 * revision a reader sees changes exactly when the events it could read do.
 */
export async function raiseEventsRevision(db: Kysely<Database>): Promise<void> {
  await sql`UPDATE store_revisions SET revision = revision + 1 WHERE name = 'events'`.execute(db);
}

/** The events' current revision (0 for a store not yet migrated to keep one). */
export async function readEventsRevision(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('store_revisions')
    .select('revision')
    .where('name', '=', 'events')
    .executeTakeFirst();
  return Number(row?.revision ?? 0);
}
