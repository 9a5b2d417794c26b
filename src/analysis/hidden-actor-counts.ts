import type { Kysely } from 'kysely';
import { CountAccumulator } from '../store/count-accumulator.ts';
import { countedFromStored } from '../store/counted-event.ts';
import { STORED_KEY_COLUMNS, type StoredEventKeys } from '../store/event-columns.ts';
import { type HiddenEvents, hidesNothing, isHidden, WITHHELD_KEY } from '../store/hidden-records.ts';
import type { ActorCountTable, Database } from '../store/schema.ts';
import type { AnalysisScope } from './aggregate-scope.ts';
import { edgeRanges } from './period-edges.ts';

/**
 * The events a requester may not read in full (hidden-records.ts), counted as `actor_counts` counts
 * them, so that every table naming actors counts them under "(withheld)" rather than under their
 * actors' names. The aggregate tables are the same for everyone: an army's row holds the
 * restricted incidents it is named in beside its public events, and a reader who could not read
 * those incidents learnt from the row that it had acted in their province, and how often; one who
 * recorded a public incident naming a guessed perpetrator saw the count rise by the hidden ones
 * and so confirmed the guess. Released records keep their actors' categories, as the events
 * themselves do (access-control.ts).
 */
export interface HiddenActorCounts {
  /** The hidden events of the scope, by month. */
  whole: ActorCountTable[];
  /** Those within the period's days of the months it cuts (period-edges.ts), by month. */
  edges: ActorCountTable[];
}

/** The hidden events' actor counts in `scope`, or null when the requester may read every event. */
export async function readHiddenActorCounts(
  db: Kysely<Database>,
  hidden: HiddenEvents | undefined,
  scope: AnalysisScope,
  period?: { from: string; to: string },
): Promise<HiddenActorCounts | null> {
  if (!hidden || hidesNothing(hidden)) return null;
  let q = db
    .selectFrom('events')
    .select([...STORED_KEY_COLUMNS, 'date_start'])
    // Never public: the partial index of the events that are not public serves it.
    .where('sensitivity', '<>', 'public')
    .where((eb) => isHidden(eb, hidden));
  if (scope.country !== undefined) q = q.where('country', '=', scope.country);
  if (scope.admin1 !== undefined) q = q.where('admin1', '=', scope.admin1);
  const rows = (await q.execute()) as (StoredEventKeys & { date_start: string })[];
  if (!rows.length) return null;
  const whole = new CountAccumulator();
  const edges = new CountAccumulator();
  const ranges = period ? edgeRanges(period.from, period.to) : [];
  for (const e of rows) {
    const counted = countedFromStored(e);
    whole.add(counted, 1);
    if (ranges.some((r) => e.date_start >= r.from && e.date_start <= r.to)) edges.add(counted, 1);
  }
  return { whole: whole.rows().actorCounts, edges: edges.rows().actorCounts };
}

/**
 * The key a perpetrator table counts one category's hidden events under: "(withheld)" stands for
 * several actors, and a state's abuse withheld must not be counted as a militia's for want of a
 * name (the categories are released; the names are not). shownActor gives the name to show.
 */
export function withheldActorKey(category: string): string {
  return `${WITHHELD_KEY}\u001f${category}`;
}

/** The actor a key names as a table shows it: "(withheld)" for every withheldActorKey. */
export function shownActor(key: string): string {
  return key.startsWith(`${WITHHELD_KEY}\u001f`) ? WITHHELD_KEY : key;
}

/**
 * Rows that, added to an actor table's own, move the hidden events' counts from their actors to
 * "(withheld)": each row taken off under its actor and counted again under the withheld name, or
 * (`byCategory`) under its category's withheldActorKey.
 */
export function movedToWithheld(rows: readonly ActorCountTable[], byCategory = false): ActorCountTable[] {
  return rows.flatMap((r) => [
    {
      ...r,
      events: -r.events,
      fatalities: -r.fatalities,
      civilian_fatalities: -r.civilian_fatalities,
      civilian_targeting_events: -r.civilian_targeting_events,
    },
    { ...r, actor: byCategory ? withheldActorKey(r.actor_category) : WITHHELD_KEY },
  ]);
}
