import type { ExpressionBuilder } from 'kysely';
import { NO_CATEGORY_FILTER } from '../domain/actor-category.ts';
import type { Database } from './schema.ts';

// A perpetrator-category filter on the events and on the aggregates, where "unknown" stands for
// the events whose first actor has no category (NULL or empty on events, empty in the aggregates).

/** Events whose first actor is of one of `categories`, "unknown" for those with none. */
export function eventCategoryIn(categories: readonly string[]) {
  const known = categories.filter((c) => c !== NO_CATEGORY_FILTER);
  const none = categories.includes(NO_CATEGORY_FILTER);
  return (eb: ExpressionBuilder<Database, 'events'>) =>
    eb.or([
      ...(known.length ? [eb('actor1_category', 'in', known)] : []),
      ...(none ? [eb('actor1_category', 'is', null), eb('actor1_category', '=', '')] : []),
    ]);
}

/** The categories as the count tables spell them: "unknown" is the empty category there. */
export function countedCategories(categories: readonly string[]): string[] {
  return categories.map((c) => (c === NO_CATEGORY_FILTER ? '' : c));
}
