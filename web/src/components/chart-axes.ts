import { month } from '../format.ts';

/**
 * A month axis for band charts over `months` (YYYY-MM): a tick every month when few fit, else
 * every quarter or year, labelled "Jan 2014"-style so a reader sees months, not only years.
 */
export function monthAxis(months: readonly string[], width: number) {
  const room = Math.max(1, Math.floor(width / 70));
  const step = [1, 3, 6, 12, 24, 60].find((s) => months.length / s <= room) ?? 120;
  return {
    type: 'band' as const,
    label: null,
    tickSize: 0,
    tickFormat: (d: string) => {
      const m = Number(d.slice(5, 7));
      if (step >= 12) return m === 1 && Number(d.slice(0, 4)) % (step / 12) === 0 ? d.slice(0, 4) : '';
      return (m - 1) % step === 0 ? monthName(d) : '';
    },
  };
}

/** "Dec 2013" (in French "déc. 2013") for 2013-12. */
export function monthName(ym: string): string {
  return month(ym);
}
