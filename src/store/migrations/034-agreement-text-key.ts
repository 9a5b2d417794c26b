import type { Kysely } from 'kysely';

/**
 * The key of an agreement's words (its letters and digits, lower case, accents dropped), so that
 * the same agreement imported from its Word, PDF and text files is one agreement: their texts
 * differ in line breaks and spacing, never in words. Indexed, as every import looks it up.
 * Agreements stored before it hold null until an import finds them (agreement-repository.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agreements').addColumn('text_key', 'text').execute();
  await db.schema.createIndex('agreements_text_key').on('agreements').column('text_key').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('agreements_text_key').execute();
  await db.schema.alterTable('agreements').dropColumn('text_key').execute();
}
