import type { Kysely } from 'kysely';

/**
 * Browser sessions, apart from the accounts' long-lived tokens: signing in with a token starts a
 * session whose random id lives in the cookie (only its SHA-256 hash is stored here); signing out
 * deletes the row, so a copied cookie stops working, and an idle session expires.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_sessions_by_account').on('user_sessions').column('account').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('user_sessions').execute();
}
