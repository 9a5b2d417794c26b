import { type Kysely, sql } from 'kysely';

/**
 * An index of the events that are not public (a mission's own records: few beside the public
 * data), so that the access check finds what it must withhold from a summary without reading
 * every event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX events_not_public ON events (sensitivity, country) WHERE sensitivity <> 'public'`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX events_not_public`.execute(db);
}
