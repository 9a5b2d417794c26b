import { createHash } from 'node:crypto';
import {
  type ActorCategory,
  CATEGORY_WORDS_HINT,
  categoryFromName,
  parseActorCategory,
} from '../domain/actor-category.ts';
import { storedCountryName } from '../domain/country-names.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { ViolenceType } from '../domain/violence-type.ts';
import { acledTargets } from './acled-reader.ts';
import { deriveCivilianTargeting } from './civilian-targeting.ts';
import { eventDateReader } from './event-dates.ts';
import { type EventRowReader, problemAt, type RowResult } from './event-row-reader.ts';
import { readCount, readLatLon, readPoint } from './field-readers.ts';
import { gedAreaName } from './ged-area-name.ts';
import { deathsBreakdownColumns, isBreakdownAttribute } from './hxl-deaths-breakdown.ts';
import { type HxlTag, parseTag } from './hxl-tag.ts';
import { violenceTypeOfWords } from './partner-event-words.ts';
import { tandemExportColumns, tandemExportReader } from './tandem-export-reader.ts';

/** HXL tags ACLED and humanitarian partners use for event fields, in order of preference. */
const WANT = {
  id: ['event+id', 'event+code', 'meta+id'],
  date: ['date+occurred', 'date+start', 'date'],
  dateEnd: ['date+end'],
  // A sheet that gives the country only by its code (#country+code, MLI) is read by it too.
  country: ['country+name', 'country', 'country+code'],
  admin1: ['adm1+name', 'adm1'],
  admin2: ['adm2+name', 'adm2'],
  location: ['loc+name', 'loc'],
  lat: ['geo+lat'],
  lon: ['geo+lon'],
  // Latitude and longitude in one cell, where a sheet has no #geo+lat and #geo+lon.
  point: ['geo+coord'],
  type: ['event+type'],
  subType: ['event+type+sub', 'event+subtype'],
  // Not a bare #group+name: HXL's #group is a population group (IDPs, women and girls), the people
  // harmed in a partner's sheet, read as targets below; nor a bare #org: who reported, the source.
  actor1: ['group+name+first', 'actor+name+first', 'org+perpetrator', 'group+perpetrator', 'actor+name'],
  // An actor's category: ACLED's inter code (1–8) or its words, or Tandem's id. Without one (as in
  // ACLED's own HXL files, which tag no inter column) the category is inferred from the name.
  inter1: ['group+type+first', 'actor+type+first', 'group+category+first', 'actor+category+first'],
  actor2: ['group+name+second', 'actor+name+second', 'org+target'],
  inter2: ['group+type+second', 'actor+type+second', 'group+category+second', 'actor+category+second'],
  civilianFatalities: ['affected+killed+civilians', 'affected+civilians+killed'],
  // Who was harmed, '; ' between groups, as Tandem's own export writes them.
  targets: ['group+name+targets', 'group+targets', 'group+name+targeted', 'group+targeted'],
  fatalities: ['affected+killed', 'affected+dead'],
  notes: ['description', 'meta+notes', 'description+notes'],
  source: ['meta+source', 'meta+source+name'],
} as const;

// Attributes that make a tag a part, a stamp or a code rather than the value itself: `#date+year`
// is not the day of an event, `#date+timestamp` is when the row was written, and `#adm1+code`
// (a p-code such as ML04) or `#country+code` is not the area's or the country's name.
// So are the sides of an event: `#group+name+second` is not the first actor, nor is an associated
// actor (`+assoc`) the actor itself; a tag that wants a side names it.
const NOT_THE_VALUE = new Set([
  'year',
  'month',
  'week',
  'timestamp',
  'time',
  'code',
  'first',
  'second',
  'assoc',
  'associated',
]);

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
      // Nor is one group's count (#affected+killed+f) the count of all (hxl-deaths-breakdown.ts).
      if (wider === -1 && !extra.some((a) => NOT_THE_VALUE.has(a) || isBreakdownAttribute(a))) wider = i;
    }
    if (wider !== -1) return wider;
  }
  return -1;
}

/**
 * The deaths of a row whose sheet gives them only broken down: the sum of the parts given, an
 * empty part read as none; set aside when every part is empty (the row does not say its deaths).
 */
function sumOfParts(
  f: string[],
  parts: readonly number[],
): { ok: true; value: number } | { ok: false; reason: string; column: number } {
  let sum = 0;
  let given = 0;
  for (const i of parts) {
    const n = readCount(f[i], 'deaths', false);
    if (!n.ok) return { ok: false, reason: n.reason, column: i };
    if (n.value !== null) {
      sum += n.value;
      given++;
    }
  }
  if (!given)
    return {
      ok: false,
      reason:
        'deaths are empty in every column that breaks them down; expected a whole number of 0 or more in at least one',
      column: parts[0]!,
    };
  return { ok: true, value: sum };
}

