import type { Kysely, Selectable } from 'kysely';
import type { ActorCategory } from '../domain/actor-category.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { currentDataKey } from '../security/data-keys.ts';
import { type DataKey, isSealed, openField, sealField } from '../security/field-cipher.ts';
import { missingKeyAdvice } from '../security/master-key.ts';
import type { Database, IncidentTable } from '../store/schema.ts';
import type { IncidentInput } from './incident-operations.ts';

/**
 * How an incident is kept in its table: the fields that count in plain, the ones that identify
 * people or places (narrative, source, place name, precise coordinates) sealed under the data key
 * when the incident is not public, each bound to its incident and field so that a sealed value
 * copied elsewhere does not open.
 */

/** The data key, or a clear refusal: a non-public record is never stored in plain text. */
export async function keyFor(db: Kysely<Database>, sensitivity: string): Promise<DataKey | null> {
  if (sensitivity === 'public') return null;
  const key = await currentDataKey(db);
  if (!key) {
    throw new TandemError(
      'unavailable',
      `non-public incidents are stored encrypted, and there is ${missingKeyAdvice()}`,
    );
  }
  return key;
}

/** Seals a protected value of a non-public incident under `context`; a public one is kept as written. */
export function seal(key: DataKey | null, value: string, context: string): string {
  return key ? sealField(key, value, context) : value;
}

/** Opens a value seal() wrote; a plain one is returned as it is. */
export function open(key: DataKey | null, stored: string, context: string): string {
  if (!isSealed(stored)) return stored;
  if (!key)
    throw new TandemError('unavailable', `this incident is encrypted, and there is ${missingKeyAdvice()}`);
  return openField(key, stored, context);
}

const round = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 10) / 10;

/** The columns that hold an incident's fields (not who created it, nor when). */
export type IncidentColumns = Omit<IncidentTable, 'id' | 'created_at' | 'created_by' | 'updated_at'>;

/** An incident's columns, its protected fields sealed for incident `id` when `key` is given. */
export function incidentColumns(input: IncidentInput, id: number, key: DataKey | null): IncidentColumns {
  const coordinates =
    input.latitude === null || input.latitude === undefined ? '' : `${input.latitude},${input.longitude}`;
  const at = (field: string) => `incident:${id}:${field}`;
  return {
    occurred_on: input.occurredOn,
    time: input.time ?? null,
    date_precision: input.datePrecision,
    country: input.country,
    admin1: input.admin1,
    admin2: input.admin2,
    coarse_latitude: round(input.latitude),
    coarse_longitude: round(input.longitude),
    geo_precision: input.geoPrecision,
    category: input.category,
    perpetrator: input.perpetrator?.name ?? '',
    perpetrator_category: input.perpetrator?.category ?? null,
    victims: JSON.stringify(input.victims),
    killed: input.killed,
    injured: input.injured,
    targeted_groups: JSON.stringify(input.targetedGroups),
    reliability: input.reliability,
    credibility: input.credibility,
    verification: input.verification,
    office: input.office,
    sensitivity: input.sensitivity,
    narrative_sealed: seal(key, input.narrative, at('narrative')),
    source_type_sealed: seal(key, input.sourceType, at('sourceType')),
    place_sealed: seal(key, input.place, at('place')),
    coordinates_sealed: coordinates ? seal(key, coordinates, at('coordinates')) : '',
  };
}

/** The fields of an incident that identify people or places: who may not read it in full gets none. */
export const PROTECTED_INCIDENT_FIELDS = [
  'narrative',
  'sourceType',
  'place',
  'latitude',
  'longitude',
  'admin2',
  'perpetrator',
  'targetedGroups',
] as const;
export type ProtectedIncidentField = (typeof PROTECTED_INCIDENT_FIELDS)[number];

/** A stored incident's fields that identify no one, read without the key. */
export function openIncidentFields(r: Selectable<IncidentTable>): Omit<
  IncidentInput,
  ProtectedIncidentField
> & {
  perpetratorCategory: ActorCategory | undefined;
} {
  return {
    occurredOn: r.occurred_on,
    ...(r.time ? { time: r.time } : {}),
    datePrecision: r.date_precision as IncidentInput['datePrecision'],
    country: r.country,
    admin1: r.admin1,
    geoPrecision: Number(r.geo_precision),
    category: r.category,
    perpetratorCategory: (r.perpetrator_category ?? undefined) as ActorCategory | undefined,
    victims: JSON.parse(r.victims),
    killed: Number(r.killed),
    injured: Number(r.injured),
    reliability: r.reliability as IncidentInput['reliability'],
    credibility: Number(r.credibility),
    verification: r.verification as IncidentInput['verification'],
    office: r.office,
    sensitivity: r.sensitivity as IncidentInput['sensitivity'],
  };
}

/** An incident as stored: its coordinates known, or null. */
export type StoredIncident = Omit<IncidentInput, 'latitude' | 'longitude'> & {
  latitude: number | null;
  longitude: number | null;
};

/** A stored incident read back in full, its sealed fields opened with `key`. */
export function storedIncident(r: Selectable<IncidentTable>, key: DataKey | null): StoredIncident {
  const id = Number(r.id);
  const at = (field: string) => `incident:${id}:${field}`;
  const [latitude, longitude] = r.coordinates_sealed
    ? open(key, r.coordinates_sealed, at('coordinates')).split(',').map(Number)
    : [null, null];
  const { perpetratorCategory, ...fields } = openIncidentFields(r);
  return {
    ...fields,
    admin2: r.admin2,
    place: open(key, r.place_sealed, at('place')),
    latitude: latitude ?? null,
    longitude: longitude ?? null,
    perpetrator:
      r.perpetrator || perpetratorCategory ? { name: r.perpetrator, category: perpetratorCategory } : null,
    targetedGroups: JSON.parse(r.targeted_groups),
    sourceType: open(key, r.source_type_sealed, at('sourceType')),
    narrative: open(key, r.narrative_sealed, at('narrative')),
  };
}
