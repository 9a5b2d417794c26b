import { addMonths, monthRange } from './months.ts';

/**
 * A run of months in which the store holds no event of any kind for a country (no battle, no
 * protest, no arrest, from any source), after a record that had events in most months: far more
 * likely a gap in the data (a source not pulled for a while, an export of another period) than
 * a lull. A forecast reads such months as months without violence and runs low after them.
 */
export interface DataGap {
  /** The first and last empty month of the run. */
  from: string;
  to: string;
  months: number;
  /** The share of the country's months before the run that held an event. */
  shareBefore: number;
}

/** How unlikely, given the months before it, a run of empty months must be to read as a gap. */
const GAP_CHANCE = 0.01;
/** Months of record before a run, at least, for its share to mean anything. */
const MIN_MONTHS_BEFORE = 6;
/** Runs that end this many months or more before the origin no longer reach the model's inputs. */
const MODEL_WINDOW_MONTHS = 36;

/**
 * The latest run of months without any event, up to the origin, that reaches the forecast's
 * inputs (the 36 months up to the origin) and that the country's own pace makes unlikely: if a
 * share r of its months before the run held an event, k empty months in a row have a chance of
 * (1 − r)^k, and below 1% they read as a gap. `monthsWithEvents` are the months (YYYY-MM) with at
 * least one event of any kind. Undefined when there is no such run.
 */
export function latestDataGap(monthsWithEvents: Iterable<string>, origin: string): DataGap | undefined {
  const reach = addMonths(origin, 1 - MODEL_WINDOW_MONTHS);
  return dataGaps(monthsWithEvents, origin)
    .filter((g) => g.to >= reach)
    .at(-1);
}

/**
 * Every run of months without any event, up to `to`, that the country's pace before it makes
 * unlikely (the rule of latestDataGap, wherever the run lies), oldest first: the months a
 * backtest scores as months without violence, at its origins and as outcomes.
 */
export function dataGaps(monthsWithEvents: Iterable<string>, to: string): DataGap[] {
  const held = new Set([...monthsWithEvents].filter((m) => m <= to));
  if (!held.size) return [];
  const months = monthRange([...held].sort()[0], to);
  const out: DataGap[] = [];
  for (let start = 0; start < months.length; start++) {
    if (held.has(months[start])) continue;
    let end = start;
    while (end + 1 < months.length && !held.has(months[end + 1])) end++;
    const before = months.slice(0, start);
    if (before.length >= MIN_MONTHS_BEFORE) {
      const share = before.filter((m) => held.has(m)).length / before.length;
      const k = end - start + 1;
      if ((1 - share) ** k < GAP_CHANCE)
        out.push({ from: months[start], to: months[end], months: k, shareBefore: share });
    }
    start = end;
  }
  return out;
}
