import type { ExpressionBuilder, Kysely } from 'kysely';
import { ACTOR_CATEGORIES } from '../domain/actor-category.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { VIOLENCE_TYPES } from '../domain/violence-type.ts';
import { splitTargets } from './event-columns.ts';
import { readEventsRevision } from './events-revision.ts';
import { RevisionMemo } from './revision-memo.ts';
import type { Database } from './schema.ts';

// What a requester may not read in full, and the names only those records carry: the queries
// behind access-control.ts's decisions.

/** Per store and set of hidden records, the names known only from them (few sets: the clearances and offices). */
const withheldNames = new RevisionMemo<Set<string>>(16);

/** The events a requester may not read in full: those of some levels, and incidents of the mission's own by id. */
export interface HiddenEvents {
  levels: readonly Sensitivity[];
  /** Source ids of events of source 'mission' (incident numbers), whatever their level. */
  missionIds: readonly string[];
}

/**
 * The names of actors, and of the groups they targeted, that only hidden events carry. Read once
 * per change to the events (every viewer's alerts, tables and brief ask it), and kept until the
 * next.
 */
export async function namesOnlyHidden(db: Kysely<Database>, hidden: HiddenEvents): Promise<Set<string>> {
  if (hidesNothing(hidden)) return new Set();
  const revision = await readEventsRevision(db);
  const key = `${hidden.levels.join(',')}|${hidden.missionIds.join(',')}`;
  return withheldNames.get(db, key, revision, () => readNamesOnlyHidden(db, hidden));
}

/** Tandem's own words that an answer holds whoever reads it: violence types and actor categories. */
const OWN_WORDS: readonly string[] = [...VIOLENCE_TYPES, ...ACTOR_CATEGORIES];

/** What the name of an actor or a group is replaced by where the requester may not read it. */
export const WITHHELD_KEY = '(withheld)';

/** Whether an event already read is one of `hidden` (isHidden, for rows in hand). */
export function hiddenEventTest(
  hidden: HiddenEvents,
): (e: { sensitivity: string; source: string; sourceEventId: string }) => boolean {
  const levels = new Set<string>(hidden.levels);
  const missionIds = new Set(hidden.missionIds);
  return (e) => levels.has(e.sensitivity) || (e.source === 'mission' && missionIds.has(e.sourceEventId));
}

/** The events table as the requester may read it: the events outside `hidden` only. */
export function readableEvents(db: Kysely<Database>, hidden: HiddenEvents) {
  const events = db.selectFrom('events');
  return hidesNothing(hidden) ? events : events.where((eb) => isOpen(eb, hidden));
}

/** Whether `hidden` holds nothing: the requester may read every event in full. */
export function hidesNothing(hidden: HiddenEvents): boolean {
  return !hidden.levels.length && !hidden.missionIds.length;
}

/** The condition that an event is one of `hidden`: at one of its levels, or an incident it names. */
export function isHidden(eb: ExpressionBuilder<Database, 'events'>, hidden: HiddenEvents) {
  return eb.or([
    ...(hidden.levels.length ? [eb('sensitivity', 'in', [...hidden.levels])] : []),
    ...(hidden.missionIds.length
      ? [eb.and([eb('source', '=', 'mission'), eb('source_event_id', 'in', [...hidden.missionIds])])]
      : []),
  ]);
}

/**
 * The condition that an event is not one of `hidden`: one the requester may read. `hidden` must
 * hold something (hidesNothing false): a condition of no terms is no SQL.
 */
export function isOpen(eb: ExpressionBuilder<Database, 'events'>, hidden: HiddenEvents) {
  return eb.and([
    ...(hidden.levels.length ? [eb('sensitivity', 'not in', [...hidden.levels])] : []),
    ...(hidden.missionIds.length
      ? [eb.or([eb('source', '<>', 'mission'), eb('source_event_id', 'not in', [...hidden.missionIds])])]
      : []),
  ]);
}

/** The columns of an event that name actors and groups harmed. */
const NAMING_COLUMNS = ['actor1', 'actor2', 'targets', 'actor1_associated', 'actor2_associated'] as const;

/** The names an event carries: its two sides, the groups it harmed, the actors beside each side. */
function namesOn(r: Record<(typeof NAMING_COLUMNS)[number], string>): string[] {
  return [
    r.actor1,
    r.actor2,
    ...splitTargets(r.targets),
    ...splitTargets(r.actor1_associated),
    ...splitTargets(r.actor2_associated),
  ];
}

