import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/store.ts';
import type { Requester } from './operation.ts';

/** A session unused for this long ends: the person signs in again. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/**
 * A session ends this long after it began however much it is used, so a cookie taken from a
 * browser left open does not work for ever (OWASP's absolute timeout); a working week.
 */
export const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** How often a session's last use is written back (not on every request). */
const TOUCH_EVERY_MS = 60 * 1000;

function hashId(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

/**
 * Starts a browser session for an account that has just proved who it is (its token, its password)
 * and returns the session's id, for the cookie.
 * The cookie never carries the account's long-lived token, so signing out (which deletes the
 * session) really ends what a stolen cookie could do.
 */
export async function startSession(store: Store, requester: Requester): Promise<{ id: string }> {
  const id = randomBytes(32).toString('base64url');
  const now = new Date().toISOString();
  await store.db
    .insertInto('user_sessions')
    .values({ id_hash: hashId(id), account: requester.name, created_at: now, last_seen_at: now })
    .execute();
  return { id };
}

/**
 * Who a session id stands for: null when it is unknown, signed out, idle past SESSION_IDLE_MS or
 * older than SESSION_LIFETIME_MS (it is then deleted), or its account was removed. Its last use is
 * renewed as it is used.
 */
export async function requesterForSession(store: Store, id: string): Promise<Requester | null> {
  if (!id) return null;
  const row = await store.db
    .selectFrom('user_sessions')
    .innerJoin('user_accounts', 'user_accounts.name', 'user_sessions.account')
    .select([
      'user_sessions.id_hash',
      'user_sessions.last_seen_at',
      'user_sessions.created_at',
      'user_accounts.name',
      'user_accounts.roles',
      'user_accounts.offices',
    ])
    .where('user_sessions.id_hash', '=', hashId(id))
    .executeTakeFirst();
  if (!row) return null;
  const idle = Date.now() - Date.parse(row.last_seen_at);
  const age = Date.now() - Date.parse(row.created_at);
  if (!(idle <= SESSION_IDLE_MS) || !(age <= SESSION_LIFETIME_MS)) {
    await store.db.deleteFrom('user_sessions').where('id_hash', '=', row.id_hash).execute();
    return null;
  }
  if (idle > TOUCH_EVERY_MS) {
    await store.db
      .updateTable('user_sessions')
      .set({ last_seen_at: new Date().toISOString() })
      .where('id_hash', '=', row.id_hash)
      .execute();
  }
  return { name: row.name, roles: row.roles.split(','), offices: row.offices ? row.offices.split(',') : [] };
}

/** Ends a session: its id stops working at once. */
export async function endSession(store: Store, id: string): Promise<void> {
  if (id) await store.db.deleteFrom('user_sessions').where('id_hash', '=', hashId(id)).execute();
}
