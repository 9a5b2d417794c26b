import { useTranslation } from 'react-i18next';
import { day, longMonth, num } from '../format.ts';
import { actorName, alertInWords } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { actorHref } from '../record-links.ts';
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
  const { t } = useTranslation();
  if (alerts.length === 0) return <Empty>{t('common.noAlerts')}</Empty>;
  return (
    <ul className="alerts">
      {alerts.slice(0, limit).map((a) => (
        <li key={`${a.level}-${a.key}-${a.start}-${a.metric}`}>
          <strong>{actorName(a.key)}</strong>{' '}
          <span className="muted">({t(`common.alertLevel.${a.level}`, { defaultValue: a.level })})</span>
          {t('common.colon')}
          {alertInWords(a)}{' '}
          {a.level === 'admin1' && (
            <a href={pageHref('area', { country: a.country, area: a.key })}>
              {t('common.openArea', { area: a.key })}
            </a>
          )}
          {a.level === 'actor' && (
            <a href={actorHref(a.key, a.country)}>{t('common.openActor', { actor: actorName(a.key) })}</a>
          )}
          <details>
            <summary>{t('common.howFound')}</summary>
            <p>
              {t(alertMethod(a), {
                baseline: num(a.baseline),
                observed: num(a.observed),
                start: longMonth(a.start),
                alarm: longMonth(a.alarm),
                counts: a.counts.join(', '),
                score: num(a.score),
                threshold: num(a.threshold),
              })}
            </p>
            {a.evidence.length > 0 && (
              <p>
                {t('common.eventsBehind')}{' '}
                {a.evidence.map((e, i) => (
                  <span key={e.id}>
                    {i > 0 && ', '}
                    <a href={pageHref('event', { id: String(e.id) })}>
                      {day(e.date)} {e.admin1} ({t('common.deaths', { count: e.fatalities })})
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

/** The catalogue key of how an alert of this kind was found. */
function alertMethod(a: Alert): string {
  if (a.kind === 'new-actor') return 'common.alertMethodNew';
  if (a.kind === 'mass-casualty') return 'common.alertMethodMass';
  return a.metric === 'fatalities' ? 'common.alertMethodDeaths' : 'common.alertMethod';
}
