import { z } from 'zod';
import { periodOfScope } from '../analysis/event-scope-check.ts';
import { readHiddenActorCounts } from '../analysis/hidden-actor-counts.ts';
import { DEFAULTS } from '../analysis/joint-analysis.ts';
import { DEFAULT_CUSUM_OPTIONS } from '../analysis/nb-cusum.ts';
import { readPeriodAlerts } from '../analysis/period-alerts.ts';
import { hiddenEvents, releaseActorNames } from './access-control.ts';
import { checkPeriod, isoDate } from './event-filter-input.ts';
import { defineOperation } from './operation.ts';

/**
 * The escalation alerts of a country or area over a period, alone: what the overview and the area
 * page show, without the rest of the joint analysis (perpetrators, drivers, threats) they do not.
 * The same test and settings as `analyze`, so its `alerts` and these are the same list.
 */
export const listAlerts = defineOperation({
  summary:
    'Escalation alerts of a country or area whose rise overlaps the period (start of the rise to its alarm), with the events behind each.',
  input: z.object({
    country: z.string().min(1).optional(),
    admin1: z.string().min(1).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  }),
  async run(ctx, input) {
    checkPeriod(input);
    const scope = { country: input.country, admin1: input.admin1 };
    const { from, to, last } = await periodOfScope(ctx.store.db, scope, input);
    const hidden = await hiddenEvents(ctx);
    const alerts = await readPeriodAlerts(ctx.store.db, scope, {
      firstMonth: from.slice(0, 7),
      lastMonth: to.slice(0, 7),
      dataLastMonth: last.slice(0, 7),
      cusum: DEFAULT_CUSUM_OPTIONS,
      evidenceLimit: DEFAULTS.evidenceLimit,
      minActorEvents: DEFAULTS.minActorEvents,
      hidden: await readHiddenActorCounts(ctx.store.db, hidden, scope),
    });
    return releaseActorNames(ctx, { period: { from, to }, alerts }, hidden, 'alerts');
  },
});

export const alertOperations = { listAlerts };
