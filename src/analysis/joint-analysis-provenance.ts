import { VIOLENT_TYPES } from '../domain/violence-type.ts';
import { DEFAULT_LOG_CUSUM_OPTIONS } from './log-cusum.ts';
import { addMonths } from './months.ts';
import type { CusumOptions } from './nb-cusum.ts';
import { DEFAULT_NEW_ACTOR_OPTIONS } from './new-actor-alerts.ts';

/** What the joint analysis's provenance is written from: its scope, period and settings. */
export interface ProvenanceInput {
  country?: string;
  admin1?: string;
  /** Whether the period cuts months (its headline then counts events, not the monthly table). */
  cutsMonths: boolean;
  from: string;
  to: string;
  firstMonth: string;
  lastMonth: string;
  /** The first month of the trend's recent window, and of the window before it. */
  recentStart: string;
  previousStart: string;
  cusum: CusumOptions;
  /** Events whose notes the driver rules read, and the most they may be. */
  sampled: number;
  driverSample: number;
  threatLimit: number;
}

/**
 * For each section of the joint analysis, the query behind its figures, in words a reviewer can
 * re-run against the store.
 */
export function analysisProvenance(p: ProvenanceInput): Record<string, string> {
  const { cutsMonths, from, to, firstMonth, lastMonth, recentStart, previousStart, cusum, sampled } = p;
  const where = [
    p.country !== undefined ? `country = '${p.country}'` : null,
    p.admin1 !== undefined ? `admin1 = '${p.admin1}'` : null,
  ]
    .filter(Boolean)
    .join(' and ');
  const w = where ? `${where} and ` : '';
  return {
    headline: `event_counts where ${w}month between '${firstMonth}' and '${lastMonth}': sum(events), sum(fatalities), sum(civilian_fatalities) (null when civilian_fatalities_known = 0)${cutsMonths ? `; the months the period cuts counted from the events where ${w}date_start between '${from}' and '${to}', as the importer counts them, in place of their rows (every figure below does the same)` : ''}`,
    stateShare: `event_counts where ${w}month between '${firstMonth}' and '${lastMonth}': sum(civilian_targeting_events) where actor_category = 'state-forces' / sum(civilian_targeting_events); the category is the first actor's`,
    areas: `event_counts grouped by country, admin1; trend = events in ${recentStart}..${lastMonth} against ${previousStart}..${addMonths(recentStart, -1)}`,
    perpetrators: `actor_counts where ${w}role in (1, 3) and violence_type in (${VIOLENT_TYPES.join(', ')}) and month in the period, grouped by actor`,
    alerts: `monthly violent-event series from event_counts (country, admin1) and actor_counts (actor as perpetrator: either side of fighting, actor 1 of other violence, or acting with one of those) from the first month of data to ${lastMonth}, tested from the seventh (the first six are the first baseline); negative-binomial CUSUM (baseline: mean of the ${cusum.window} months before the test's run began, which may precede the dated start, dispersion from the ${cusum.dispersionWindow} months before it around each ${cusum.dispersionBlock}-month block's level; shift x${cusum.shift}; threshold h = ${cusum.threshold}); deaths per month (country, admin1): a month with one event of at least 100 deaths dated to 31 days at most, whatever the months before (their mean is the baseline shown), and a CUSUM on log(1 + deaths) (level: mean of the ${DEFAULT_LOG_CUSUM_OPTIONS.window} months before, spread from ${DEFAULT_LOG_CUSUM_OPTIONS.spreadWindow}, threshold ${DEFAULT_LOG_CUSUM_OPTIONS.threshold}); new actors: first violent event ${DEFAULT_NEW_ACTOR_OPTIONS.minHistory}+ months into the country's record with ${DEFAULT_NEW_ACTOR_OPTIONS.minEvents} violent events within ${DEFAULT_NEW_ACTOR_OPTIONS.withinMonths} months; alerts whose window (start of the rise to the alarm) overlaps the period; series run to the last month of data; evidence: the most lethal events of the area or actor between the start and the alarm`,
    drivers: `rules of data/drivers.yaml on the notes of the ${sampled} most recent events of the period (limit ${p.driverSample}), plus analysts' tags in driver_tags; a tag is joint once a POC analyst and a political analyst stand behind it`,
    threats: `actor_counts where ${w}role in (1, 3) and civilian_targeting_events > 0 in the period, grouped by perpetrator, admin1 and violence type; split by targeted group (events.targets, or 'Civilians (Country)' where none is named); the highest risk first (likelihood × severity, then severity, likelihood, events, deaths), at most ${p.threatLimit} (threatCount: how many of how many); overlaid with the threats table`,
  };
}
