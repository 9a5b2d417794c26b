import type { Kysely } from 'kysely';
import type { Sensitivity } from '../domain/sensitivity.ts';
import { readEventsRevision } from './events-revision.ts';
import { RevisionMemo } from './revision-memo.ts';
import type { Database } from './schema.ts';

/** Per store and set of levels, the actors known only from events above them (few sets: the clearances). */
const withheldActors = new RevisionMemo<Set<string>>(16);

/**
 * The names of actors that only events of the `above` levels carry. Read once per change to the
 * events (every viewer's alerts, tables and brief ask it), and kept until the next.
 */
export async function actorsOnlyAbove(
  db: Kysely<Database>,
  above: readonly Sensitivity[],
): Promise<Set<string>> {
  const revision = await readEventsRevision(db);
  return withheldActors.get(db, above.join(','), revision, () => readActorsOnlyAbove(db, [...above]));
}

async function readActorsOnlyAbove(db: Kysely<Database>, above: Sensitivity[]): Promise<Set<string>> {
  const hiddenRows = await db
    .selectFrom('events')
    .select(['actor1', 'actor2'])
    .where('sensitivity', 'in', above)
    // Never public (public is no one's "above"): said, so the partial index of the events that are
    // not public serves this instead of a scan of every event (0.9 s on a million).
    .where('sensitivity', '<>', 'public')
    .execute();
  const candidates = new Set(
    hiddenRows.flatMap((r) => [r.actor1, r.actor2]).filter((n) => n && n.length > 2),
  );
  if (!candidates.size) return candidates;
  const names = [...candidates];
  const open = await db
    .selectFrom('events')
    .select(['actor1', 'actor2'])
    .where('sensitivity', 'not in', above)
    .where((eb) => eb.or([eb('actor1', 'in', names), eb('actor2', 'in', names)]))
    .execute();
  for (const r of open) {
    candidates.delete(r.actor1);
    candidates.delete(r.actor2);
  }
  return candidates;
}
