import { type ActorCategory, parseActorCategory } from '../domain/actor-category.ts';
import type { ConflictEvent, DatePrecision } from '../domain/conflict-event.ts';
import { namesOneCountry, storedCountryName } from '../domain/country-names.ts';
import { ownValue } from '../domain/own-value.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { isViolent, parseAcledEventType, type ViolenceType } from '../domain/violence-type.ts';
import { MonadicPairs } from './acled-monadic-pairs.ts';
import { deriveCivilianTargeting, readAcledCivilianTargeting } from './civilian-targeting.ts';
import { eventDateReader } from './event-dates.ts';
import { type EventRowReader, problemAt, type RowResult } from './event-row-reader.ts';
import { columnIndex, readCount, readLatLon, readSmallInt } from './field-readers.ts';

const PRECISION: Record<string, DatePrecision> = { '1': 'day', '2': 'week', '3': 'month' };

/** Tells an ACLED export by its columns (any vintage: old and new exports share these). */
export function looksLikeAcled(header: readonly string[]): boolean {
  return (
    columnIndex(header, 'event_id_cnty') !== -1 &&
    columnIndex(header, 'event_date') !== -1 &&
    columnIndex(header, 'event_type') !== -1
  );
}

/** The columns ACLED's exports alone have, and those looksLikeAcled needs. */
const ACLED_MARKS = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'inter1',
  'inter2',
  'interaction',
  'assoc_actor_1',
  'geo_precision',
  'time_precision',
];
export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'event_type'];

/**
 * The columns ACLED needs that a header plainly of an ACLED export lacks (four of its own columns
 * or more, as `sub_event_type`, `inter1`, `geo_precision`): a file cut down or renamed is told
 * what is missing. Null for any other header.
 */
export function missingAcledColumns(header: readonly string[]): string[] | null {
  if (ACLED_MARKS.filter((n) => columnIndex(header, n) !== -1).length < 4) return null;
  const missing = ACLED_REQUIRED.filter((n) => columnIndex(header, n) === -1);
  return missing.length ? missing : null;
}

/**
 * Who was harmed, as ACLED names them: the associated actors of a side that is civilians (women,
 * an ethnic group, aid workers, the UN mission...), in events where someone is harmed (political
 * violence and riots; not protests or strategic developments). A civilian side with no associated
 * actor names its people by nationality when they are not the event country's ("Civilians
 * (Sudan)" in South Sudan, "Civilians (International)"): that name is the group harmed, as the
 * source names it. "Civilians (South Sudan)" in South Sudan names no group: the events without
 * targets are counted as the country's civilians (summary --by target).
 */
export function acledTargets(
  type: ViolenceType,
  sides: readonly { category: ActorCategory | null; associated: string; actor?: string }[],
  country = '',
): string[] {
  if (!isViolent(type) && type !== 'riots') return [];
  const out = new Set<string>();
  for (const s of sides) {
    if (s.category !== 'civilians') continue;
    const before = out.size;
    for (const name of s.associated.split(';')) if (name.trim()) out.add(name.trim());
    if (out.size === before && s.actor) {
      const elsewhere = civiliansOfElsewhere(s.actor, country);
      if (elsewhere) out.add(elsewhere);
    }
  }
  return [...out];
}

/** "Civilians (Sudan)" in an event of South Sudan: the name, when its country is not the event's. */
export function civiliansOfElsewhere(actor: string, country: string): string {
  const m = /^(?:civilians|civils)\s*\((.+)\)$/i.exec(actor.trim());
  if (!m || !country) return '';
  // "Orvania" is the country "Orvania (fictional)", as "DR Congo (Zaire)" is "Democratic Republic of Congo".
  const plain = (n: string) => n.replace(/\s*\([^)]*\)\s*$/, '');
  const of = m[1]!.trim();
  const same = namesOneCountry(of, country) || namesOneCountry(plain(of), plain(country));
  return same ? '' : actor.trim();
}

/**
 * The actors acting with one side, as ACLED lists them ('; ' between them): kept for every side but
 * a civilian one, whose associated actors are the people harmed (acledTargets).
 */
export function acledAssociated(category: ActorCategory | null, associated: string): string[] {
  if (category === 'civilians') return [];
  const out = new Set<string>();
  for (const name of associated.split(';')) if (name.trim()) out.add(name.trim());
  return [...out];
}

/**
 * Reads ACLED rows, old and new: numeric or worded `inter1`/`inter2`, any of the date forms ACLED
 * has used, and `civilian_targeting` when the export has it (derived, and marked so, when not).
 * A monadic export (one row per actor, no `actor2` column) has its rows paired back into events.
 */
