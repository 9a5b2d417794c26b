import { storedCountryName } from '../domain/country-names.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { Store } from '../store/store.ts';

/**
 * An operation's input with its `country` as the store names it. Events are stored under ACLED's
 * name of a country the names table knows (storedCountryName), so a user who writes the name their
 * own file uses ("DR Congo (Zaire)" from GED, "RCA") is answered for the country the store holds
 * under "Democratic Republic of Congo" or "Central African Republic". A store that holds events
 * under the name as written (imported before names were joined) keeps answering for it.
 */
export async function withStoredCountry<I>(store: Store, input: I): Promise<I> {
  const written = (input as { country?: unknown } | null)?.country;
  if (typeof written !== 'string') return input;
  // Blanks are no country: "   " was read as one the store does not hold ("no events in the
  // store") or as none at all (an empty table).
  const country = written.trim();
  if (!country)
    throw new TandemError('bad-input', 'country: must not be empty', {
      details: { issues: [{ path: 'country', message: 'must not be empty' }] },
    });
  const stored = await storedCountry(store, country);
  return stored === written ? input : { ...input, country: stored };
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
