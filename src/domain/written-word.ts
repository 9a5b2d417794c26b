import { ownValue } from './own-value.ts';

// How a word of a fixed list is read from a file or a form, in English or French ("militaire",
// "en négociation", "non précisé", "oui"): by its key, and looked up in a table of such keys.

/**
 * A written word as it is compared: lower case, accents dropped, spaces, underscores and
 * punctuation as hyphens ("Security Sector Reform", "security_sector", "Réforme du secteur de la
 * sécurité", "En négociation" → "en-negociation").
 */
export function wordKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A value as a fixed list takes it: the table's value for a word it knows (keyed by wordKey), and
 * anything else as it is, for the schema to judge. Made for zod's preprocess.
 */
export function wordValue<T>(table: Readonly<Record<string, T>>, value: unknown): unknown {
  return typeof value === 'string' ? (ownValue(table, wordKey(value)) ?? value) : value;
}
