import { addMonths } from './months.ts';

/** The direction of a count over the last months against the months before. */
export type TrendDirection = 'rising' | 'falling' | 'stable' | 'new' | 'none';

/**
 * Compares two equal-length windows. A quarter more or less counts as a change, because monthly
 * conflict counts swing by that much on noise alone; 'new' when nothing happened before.
 */
export function trendOf(recent: number, previous: number): TrendDirection {
  if (recent === 0 && previous === 0) return 'none';
  if (previous === 0) return 'new';
  const ratio = recent / previous;
  if (ratio >= 1.25) return 'rising';
  if (ratio <= 0.8) return 'falling';
  return 'stable';
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
