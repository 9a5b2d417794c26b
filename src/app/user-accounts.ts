import { createHash, randomBytes } from 'node:crypto';
import { assertKnownRoles } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { hashPassword, verifyPassword } from '../security/password-hash.ts';
import type { Store } from '../store/store.ts';
import type { Requester } from './operation.ts';

/** An account as listed: never its token. */
export interface UserAccount {
  name: string;
  roles: string[];
  /** Field offices, for need-to-know (`all-offices` for every office). */
  offices: string[];
  createdAt: string;
}

export interface AddUserAccountOptions {
  offices?: readonly string[];
  /** A password for signing in from a browser; stored only as an scrypt hash. */
  password?: string;
}

/** The shortest password accepted: passphrases are easier to remember than symbols. */
export const MIN_PASSWORD_LENGTH = 12;
const OFFICE = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,59}$/u;

function checkOffices(offices: readonly string[] = []): string[] {
  const clean = [...new Set(offices.map((o) => o.trim()).filter(Boolean))];
  const bad = clean.filter((o) => !OFFICE.test(o));
  if (bad.length) {
    throw new TandemError(
      'bad-input',
      `offices: "${bad[0]}" is not an office name (letters, digits, spaces, . _ -)`,
    );
  }
  return clean;
}

async function passwordHash(password: string | undefined): Promise<string | null> {
  if (password === undefined) return null;
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new TandemError(
      'bad-input',
      `password: at least ${MIN_PASSWORD_LENGTH} characters (a passphrase is fine)`,
    );
  }
  return hashPassword(password);
}

function split(list: string): string[] {
  return list ? list.split(',') : [];
}

/** A new account or a new token: the token is shown this once and stored only as a hash. */
export interface IssuedToken extends UserAccount {
  token: string;
}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._@'-]{0,79}$/u;

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function newToken(): string {
  return `tdm_${randomBytes(32).toString('base64url')}`;
}

function checkRoles(roles: readonly string[]): string[] {
  const clean = [...new Set(roles.map((r) => r.trim()).filter(Boolean))];
  if (!clean.length) throw new TandemError('bad-input', 'an account needs at least one role');
  assertKnownRoles(clean);
  return clean;
}

/**
 * Creates an account with the roles given and returns its sign-in token. Only the token's SHA-256
 * hash is stored: a copy of the database does not let anyone sign in. Once any account exists,
 * the workbench asks everyone to sign in.
 */
export async function addUserAccount(
  store: Store,
  name: string,
  roles: readonly string[],
  options: AddUserAccountOptions = {},
): Promise<IssuedToken> {
  const n = name.trim();
  if (!NAME.test(n)) {
    throw new TandemError(
      'bad-input',
      `"${name}" is not a usable account name: letters, digits, spaces and . _ @ ' - (at most 80)`,
    );
  }
  const clean = checkRoles(roles);
  const offices = checkOffices(options.offices);
  const password_hash = await passwordHash(options.password);
  const exists = await store.db
    .selectFrom('user_accounts')
    .select('name')
    .where('name', '=', n)
    .executeTakeFirst();
  if (exists)
    throw new TandemError(
      'conflict',
      `an account named "${n}" exists; \`tandem users token\` issues it a new token`,
    );
  const token = newToken();
  const createdAt = new Date().toISOString();
  await store.db
    .insertInto('user_accounts')
    .values({
      name: n,
      roles: clean.join(','),
      token_hash: hashToken(token),
      created_at: createdAt,
      password_hash,
      offices: offices.join(','),
    })
    .execute();
  return { name: n, roles: clean, offices, createdAt, token };
}

/** Replaces an account's token (the old one stops working at once) and returns the new one. */
export async function reissueUserToken(store: Store, name: string): Promise<IssuedToken> {
  const row = await store.db
    .selectFrom('user_accounts')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw new TandemError('not-found', `no account named "${name}"`);
  const token = newToken();
  await store.db
    .updateTable('user_accounts')
    .set({ token_hash: hashToken(token) })
    .where('name', '=', name)
    .execute();
  // Sessions started with the old token end with it.
  await store.db.deleteFrom('user_sessions').where('account', '=', name).execute();
  return { name, roles: row.roles.split(','), offices: split(row.offices), createdAt: row.created_at, token };
}

export async function removeUserAccount(store: Store, name: string): Promise<{ removed: string }> {
  const r = await store.db.deleteFrom('user_accounts').where('name', '=', name).executeTakeFirst();
  await store.db.deleteFrom('user_sessions').where('account', '=', name).execute();
  if (!Number(r.numDeletedRows)) throw new TandemError('not-found', `no account named "${name}"`);
  return { removed: name };
}

const BY_NAME = new Intl.Collator('en');

export async function listUserAccounts(store: Store): Promise<UserAccount[]> {
  const rows = await store.db.selectFrom('user_accounts').selectAll().execute();
  // Sorted here: the server's collation would order "Bob", "bob" and "Émile" its own way.
  rows.sort((a, b) => BY_NAME.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return rows.map((r) => ({
    name: r.name,
    roles: r.roles.split(','),
    offices: split(r.offices),
    createdAt: r.created_at,
  }));
}

/** Whether sign-in is required: true as soon as one account exists. */
export async function signInRequired(store: Store): Promise<boolean> {
  return Boolean(await store.db.selectFrom('user_accounts').select('name').limit(1).executeTakeFirst());
}

/** The requester a token stands for, or null when it matches no account. */
export async function requesterForToken(store: Store, token: string): Promise<Requester | null> {
  if (!token) return null;
  // Tokens are 256 random bits, so looking one up by its hash tells an attacker nothing useful.
  const row = await store.db
    .selectFrom('user_accounts')
    .select(['name', 'roles', 'offices'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row ? { name: row.name, roles: row.roles.split(','), offices: split(row.offices) } : null;
}

/** The requester a name and password stand for, or null (the same work is done either way). */
export async function requesterForPassword(
  store: Store,
  name: string,
  password: string,
): Promise<Requester | null> {
  const row = await store.db
    .selectFrom('user_accounts')
    .select(['name', 'roles', 'offices', 'password_hash'])
    .where('name', '=', name.trim())
    .executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash);
  return ok && row ? { name: row.name, roles: row.roles.split(','), offices: split(row.offices) } : null;
}

/**
 * Sets or replaces an account's password, or removes it (`null`: the browser's sign-in form no
 * longer lets anyone in under that name). Every session of the account ends: a password changed
 * because it leaked must not leave the one who took it signed in.
 */
export async function setUserPassword(store: Store, name: string, password: string | null): Promise<void> {
  const hash = password === null ? null : await passwordHash(password);
  const r = await store.db
    .updateTable('user_accounts')
    .set({ password_hash: hash })
    .where('name', '=', name)
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw new TandemError('not-found', `no account named "${name}"`);
  await store.db.deleteFrom('user_sessions').where('account', '=', name).execute();
}

/**
 * The requester of the account an identity provider vouched for, by the account's name, or null
 * when no account has that name: signing in through a provider never creates an account or gives
 * rights of its own.
 */
export async function requesterForIdentity(store: Store, name: string): Promise<Requester | null> {
  const row = await store.db
    .selectFrom('user_accounts')
    .select(['name', 'roles', 'offices'])
    .where('name', '=', name.trim())
    .executeTakeFirst();
  return row ? { name: row.name, roles: row.roles.split(','), offices: split(row.offices) } : null;
}
