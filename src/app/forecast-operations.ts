import { z } from 'zod';
import { readDateRange } from '../analysis/analysis-queries.ts';
import { type DataGap, dataGaps, latestDataGap } from '../analysis/data-gap.ts';
import { assertEventsExistFor } from '../analysis/event-scope-check.ts';
import {
  type AreaForecast,
  type ForecastHistory,
  forecastPanel,
  readForecastPanel,
} from '../analysis/forecast.ts';
import {
  type BacktestResult,
  DEFAULT_BACKTEST,
  RECENT_ORIGINS,
  runBacktest,
} from '../analysis/forecast-backtest.ts';
import { FORECAST_LEVELS, FORECAST_METRICS } from '../analysis/forecast-panel.ts';
import {
  eventDaysBetween,
  firstViolentMonth,
  readMonthsWithEvents,
  readViolentMonth,
} from '../analysis/forecast-queries.ts';
import { addMonths, lastDayOf } from '../analysis/months.ts';
import { addDays, daysBetween } from '../domain/calendar-day.ts';
import { TandemError } from '../domain/tandem-error.ts';
import type { ForecastBrief, RecordedSoFar } from '../reports/forecast-section.ts';
import type { Store } from '../store/store.ts';
import { plannedAreasOfResponsibility } from './forecast-plan-areas.ts';
import { numberInput } from './number-input.ts';
import { defineOperation } from './operation.ts';
import { readablePlan } from './plan-operations.ts';

export type ForecastInput = z.infer<typeof forecastInput>;

// "2014-13" is written the right way but names no month: said so, not as the wrong shape.
const month = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'expected a month written YYYY-MM')
  .refine((m) => +m.slice(5) >= 1 && +m.slice(5) <= 12, 'there is no such month: the month is 01 to 12');

/** Days of data before the latest event over which the country's rate of event days is read. */
const RATE_WINDOW_DAYS = 180;

/**
 * The last complete month of a country's data, and the date of its latest event. The month of
 * the latest event is complete when it falls in the month's last week (an export cut at the
 * month's end, or a few days before it), or when the days since it are a quiet spell the
 * country's own pace makes likely: with a share r of days holding an event over the half-year
 * before, a silence of d days has a chance (1 − r)^d, and under 5% it reads as an export cut
 * mid-month, whose last month would look like a sudden lull; the month before is then the last
 * complete one. A country with an event a month (on the 15th) has a complete last month; one
 * with events most days and none in the last three weeks has not.
 */
async function lastCompleteMonth(store: Store, country: string): Promise<{ month: string; last: string }> {
  // One read of the record's two ends: the latest event, and the first for a record under a half-year.
  const range = await readDateRange(store.db, { country });
  const last = range.last?.slice(0, 10);
  if (!last) {
    // A country the store does not know is refused with the countries it does know.
    await assertEventsExistFor(store.db, { country });
    throw new TandemError('not-found', `no events for country "${country}" in the store`, {
      details: { field: 'country' },
    });
  }
  const m = last.slice(0, 7);
  const silence = Number(lastDayOf(m).slice(8)) - Number(last.slice(8, 10));
  if (silence < 7) return { month: m, last };
  // Over the half-year before, or the whole record when it is shorter (ten days of data, every day
  // an event, then three silent weeks: a cut, not a quiet spell).
  const first = range.first!.slice(0, 10);
  const halfYear = addDays(last, 1 - RATE_WINDOW_DAYS);
  // biome-ignore lint/complexity/useMathMinMax: days as YYYY-MM-DD compare as text; Math.max would give NaN
  const from = first > halfYear ? first : halfYear;
  const rate = (await eventDaysBetween(store.db, country, from, last)) / (daysBetween(from, last) + 1);
  return { month: (1 - rate) ** silence >= 0.05 ? m : addMonths(m, -1), last };
}

