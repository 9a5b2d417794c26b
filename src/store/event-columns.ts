import { hash } from 'node:crypto';
import type { ConflictEvent } from '../domain/conflict-event.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';

// The event columns, named once here: the writers, the staging table, the hash, the packed rows
// and the look-ups all derive theirs from EVENT_COLUMNS and STORED_KEY_COLUMNS.

/** What the importer needs to know of an event already stored: its hash and its aggregate keys. */
export interface StoredEventKeys {
  id: number;
  content_hash: string;
  country: string;
  admin1: string;
  admin2: string;
  month: string;
  violence_type: string;
  actor1: string;
  actor1_category: string | null;
  actor2: string;
  actor2_category: string | null;
  actor1_associated: string;
  actor2_associated: string;
  fatalities: number;
  civilian_fatalities: number | null;
  civilian_targeting: number;
  civilian_targeting_derived: number;
  sensitivity: string;
}

/**
 * An event ready to write: its column values in EVENT_COLUMNS order, with the content hash in
 * place and the import id left 0 for the writer to fill. Plain arrays, so a worker thread can
 * prepare them and hand them over cheaply.
 */
export type EventValues = (string | number | null)[];

/** The columns of StoredEventKeys: what a look-up of a stored event reads. */
export const STORED_KEY_COLUMNS = [
  'id',
  'content_hash',
  'country',
  'admin1',
  'admin2',
  'month',
  'violence_type',
  'actor1',
  'actor1_category',
  'actor2',
  'actor2_category',
  'actor1_associated',
  'actor2_associated',
  'fatalities',
  'civilian_fatalities',
  'civilian_targeting',
  'civilian_targeting_derived',
  'sensitivity',
] as const;
export const EVENT_COLUMNS = [
  'source',
  'source_event_id',
  'content_hash',
  'import_id',
  'date_start',
  'date_end',
  'date_precision',
  'month',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'violence_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor1_category',
  'actor2',
  'actor2_category',
  'civilian_targeting',
  'civilian_targeting_derived',
  'fatalities',
  'fatalities_low',
  'fatalities_high',
  'civilian_fatalities',
  'targets',
  'actor1_associated',
  'actor2_associated',
  'notes',
  'source_text',
  'sensitivity',
] as const;

/** Where the importer finds what it needs in an EventValues row. */
export const COL = Object.fromEntries(EVENT_COLUMNS.map((c, i) => [c, i])) as Record<
  (typeof EVENT_COLUMNS)[number],
  number
>;

/**
 * An event's column values, with its content hash (import id still 0). The hash is of the
 * normalised values, not the raw row, so the same event read from CSV or GeoJSON is the same.
 */
export function eventValues(e: ConflictEvent, sensitivity: Sensitivity = 'public'): EventValues {
  const v: EventValues = [
    e.source,
    e.sourceEventId,
    '',
    0,
    e.dateStart,
    e.dateEnd,
    e.datePrecision,
    e.dateStart.slice(0, 7),
    e.country,
    e.admin1,
    e.admin2,
    e.location,
    e.latitude,
    e.longitude,
    e.geoPrecision,
    e.violenceType,
    e.eventType,
    e.subEventType,
    e.actor1,
    e.actor1Category,
    e.actor2,
    e.actor2Category,
    e.civilianTargeting ? 1 : 0,
    e.civilianTargetingDerived ? 1 : 0,
    e.fatalities,
    e.fatalitiesLow,
    e.fatalitiesHigh,
    e.civilianFatalities,
    e.targets.join(TARGET_SEPARATOR),
    (e.actor1Associated ?? []).join(TARGET_SEPARATOR),
    (e.actor2Associated ?? []).join(TARGET_SEPARATOR),
    e.notes,
    e.sourceText,
    sensitivity,
  ];
  v[COL.content_hash] = contentHash(v);
  return v;
}

/** How an event's targets (and each side's associated actors) are joined in one column: ACLED's own separator. */
export const TARGET_SEPARATOR = '; ';

/** The targets (or a side's associated actors) stored in one column, as a list. */
export function splitTargets(stored: string): string[] {
  return stored ? stored.split(TARGET_SEPARATOR) : [];
}

/** Marks the hashes of contentHash(); a stored hash without it is the older MD5 of the joined row. */
const HASH_VERSION = 'v2:';
const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);

/**
 * A 64-bit hash of a row's values (all but the hash itself and the import id), to tell a changed
 * row from an unchanged one. Not cryptographic: it only has to notice edits, and computed in
 * place over the values it costs a fraction of joining the row into one string for MD5.
 */
