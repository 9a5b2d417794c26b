import type { Kysely } from 'kysely';
import { areaNameSimilarity, normalizeAreaName } from '../domain/area-names.ts';
import { isKnownCountryName } from '../domain/country-names.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { summarizeEvents } from '../store/event-summary.ts';
import type { Database } from '../store/schema.ts';

/**
 * The admin-1 areas the store knows for a country: those its events count, most events first (the
 * summary by admin1), then those of its loaded boundaries that no event names yet.
 */
export async function knownAdmin1Areas(db: Kysely<Database>, country: string): Promise<string[]> {
  const counted = (await summarizeEvents(db, 'admin1', { country })).rows.map((r) => r.key);
  const bounded = (
    await db
      .selectFrom('areas')
      .select('admin1')
      .where('country', '=', country)
      .where('admin2', '=', '')
      .orderBy('admin1')
      .execute()
  ).map((r) => r.admin1);
  return [...new Set([...counted, ...bounded])].filter(Boolean);
}

/**
 * The spelling under which an incident's admin-1 area is stored: a known area's own when the
 * reporter wrote the same name differently ("upper nile", "Upper Nile State" for "Upper Nile":
 * case, accents, a unit word, the usual variants of `normalizeAreaName`), so that the incident is
 * counted with the area's other events; otherwise the name as written, since a new area is
 * legitimate. Names that are merely alike ("Upper Nile", "Blue Nile") are never taken for each
 * other. `known` is in order of preference (the first of two known spellings of one area wins).
 */
export function knownSpelling(written: string, known: readonly string[]): string {
  if (!written || known.includes(written)) return written;
  const normalized = normalizeAreaName(written);
  if (!normalized) return written;
  return known.find((k) => normalizeAreaName(k) === normalized) ?? written;
}

/** How alike a written area must be to a known one to be refused as a likely slip for it. */
const LIKELY_SLIP = 0.75;

/**
 * Refuses a country that is a likely slip for one the store holds ("South Sudn" where the events
 * are South Sudan's), unless the reporter says it is new to the store (`newArea`): a record under
 * a misspelt country is in no list, map, analysis or brief of the right one. A name the names
 * table knows, one the store holds, or one like none it holds (a new mission's country) passes.
 */
export async function assertKnownCountry(
  db: Kysely<Database>,
  country: string,
  newArea: boolean | undefined,
  admin1 = '',
): Promise<void> {
  const message = await countrySlip(db, country, newArea, admin1);
  if (message)
    throw new TandemError('bad-input', `country: ${message}`, {
      details: { issues: [{ path: 'country', message }] },
    });
}

/**
 * Why `country` is refused as a likely slip (assertKnownCountry), or null when it is not one. A
 * country the store does not hold, written with an admin-1 area that a country the store holds
 * has ("Somaliland" with Banadir, Somalia's), is one too: the record would leave Somalia's
 * summary, map and brief for a country of its own.
 */
export async function countrySlip(
  db: Kysely<Database>,
  country: string,
  newArea: boolean | undefined,
  admin1 = '',
): Promise<string | null> {
  if (newArea === true || isKnownCountryName(country)) return null;
  const held = (await db.selectFrom('country_counts').select('country').distinct().execute()).map(
    (r) => r.country,
  );
  if (held.includes(country)) return null;
  const near = held
    .map((k) => ({ k, s: areaNameSimilarity(country, k) }))
    .filter((x) => x.s >= LIKELY_SLIP)
    .sort((a, b) => b.s - a.s);
  const advice =
    'Write the country as the store names it, or, if it is new to the store, say so (newArea: true)';
  if (near.length)
    return `"${country}" is not a country the store holds; did you mean "${near[0]!.k}"? ${advice}`;
  if (!admin1) return null;
  for (const k of held) {
    const areas = await knownAdmin1Areas(db, k);
    const area = knownSpelling(admin1, areas);
    if (areas.includes(area))
      return `"${country}" is not a country the store holds, and "${admin1}" is an admin-1 area of "${k}"; did you mean "${k}"? ${advice}`;
  }
  return null;
}

/**
 * An incident's fields with its admin-1 area under the spelling the store knows (see
 * knownSpelling). A name the store does not know but that is very like one it does ("Kesa
 * Highland" for "Kessa Highlands") is refused, naming the known one, unless the reporter says the
 * area is new (`newArea`): a slip would make an area of its own on every map, table and brief.
 */
export async function withKnownAdmin1<T extends { country: string; admin1: string; newArea?: boolean }>(
  db: Kysely<Database>,
  incident: T,
): Promise<T> {
  if (!incident.admin1) return incident;
  const known = await knownAdmin1Areas(db, incident.country);
  const admin1 = knownSpelling(incident.admin1, known);
  if (admin1 === incident.admin1 && !known.includes(admin1) && incident.newArea !== true) {
    const near = known
      .map((k) => ({ k, s: areaNameSimilarity(admin1, k) }))
      .filter((x) => x.s >= LIKELY_SLIP)
      .sort((a, b) => b.s - a.s);
    if (near.length) {
      const message = `"${admin1}" is not an admin-1 area the store knows for ${incident.country}; did you mean "${near[0]!.k}"? Write the area as the store spells it, or, if it is new to the store, say so (newArea: true)`;
      throw new TandemError('bad-input', `admin1: ${message}`, {
        details: { issues: [{ path: 'admin1', message }] },
      });
    }
  }
  return admin1 === incident.admin1 ? incident : { ...incident, admin1 };
}
