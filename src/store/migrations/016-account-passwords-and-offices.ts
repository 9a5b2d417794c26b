import type { Kysely } from 'kysely';

/**
 * Accounts people can use: a password (stored only as an scrypt hash) for signing in from a
 * browser, and the field offices an account belongs to, for need-to-know ('' for none; the
 * `all-offices` office for those who see every office's records).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('user_accounts').addColumn('password_hash', 'text').execute();
  await db.schema
    .alterTable('user_accounts')
    .addColumn('offices', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('user_accounts').dropColumn('offices').execute();
  await db.schema.alterTable('user_accounts').dropColumn('password_hash').execute();
}
