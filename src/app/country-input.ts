import { storedCountryName } from '../domain/country-names.ts';
import type { Store } from '../store/store.ts';

/**
 * An operation's input with its `country` as the store names it. Events are stored under ACLED's
 * name of a country the names table knows (storedCountryName), so a user who writes the name their
 * own file uses ("DR Congo (Zaire)" from GED, "RCA") is answered for the country the store holds
 * under "Democratic Republic of Congo" or "Central African Republic". A store that holds events
 * under the name as written (imported before names were joined) keeps answering for it.
 */
export async function withStoredCountry<I>(store: Store, input: I): Promise<I> {
  const country = (input as { country?: unknown } | null)?.country;
  if (typeof country !== 'string') return input;
  const stored = await storedCountry(store, country);
  return stored === country ? input : { ...input, country: stored };
}

/**
 * A country as the store names it (withStoredCountry's rule), for the records a file brings:
 * an incident, a participant or a local process written under "République centrafricaine" or
 * "RCA" is stored under the name the events use, or no list or check of that country would find it.
 */
export async function storedCountry(store: Store, country: string): Promise<string> {
  const stored = storedCountryName(country);
  if (stored === country) return country;
  const held = await store.db
    .selectFrom('country_counts')
    .select('country')
    .where('country', '=', country)
    .limit(1)
    .executeTakeFirst();
  return held ? country : stored;
}
