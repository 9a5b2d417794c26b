import type { ActorCategoryPeriod } from '../domain/actor-category-period.ts';
import { formatProblem } from '../domain/read-problem.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { readActorPeriods } from '../sources/actor-period-reader.ts';
import { replaceCategoryPeriods } from '../store/category-periods.ts';
import type { Store } from '../store/store.ts';

export interface ActorPeriodsResult {
  path: string;
  /** The periods now in the register, by actor, as the file gave them. */
  actors: { actor: string; periods: ActorCategoryPeriod[] }[];
  /** Events that took the category of their period (on either side). */
  eventsRecategorised: number;
}

/**
 * Loads dated actor categories into the register (see domain/actor-category-period.ts): each
 * actor named in the file has its periods replaced by the file's, and its events take the
 * category of their date, their counts moving with them. A file with any bad row (an unknown
 * category, a date that is not YYYY-MM-DD, periods that overlap) is refused whole, with every
 * row's line and reason: a half-applied history would be worse than none.
 */
export async function loadActorPeriods(store: Store, path: string): Promise<ActorPeriodsResult> {
  const { periods, problems } = await readActorPeriods(path);
  if (problems.length)
    throw new TandemError(
      'invalid-file',
      `${path}: nothing loaded; ${problems.length} problem${problems.length > 1 ? 's' : ''}:\n${problems.map(formatProblem).join('\n')}`,
    );
  if (!periods.length) throw new TandemError('invalid-file', `${path}: no periods in the file`);
  const eventsRecategorised = await store.db
    .transaction()
    .execute((trx) => replaceCategoryPeriods(trx, periods));
  const byActor = new Map<string, ActorCategoryPeriod[]>();
  for (const p of periods) byActor.set(p.actor, [...(byActor.get(p.actor) ?? []), p]);
  return {
    path,
    actors: [...byActor].map(([actor, own]) => ({
      actor,
      periods: [...own].sort((a, b) => a.from.localeCompare(b.from)),
    })),
    eventsRecategorised,
  };
}
