import type { Kysely } from 'kysely';

/**
 * How many provisions an agreement has as its review counts them (operativeProvisions: not its
 * title, headings or front matter), so that the corpus list says what the review said: it counted
 * every stored part, 27 where the review had said 17. Agreements stored before it hold null, and
 * the list counts their parts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agreements').addColumn('provision_count', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agreements').dropColumn('provision_count').execute();
}
