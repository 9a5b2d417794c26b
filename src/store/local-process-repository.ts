import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { LocalProcess } from '../domain/local-process.ts';
import { splitTargets } from './event-columns.ts';
import type { LocalProcessTable } from './participation-schema.ts';
import type { Database } from './schema.ts';

/** What an import did: new records, changed ones, ones already stored as they are. */
export interface LocalImportCounts {
  imported: number;
  updated: number;
  unchanged: number;
}

/**
 * A hash of every field of the record, so that a re-import tells a change from a repeat. A public
 * record is hashed without its sensitivity, as records were before migration 025 gave them one,
 * so that importing the same file again after the upgrade still changes nothing.
 */
function contentHash(p: LocalProcess): string {
  const { sensitivity, ...rest } = p;
  return createHash('sha256')
    .update(JSON.stringify(sensitivity === 'public' ? rest : p))
    .digest('hex');
}

function toRow(p: LocalProcess, by: string, at: string): LocalProcessTable {
  return {
    id: p.id,
    source: p.source,
    name: p.name,
    kind: p.kind,
    date: p.date,
    country: p.country,
    admin1: p.admin1,
    admin1_source: p.admin1Source,
    place: p.place,
    latitude: p.latitude,
    longitude: p.longitude,
    parties: JSON.stringify(p.parties),
    mediators: JSON.stringify(p.mediators),
    third_parties: JSON.stringify(p.thirdParties),
    issues: JSON.stringify(p.issues),
    office: p.office,
    status: p.status,
    national_link: p.nationalLink,
    national_link_note: p.nationalLinkNote,
    objectives: JSON.stringify(p.objectives),
    meetings: JSON.stringify(p.meetings),
    sensitivity: p.sensitivity,
    content_hash: contentHash(p),
    imported_at: at,
    imported_by: by,
  };
}

function toProcess(r: Selectable<LocalProcessTable>): LocalProcess {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as LocalProcess['kind'],
    date: r.date,
    country: r.country,
    admin1: r.admin1,
    admin1Source: r.admin1_source as LocalProcess['admin1Source'],
    place: r.place,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    parties: JSON.parse(r.parties),
    mediators: JSON.parse(r.mediators),
    thirdParties: JSON.parse(r.third_parties),
    issues: JSON.parse(r.issues),
    office: r.office,
    status: r.status as LocalProcess['status'],
    nationalLink: r.national_link as LocalProcess['nationalLink'],
    nationalLinkNote: r.national_link_note,
    objectives: JSON.parse(r.objectives),
    meetings: JSON.parse(r.meetings),
    source: r.source as LocalProcess['source'],
    sensitivity: r.sensitivity as LocalProcess['sensitivity'],
  };
}

/** What decides who may change a stored local process: its level and the office that follows it. */
export interface StoredLocalProcess {
  id: string;
  sensitivity: string;
  office: string;
}

/** What an import would do to one record of its file. */
export interface LocalProcessWrite {
  process: LocalProcess;
  /** The record as stored before it (or as an earlier record of the same file left it); null when new. */
  stored: StoredLocalProcess | null;
  change: 'created' | 'edited' | 'unchanged';
  /** For an edit, the fields whose value changes (names only, never values). */
  fields: string[];
}

/** What the caller decides around the writes, in the import's transaction. */
export interface LocalProcessSaveHooks {
  /** Given every write before anything is written; throws to refuse the import as a whole. */
  check?(writes: readonly LocalProcessWrite[]): void;
  /** Runs after the writes, before the commit (the audit of what was created or changed). */
  written?(trx: Kysely<Database>, writes: readonly LocalProcessWrite[]): Promise<void>;
}

/** The fields of a process whose value differs between two versions of it. */
function changedFields(before: LocalProcess, after: LocalProcess): string[] {
  return (Object.keys(after) as (keyof LocalProcess)[]).filter(
    (f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null),
  );
}

