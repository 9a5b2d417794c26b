import type { Kysely } from 'kysely';

/**
 * The kinds of harm a threat's events did (killing, sexual violence, abduction…), as a JSON list:
 * they are why a proposed threat's severity is what it is, and a threat saved to the register kept
 * its severity but lost the reason. Threats saved before hold '[]'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('threats')
    .addColumn('harm_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('threats').dropColumn('harm_kinds').execute();
}
