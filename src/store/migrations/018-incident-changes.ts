import type { Kysely } from 'kysely';

/**
 * Edits keep their history: each row of incident_history gains what changed, as a JSON array of
 * `{field, from, to}`. Values of the fields that identify people or places (narrative, source,
 * place, coordinates, admin-2, perpetrator, targeted groups) are stored sealed like the incident's
 * own, so the history never holds in plain text what the incident keeps encrypted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('incident_history')
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incident_history').dropColumn('changes').execute();
}
