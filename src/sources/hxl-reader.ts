import { createHash } from 'node:crypto';
import { parseActorCategory } from '../domain/actor-category.ts';
import type { DatePrecision, SourceName } from '../domain/conflict-event.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { parseAcledEventType, VIOLENCE_TYPES, type ViolenceType } from '../domain/violence-type.ts';
import { splitTargets } from '../store/event-columns.ts';
import { deriveCivilianTargeting } from './civilian-targeting.ts';
import { eventDateReader, readEventDay } from './event-dates.ts';
import { EXPORT_COLUMNS, type ExportColumnName, FORMULA_GUARD, RELEASES } from './event-export.ts';
import { type EventRowReader, problemAt, type RowResult } from './event-row-reader.ts';
import { halfPointReason, missingHalfOfPoint, readCoordinate, readCount } from './field-readers.ts';

/** A parsed HXL hashtag: `#adm1+name` is tag `adm1` with attribute `name`. */
interface HxlTag {
  tag: string;
  attributes: string[];
}

function parseTag(cell: string): HxlTag | null {
  const s = cell.trim().toLowerCase().replace(/\s+/g, '');
  if (!s.startsWith('#')) return null;
  const [tag, ...attributes] = s.slice(1).split('+');
  return tag ? { tag, attributes } : null;
}

/** Whether a row is an HXL hashtag row: most non-empty cells are hashtags. */
export function isHashtagRow(row: readonly string[]): boolean {
  const cells = row.map((c) => c.trim()).filter(Boolean);
  return cells.length > 0 && cells.filter((c) => parseTag(c)).length >= Math.ceil(cells.length / 2);
}

/** HXL tags ACLED and humanitarian partners use for event fields, in order of preference. */
const WANT = {
  id: ['event+id', 'event+code', 'meta+id'],
  date: ['date+occurred', 'date+start', 'date'],
  dateEnd: ['date+end'],
  country: ['country+name', 'country'],
  admin1: ['adm1+name', 'adm1'],
  admin2: ['adm2+name', 'adm2'],
  location: ['loc+name', 'loc'],
  lat: ['geo+lat'],
  lon: ['geo+lon'],
  type: ['event+type'],
  subType: ['event+type+sub', 'event+subtype'],
  actor1: ['group+name+first', 'actor+name+first', 'org+perpetrator', 'group+name', 'actor+name', 'org'],
  inter1: ['group+type+first', 'actor+type+first'],
  actor2: ['group+name+second', 'actor+name+second', 'org+target'],
  inter2: ['group+type+second', 'actor+type+second'],
  civilianFatalities: ['affected+killed+civilians', 'affected+civilians+killed'],
  fatalities: ['affected+killed', 'affected+dead'],
  notes: ['description', 'meta+notes', 'description+notes'],
  source: ['meta+source', 'meta+source+name'],
} as const;

// Attributes that make a tag a part or a stamp rather than the value itself: `#date+year` is not
// the day of an event, `#date+timestamp` is when the row was written.
const NOT_THE_VALUE = new Set(['year', 'month', 'week', 'timestamp', 'time']);

/**
 * Finds the column for a wanted tag: the tag must match and carry every wanted attribute. A column
 * with exactly the wanted attributes comes first, so `#date` wins over `#date+year` wherever the
 * two stand; a column with more attributes is taken only if none of them marks a part or a stamp.
 */
function find(tags: (HxlTag | null)[], wants: readonly string[], taken: Set<number>): number {
  for (const w of wants) {
    const [tag, ...attrs] = w.split('+');
    let wider = -1;
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i];
      if (!t || taken.has(i) || t.tag !== tag) continue;
      if (!attrs.every((a) => t.attributes.includes(a))) continue;
      if (t.attributes.length === attrs.length) return i;
      const extra = t.attributes.filter((a) => !attrs.includes(a));
      if (wider === -1 && !extra.some((a) => NOT_THE_VALUE.has(a))) wider = i;
    }
    if (wider !== -1) return wider;
  }
  return -1;
}

// Words partners use for kinds of event, in English or French (read without accents), mapped
// onto Tandem's violence types: "Attaque contre des civils", "Affrontements", "Violence sexuelle".
const TYPE_WORDS: [RegExp, ViolenceType][] = [
  [
    /one-sided|against civilians|abduct|kidnap|sexual|rape|massacre|killing|looting|attack on civilians|contre (?:les |des )?(?:populations )?civil|sexuel|\bviols?\b|enlevement|meurtre|assassinat|pillage|violence unilaterale/i,
    'violence-against-civilians',
  ],
  // UCDP's words for its two conflict types, before the battle words that would take them.
  [/state-based|conflit etatique/i, 'state-based-conflict'],
  [/non-state (?:conflict|violence)|conflit non etatique/i, 'non-state-conflict'],
  [/battle|clash|armed conflict|fighting|affrontement|combat|accrochage|conflit arme/i, 'battles'],
  [
    /explos|shell|air ?strike|drone|ied|mine|remote|bombardement|frappe|engin explosif|obus|pilonnage/i,
    'explosions-remote-violence',
  ],
  [/riot|mob|emeute/i, 'riots'],
  [/protest|demonstration|manifestation/i, 'protests'],
  [/strategic|agreement|arrest|looting of property|strategique|accord/i, 'strategic-developments'],
];

function violenceTypeOf(raw: string): ViolenceType | undefined {
  const plain = raw.normalize('NFD').replace(/\p{M}/gu, '');
  return parseAcledEventType(raw) ?? TYPE_WORDS.find(([re]) => re.test(plain))?.[1];
}