export function acledReader(path: string, header: readonly string[]): EventRowReader {
  const col = (...n: string[]) => columnIndex(header, ...n);
  const c = {
    id: col('event_id_cnty'),
    date: col('event_date'),
    precision: col('time_precision'),
    type: col('event_type'),
    subType: col('sub_event_type'),
    actor1: col('actor1'),
    assoc1: col('assoc_actor_1'),
    inter1: col('inter1'),
    actor2: col('actor2'),
    assoc2: col('assoc_actor_2'),
    inter2: col('inter2'),
    civ: col('civilian_targeting'),
    country: col('country'),
    admin1: col('admin1'),
    admin2: col('admin2'),
    location: col('location'),
    lat: col('latitude'),
    lon: col('longitude'),
    geo: col('geo_precision'),
    source: col('source'),
    notes: col('notes'),
    fatalities: col('fatalities'),
  };
  const missing = (['country', 'fatalities', 'actor1'] as const).filter((k) => c[k] === -1);
  if (missing.length) {
    throw new TandemError(
      'unreadable-file',
      `${path}: looks like ACLED but has no ${missing.join(', ')} column`,
    );
  }
  const get = (f: string[], i: number) => (i === -1 ? '' : (f[i] ?? '').trim());
  const parseEventDate = eventDateReader(path);
  const countries = new Map<string, string>();
  const pairs = c.actor2 === -1 && c.inter2 === -1 ? new MonadicPairs(c.civ !== -1) : null;
  return {
    format: 'acled',
    columns: header.length,
    finish: () => pairs?.rest() ?? [],
    read(f: string[], line: number): RowResult {
      const id = get(f, c.id);
      if (!id) return problemAt(header, c.id, 'event_id_cnty is empty');
      const date = parseEventDate(get(f, c.date), line, {
        index: c.date,
        name: header[c.date] ?? 'event_date',
      });
      if (!date.ok) return problemAt(header, c.date, date.reason);
      const typeRaw = get(f, c.type);
      const type = parseAcledEventType(typeRaw);
      if (!type)
        return problemAt(header, c.type, `event_type "${typeRaw}" is not one of ACLED's event types`);
      const cat1 = parseActorCategory(get(f, c.inter1));
      if (cat1 === undefined)
        return problemAt(
          header,
          c.inter1,
          `inter1 "${get(f, c.inter1)}" is not an ACLED actor category (1–8 or its name)`,
        );
      const cat2 = parseActorCategory(get(f, c.inter2));
      if (cat2 === undefined)
        return problemAt(
          header,
          c.inter2,
          `inter2 "${get(f, c.inter2)}" is not an ACLED actor category (1–8 or its name)`,
        );
      const written = get(f, c.country);
      if (!written) return problemAt(header, c.country, 'country is empty');
      // "mali" and "MALI" are Mali, as the GED and HXL readers store them (one look-up per spelling).
      let country = countries.get(written);
      if (country === undefined) {
        country = storedCountryName(written);
        countries.set(written, country);
      }
      const fat = readCount(f[c.fatalities], 'fatalities', true);
      if (!fat.ok) return problemAt(header, c.fatalities, fat.reason);
      const point = readLatLon(f[c.lat], f[c.lon]);
      if (!point.ok) return problemAt(header, point.field === 'latitude' ? c.lat : c.lon, point.reason);
      let civilianTargeting: boolean;
      let derived = false;
      if (c.civ !== -1) {
        const said = readAcledCivilianTargeting(f[c.civ]);
        if (!said.ok) return problemAt(header, c.civ, said.reason);
        civilianTargeting = said.value;
      } else {
        civilianTargeting = deriveCivilianTargeting(type, cat2);
        derived = true;
      }
      const event: ConflictEvent = {
        source: 'acled',
        sourceEventId: id,
        dateStart: date.date,
        dateEnd: date.date,
        datePrecision: ownValue(PRECISION, get(f, c.precision)) ?? 'unknown',
        country,
        admin1: get(f, c.admin1),
        admin2: get(f, c.admin2),
        location: get(f, c.location),
        latitude: point.value.latitude,
        longitude: point.value.longitude,
        geoPrecision: readSmallInt(f[c.geo]),
        violenceType: type,
        eventType: typeRaw,
        subEventType: get(f, c.subType),
        actor1: get(f, c.actor1),
        actor1Category: cat1,
        actor2: get(f, c.actor2),
        actor2Category: cat2,
        civilianTargeting,
        civilianTargetingDerived: derived,
        fatalities: fat.value as number,
        fatalitiesLow: null,
        fatalitiesHigh: null,
        civilianFatalities: null,
        targets: acledTargets(
          type,
          [
            { category: cat1, associated: get(f, c.assoc1), actor: get(f, c.actor1) },
            { category: cat2, associated: get(f, c.assoc2), actor: get(f, c.actor2) },
          ],
          country,
        ),
        actor1Associated: acledAssociated(cat1, get(f, c.assoc1)),
        actor2Associated: acledAssociated(cat2, get(f, c.assoc2)),
        notes: get(f, c.notes),
        sourceText: get(f, c.source),
      };
      if (!pairs) return { event };
      const paired = pairs.add(line, event);
      return paired ?? { held: true };
    },
  };
}
