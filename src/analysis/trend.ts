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