export function contentHash(v: EventValues): string {
  let h1 = 0x2f6b9a31;
  let h2 = 0x6c8e9cf5;
  for (let i = 0; i < v.length; i++) {
    if (i === COL.content_hash || i === COL.import_id) continue;
    // No targets hashes as before the column existed, so a store's older rows stay unchanged.
    if (i === COL.targets && v[i] === '') continue;
    // Nor do no associated actors; named ones are marked with their column, so that a name moved
    // between the targets and a side's associated actors is a change.
    if (i === COL.actor1_associated || i === COL.actor2_associated) {
      if (v[i] === '') continue;
      h1 = Math.imul(h1 ^ (0x40000 + i), 0x9e3779b1);
      h2 = Math.imul(h2 ^ (0x40000 + i), 0x5f356495);
    }
    const x = v[i];
    // Each value adds a tag for its type and, for text, its length, so values cannot run together.
    if (typeof x === 'string') {
      h1 = Math.imul(h1 ^ (x.length + 0x10000), 0x9e3779b1);
      h2 = Math.imul(h2 ^ (x.length + 0x10000), 0x5f356495);
      // Two UTF-16 code units a step (the length is already in, so an odd last unit is safe).
      // A multiplication carries bits only upwards; the rotation brings the high ones back down.
      let j = 0;
      for (; j + 1 < x.length; j += 2) {
        const c = x.charCodeAt(j) | (x.charCodeAt(j + 1) << 16);
        h1 = Math.imul(h1 ^ c, 0x9e3779b1);
        h2 = Math.imul(h2 ^ c, 0x5f356495);
        h2 = (h2 << 15) | (h2 >>> 17);
      }
      if (j < x.length) {
        const c = x.charCodeAt(j);
        h1 = Math.imul(h1 ^ c, 0x9e3779b1);
        h2 = Math.imul(h2 ^ c, 0x5f356495);
      }
    } else if (typeof x === 'number') {
      f64[0] = x;
      h1 = Math.imul(h1 ^ 0x20000, 0x9e3779b1);
      h2 = Math.imul(h2 ^ 0x20000, 0x5f356495);
      h1 = Math.imul(h1 ^ f64Words[0], 0x9e3779b1);
      h2 = Math.imul(h2 ^ f64Words[0], 0x5f356495);
      h1 = Math.imul(h1 ^ f64Words[1], 0x9e3779b1);
      h2 = Math.imul(h2 ^ f64Words[1], 0x5f356495);
    } else {
      h1 = Math.imul(h1 ^ 0x30000, 0x9e3779b1);
      h2 = Math.imul(h2 ^ 0x30000, 0x5f356495);
    }
  }
  // Final avalanche, each lane mixed with the other.
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 ^= h2 >>> 16;
  return `${HASH_VERSION}${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}

/** The hash stores written before contentHash() existed hold: MD5 of the values joined. */
export function legacyContentHash(v: EventValues): string {
  const w = v.slice();
  w[COL.content_hash] = '';
  w[COL.import_id] = 0;
  // Those stores had no targets or associated actors columns: an event without them joins as it
  // did then (taken out from the last, so that the earlier indexes hold).
  for (const c of [COL.actor2_associated, COL.actor1_associated, COL.targets])
    if (w[c] === '') w.splice(c, 1);
  return hash('md5', w.join('\u001f'));
}

/**
 * Whether a stored event's hash says it holds the same content as `v`. Events stored with the
 * older MD5 hash are compared by that hash, so re-importing an older store's file still finds its
 * rows unchanged.
 */
export function sameContent(storedHash: string, v: EventValues): boolean {
  if (storedHash.startsWith(HASH_VERSION)) return storedHash === v[COL.content_hash];
  return storedHash === legacyContentHash(v);
}

/**
 * The categories an event's file may leave empty and the actor register fills in after import:
 * a file that leaves one empty says nothing against the one stored.
 */
export const REGISTER_FILLED_COLUMNS = ['actor1_category', 'actor2_category'] as const;

/**
 * Whether a stored event holds what `v` holds though their hashes differ: every column equal
 * (as stored: SQLite keeps 3 and "3" alike in a typed column), but the categories the register
 * fills where `v` leaves them empty. A store's GED events, their categories given by the register,
 * came back "updated" from Tandem's own export of them, which writes those categories down (and
 * the file back again): a thousand changes reported where nothing had changed.
 */
export function sameStoredValues(stored: Readonly<Record<string, unknown>>, v: EventValues): boolean {
  for (let i = 0; i < EVENT_COLUMNS.length; i++) {
    const col = EVENT_COLUMNS[i]!;
    if (i === COL.content_hash || i === COL.import_id) continue;
    const a = stored[col];
    const b = v[i];
    if ((REGISTER_FILLED_COLUMNS as readonly string[]).includes(col) && b === null) continue;
    if (a === b) continue;
    if (a === null || a === undefined || b === null || b === undefined || String(a) !== String(b))
      return false;
  }
  return true;
}
