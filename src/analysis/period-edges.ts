import type { Kysely } from 'kysely';
import { CountAccumulator } from '../store/count-accumulator.ts';
import { countedFromStored } from '../store/counted-event.ts';
import { STORED_KEY_COLUMNS, type StoredEventKeys } from '../store/event-columns.ts';
import type { ActorCountTable, Database, EventCountTable } from '../store/schema.ts';
import type { AnalysisScope } from './aggregate-scope.ts';
import { lastDayOf } from './months.ts';

/**
 * A period that starts or ends inside a month ("15 December to 20 January"): the aggregate tables
 * count whole months, so the days of those months inside the period are counted from their events
 * here, into rows shaped as the tables' own (CountAccumulator, as the importer counts them), and
 * stand in for the tables' rows of those months. Without them the analysis counted all of December
 * and January for its violent events, its civilian targeting, its monthly series and its
 * perpetrators, while its totals counted the days given: more violent events than events.
 */
export interface PeriodEdges {
  /** The months the period cuts: their rows in the aggregate tables are not the period's. */
  months: ReadonlySet<string>;
  /** The cut months' days inside the period, as `event_counts` rows. */
  eventCounts: EventCountTable[];
  /** The same as `actor_counts` rows. */
  actorCounts: ActorCountTable[];
}

/** The days of the months that the period [from, to] cuts, each as a range of dates; none if it cuts none. */
export function edgeRanges(from: string, to: string): { from: string; to: string }[] {
  const first = from.slice(0, 7);
  const last = to.slice(0, 7);
  const cutsFirst = !from.endsWith('-01');
  const cutsLast = to !== lastDayOf(last);
  if (first === last) return cutsFirst || cutsLast ? [{ from, to }] : [];
  const out: { from: string; to: string }[] = [];
  if (cutsFirst) out.push({ from, to: lastDayOf(first) });
  if (cutsLast) out.push({ from: `${last}-01`, to });
  return out;
}

/** The cut months' counts over the period's days in them, or null when the period cuts no month. */
export async function readPeriodEdges(
  db: Kysely<Database>,
  scope: AnalysisScope,
  from: string,
  to: string,
): Promise<PeriodEdges | null> {
  const ranges = edgeRanges(from, to);
  if (!ranges.length) return null;
  const counts = new CountAccumulator();
  for (const range of ranges) {
    let q = db
      .selectFrom('events')
      .select([...STORED_KEY_COLUMNS])
      .where('date_start', '>=', range.from)
      .where('date_start', '<=', range.to);
    if (scope.country !== undefined) q = q.where('country', '=', scope.country);
    if (scope.admin1 !== undefined) q = q.where('admin1', '=', scope.admin1);
    for (const e of (await q.execute()) as StoredEventKeys[]) counts.add(countedFromStored(e), 1);
  }
  return { months: new Set(ranges.map((r) => r.from.slice(0, 7))), ...counts.rows() };
}
