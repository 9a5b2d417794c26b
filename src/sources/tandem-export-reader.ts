import { parseActorCategory } from '../domain/actor-category.ts';
import type { DatePrecision, SourceName } from '../domain/conflict-event.ts';
import { FORMULA_GUARD } from '../domain/spreadsheet-formula.ts';
import { parseAcledEventType, VIOLENCE_TYPES } from '../domain/violence-type.ts';
import { splitTargets } from '../store/event-columns.ts';
import { eventDateReader } from './event-dates.ts';
import { EXPORT_COLUMNS, type ExportColumnName, RELEASES } from './event-export.ts';
import { type EventRowReader, problemAt, type RowResult } from './event-row-reader.ts';
import { readCount, readLatLon } from './field-readers.ts';
import { type HxlTag, parseTag } from './hxl-tag.ts';

// The columns every plain CSV export of Tandem's has had (those up to source_text, see
// EXPORT_COLUMNS): by them a header is known as Tandem's own.
const EXPORT_NAMES = new Map<string, string>(EXPORT_COLUMNS.map(([name, hashtag]) => [name, hashtag]));
const ALWAYS_EXPORTED = EXPORT_COLUMNS.slice(
  0,
  EXPORT_COLUMNS.findIndex(([name]) => name === 'source_text') + 1,
).map(([name]) => name as string);

/**
 * Tandem's plain CSV export is its HXL export without the hashtag row. When `header` holds every
 * column such an export has always had (ALWAYS_EXPORTED, in any order, other columns allowed),
 * this is the hashtag row the HXL export would have under it, from the column names; hxlReader
 * then reads the file as it reads the HXL export: whole records back as they were, coarsened ones
 * and older exports as a partner's. Null for any other header.
 */
export function tandemExportHashtags(header: readonly string[]): string[] | null {
  const names = header.map((h) => h.trim().toLowerCase());
  if (!ALWAYS_EXPORTED.every((n) => names.includes(n))) return null;
  return names.map((n) => EXPORT_NAMES.get(n) ?? '');
}

/** Export columns an export from before them lacks, read as empty. */
const ADDED_LATER = new Set<string>(['actor1_associated', 'actor2_associated']);

/** Sources whose ids are the same in every store, so a row of theirs can stand for the stored event. */
const PORTABLE_SOURCES: readonly SourceName[] = ['acled', 'ucdp', 'hxl'];
const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'week', 'month', 'year', 'unknown'];

function isOneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}

/**
 * Where each column of Tandem's own export (EXPORT_COLUMNS) stands, its hashtags matched with
 * their attributes in any order; null when one is missing: a partner's sheet, or a Tandem export
 * from before every field was written, which is read as a partner's sheet as it always was. The
 * associated actors came last (December 2026): an export without them is still Tandem's own, its
 * events with none (-1: no column).
 */
export function tandemExportColumns(tags: (HxlTag | null)[]): Record<ExportColumnName, number> | null {
  const at = {} as Record<ExportColumnName, number>;
  for (const [name, hashtag] of EXPORT_COLUMNS) {
    const want = parseTag(hashtag) as HxlTag;
    const i = tags.findIndex(
      (t) =>
        t?.tag === want.tag &&
        t.attributes.length === want.attributes.length &&
        want.attributes.every((a) => t.attributes.includes(a)),
    );
    if (i === -1 && !ADDED_LATER.has(name)) return null;
    at[name] = i;
  }
  return at;
}

/**
 * Reads Tandem's own HXL export back into the events it was written from, every field as written:
 * a record exported whole keeps its source and source id, so importing the file into the store
 * that wrote it finds every event unchanged, and another store gets the same events (the same
 * content hash) as the original import. Text is taken exactly, less the apostrophe the export put
 * before a formula-like start. A record released as counts or blurred is no copy of the record:
 * it comes in as a partner's record (source hxl, id `source:id`), so that it never overwrites the
 * event it stands for. An incident of the mission's own is numbered by the store that recorded it
 * and is set aside: elsewhere its number could be another incident's.
 */