const forecastInput = z
  .object({
    country: z.string().trim().min(1, 'name a country'),
    /** A plan (its file's text, or the parsed object) whose areas of responsibility are forecast too. */
    plan: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    /** The plan file's name, for messages. */
    planName: z.string().optional(),
    /** Forecast the areas of responsibility of the newest stored version of this mission's plan. */
    mission: z.string().trim().min(1, 'name a mission').optional(),
    level: z.enum(FORECAST_LEVELS).default('admin1'),
    horizon: numberInput(z.number().int().min(1).max(12)).default(6),
    metric: z.enum(FORECAST_METRICS).optional(),
    origin: month.optional(),
    /** Months of history returned beside the forecasts, for charts. */
    history: numberInput(z.number().int().min(0).max(120)).default(0),
  })
  // A plan that cannot be read fails while the input is parsed, before any store is opened.
  .superRefine((i) => {
    if (i.plan !== undefined) readablePlan({ plan: i.plan, name: i.planName });
  });

export interface ForecastResult {
  country: string;
  origin: string;
  forecasts: AreaForecast[];
  history: ForecastHistory[];
  /**
   * When the store already holds part of the first month forecast (an export cut on the 14th):
   * the last day held and, per area of the level (and the country), the violent events and deaths
   * recorded so far. Absent otherwise, and for an origin asked for.
   */
  recordedSoFar?: RecordedSoFar;
  /** Why `forecasts` is empty, when it is: no violent event by the origin, or none in an admin-1 area. */
  note?: string;
  /**
   * Areas a plan's areas of responsibility name that the country's data and boundaries do not
   * know; and a data gap (`dataGap`) said in words.
   */
  notes?: string[];
  /** Months without any event of the country that read as a gap in the data (analysis/data-gap.ts). */
  dataGap?: DataGap;
}

/** The data gap before an origin, if any, and the sentence that warns of it. */
async function dataGapBefore(
  store: Store,
  country: string,
  origin: string,
): Promise<{ dataGap?: DataGap; notes: string[] }> {
  const gap = latestDataGap(await readMonthsWithEvents(store.db, country, origin), origin);
  if (!gap) return { notes: [] };
  return { dataGap: gap, notes: [dataGapSentence(country, gap)] };
}

/** How a gap sentence opens: the months the store holds nothing of the country, and the pace before. */
function gapOpening(country: string, gap: DataGap): string {
  const span =
    gap.from === gap.to ? `in ${gap.from}` : `from ${gap.from} to ${gap.to} (${gap.months} months)`;
  return `the store holds no event of any kind for ${country} ${span}, after a record with events in ${Math.round(gap.shareBefore * 100)}% of its months before`;
}

export function dataGapSentence(country: string, gap: DataGap): string {
  return (
    `${gapOpening(country, gap)}: most likely a gap in the data, not a lull. ` +
    'The forecast reads those months as months without violence and runs low; import the missing months before relying on it'
  );
}

/**
 * The month after the origin, when the store already holds part of it (its latest event, `last`,
 * falls in it) and, for a brief on a period, the period reaches that far: what is recorded so far
 * per admin-1 area.
 */
async function partialMonthAfter(
  store: Store,
  country: string,
  origin: string,
  last: string,
  periodEnd?: string,
): Promise<RecordedSoFar | undefined> {
  const month = addMonths(origin, 1);
  // A period that ends inside the month forecast first: its days so far are what the brief's
  // reader has seen already (a brief to 20 January forecast January beside 20 days of it, unsaid).
  const end = periodEnd?.slice(0, 10);
  if (end && end.slice(0, 7) === month && end < last.slice(0, 10)) {
    const byArea = await readViolentMonth(store.db, country, month, end);
    return { month, through: end, values: [...byArea].map(([key, v]) => ({ key, ...v })) };
  }
  const through = last.slice(0, 10);
  if (last.slice(0, 7) !== month || (end && end < through)) return undefined;
  const byArea = await readViolentMonth(store.db, country, month);
  return { month, through, values: [...byArea].map(([key, v]) => ({ key, ...v })) };
}

