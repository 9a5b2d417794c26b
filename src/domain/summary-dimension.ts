/**
 * What an event summary can be grouped by. `target` is who was harmed, as the source names the
 * group ("Women (South Sudan)"), or "Civilians (Country)" for an event against civilians that names
 * none; an event that names two groups counts under each, so its rows may add up to more than the
 * events. Kept here, apart from the query, so that a front end can
 * list them in its help without loading the store.
 */
export const SUMMARY_DIMENSIONS = [
  'country',
  'admin1',
  'admin2',
  'year',
  'month',
  'actor-category',
  'violence-type',
  'target',
] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];
