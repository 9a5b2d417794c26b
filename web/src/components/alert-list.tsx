import { num } from '../format.ts';
import { ALERT_LEVEL_LABELS, alertInWords } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { pageHref } from '../url-state.ts';
import { Empty } from './status-views.tsx';

/** `GET /api/alerts` (listAlerts): the alerts whose rise overlaps the period. */
export type AlertsAnswer = OperationResult<'listAlerts'>;
type Alert = AlertsAnswer['alerts'][number];

/**
 * Escalation alerts said in words (what was seen against what was expected, and how rare that
 * is), each with the test's figures a click away and links to its area and its events.
 */
export function AlertList({ alerts, limit = 12 }: { alerts: readonly Alert[]; limit?: number }) {
  if (alerts.length === 0) return <Empty>No alerts in this period.</Empty>;
  return (
    <ul className="alerts">
      {alerts.slice(0, limit).map((a) => (
        <li key={`${a.level}-${a.key}-${a.start}-${a.metric}`}>
          <strong>{a.key}</strong> <span className="muted">({ALERT_LEVEL_LABELS[a.level] ?? a.level})</span>:{' '}
          {alertInWords(a)}{' '}
          {a.level === 'admin1' && (
            <a href={pageHref('area', { country: a.country, area: a.key })}>Open {a.key}</a>
          )}
          <details>
            <summary>How this was found</summary>
            <p>
              A negative-binomial CUSUM test on the monthly count of violent events (battles and armed
              conflict, explosions and remote violence, violence against civilians). Expected:{' '}
              {num(a.baseline)} a month (the mean of the months before the rise); observed: {num(a.observed)}{' '}
              a month from {a.start} to {a.alarm} (monthly counts {a.counts.join(', ')}). The score{' '}
              {num(a.score)} crossed the threshold h = {num(a.threshold)} in {a.alarm}. The chance in words
              assumes Poisson months at the expected rate; real months vary more, so the true chance is
              larger. The test itself allows for that variation.
            </p>
            {a.evidence.length > 0 && (
              <p>
                Events behind it:{' '}
                {a.evidence.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 && ', '}
                    <a href={pageHref('event', { id: String(e.id) })}>
                      {e.date} {e.admin1} ({num(e.fatalities)} deaths)
                    </a>
                  </span>
                ))}
              </p>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