/**
 * What the brief's forecast section needs: the next three months per admin-1 area from the last
 * complete month (or, for a brief on a past period, from the last whole month of that period, as
 * `forecast --origin` would have forecast then), and the admin-1 backtest of both metrics over the
 * last 60 origins up to it. Undefined when the country has no data by then.
 */
export async function forecastBrief(
  store: Store,
  country: string,
  periodEnd?: string,
  area?: string,
): Promise<ForecastBrief | undefined> {
  const latest = await lastCompleteMonth(store, country).catch(() => undefined);
  if (!latest) return undefined;
  let origin = latest.month;
  if (periodEnd) {
    const m = periodEnd.slice(0, 7);
    const whole = periodEnd.slice(0, 10) === lastDayOf(m) ? m : addMonths(m, -1);
    if (whole < origin) origin = whole;
    const { first } = await readDateRange(store.db, { country });
    if (!first || origin < first.slice(0, 7)) return undefined;
  }
  const panel = await readForecastPanel(store.db, country, origin);
  const gapped = await dataGapBefore(store, country, origin);
  const { forecasts } = forecastPanel(panel, {
    level: 'admin1',
    horizons: 3,
    metrics: FORECAST_METRICS,
    historyMonths: 0,
  });
  // What is recorded so far of the month forecast first, beside the forecast.
  const recordedSoFar = await partialMonthAfter(store, country, origin, latest.last, periodEnd);
  // The last five years of origins: the skill a reader cares about, at a sixth of CAR's full cost.
  return {
    country,
    origin,
    // A brief on one area keeps that area's rows; the skill stays the country's admin-1 backtest.
    forecasts: area === undefined ? forecasts : forecasts.filter((f) => f.key === area),
    ...(area === undefined ? {} : { area }),
    backtest: runBacktest(panel, { ...DEFAULT_BACKTEST, lastOrigins: RECENT_ORIGINS }),
    ...(recordedSoFar ? { recordedSoFar } : {}),
    ...(gapped.dataGap ? { dataGap: gapped.dataGap } : {}),
  };
}

/**
 * The one country a store's events are of, for a brief that names none; undefined when the store
 * holds none or several (a forecast is of one country).
 */
export async function onlyCountry(store: Store): Promise<string | undefined> {
  const rows = await store.db.selectFrom('country_counts').select('country').distinct().limit(2).execute();
  return rows.length === 1 ? rows[0].country : undefined;
}

/** Why a forecast has no area to forecast: nothing violent by the origin, or no admin-1 area named. */
async function whyNone(
  store: Store,
  country: string,
  origin: string,
  panel: { months: readonly string[] },
): Promise<string> {
  if (panel.months.length)
    return `no forecast: no admin-1 area of ${country} has violent events up to ${origin} (its events name none; --level country forecasts the country)`;
  const first = await firstViolentMonth(store.db, country);
  return `no forecast: ${country} has no violent event in the store up to ${origin}${first ? `; its first is in ${first}` : ''}`;
}

/**
 * The origin of a forecast or a backtest: the month asked for, which may be the month of the latest
 * event (whoever names it knows it is whole) but not after it; else the last complete month.
 */
async function originOf(
  store: Store,
  input: { country: string; origin?: string },
): Promise<{ origin: string; last: string }> {
  const { month: latest, last } = await lastCompleteMonth(store, input.country);
  if (input.origin && input.origin > last.slice(0, 7))
    throw new TandemError(
      'bad-input',
      `origin ${input.origin} is after the last month with events of ${input.country} in the store (${last.slice(0, 7)})`,
      { details: { field: 'origin' } },
    );
  return { origin: input.origin ?? latest, last };
}

