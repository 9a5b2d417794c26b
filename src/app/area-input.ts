import type { Store } from '../store/store.ts';
import { knownAdmin1Areas, knownSpelling } from './incident-area.ts';

/**
 * An operation's input with its `admin1` as the store spells it, when the store names no area as
 * written but knows one written differently: "ségou", "SEGOU", "Segou" or "Ségou region" for
 * "Ségou", as plans and `--country` are read (case, accents, a unit word; knownSpelling). Names
 * that are merely alike are never taken for each other: an unknown area stays as written, for the
 * scope check to refuse with what the store holds.
 */
export async function withStoredAdmin1<I>(store: Store, input: I): Promise<I> {
  const o = input as { country?: unknown; admin1?: unknown } | null;
  if (!o || typeof o.admin1 !== 'string' || !o.admin1.trim()) return input;
  const country = typeof o.country === 'string' && o.country ? o.country : undefined;
  let exact = store.db.selectFrom('event_counts').select('admin1').where('admin1', '=', o.admin1).limit(1);
  if (country) exact = exact.where('country', '=', country);
  if (await exact.executeTakeFirst()) return input;
  const known = country
    ? await knownAdmin1Areas(store.db, country)
    : (await store.db.selectFrom('event_counts').select('admin1').distinct().execute()).map((r) => r.admin1);
  const admin1 = knownSpelling(o.admin1, known);
  return admin1 === o.admin1 ? input : { ...input, admin1 };
}