/**
 * Reads any CSV whose hashtag row carries HXL tags. Columns are found by tag, not by name, so a
 * partner's own headers in any language work. Without an id column, an event's id is a hash of
 * its row, which keeps re-imports idempotent. Tandem's own export, known by its hashtags, is read
 * back whole (tandemExportReader). `names`: what a row set aside names its column by, when not
 * the hashtag (the column names of Tandem's plain CSV export, see tandemExportHashtags).
 */
export function hxlReader(
  path: string,
  hashtagRow: readonly string[],
  names: readonly string[] = hashtagRow,
): EventRowReader {
  const tags = hashtagRow.map(parseTag);
  const own = tandemExportColumns(tags);
  if (own)
    return tandemExportReader(
      names.map((h) => h.trim()),
      own,
    );
  const taken = new Set<number>();
  const c = {} as Record<keyof typeof WANT, number>;
  // Civilian fatalities first, so the plainer #affected+killed does not claim that column.
  const order: (keyof typeof WANT)[] = [
    'civilianFatalities',
    'subType',
    ...(Object.keys(WANT) as (keyof typeof WANT)[]),
  ];
  for (const k of order) {
    if (c[k] !== undefined) continue;
    c[k] = find(tags, WANT[k], taken);
    if (c[k] !== -1) taken.add(c[k]);
  }
  const missing = (['date', 'country', 'type'] as const).filter((k) => c[k] === -1);
  if (missing.length) {
    const names = { date: '#date', country: '#country+name', type: '#event+type' };
    throw new TandemError(
      'unreadable-file',
      `${path}: the HXL hashtag row has no ${missing.map((m) => names[m]).join(', ')}; Tandem needs them to place an event`,
    );
  }
  const header = names.map((h) => h.trim());
  const get = (f: string[], i: number) => (i === -1 ? '' : (f[i] ?? '').trim());
  return {
    format: 'hxl',
    columns: header.length,
    read(f: string[]): RowResult {
      const date = readEventDay(get(f, c.date));
      if (!date.ok) return problemAt(header, c.date, date.reason);
      let dateEnd = date.date;
      if (c.dateEnd !== -1 && get(f, c.dateEnd)) {
        const end = readEventDay(get(f, c.dateEnd));
        if (!end.ok) return problemAt(header, c.dateEnd, end.reason);
        dateEnd = end.date;
      }
      const country = get(f, c.country);
      if (!country) return problemAt(header, c.country, 'country is empty');
      const typeRaw = get(f, c.type);
      const type = violenceTypeOf(typeRaw);
      if (!type)
        return problemAt(
          header,
          c.type,
          `event type "${typeRaw}" is not a kind of event Tandem knows (ACLED's event types or GED's, in English or French)`,
        );
      const cat1 = parseActorCategory(get(f, c.inter1));
      if (cat1 === undefined)
        return problemAt(header, c.inter1, `actor category "${get(f, c.inter1)}" is unknown`);
      const cat2 = parseActorCategory(get(f, c.inter2));
      if (cat2 === undefined)
        return problemAt(header, c.inter2, `actor category "${get(f, c.inter2)}" is unknown`);
      // A deaths column with an empty cell is a row that does not say its deaths: set aside, as in
      // ACLED, not counted as none. A sheet without the column reports no deaths at all.
      const fat = readCount(f[c.fatalities], 'fatalities', c.fatalities !== -1);
      if (!fat.ok) return problemAt(header, c.fatalities, fat.reason);
      const civ = readCount(f[c.civilianFatalities], 'civilian fatalities', false);
      if (!civ.ok) return problemAt(header, c.civilianFatalities, civ.reason);
      const lat = readCoordinate(f[c.lat], 'latitude');
      if (!lat.ok) return problemAt(header, c.lat, lat.reason);
      const lon = readCoordinate(f[c.lon], 'longitude');
      if (!lon.ok) return problemAt(header, c.lon, lon.reason);
      const half = missingHalfOfPoint(lat.value, lon.value);
      if (half) return problemAt(header, half === 'latitude' ? c.lat : c.lon, halfPointReason(half));
      const id = get(f, c.id) || createHash('sha1').update(f.join('\u001f')).digest('hex').slice(0, 20);
      return {
        event: {
          source: 'hxl',
          sourceEventId: id,
          dateStart: date.date,
          dateEnd,
          datePrecision: 'day',
          country,
          admin1: get(f, c.admin1),
          admin2: get(f, c.admin2),
          location: get(f, c.location),
          latitude: lat.value,
          longitude: lon.value,
          geoPrecision: null,
          violenceType: type,
          eventType: typeRaw,
          subEventType: get(f, c.subType),
          actor1: get(f, c.actor1),
          actor1Category: cat1,
          actor2: get(f, c.actor2),
          actor2Category: cat2,
          civilianTargeting: deriveCivilianTargeting(type, cat2),
          civilianTargetingDerived: true,
          fatalities: fat.value ?? 0,
          fatalitiesLow: null,
          fatalitiesHigh: null,
          civilianFatalities: civ.value,
          targets: [],
          notes: get(f, c.notes),
          sourceText: get(f, c.source),
        },
      };
    },
  };
}

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
function tandemExportColumns(tags: (HxlTag | null)[]): Record<ExportColumnName, number> | null {
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
function tandemExportReader(header: readonly string[], at: Record<ExportColumnName, number>): EventRowReader {
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
      const lat = readCoordinate(text('latitude'), 'latitude');
      if (!lat.ok) return problem('latitude', lat.reason);
      const lon = readCoordinate(text('longitude'), 'longitude');
      if (!lon.ok) return problem('longitude', lon.reason);
      const half = missingHalfOfPoint(lat.value, lon.value);
      if (half) return problem(half, halfPointReason(half));
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
          latitude: lat.value,
          longitude: lon.value,
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