export const forecastOperations = {
  forecast: defineOperation({
    summary:
      "Monthly forecasts of violent events and their fatalities for a country or each of its admin-1 areas (and each area of responsibility of a plan given, or of a mission's stored plan, as level aor), 1–12 months after an origin (default the last complete month), with 0.1/0.5/0.9 quantiles and the probability of onset; only data up to the origin is used.",
    input: forecastInput,
    async run(ctx, input): Promise<ForecastResult> {
      const { origin, last } = await originOf(ctx.store, input);
      const planned = await plannedAreasOfResponsibility(ctx.store, input);
      const { aors } = planned;
      const gap = await dataGapBefore(ctx.store, input.country, origin);
      const notes = [...gap.notes, ...planned.notes];
      const panel = await readForecastPanel(ctx.store.db, input.country, origin, aors);
      const r = forecastPanel(panel, {
        level: input.level,
        horizons: input.horizon,
        metrics: input.metric ? [input.metric] : FORECAST_METRICS,
        historyMonths: input.history,
      });
      const said = { ...(notes.length ? { notes } : {}), ...(gap.dataGap ? { dataGap: gap.dataGap } : {}) };
      if (!r.forecasts.length)
        return {
          country: input.country,
          origin,
          ...r,
          ...said,
          note: await whyNone(ctx.store, input.country, origin, panel),
        };
      const partial = input.origin
        ? undefined
        : await partialMonthAfter(ctx.store, input.country, origin, last);
      if (!partial) return { country: input.country, origin, ...r, ...said };
      // The country's own figure beside its areas', for the country-level chart.
      const total = { key: input.country, events: 0, fatalities: 0 };
      for (const a of partial.values) {
        total.events += a.events;
        total.fatalities += a.fatalities;
      }
      const values = input.level === 'country' ? [total] : [...partial.values, total];
      return { country: input.country, origin, ...r, ...said, recordedSoFar: { ...partial, values } };
    },
  }),

  forecastBacktest: defineOperation({
    summary:
      "Rolling-origin backtest of the forecasts on a country's history: at every origin after two years, train on data up to it, forecast 1–6 months ahead and score (MSE, MSLE, CRPS, 80% coverage, total ratio, onset average precision) beside the zero, last, mean-of-12, mean-of-log-12 and bootstrap baselines.",
    input: z.object({
      country: z.string().trim().min(1, 'name a country'),
      level: z.enum(FORECAST_LEVELS).default('admin1'),
      metric: z.enum(FORECAST_METRICS).optional(),
      /** The backtest as it would have been run then: data up to this month's end only. */
      origin: month.optional(),
      /** Only the latest this many origins are scored (the brief scores the last 60). */
      lastOrigins: numberInput(z.number().int().min(1)).optional(),
    }),
    async run(
      ctx,
      input,
    ): Promise<{ country: string; note?: string; notes?: string[]; dataGaps?: DataGap[] } & BacktestResult> {
      const { origin: last } = await originOf(ctx.store, input);
      const panel = await readForecastPanel(ctx.store.db, input.country, last);
      const r = runBacktest(panel, {
        ...DEFAULT_BACKTEST,
        level: input.level,
        metrics: input.metric ? [input.metric] : FORECAST_METRICS,
        lastOrigins: input.lastOrigins,
      });
      // Months the store holds nothing of the country are scored as months without violence.
      const gaps = dataGaps(await readMonthsWithEvents(ctx.store.db, input.country, last), last);
      const said = gaps.length
        ? { dataGaps: gaps, notes: gaps.map((g) => backtestGapSentence(input.country, g)) }
        : {};
      if (r.origins.count) return { country: input.country, ...r, ...said };
      // Empty scores say nothing of why: the record is too short.
      const held = panel.months.length;
      const note = `no origin to score: the backtest forecasts from an origin with ${DEFAULT_BACKTEST.minTrainMonths} months of violence data before it and one complete month after it, and ${input.country} has ${held} month${held === 1 ? '' : 's'} up to ${last}`;
      return { country: input.country, note, ...r, ...said };
    },
  }),
};

/** What a data gap does to the backtest, in words. */
function backtestGapSentence(country: string, gap: DataGap): string {
  return (
    `${gapOpening(country, gap)}: a gap in the data (a source not imported for those months) ` +
    'or a time its sources record no violence (UCDP GED holds none in years without a qualifying conflict). The backtest ' +
    'scores those months as months without violence, as outcomes and at the origins after them; if they are a gap, import them and run it again'
  );
}