/**
 * Stores local processes in one transaction: a new id is inserted, a known id whose content
 * changed is replaced, a known id with the same content is left alone. Every write is first
 * shown to `hooks.check`, which may refuse the whole import before anything is written (who may
 * change what is the app's to decide: access-control.ts), and `hooks.written` runs after them.
 */
export async function saveLocalProcesses(
  db: Kysely<Database>,
  processes: readonly LocalProcess[],
  by: string,
  hooks: LocalProcessSaveHooks = {},
): Promise<LocalImportCounts> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const counts: LocalImportCounts = { imported: 0, updated: 0, unchanged: 0 };
    const ids = processes.map((p) => p.id);
    const known = new Map<string, { hash: string; process: LocalProcess }>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx
        .selectFrom('local_processes')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const r of rows) known.set(r.id, { hash: r.content_hash, process: toProcess(r) });
    }
    const writes: (LocalProcessWrite & { row: LocalProcessTable })[] = [];
    for (const p of processes) {
      const row = toRow(p, by, at);
      const before = known.get(p.id);
      const stored = before
        ? { id: p.id, sensitivity: before.process.sensitivity, office: before.process.office }
        : null;
      if (!before) writes.push({ process: p, stored, change: 'created', fields: [], row });
      else if (before.hash === row.content_hash)
        writes.push({ process: p, stored, change: 'unchanged', fields: [], row });
      else
        writes.push({ process: p, stored, change: 'edited', fields: changedFields(before.process, p), row });
      known.set(p.id, { hash: row.content_hash, process: p });
    }
    hooks.check?.(writes);
    for (const w of writes) {
      if (w.change === 'unchanged') counts.unchanged++;
      else if (w.change === 'created') {
        await trx.insertInto('local_processes').values(w.row).execute();
        counts.imported++;
      } else {
        const { id, ...rest } = w.row;
        await trx.updateTable('local_processes').set(rest).where('id', '=', id).execute();
        counts.updated++;
      }
    }
    await hooks.written?.(trx, writes);
    return counts;
  });
}

/** The local processes of a country (all when none is named), oldest first. */
export async function findLocalProcesses(
  db: Kysely<Database>,
  filter: { country?: string; admin1?: string; ids?: readonly string[] } = {},
): Promise<LocalProcess[]> {
  let q = db.selectFrom('local_processes').selectAll().orderBy('date').orderBy('id');
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.admin1) q = q.where('admin1', '=', filter.admin1);
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? [...filter.ids] : ['\u0000']);
  return (await q.execute()).map(toProcess);
}

/** The admin-1 polygons loaded for a country, parsed, for placing points in them. */
export async function areaPolygons(
  db: Kysely<Database>,
  country: string,
): Promise<{ name: string; geometry: { type: string; coordinates: unknown } }[]> {
  const rows = await db
    .selectFrom('areas')
    .select(['admin1', 'geometry'])
    .where('country', '=', country)
    .where('admin2', '=', '')
    .where('geometry', 'is not', null)
    .execute();
  return rows.map((r) => ({ name: r.admin1, geometry: JSON.parse(r.geometry as string) }));
}

/** An event near a place, as the local-process check counts and lists it. */
export interface NearbyEvent {
  id: number;
  source: string;
  sourceEventId: string;
  date: string;
  country: string;
  admin1: string;
  actor1: string;
  actor2: string;
  fatalities: number;
  latitude: number;
  longitude: number;
  sensitivity: string;
}

const NEARBY_COLUMNS = [
  'id',
  'source',
  'source_event_id',
  'date_start',
  'country',
  'admin1',
  'actor1',
  'actor2',
  'fatalities',
  'latitude',
  'longitude',
  'sensitivity',
] as const;