export function tandemExportReader(
  header: readonly string[],
  at: Record<ExportColumnName, number>,
): EventRowReader {
  const readDay = eventDateReader();
  return {
    format: 'hxl',
    columns: header.length,
    read(f: string[]): RowResult {
      const problem = (k: ExportColumnName, reason: string) => problemAt(header, at[k], reason);
      const text = (k: ExportColumnName) => (f[at[k]] ?? '').replace(FORMULA_GUARD, '');
      const count = (k: ExportColumnName, name: string, required: boolean) =>
        readCount(text(k), name, required);
      const flag = (k: ExportColumnName): boolean | string => {
        const v = text(k).trim();
        return v === '1' ? true : v === '0' ? false : `${k} "${v}" is not 1 or 0`;
      };
      const release = text('release').trim();
      if (!isOneOf(RELEASES, release))
        return problem('release', `release "${release}" is not one Tandem writes (${RELEASES.join(', ')})`);
      const source = text('source').trim();
      const id = text('source_event_id');
      if (source === 'mission')
        return problem(
          'source',
          `an incident of the mission's own (incident ${id}) is numbered by the store that recorded it, which holds it already; elsewhere that number may be another incident's, so it is not imported (to count it as a partner's record, write hxl in this column)`,
        );
      if (!isOneOf(PORTABLE_SOURCES, source))
        return problem(
          'source',
          `source "${source}" is not one a file brings in (${PORTABLE_SOURCES.join(', ')})`,
        );
      if (id.trim() === '') return problem('source_event_id', 'the event id is empty');
      const date = readDay(text('date_start'));
      if (!date.ok) return problem('date_start', date.reason);
      const end = text('date_end').trim() ? readDay(text('date_end')) : date;
      if (!end.ok) return problem('date_end', end.reason);
      if (end.date < date.date)
        return problem('date_end', `the last day ${end.date} is before the first, ${date.date}`);
      const precision = text('date_precision').trim();
      if (!isOneOf(DATE_PRECISIONS, precision))
        return problem(
          'date_precision',
          `date precision "${precision}" is not one of ${DATE_PRECISIONS.join(', ')}`,
        );
      const country = text('country');
      if (!country.trim()) return problem('country', 'country is empty');
      const point = readLatLon(text('latitude'), text('longitude'));
      if (!point.ok) return problem(point.field, point.reason);
      const geo = count('geo_precision', 'geo precision', false);
      if (!geo.ok) return problem('geo_precision', geo.reason);
      const type = parseAcledEventType(text('violence_type'));
      if (!type)
        return problem(
          'violence_type',
          `violence type "${text('violence_type')}" is not one of Tandem's (${VIOLENCE_TYPES.join(', ')})`,
        );
      const cat1 = parseActorCategory(text('actor1_category'));
      if (cat1 === undefined)
        return problem('actor1_category', `actor category "${text('actor1_category')}" is unknown`);
      const cat2 = parseActorCategory(text('actor2_category'));
      if (cat2 === undefined)
        return problem('actor2_category', `actor category "${text('actor2_category')}" is unknown`);
      const targeting = flag('civilian_targeting');
      if (typeof targeting === 'string') return problem('civilian_targeting', targeting);
      const derived = flag('civilian_targeting_derived');
      if (typeof derived === 'string') return problem('civilian_targeting_derived', derived);
      const fat = count('fatalities', 'fatalities', true);
      if (!fat.ok) return problem('fatalities', fat.reason);
      const civ = count('civilian_fatalities', 'civilian fatalities', false);
      if (!civ.ok) return problem('civilian_fatalities', civ.reason);
      const low = count('fatalities_low', 'fatalities low', false);
      if (!low.ok) return problem('fatalities_low', low.reason);
      const high = count('fatalities_high', 'fatalities high', false);
      if (!high.ok) return problem('fatalities_high', high.reason);
      const whole = release === 'whole';
      return {
        event: {
          source: whole ? source : 'hxl',
          sourceEventId: whole ? id : `${source}:${id}`,
          dateStart: date.date,
          dateEnd: end.date,
          datePrecision: precision,
          country,
          admin1: text('admin1'),
          admin2: text('admin2'),
          location: text('location'),
          latitude: point.value.latitude,
          longitude: point.value.longitude,
          geoPrecision: geo.value,
          violenceType: type,
          eventType: text('event_type'),
          subEventType: text('sub_event_type'),
          actor1: text('actor1'),
          actor1Category: cat1,
          actor2: text('actor2'),
          actor2Category: cat2,
          civilianTargeting: targeting,
          civilianTargetingDerived: derived,
          fatalities: fat.value as number,
          fatalitiesLow: low.value,
          fatalitiesHigh: high.value,
          civilianFatalities: civ.value,
          targets: splitTargets(text('targets')),
          actor1Associated: splitTargets(text('actor1_associated')),
          actor2Associated: splitTargets(text('actor2_associated')),
          notes: text('notes'),
          sourceText: text('source_text'),
        },
      };
    },
  };
}
