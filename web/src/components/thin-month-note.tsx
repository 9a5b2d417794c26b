import { useTranslation } from 'react-i18next';
import { longMonth } from '../format.ts';

/** What the note needs of the trend: its months and, per series, events per month. */
interface MonthlyEvents {
  months: readonly string[];
  series: readonly { events: readonly number[] }[];
}

/**
 * The period's last month when it holds far fewer events than the months before it (under a
 * third of their median, which is at least 6): a month only begun, or an export cut short. One
 * late incident moves the default twelve months into such a month, and the headline then reads
 * as a fall in violence that is only missing data.
 */
export function thinLastMonth(
  trend: MonthlyEvents,
  to: string,
): { month: string; events: number; usual: number } | null {
  const at = trend.months.indexOf(to.slice(0, 7));
  if (at < 6) return null;
  const total = (i: number) => trend.series.reduce((s, x) => s + (x.events[i] ?? 0), 0);
  const before = Array.from({ length: 6 }, (_, k) => total(at - 1 - k)).sort((a, b) => a - b);
  const usual = (before[2]! + before[3]!) / 2;
  const events = total(at);
  return usual >= 6 && events * 3 < usual
    ? { month: trend.months[at]!, events, usual: Math.round(usual) }
    : null;
}

export function ThinMonthNote({ trend, to }: { trend: MonthlyEvents | undefined; to: string }) {
  const { t } = useTranslation();
  const thin = trend ? thinLastMonth(trend, to) : null;
  if (!thin) return null;
  const text = t('common.thinLastMonth', {
    month: longMonth(thin.month),
    count: thin.events,
    usual: thin.usual,
  });
  // A French month starts the sentence in lower case ("novembre 2026 compte…").
  return (
    <p className="warning-box thin-month" role="note">
      {text.charAt(0).toUpperCase() + text.slice(1)}
    </p>
  );
}
