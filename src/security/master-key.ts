import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { TandemError } from '../domain/tandem-error.ts';

/** Where the master key is kept: `$TANDEM_KEY_FILE`, or ./tandem.key. Never in the database. */
export function keyFilePath(): string {
  return resolve(process.env.TANDEM_KEY_FILE || 'tandem.key');
}

/** What to do when the master key is not where it is looked for, naming that place. */
export function missingKeyAdvice(): string {
  return `no master key at ${keyFilePath()}: run \`tandem keys init\` once, or set TANDEM_KEY_FILE to where the key is kept`;
}

const HEADER =
  "# Tandem master key: it unlocks the protected fields of this mission's records. Keep it apart from the database and its backups; without it those fields cannot be read.\n";

/** A new random master key, written to `path` readable by its owner only (0600). Refuses to overwrite. */
export function createKeyFile(path = keyFilePath()): Buffer {
  if (existsSync(path)) {
    throw new TandemError(
      'conflict',
      `${path} exists already: a master key is never overwritten (use \`tandem keys rotate\`)`,
    );
  }
  const key = randomBytes(32);
  writeFileSync(path, `${HEADER}${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/**
 * Copies the key file to `<file>.replaced-<time>` (owner-only, never overwriting one), before a
 * rotation replaces it; returns the copy's path.
 */
export function keepReplacedKeyFile(path = keyFilePath()): string {
  const copy = `${path}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  copyFileSync(path, copy, constants.COPYFILE_EXCL);
  chmodSync(copy, 0o600);
  return copy;
}

/** Replaces the key file with a new key, keeping the old one beside it until the caller removes it. */
export function replaceKeyFile(key: Buffer, path = keyFilePath()): void {
  const next = `${path}.new`;
  writeFileSync(next, `${HEADER}${key.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(next, 0o600);
  renameSync(next, path);
}

/**
 * The master key, or null when there is no key file. A key file that others can read is refused:
 * whoever reads it, with a copy of the database, reads every protected field.
 */
export function readMasterKey(path = keyFilePath()): Buffer | null {
  if (!existsSync(path)) return null;
  if ((statSync(path).mode & 0o077) !== 0) {
    throw new TandemError(
      'unavailable',
      `${path} can be read by others: make it private with \`chmod 600 ${path}\``,
    );
  }
  const line = readFileSync(path, 'utf8')
    .split('\n')
    .find((l) => l.trim() && !l.startsWith('#'));
  const key = Buffer.from(line?.trim() ?? '', 'base64');
  if (key.length !== 32) throw new TandemError('unavailable', `${path} does not hold a Tandem master key`);
  return key;
}
