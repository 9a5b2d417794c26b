import { useTranslation } from 'react-i18next';
import { driverName } from '../../../src/domain/driver.ts';
import { get } from '../api-client.ts';
import { Async, Empty } from '../components/status-views.tsx';
import { day, longMonth, num } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { actorName, label, populationName, recordText } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { actorHref } from '../record-links.ts';
import { useUrlState } from '../url-state.ts';
import { useApi } from '../use-api.ts';
import '../components/workbench-tasks.css';

type EventAnswer = OperationResult<'eventDetail'>;

const WITHHELD_ACTOR = '(withheld)';

/**
 * One event (`#/event?id=ID`, `GET /api/event`): its fields, its source, and the alerts, threats
 * and driver tags that stand on it. Fields above the reader's clearance arrive withheld and stay so.
 */
export function EventPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useUrlState().params.get('id') ?? '';
  const state = useApi<EventAnswer>(`event ${id}`, (s) => get('/api/event', { id }, s));
  return (
    <section className="event-page">
      <Async state={state} what={t('records.theEvent', { id })}>
        {(r) => {
          const e = r.event;
          const actor = (name: string, category: string | null) =>
            !name ? (
              '—'
            ) : name === WITHHELD_ACTOR || r.withheld ? (
              <span className="muted">{t('records.withheld')}</span>
            ) : (
              <a href={actorHref(name, e.country)}>
                {name}{' '}
                <span className="muted">({category ? label(category) : t('records.categoryUnknown')})</span>
              </a>
            );
          return (
            <>
              <h1>
                {label(e.violenceType)} <span className="muted">{day(e.dateStart)}</span>
              </h1>
              {r.withheld && (
                <p className="muted" role="note">
                  {t('records.withheldNote', { sensitivity: t(`records.sensitivities.${e.sensitivity}`) })}
                </p>
              )}
              <dl className="record">
                <dt>{t('records.when')}</dt>
                <dd>
                  {day(e.dateStart)}
                  {e.dateEnd !== e.dateStart ? t('records.toDate', { date: day(e.dateEnd) }) : ''}
                </dd>
                <dt>{t('records.where')}</dt>
                <dd>{[e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(', ')}</dd>
                <dt>{t('records.what')}</dt>
                <dd>
                  {e.source === 'mission'
                    ? `${t('records.missionIncident')} — ${t(`incidents.category.${e.subEventType}`, { defaultValue: e.subEventType })}`
                    : [e.eventType, e.subEventType].filter(Boolean).join(' — ')}{' '}
                  ({label(e.violenceType)}
                  {e.civilianTargeting ? t('records.civiliansTargeted') : ''})
                </dd>
                <dt>{t('records.perpetrator')}</dt>
                <dd>
                  {actor(e.actor1, e.actor1Category)}
                  {/* Who acted with them (ACLED's associated actors: Wagner Group with Mali's army). */}
                  {e.actor1Associated?.length
                    ? t('records.withActors', { actors: e.actor1Associated.join('; ') })
                    : ''}
                </dd>
                <dt>{t('records.otherParty')}</dt>
                <dd>
                  {actor(e.actor2, e.actor2Category)}
                  {e.actor2Associated?.length
                    ? t('records.withActors', { actors: e.actor2Associated.join('; ') })
                    : ''}
                </dd>
                <dt>{t('records.fatalities')}</dt>
                <dd>
                  {num(e.fatalities)}
                  {e.civilianFatalities !== null ? t('records.ofWhom', { count: e.civilianFatalities }) : ''}
                </dd>
                <dt>{t('records.notes')}</dt>
                <dd>{e.notes ? recordText(e.notes) : '—'}</dd>
                <dt>{t('records.source')}</dt>
                <dd>
                  {e.source === 'mission' ? (
                    // The mission's own log: the incident, not a source code.
                    <a href="#/incidents">{t('records.missionLog', { id: e.sourceEventId })}</a>
                  ) : (
                    <>
                      {e.source.toUpperCase()} <code>{e.sourceEventId}</code>
                    </>
                  )}
                  {e.sourceText ? ` — ${recordText(e.sourceText)}` : ''}
                </dd>
                <dt>{t('records.sensitivity')}</dt>
                <dd>{t(`records.sensitivities.${e.sensitivity}`, { defaultValue: e.sensitivity })}</dd>
              </dl>
              <h2>{t('records.alerts', { count: r.alerts.length })}</h2>
              {r.alerts.length === 0 ? (
                <Empty>{t('records.noAlert')}</Empty>
              ) : (
                <ul>
                  {r.alerts.map((a) => (
                    <li key={`${a.level}-${a.key}-${a.start}`}>
                      {t(a.metric === 'fatalities' ? 'records.alertDeaths' : 'records.alert', {
                        key: a.key,
                        level: a.level,
                        baseline: num(Math.round(a.baseline * 10) / 10),
                        observed: num(Math.round(a.observed * 10) / 10),
                        start: longMonth(a.start),
                        alarm: longMonth(a.alarm),
                      })}
                    </li>
                  ))}
                </ul>
              )}
              <h2>{t('records.threats', { count: r.threats.length })}</h2>
              {r.threats.length === 0 ? (
                <Empty>{t('records.noThreat')}</Empty>
              ) : (
                <ul>
                  {r.threats.map((x) => (
                    <li key={x.id ?? `${x.perpetrator}-${x.targetedPopulation}`}>
                      {t('records.threat', {
                        perpetrator: x.perpetrator,
                        population: populationName(x.targetedPopulation),
                        type: label(x.violenceType),
                        likelihood: label(x.likelihood),
                        severity: label(x.severity),
                        status: label(x.status),
                      })}
                    </li>
                  ))}
                </ul>
              )}
              {r.driverTags.length > 0 && (
                <>
                  <h2>{t('records.drivers')}</h2>
                  <ul>
                    {r.driverTags.map((x) => (
                      <li key={x.id}>
                        {driverName(x, lang)}{' '}
                        <span className="muted">
                          {t('records.taggedBy', {
                            analyst: actorName(x.analyst),
                            unit: t(`analysts.unit.${x.unit}`, { defaultValue: x.unit }),
                          })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          );
        }}
      </Async>
    </section>
  );
}
