import { type Kysely, sql } from 'kysely';

/**
 * The actors acting with each side of an event, as the source names them (ACLED's `assoc_actor_1`
 * and `assoc_actor_2` of a side that is not civilians: "Wagner Group" with the army), joined with
 * '; '. Each is an actor of the event, counted in `actor_counts` (roles 3 and 4). Events stored
 * before it hold '' until their file is imported again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['actor1_associated', 'actor2_associated']) {
    await db.schema
      .alterTable('events')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
  // The few events that name actors acting with the first, by place and day: a perpetrator's
  // events in that role (threat evidence, targeted groups) are found without reading the rest.
  await sql`CREATE INDEX events_associated ON events (country, admin1, date_start) WHERE actor1_associated <> ''`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX events_associated`.execute(db);
  for (const column of ['actor2_associated', 'actor1_associated']) {
    await db.schema.alterTable('events').dropColumn(column).execute();
  }
}
