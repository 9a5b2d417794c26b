/** A period's last month that holds far fewer events than the months before it. */
export interface ThinMonth {
  month: string;
  events: number;
  /** The median of the six months before it, rounded. */
  usual: number;
}

/**
 * The last month of `months` (YYYY-MM, oldest first) when it holds under a third of the median of
 * the six months before it, and that median is at least 6: a month only begun, or an export cut
 * short. One late incident moves a default twelve-month period into such a month, and a headline
 * or a trend then reads as a fall in violence that is only missing data. `events[i]` is the
 * events of `months[i]`; null when there are fewer than seven months or the month is not thin.
 */
export function thinLastMonth(months: readonly string[], events: readonly number[]): ThinMonth | null {
  const at = months.length - 1;
  if (at < 6) return null;
  const before = events
    .slice(at - 6, at)
    .map((n) => n ?? 0)
    .sort((a, b) => a - b);
  const usual = (before[2]! + before[3]!) / 2;
  const last = events[at] ?? 0;
  return usual >= 6 && last * 3 < usual
    ? { month: months[at]!, events: last, usual: Math.round(usual) }
    : null;
}
