import { addMonths } from './months.ts';

/**
 * The direction of a count over the last months against the months before: 'new' when nothing of
 * the kind happened before the last months, 'returning' when the months before were quiet but
 * there had been such events earlier still (a group back in an area after a lull is no newcomer).
 */
export type TrendDirection = 'rising' | 'falling' | 'stable' | 'new' | 'returning' | 'none';

/**
 * Compares two equal-length windows. A quarter more or less is the least that counts as a change,
 * because monthly conflict counts swing by that much on noise alone; and on small counts a change
 * must also be more than chance would often give: 2 events after 1, or 6 after 3, is 'stable'.
 * Given the two windows' total, if both had the same rate each event would fall in either with
 * even odds; a change is named when a split at least this lopsided would come by chance no more
 * than one time in five (NOISE_ODDS). When the earlier window is empty, `before` (the events of
 * the same kind in the whole record before it) tells a return from a first appearance: 'new' only
 * when there were none.
 */
export function trendOf(recent: number, previous: number, before: number): TrendDirection {
  if (recent === 0 && previous === 0) return 'none';
  if (previous === 0) return before > 0 ? 'returning' : 'new';
  const ratio = recent / previous;
  if (ratio >= 1.25 && evenSplitTail(recent, recent + previous) <= NOISE_ODDS) return 'rising';
  if (ratio <= 0.8 && evenSplitTail(previous, recent + previous) <= NOISE_ODDS) return 'falling';
  return 'stable';
}

/** How rare a split must be, under equal rates, before a trend is named (one-sided). */
const NOISE_ODDS = 0.2;

/**
 * The chance that k or more of n events fall in one of two equal windows when each falls in
 * either with even odds (a binomial tail), summed in logs so that large counts do not overflow.
 */
export function evenSplitTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  // Counts are whole events; fatalities sums can be large, so the terms are summed in logs.
  const logHalfN = n * Math.log(0.5);
  let logTerm = logChoose(n, k) + logHalfN;
  let sum = 0;
  for (let i = k; i <= n; i++) {
    sum += Math.exp(logTerm);
    logTerm += Math.log((n - i) / (i + 1));
    if (sum > 0 && Math.exp(logTerm) < sum * 1e-12) break;
  }
  return Math.min(1, sum);
}

function logChoose(n: number, k: number): number {
  let s = 0;
  const m = Math.min(k, n - k);
  for (let i = 1; i <= m; i++) s += Math.log((n - m + i) / i);
  return s;
}

/**
 * A trend's two windows over a period's months (YYYY-MM, oldest first): the last `trendMonths`
 * months, or the whole period when it is shorter, and as many months just before them, before the
 * period itself where need be. Both have `width` months: a four-month period is compared with the
 * four months before it, not with six months of which none are counted.
 */
export function trendWindow(
  months: readonly string[],
  trendMonths: number,
): { recentStart: string; previousStart: string; width: number } {
  const width = Math.max(1, Math.min(trendMonths, months.length));
  const recentStart = months[months.length - width]!;
  return { recentStart, previousStart: addMonths(recentStart, -width), width };
}