async function readNamesOnlyHidden(db: Kysely<Database>, hidden: HiddenEvents): Promise<Set<string>> {
  const hiddenRows = await db
    .selectFrom('events')
    .select([...NAMING_COLUMNS])
    // Never public (a public event is no one's hidden one): said, so the partial index of the
    // events that are not public serves this instead of a scan of every event (0.9 s on a million).
    .where('sensitivity', '<>', 'public')
    .where((eb) => isHidden(eb, hidden))
    .execute();
  // A name inside Tandem's own words ("civilians", a group a restricted sheet named, inside
  // "violence-against-civilians") names no one; withheld, it turned every such word of the answer
  // into "violence-against-(withheld)", and where it did, spelt the hidden name out (fourth
  // security probe).
  const candidates = new Set(
    hiddenRows.flatMap(namesOn).filter((n) => n && n.length > 2 && !OWN_WORDS.some((w) => w.includes(n))),
  );
  if (!candidates.size) return candidates;
  // The same names on events the requester may read are known already: as actors, and as the
  // groups the events targeted (the few distinct lists of groups, read once, not a pattern per name).
  for (const n of await namesOnOpenEvents(db, hidden, [...candidates])) candidates.delete(n);
  if (hiddenRows.some((r) => r.targets)) {
    const targetLists = await db
      .selectFrom('events')
      .select('targets')
      .distinct()
      .where('targets', '<>', '')
      .where((eb) => isOpen(eb, hidden))
      .execute();
    for (const r of targetLists) for (const t of splitTargets(r.targets)) candidates.delete(t);
  }
  // And as the actors acting with a side (the few distinct lists, as for the groups targeted).
  for (const column of ['actor1_associated', 'actor2_associated'] as const) {
    if (!candidates.size || !hiddenRows.some((r) => r[column])) continue;
    const lists = await db
      .selectFrom('events')
      .select(column)
      .distinct()
      .where(column, '<>', '')
      .where((eb) => isOpen(eb, hidden))
      .execute();
    for (const r of lists) for (const n of splitTargets(r[column])) candidates.delete(n);
  }
  return candidates;
}

/**
 * The events that are not public and carry one of `names`: as an actor, a group harmed, or an
 * actor beside a side (read through the partial index of the events that are not public).
 */
export async function eventsNaming(
  db: Kysely<Database>,
  names: ReadonlySet<string>,
): Promise<{ id: number; sensitivity: string; source: string; sourceEventId: string }[]> {
  const rows = await db
    .selectFrom('events')
    .select(['id', 'sensitivity', 'source', 'source_event_id', ...NAMING_COLUMNS])
    .where('sensitivity', '<>', 'public')
    .execute();
  return rows
    .filter((r) => namesOn(r).some((n) => names.has(n)))
    .map((r) => ({
      id: Number(r.id),
      sensitivity: r.sensitivity,
      source: r.source,
      sourceEventId: r.source_event_id,
    }));
}

/**
 * Of `names`, those that events the requester may read (outside `hidden`) carry as an actor, and
 * the groups those events targeted.
 */
async function namesOnOpenEvents(
  db: Kysely<Database>,
  hidden: HiddenEvents,
  names: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(names.filter(Boolean))];
  const open = new Set<string>();
  // In slices, so that a restricted import naming thousands of actors stays within SQL's limits.
  for (let i = 0; i < wanted.length; i += 500) {
    const slice = wanted.slice(i, i + 500);
    const rows = await db
      .selectFrom('events')
      .select(['actor1', 'actor2', 'targets'])
      .distinct()
      .where((eb) =>
        eb.and([isOpen(eb, hidden), eb.or([eb('actor1', 'in', slice), eb('actor2', 'in', slice)])]),
      )
      .execute();
    for (const r of rows) for (const n of [r.actor1, r.actor2, ...splitTargets(r.targets)]) open.add(n);
  }
  return open;
}

/** The names each of the events `ids` carries: its two actors and the groups it harmed. */
export async function namesOnEvents(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const wanted = [...new Set(ids)];
  // In slices, as a threat may link thousands of events.
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'actor1', 'actor2', 'targets'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(Number(r.id), [r.actor1, r.actor2, ...splitTargets(r.targets)]);
  }
  return out;
}

/** Of the events `ids`, those that are not public: their level, and their source and source id. */
export async function nonPublicAmong(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<{ id: number; sensitivity: string; source: string; sourceEventId: string }[]> {
  const out: { id: number; sensitivity: string; source: string; sourceEventId: string }[] = [];
  // In slices, as a finding may cite thousands of events.
  const wanted = [...new Set(ids)];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'sensitivity', 'source', 'source_event_id'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .where('sensitivity', '<>', 'public')
      .execute();
    for (const r of rows)
      out.push({
        id: Number(r.id),
        sensitivity: r.sensitivity,
        source: r.source,
        sourceEventId: r.source_event_id,
      });
  }
  return out;
}

/** Of the events `ids`, those among `hidden`, with their levels. */
export async function hiddenAmong(
  db: Kysely<Database>,
  hidden: HiddenEvents,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const isHiddenEvent = hiddenEventTest(hidden);
  return new Map((await nonPublicAmong(db, ids)).filter(isHiddenEvent).map((r) => [r.id, r.sensitivity]));
}

/** The ids (as event source ids) of incidents at `levels` recorded by offices other than `offices`. */
export async function incidentsOutside(
  db: Kysely<Database>,
  levels: readonly Sensitivity[],
  offices: readonly string[],
): Promise<string[]> {
  let q = db
    .selectFrom('incidents')
    .select('id')
    .where('sensitivity', 'in', [...levels]);
  if (offices.length) q = q.where('office', 'not in', [...offices]);
  return (await q.execute()).map((r) => String(r.id));
}

/** The office that recorded each of the incidents `ids`, by id as text (an event's source id). */
export async function officesOfIncidents(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('incidents')
    .select(['id', 'office'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [String(r.id), r.office]));
}