/**
 * Attributes of a column that restates what another column gives (the year of the date, a p-code
 * of a named area, the time a row was written, an associated actor): not worth saying it is unread.
 */
const RESTATED = new Set(['year', 'month', 'week', 'timestamp', 'time', 'code', 'assoc', 'associated']);

/** The organisation that reported a row: a bare #org, or one marked as reporting or as the source. */
const isReportingOrg = (t: HxlTag | null) =>
  t?.tag === 'org' && t.attributes.every((a) => ['name', 'reporting', 'reporter', 'source'].includes(a));

const isBareGroup = (t: HxlTag | null) =>
  t?.tag === 'group' && t.attributes.every((a) => a === 'name' || a === 'affected');

/** A second actor that names civilians in general, not a group of them ("Civilians (Mali)"). */
const CIVILIANS_IN_GENERAL =
  /^(?:the )?(?:civilians?|civils?|civilian population|population civile|populations civiles|unarmed civilians)(?:\s*\([^)]*\))?$/i;

/** Whether a targets column names civilians in general ("Civilians", "Civils (Mali)") among its groups. */
function harmsCiviliansInGeneral(listed: string): boolean {
  return listed
    .split(/[;,]/)
    .some((g) => CIVILIANS_IN_GENERAL.test(g.trim().normalize('NFD').replace(/\p{M}/gu, '')));
}

/**
 * Who was harmed, in events where someone is (political violence and riots), as ACLED's targets
 * are read: the groups of a targets column, and a second actor that is civilians and names a
 * group of them, as partners write it where ACLED would write "Civilians (Sudan)" and list the
 * group beside it ("Women (Sudan)", "Masalit Ethnic Group (Sudan)", "Femmes (Mali)").
 */
