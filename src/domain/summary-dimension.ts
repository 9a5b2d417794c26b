/**
 * What an event summary can be grouped by. Kept here, apart from the query, so that a front end can
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
] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];
