import { categoryFromName } from '../domain/actor-category.ts';
import type { ConflictEvent, DatePrecision } from '../domain/conflict-event.ts';
import { storedCountryName } from '../domain/country-names.ts';
import { ownValue } from '../domain/own-value.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { GED_TYPES } from '../domain/violence-type.ts';
import { readEventDay } from './event-dates.ts';
import type { EventRowReader, RowProblem } from './event-row-reader.ts';
import { columnIndex, readCount, readLatLon, readSmallInt } from './field-readers.ts';
import { gedAreaName } from './ged-area-name.ts';

/**
 * GED's date_prec: 1 the day is known; 2 a span of two to six days; 3 the week; 4 a span of eight
 * to thirty days (the month); 5 longer (the year). Codes 3 and 4 are a week and a month: CAR's
 * sample spans exactly 7 days on every code-3 event and 8 to 31 days on code 4.
 */
const PRECISION: Record<string, DatePrecision> = {
  '1': 'day',
  '2': 'week',
  '3': 'week',
  '4': 'month',
  '5': 'year',
};
const TYPE_WORDS: Record<string, string> = { '1': 'state-based', '2': 'non-state', '3': 'one-sided' };

export const GED_REQUIRED = ['id', 'type_of_violence', 'date_start', 'best', 'country'];

export function looksLikeGed(header: readonly string[]): boolean {
  return GED_REQUIRED.every((n) => columnIndex(header, n) !== -1);
}

/**
 * The GED columns a header lacks when it otherwise reads as GED (it has `type_of_violence` and
 * `date_start`): a file cut down, or exported without `best`, is told what is missing. Null for
 * any other header.
 */
export function missingGedColumns(header: readonly string[]): string[] | null {
  if (columnIndex(header, 'type_of_violence') === -1 || columnIndex(header, 'date_start') === -1) return null;
  const missing = GED_REQUIRED.filter((n) => columnIndex(header, n) === -1);
  return missing.length ? missing : null;
}

/** Reads one GED event from any accessor of its fields by GED's column names (CSV or GeoJSON). */
export function readGedFields(
  get: (name: string) => string,
  where: (name: string) => number,
): { event: ConflictEvent } | { problem: RowProblem } {
  const bad = (name: string, reason: string): { problem: RowProblem } => ({
    problem: { column: where(name) + 1, field: name, reason },
  });
  const id = get('id');
  if (!id) return bad('id', 'id is empty');
  const typeCode = get('type_of_violence');
  const type = ownValue(GED_TYPES, typeCode);
  if (!type) return bad('type_of_violence', `type_of_violence "${typeCode}" is not 1, 2 or 3`);
  const start = readEventDay(get('date_start'));
  if (!start.ok) return bad('date_start', start.reason);
  const endRaw = get('date_end');
  const end = endRaw ? readEventDay(endRaw) : start;
  if (!end.ok) return bad('date_end', end.reason);
  if (end.date < start.date)
    return bad('date_end', `date_end ${end.date} is before date_start ${start.date}`);
  const written = get('country');
  if (!written) return bad('country', 'country is empty');
  const country = storedCountryName(written);
  const best = readCount(get('best'), 'best', true);
  if (!best.ok) return bad('best', best.reason);
  const low = readCount(get('low'), 'low', false);
  if (!low.ok) return bad('low', low.reason);
  const high = readCount(get('high'), 'high', false);
  if (!high.ok) return bad('high', high.reason);
  const civ = readCount(get('deaths_civilians'), 'deaths_civilians', false);
  if (!civ.ok) return bad('deaths_civilians', civ.reason);
  // Civilians killed are part of all deaths (best = deaths_a + deaths_b + deaths_civilians +
  // deaths_unknown): a row with more civilian deaths than deaths in all is a slip in the file.
  if (civ.value !== null && civ.value > (best.value as number))
    return bad(
      'deaths_civilians',
      `deaths_civilians is ${civ.value} but best (all deaths) is ${best.value}; expected no more than best`,
    );
  const point = readLatLon(get('latitude'), get('longitude'));
  if (!point.ok) return bad(point.field, point.reason);
  const sideA = get('side_a');
  const sideB = get('side_b');
  const event: ConflictEvent = {
    source: 'ucdp',
    sourceEventId: id,
    dateStart: start.date,
    dateEnd: end.date,
    datePrecision: ownValue(PRECISION, get('date_prec')) ?? 'unknown',
    country,
    admin1: gedAreaName(get('adm_1')),
    admin2: gedAreaName(get('adm_2')),
    location: get('where_coordinates'),
    latitude: point.value.latitude,
    longitude: point.value.longitude,
    geoPrecision: readSmallInt(get('where_prec')),
    violenceType: type.type,
    eventType: TYPE_WORDS[typeCode] as string,
    subEventType: get('conflict_name'),
    actor1: sideA,
    // GED codes no actor: its governments, civilians and rebels are known by name and side.
    actor1Category: categoryFromName(sideA, { violenceType: type.type, side: 1, country }),
    actor2: sideB,
    actor2Category: categoryFromName(sideB, { violenceType: type.type, side: 2, country }),
    // GED has no such field: one-sided violence is by definition violence against civilians.
    civilianTargeting: typeCode === '3',
    civilianTargetingDerived: true,
    fatalities: best.value as number,
    fatalitiesLow: low.value,
    fatalitiesHigh: high.value,
    civilianFatalities: civ.value,
    targets: [],
    notes: get('source_headline'),
    sourceText: get('source_article'),
  };
  return { event };
}

