import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { TandemError } from '../domain/tandem-error.ts';
import type { Database } from '../store/schema.ts';
import type { DataKey } from './field-cipher.ts';
import {
  createKeyFile,
  keepReplacedKeyFile,
  keyFilePath,
  readMasterKey,
  replaceKeyFile,
} from './master-key.ts';

function wrap(master: Buffer, id: number, key: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', master, iv);
  c.setAAD(Buffer.from(`tandem-data-key:${id}`));
  const body = Buffer.concat([c.update(key), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url');
}

function unwrap(master: Buffer, id: number, wrapped: string): Buffer {
  const raw = Buffer.from(wrapped, 'base64url');
  const d = createDecipheriv('aes-256-gcm', master, raw.subarray(0, 12));
  d.setAAD(Buffer.from(`tandem-data-key:${id}`));
  d.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]);
  } catch {
    throw new TandemError(
      'unavailable',
      `the master key in ${keyFilePath()} does not open this store's data keys: it belongs to another store, or was replaced`,
    );
  }
}

/**
 * Sets up encryption for a store: a new master key in the key file (0600) and a data key, stored
 * only wrapped under it. Refuses when the store already has data keys (they need their own master
 * key) or the key file exists.
 */
export async function initKeys(
  db: Kysely<Database>,
  path = keyFilePath(),
): Promise<{ keyFile: string; dataKeys: number; keptKeyFile: boolean }> {
  const existing = await db.selectFrom('data_keys').select('id').limit(1).executeTakeFirst();
  if (existing) {
    throw new TandemError(
      'conflict',
      `this store's data keys are set up already; they open only with the master key made for them${existsSync(path) ? '' : ` (no key file at ${path}: restore it from where it is kept)`}`,
    );
  }
  // A master key kept already (another store of this machine made it) wraps this store's data key
  // too: making a second file would mean overwriting the first and locking its store out.
  const kept = readMasterKey(path);
  const master = kept ?? createKeyFile(path);
  try {
    await db
      .insertInto('data_keys')
      .values({ id: 1, wrapped: wrap(master, 1, randomBytes(32)), created_at: new Date().toISOString() })
      .execute();
  } catch (e) {
    if (!kept) rmSync(path, { force: true });
    throw e;
  }
  return { keyFile: path, dataKeys: 1, keptKeyFile: kept !== null };
}

/**
 * A new master key: every data key is re-wrapped under it in one transaction, and the key file is
 * replaced only once that has committed (the new key waits in `<file>.new` until then). Fields
 * stay sealed with the same data keys, so nothing else is rewritten.
 */
export async function rotateMasterKey(
  db: Kysely<Database>,
  path = keyFilePath(),
): Promise<{ keyFile: string; dataKeys: number; previousKeyFile: string }> {
  const old = readMasterKey(path);
  if (!old) throw new TandemError('not-found', `no master key at ${path}: \`tandem keys init\` makes one`);
  const keys = await db.selectFrom('data_keys').selectAll().orderBy('id').execute();
  const fresh = randomBytes(32);
  const rewrapped = keys.map((k) => ({
    id: Number(k.id),
    wrapped: wrap(fresh, Number(k.id), unwrap(old, Number(k.id), k.wrapped)),
  }));
  await db.transaction().execute(async (trx) => {
    for (const k of rewrapped)
      await trx.updateTable('data_keys').set({ wrapped: k.wrapped }).where('id', '=', k.id).execute();
  });
  // The replaced key stays beside the new one: another store set up under the same file still
  // needs it, and only its keeper can say when no store does.
  const previous = keepReplacedKeyFile(path);
  replaceKeyFile(fresh, path);
  return { keyFile: path, dataKeys: keys.length, previousKeyFile: previous };
}

/**
 * The data key new fields are sealed with, or null when the store has none or no master key is at
 * hand: callers then say plainly what is missing (public analysis needs neither).
 */
export async function currentDataKey(db: Kysely<Database>, path = keyFilePath()): Promise<DataKey | null> {
  const master = readMasterKey(path);
  if (!master) return null;
  const row = await db.selectFrom('data_keys').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? { id: Number(row.id), key: unwrap(master, Number(row.id), row.wrapped) } : null;
}
