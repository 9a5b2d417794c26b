import { z } from 'zod';
import { assertEventsExistFor } from '../analysis/event-scope-check.ts';
import { SUMMARY_DIMENSIONS } from '../domain/summary-dimension.ts';
import { summarizeEvents } from '../store/event-summary.ts';
import { releaseSummary } from './access-control.ts';
import { checkPeriod, eventFilterInput } from './event-filter-input.ts';
import { defineOperation } from './operation.ts';

/**
 * Events, fatalities, civilian fatalities and civilian-targeting events by one dimension, or two
 * for a cross-table, from the aggregate kept at import time. In a file of its own, apart from the
 * import, because `tandem summary` is the command people run most and should load the least.
 */
export const summary = defineOperation({
  summary:
    'Events, fatalities, civilian fatalities and civilian-targeting events by area, period or category.',
  input: eventFilterInput
    .extend({
      by: z
        .enum(SUMMARY_DIMENSIONS, {
          // The command line's "admin1,month" is two fields here.
          error: (issue) =>
            typeof issue.input === 'string' && issue.input.includes(',')
              ? `one dimension; a second goes in thenBy (by=${issue.input.split(',')[0]}&thenBy=${issue.input.split(',')[1]})`
              : undefined,
        })
        .default('admin1'),
      /** A second dimension, for cross-tables such as admin1 × month. */
      thenBy: z.enum(SUMMARY_DIMENSIONS).optional(),
    })
    .refine((x) => x.thenBy === undefined || x.thenBy !== x.by, {
      message: 'the second dimension must differ from the first (admin1,month)',
      path: ['thenBy'],
    }),
  run: async (ctx, { by, thenBy, ...filter }) => {
    checkPeriod(filter);
    const result = await summarizeEvents(ctx.store.db, by, filter, thenBy);
    // No row for a country: say whether the store holds it at all (a misspelt --country).
    if (!result.rows.length) await assertEventsExistFor(ctx.store.db, { country: filter.country });
    return releaseSummary(ctx, result, filter);
  },
});