/** Reads GED rows from the CSV edition. */
export function gedCsvReader(path: string, header: readonly string[]): EventRowReader {
  const missing = GED_REQUIRED.filter((n) => columnIndex(header, n) === -1);
  if (missing.length)
    throw new TandemError(
      'unreadable-file',
      `${path}: looks like UCDP GED but has no ${missing.join(', ')} column`,
    );
  const index = new Map<string, number>();
  for (const n of [
    ...GED_REQUIRED,
    'date_end',
    'low',
    'high',
    'deaths_civilians',
    'latitude',
    'longitude',
    'side_a',
    'side_b',
    'adm_1',
    'adm_2',
    'where_coordinates',
    'where_prec',
    'date_prec',
    'conflict_name',
    'source_headline',
    'source_article',
  ]) {
    index.set(n, columnIndex(header, n));
  }
  const where = (n: string) => index.get(n) ?? -1;
  return {
    format: 'ucdp',
    columns: header.length,
    read(f: string[]) {
      return readGedFields((n) => {
        const i = where(n);
        return i === -1 ? '' : (f[i] ?? '').trim();
      }, where);
    },
  };
}

/**
 * The columns of GED's CSV, in the order UCDP writes them (GED 20.1 onwards, candidate releases
 * included); some files carry `gwnoa` and `gwnob` after each side's id as well.
 */
export const GED_CSV_COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
];
const GED_CSV_COLUMNS_GWNO = [
  ...GED_CSV_COLUMNS.slice(0, 14),
  'gwnoa',
  ...GED_CSV_COLUMNS.slice(14, 17),
  'gwnob',
  ...GED_CSV_COLUMNS.slice(17),
];

/**
 * The header a GED CSV would have, for a first row that is already an event: UCDP's candidate
 * files have come without a header row. Taken only when the row fits GED's column order field by
 * field (an id, a type of violence 1–3, dates, whole-number deaths), never guessed from width alone.
 */
export function headerlessGedHeader(first: readonly string[]): string[] | null {
  for (const columns of [GED_CSV_COLUMNS, GED_CSV_COLUMNS_GWNO]) {
    if (first.length !== columns.length) continue;
    const at = (name: string) => (first[columns.indexOf(name)] ?? '').trim();
    const whole = (name: string) => /^\d+$/.test(at(name));
    const day = (name: string) => /^\d{4}-\d{2}-\d{2}/.test(at(name));
    if (
      whole('id') &&
      /^[123]$/.test(at('type_of_violence')) &&
      day('date_start') &&
      day('date_end') &&
      whole('best') &&
      whole('year') &&
      at('country') !== ''
    ) {
      return [...columns];
    }
  }
  return null;
}
