import { useTranslation } from 'react-i18next';
import {
  thinLastMonth as sharedThinLastMonth,
  type ThinMonth,
} from '../../../src/analysis/thin-last-month.ts';
import { longMonth } from '../format.ts';

/** What the note needs of the trend: its months and, per series, events per month. */
interface MonthlyEvents {
  months: readonly string[];
  series: readonly { events: readonly number[] }[];
}

/**
 * The period's last month when it holds far fewer events than the months before it: the rule the
 * brief uses too (src/analysis/thin-last-month.ts), over the trend's months up to `to`.
 */
export function thinLastMonth(trend: MonthlyEvents, to: string): ThinMonth | null {
  const at = trend.months.indexOf(to.slice(0, 7));
  if (at < 0) return null;
  const totals = trend.months
    .slice(0, at + 1)
    .map((_, i) => trend.series.reduce((s, x) => s + (x.events[i] ?? 0), 0));
  return sharedThinLastMonth(trend.months.slice(0, at + 1), totals);
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
