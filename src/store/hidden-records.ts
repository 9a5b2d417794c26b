import type { Kysely } from 'kysely';
import type { Sensitivity } from '../domain/sensitivity.ts';
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
  if (!hidden.levels.length && !hidden.missionIds.length) return new Set();
  const revision = await readEventsRevision(db);
  const key = `${hidden.levels.join(',')}|${hidden.missionIds.join(',')}`;
  return withheldNames.get(db, key, revision, () => readNamesOnlyHidden(db, hidden));
}

async function readNamesOnlyHidden(db: Kysely<Database>, hidden: HiddenEvents): Promise<Set<string>> {
  const levels = [...hidden.levels];
  const missionIds = [...hidden.missionIds];
  const hiddenRows = await db
    .selectFrom('events')
    .select(['actor1', 'actor2', 'targets'])
    // Never public (a public event is no one's hidden one): said, so the partial index of the
    // events that are not public serves this instead of a scan of every event (0.9 s on a million).
    .where('sensitivity', '<>', 'public')
    .where((eb) =>
      eb.or([
        ...(levels.length ? [eb('sensitivity', 'in', levels)] : []),
        ...(missionIds.length
          ? [eb.and([eb('source', '=', 'mission'), eb('source_event_id', 'in', missionIds)])]
          : []),
      ]),
    )
    .execute();
  const candidates = new Set(
    hiddenRows
      .flatMap((r) => [r.actor1, r.actor2, ...splitTargets(r.targets)])
      .filter((n) => n && n.length > 2),
  );
  if (!candidates.size) return candidates;
  const names = [...candidates];
  // The same names on events the requester may read are known already.
  const open = await db
    .selectFrom('events')
    .select(['actor1', 'actor2', 'targets'])
    .where((eb) =>
      eb.and([
        ...(levels.length ? [eb('sensitivity', 'not in', levels)] : []),
        ...(missionIds.length
          ? [eb.or([eb('source', '<>', 'mission'), eb('source_event_id', 'not in', missionIds)])]
          : []),
        eb.or([
          eb('actor1', 'in', names),
          eb('actor2', 'in', names),
          ...names.map((n) => eb('targets', 'like', `%${withoutWildcards(n)}%`)),
        ]),
      ]),
    )
    .execute();
  for (const r of open) {
    candidates.delete(r.actor1);
    candidates.delete(r.actor2);
    for (const t of splitTargets(r.targets)) candidates.delete(t);
  }
  return candidates;
}

/** A name fit for a LIKE pattern: a name holding % or _ then matches nothing and stays hidden. */
function withoutWildcards(s: string): string {
  return s.replace(/[%_]/g, '');
}

/** Of `names`, those that events outside `hidden` carry as an actor (the events a requester may read). */
export async function namesOnOpenEvents(
  db: Kysely<Database>,
  hidden: HiddenEvents,
  names: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(names.filter(Boolean))];
  if (!wanted.length) return new Set();
  const levels = [...hidden.levels];
  const missionIds = [...hidden.missionIds];
  const rows = await db
    .selectFrom('events')
    .select(['actor1', 'actor2', 'targets'])
    .where((eb) =>
      eb.and([
        ...(levels.length ? [eb('sensitivity', 'not in', levels)] : []),
        ...(missionIds.length
          ? [eb.or([eb('source', '<>', 'mission'), eb('source_event_id', 'not in', missionIds)])]
          : []),
        eb.or([eb('actor1', 'in', wanted), eb('actor2', 'in', wanted)]),
      ]),
    )
    .limit(10_000)
    .execute();
  const open = new Set<string>();
  for (const r of rows) for (const n of [r.actor1, r.actor2, ...splitTargets(r.targets)]) open.add(n);
  return open;
}

/** Of the events `ids`, those among `hidden`, with their levels. */
export async function hiddenAmong(
  db: Kysely<Database>,
  hidden: HiddenEvents,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('events')
    .select(['id', 'sensitivity', 'source', 'source_event_id'])
    .where('id', 'in', [...ids])
    .where('sensitivity', '<>', 'public')
    .execute();
  const levels = new Set<string>(hidden.levels);
  const missionIds = new Set(hidden.missionIds);
  return new Map(
    rows
      .filter(
        (r) => levels.has(r.sensitivity) || (r.source === 'mission' && missionIds.has(r.source_event_id)),
      )
      .map((r) => [r.id, r.sensitivity]),
  );
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
