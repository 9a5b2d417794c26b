import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TandemError } from '../domain/tandem-error.ts';

/** How an encrypted field starts: the format's version and the data key's id follow. */
const PREFIX = 'tdm1:';

/** A data key and its id (which data key a stored field was sealed with). */
export interface DataKey {
  id: number;
  key: Buffer;
}

/**
 * Seals one field with AES-256-GCM under a data key. `context` names the record and field
 * ("incident:12:narrative") and is authenticated with it, so a sealed value copied into another
 * record or field does not open there. The result is text: `tdm1:<key id>:<iv|tag|ciphertext>`.
 */
export function sealField(dataKey: DataKey, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${PREFIX}${dataKey.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Whether a stored value is sealed (rather than plain text kept from before encryption). */
export function isSealed(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The id of the data key a sealed value needs. */
export function sealedKeyId(value: string): number {
  return Number(value.slice(PREFIX.length, value.indexOf(':', PREFIX.length)));
}

/** Opens a sealed field; fails clearly when the key or the context is not the one it was sealed with. */
export function openField(dataKey: DataKey, sealed: string, context: string): string {
  if (!isSealed(sealed) || sealedKeyId(sealed) !== dataKey.id) {
    throw new TandemError('forbidden', `a protected field of ${context} was sealed with another data key`);
  }
  const raw = Buffer.from(sealed.slice(sealed.indexOf(':', PREFIX.length) + 1), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', dataKey.key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new TandemError(
      'forbidden',
      `a protected field of ${context} does not open: it was altered, or moved from another record`,
    );
  }
}
