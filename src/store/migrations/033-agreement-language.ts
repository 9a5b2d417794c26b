import type { Kysely } from 'kysely';

/**
 * The language an agreement was coded in (ISO 639-1, `und` when it cannot be told), found once
 * at import: the corpus list gives it for every text without reading them all again. Agreements
 * stored before it hold null, and the list finds theirs from the text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agreements').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agreements').dropColumn('language').execute();
}