function hxlTargets(
  type: ViolenceType,
  actor2: string,
  category2: ActorCategory | null,
  listed: string,
  country: string,
): string[] {
  const plain = actor2.normalize('NFD').replace(/\p{M}/gu, '');
  const named = category2 === 'civilians' && !CIVILIANS_IN_GENERAL.test(plain) ? actor2 : '';
  // Read as ACLED's civilian sides' associated actors are: only where someone is harmed.
  return acledTargets(
    type,
    [
      { category: 'civilians', associated: listed },
      { category: 'civilians', associated: named, actor: category2 === 'civilians' ? actor2 : '' },
    ],
    country,
  );
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
  titles: readonly string[] = [],
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
    'targets',
    ...(Object.keys(WANT) as (keyof typeof WANT)[]),
  ];
  for (const k of order) {
    if (c[k] !== undefined) continue;
    c[k] = find(tags, WANT[k], taken);
    if (c[k] !== -1) taken.add(c[k]);
  }
  // A partner's bare #group+name (or #group) names the population group harmed: the targets.
  if (c.targets === -1) c.targets = tags.findIndex((t, i) => !taken.has(i) && isBareGroup(t));
  if (c.targets !== -1) taken.add(c.targets);
  // Without #meta+source, the organisation that reported the row (#org, #org+reporting) is its source.
  if (c.source === -1) c.source = tags.findIndex((t, i) => !taken.has(i) && isReportingOrg(t));
  if (c.source !== -1) taken.add(c.source);
  const missing = (['date', 'country', 'type'] as const).filter((k) => c[k] === -1);
  // HDX's tables of counts (ACLED's events and deaths per area and month): no row is one event.
  if (missing.length && tags.some((t) => t?.tag === 'indicator' && t.attributes.includes('events')))
    throw new TandemError(
      'unreadable-file',
      `${path}: this sheet counts events per area and period (#indicator+events), and Tandem imports one event per row; import the events themselves (ACLED's or UCDP's export, or a partner's incident sheet)`,
    );
  if (missing.length) {
    const names = { date: '#date', country: '#country+name', type: '#event+type' };
    throw new TandemError(
      'unreadable-file',
      `${path}: the HXL hashtag row has no ${missing.map((m) => names[m]).join(', ')}; Tandem needs them to place an event`,
    );
  }
  // Deaths given only by sex or age: their sum, where the columns cannot overlap.
  const deathsParts = c.fatalities === -1 ? deathsBreakdownColumns(path, tags, titles) : [];
  const header = names.map((h) => h.trim());
  for (const i of deathsParts) taken.add(i);
  const unreadColumns = tags.flatMap((t, i) => {
    if (!t || taken.has(i) || t.attributes.some((a) => RESTATED.has(a))) return [];
    const title = titles[i]?.trim();
    return [title ? `${hashtagRow[i]!.trim()} (${title})` : hashtagRow[i]!.trim()];
  });
  const get = (f: string[], i: number) => (i === -1 ? '' : (f[i] ?? '').trim());
  const readDay = eventDateReader(path);
  /** The row's point: from #geo+lat and #geo+lon, or from #geo+coord where the sheet has neither. */
  const readPointOf = (
    f: string[],
  ):
    | { ok: true; value: { latitude: number | null; longitude: number | null } }
    | { ok: false; reason: string; column: number } => {
    if (c.lat === -1 && c.lon === -1 && c.point !== -1) {
      const p = readPoint(f[c.point]);
      return p.ok ? p : { ...p, column: c.point };
    }
    const p = readLatLon(f[c.lat], f[c.lon]);
    return p.ok ? p : { ...p, column: p.field === 'latitude' ? c.lat : c.lon };
  };
  return {
    format: 'hxl',
    columns: header.length,
    unreadColumns,
    read(f: string[], line: number): RowResult {
      const date = readDay(get(f, c.date), line, { index: c.date, name: header[c.date] ?? '#date' });
      if (!date.ok) return problemAt(header, c.date, date.reason);
      let dateEnd = date.date;
      if (c.dateEnd !== -1 && get(f, c.dateEnd)) {
        const end = readDay(get(f, c.dateEnd), line, {
          index: c.dateEnd,
          name: header[c.dateEnd] ?? '#date+end',
        });
        if (!end.ok) return problemAt(header, c.dateEnd, end.reason);
        dateEnd = end.date;
      }
      const written = get(f, c.country);
      if (!written) return problemAt(header, c.country, 'country is empty');
      const country = storedCountryName(written);
      const typeRaw = get(f, c.type);
      const type = violenceTypeOfWords(typeRaw);
      if (!type)
        return problemAt(
          header,
          c.type,
          `event type "${typeRaw}" is not a kind of event Tandem knows (ACLED's event types or GED's, in English or French)`,
        );
      // The sheet's own category for an actor when it gives one; else what the name says, as
      // for GED ("Government of Sudan" in Sudan is state forces, "Civilians" civilians).
      const actor1 = get(f, c.actor1);
      const actor2 = get(f, c.actor2);
      const category = (i: number, name: string, side: 1 | 2): ActorCategory | null | undefined => {
        const given = parseActorCategory(get(f, i));
        return given === null ? categoryFromName(name, { violenceType: type, side, country }) : given;
      };
      const cat1 = category(c.inter1, actor1, 1);
      if (cat1 === undefined)
        return problemAt(
          header,
          c.inter1,
          `actor category "${get(f, c.inter1)}" is unknown; expected ${CATEGORY_WORDS_HINT}`,
        );
      const cat2 = category(c.inter2, actor2, 2);
      if (cat2 === undefined)
        return problemAt(
          header,
          c.inter2,
          `actor category "${get(f, c.inter2)}" is unknown; expected ${CATEGORY_WORDS_HINT}`,
        );
      // A deaths column with an empty cell is a row that does not say its deaths: set aside, as in
      // ACLED, not counted as none. A sheet without the column reports no deaths at all.
      const fat: { ok: true; value: number | null } | { ok: false; reason: string; column?: number } =
        deathsParts.length
          ? sumOfParts(f, deathsParts)
          : readCount(f[c.fatalities], 'fatalities', c.fatalities !== -1);
      if (!fat.ok) return problemAt(header, fat.column ?? c.fatalities, fat.reason);
      const civ = readCount(f[c.civilianFatalities], 'civilian fatalities', false);
      if (!civ.ok) return problemAt(header, c.civilianFatalities, civ.reason);
      const point = readPointOf(f);
      if (!point.ok) return problemAt(header, point.column, point.reason);
      const { latitude, longitude } = point.value;
      const id = get(f, c.id) || createHash('sha1').update(f.join('\u001f')).digest('hex').slice(0, 20);
      return {
        event: {
          source: 'hxl',
          sourceEventId: id,
          dateStart: date.date,
          dateEnd,
          datePrecision: 'day',
          country,
          // "West Darfur state" is "West Darfur", as the GED reader, ACLED and the maps write it.
          admin1: gedAreaName(get(f, c.admin1)),
          admin2: get(f, c.admin2),
          location: get(f, c.location),
          latitude,
          longitude,
          geoPrecision: null,
          violenceType: type,
          eventType: typeRaw,
          subEventType: get(f, c.subType),
          actor1,
          actor1Category: cat1,
          actor2,
          actor2Category: cat2,
          // A sheet with no second actor names the people harmed in its targets column: civilians
          // there are the explosion's or the clash's target, as a civilian second actor would be.
          civilianTargeting: deriveCivilianTargeting(
            type,
            cat2 ?? (!actor2 && harmsCiviliansInGeneral(get(f, c.targets)) ? 'civilians' : null),
          ),
          civilianTargetingDerived: true,
          fatalities: fat.value ?? 0,
          fatalitiesLow: null,
          fatalitiesHigh: null,
          civilianFatalities: civ.value,
          targets: hxlTargets(type, actor2, cat2, get(f, c.targets), country),
          notes: get(f, c.notes),
          sourceText: get(f, c.source),
        },
      };
    },
  };
}
