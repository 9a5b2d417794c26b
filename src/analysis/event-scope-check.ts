import type { Kysely } from 'kysely';
import { areaNameSimilarity } from '../domain/area-names.ts';
import { sameCountry } from '../domain/country-names.ts';
import { FieldError } from '../domain/field-error.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { Database } from '../store/schema.ts';
import { readDateRange } from './analysis-queries.ts';

/** At most this many names are listed in a message; beyond it only the closest are named. */
const LISTED = 12;
/** How alike a name must be to be offered as "did you mean" (spelling slips, case, accents). */
const CLOSE = 0.6;

/** The names closest to what was written, best first (at most three). */
export function closest(written: string, names: readonly string[]): string[] {
  // Another name of the same country ("Soudan du Sud", "RCA") before spellings alike.
  return names
    .map((n) => ({ n, s: sameCountry(written, n) ? 2 : areaNameSimilarity(written, n) }))
    .filter((x) => x.s >= CLOSE)
    .sort((a, b) => b.s - a.s || a.n.localeCompare(b.n))
    .slice(0, 3)
    .map((x) => x.n);
}

/**
 * The store's country names closest to a country that no event names ("central african
 * republic" for "Central African Republic", "RCA" too); empty when none is close, or the country
 * is there.
 */
export async function countriesLike(db: Kysely<Database>, country: string): Promise<string[]> {
  const held = (await db.selectFrom('event_counts').select('country').distinct().execute()).map(
    (r) => r.country,
  );
  return held.includes(country) ? [] : closest(country, held);
}

function whatTheStoreHolds(written: string, names: readonly string[], kind: string): string {
  if (!names.length) return '';
  const close = closest(written, names);
  const guess = close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : '';
  const list =
    names.length <= LISTED
      ? `; ${kind} in the store: ${[...names].sort((a, b) => a.localeCompare(b)).join(', ')}`
      : '';
  return `${guess}${list}`;
}

/**
 * Refuses a country (and an admin-1 area within it) that no event in the store names, saying
 * which the store holds and which is closest to what was written: a misspelt `--country` must not
 * read as "no violence there". A place the mission's incident log names is known, whether or not
 * its incidents count. Called where a filter gave no rows, so the common case costs nothing. The error is `not-found` (exit 2, HTTP 404) with the field in its details.
 */
export async function assertEventsExistFor(
  db: Kysely<Database>,
  scope: { country?: string; admin1?: string },
): Promise<void> {
  if (!scope.country && !scope.admin1) return;
  // The mission's own log knows a place too: its incidents, rejected ones included, which count
  // nowhere (a country whose only incident was rejected is an empty answer, not a misspelling).
  let logged = db.selectFrom('incidents').select('id').limit(1);
  if (scope.country) logged = logged.where('country', '=', scope.country);
  if (scope.admin1) logged = logged.where('admin1', '=', scope.admin1);
  if (await logged.executeTakeFirst()) return;
  if (scope.country) {
    const countries = (await db.selectFrom('event_counts').select('country').distinct().execute()).map(
      (r) => r.country,
    );
    if (!countries.includes(scope.country)) {
      const held = countries.length
        ? whatTheStoreHolds(scope.country, countries, 'countries')
        : '; the store holds no events yet (tandem import)';
      throw new TandemError('not-found', `no events for country "${scope.country}"${held}`, {
        details: { field: 'country' },
      });
    }
  }
  if (!scope.admin1) return;
  let areas = db.selectFrom('event_counts').select('admin1').distinct();
  if (scope.country) areas = areas.where('country', '=', scope.country);
  const names = (await areas.execute()).map((r) => r.admin1).filter(Boolean);
  if (names.includes(scope.admin1)) return;
  const where = scope.country ? ` of ${scope.country}` : '';
  throw new TandemError(
    'not-found',
    `no events for admin-1 area "${scope.admin1}"${where}${whatTheStoreHolds(scope.admin1, names, `admin-1 areas${where}`)}`,
    { details: { field: 'admin1' } },
  );
}

/**
 * The period an analysis of a scope covers: the days asked for, an open end taken from the
 * scope's first or last event, an admin-1 area's from its country's (an area quiet in the data's
 * last weeks was quiet, not cut short; its months before its first event held none). A scope
 * with no events is refused as `assertEventsExistFor` says.
 * One end asked for beyond the scope's events, the other left open, or both ends outside them, is
 * refused naming the flag and the days the events cover, rather than blaming the end the user never gave (`from
 * 2030-01-01 is after to 2015-12-31`) or answering a period that ends before it starts.
 */
export async function periodOfScope(
  db: Kysely<Database>,
  scope: { country?: string; admin1?: string },
  asked: { from?: string; to?: string },
): Promise<{ from: string; to: string; first: string; last: string }> {
  const where = [scope.country, scope.admin1].filter(Boolean).join(', ');
  let range = await readDateRange(db, scope);
  if (range.first && scope.admin1 !== undefined) range = await readDateRange(db, { country: scope.country });
  if (!range.first || !range.last) {
    await assertEventsExistFor(db, scope);
    throw new TandemError(
      'not-found',
      `no events in the store${where ? ` for ${where}` : ''}; import some first`,
    );
  }
  const from = asked.from ?? range.first;
  const to = asked.to ?? range.last;
  if (asked.from && asked.to && from > to)
    throw new FieldError('from', (n) => `${n('from')} ${from} is after ${n('to')} ${to}`);
  const span = `the events${where ? ` of ${where}` : ''} run from ${range.first} to ${range.last}`;
  if (asked.from && !asked.to && from > range.last)
    throw new FieldError('from', (n) => `${n('from')} ${from}: no events on or after that day; ${span}`);
  if (asked.to && !asked.from && to < range.first)
    throw new FieldError('to', (n) => `${n('to')} ${to}: no events on or before that day; ${span}`);
  // Both ends given, the whole period outside the events: a brief of zeros would read as a quiet
  // year (exports probe, a brief for 2030 of a store that ends in 2015).
  if (asked.from && asked.to && (from > range.last || to < range.first)) {
    const field = from > range.last ? 'from' : 'to';
    throw new FieldError(
      field,
      (n) => `${n('from')} ${from} to ${n('to')} ${to}: no events in that period; ${span}`,
    );
  }
  return { from, to, first: range.first, last: range.last };
}