/** Events whose first day lies in [from, to] and whose point lies in the box (the caller measures). */
export async function eventsInBox(
  db: Kysely<Database>,
  box: { south: number; north: number; west: number; east: number },
  from: string,
  to: string,
): Promise<NearbyEvent[]> {
  let q = db
    .selectFrom('events')
    .select(NEARBY_COLUMNS)
    .where('date_start', '>=', from)
    .where('date_start', '<=', to)
    .where('latitude', '>=', box.south)
    .where('latitude', '<=', box.north);
  // A box across the antimeridian is two ranges of longitude.
  if (box.west < -180 || box.east > 180) {
    const w = box.west < -180 ? box.west + 360 : box.west;
    const e = box.east > 180 ? box.east - 360 : box.east;
    q = q.where((eb) => eb.or([eb('longitude', '>=', w), eb('longitude', '<=', e)]));
  } else q = q.where('longitude', '>=', box.west).where('longitude', '<=', box.east);
  return (await q.orderBy('date_start').orderBy('id').execute()).map(toNearby);
}

function toNearby(r: {
  id: number;
  source: string;
  source_event_id: string;
  date_start: string;
  country: string;
  admin1: string;
  actor1: string;
  actor2: string;
  fatalities: number;
  latitude: number | null;
  longitude: number | null;
  sensitivity: string;
}): NearbyEvent {
  return {
    id: Number(r.id),
    source: r.source,
    sourceEventId: r.source_event_id,
    date: r.date_start,
    country: r.country,
    admin1: r.admin1,
    actor1: r.actor1,
    actor2: r.actor2,
    fatalities: Number(r.fatalities),
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    sensitivity: r.sensitivity,
  };
}

/**
 * Events of a country in [from, to] in which a militia raised along community or political lines
 * (the categories given) took part: the violence a local process answers.
 */
export async function eventsWithActorCategories(
  db: Kysely<Database>,
  country: string,
  from: string,
  to: string,
  categories: readonly string[],
): Promise<NearbyEvent[]> {
  const cats = [...categories];
  const rows = await db
    .selectFrom('events')
    .select(NEARBY_COLUMNS)
    .where('country', '=', country)
    .where('date_start', '>=', from)
    .where('date_start', '<=', to)
    .where((eb) => eb.or([eb('actor1_category', 'in', cats), eb('actor2_category', 'in', cats)]))
    .orderBy('date_start')
    .orderBy('id')
    .execute();
  return rows.map(toNearby);
}

/**
 * Events of a country whose first day lies in [from, to], other than the mission's own incidents
 * (counted from the incident log), that record who was harmed or name one of `names` as an actor
 * (letter case aside): the events that may touch a local process's people (the caller matches).
 */
export async function eventsNamingPeople(
  db: Kysely<Database>,
  country: string,
  from: string,
  to: string,
  names: readonly string[],
): Promise<(NamingEventRow & { sensitivity: string })[]> {
  const lower = [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
  if (!lower.length) return [];
  const rows = await db
    .selectFrom('events')
    .select([...NEARBY_COLUMNS, 'targets'])
    .where('country', '=', country)
    .where('date_start', '>=', from)
    .where('date_start', '<=', to)
    .where('source', '!=', 'mission')
    .where((eb) =>
      eb.or([
        eb('targets', '!=', ''),
        eb(eb.fn('lower', ['actor1']), 'in', lower),
        eb(eb.fn('lower', ['actor2']), 'in', lower),
      ]),
    )
    .orderBy('date_start')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const { latitude: _la, longitude: _lo, ...rest } = toNearby(r);
    return { ...rest, targets: splitTargets(r.targets) };
  });
}

/** An event as eventsNamingPeople finds it. */
export type NamingEventRow = Omit<NearbyEvent, 'latitude' | 'longitude' | 'sensitivity'> & {
  targets: string[];
};

/** The newest stored plan version of a country (its text and file name), or null when none is. */
export async function newestPlanOf(
  db: Kysely<Database>,
  country: string,
): Promise<{ text: string; fileName: string } | null> {
  const rows = await db
    .selectFrom('plan_versions')
    .select(['source_text', 'file_name', 'plan_json'])
    .orderBy('imported_at', 'desc')
    .orderBy('version', 'desc')
    .execute();
  const row = rows.find((r) => (JSON.parse(r.plan_json) as { country?: string }).country === country);
  return row ? { text: row.source_text, fileName: row.file_name } : null;
}
