import { get } from '../api-client.ts';
import { Async, Empty } from '../components/status-views.tsx';
import { num } from '../format.ts';
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
  const id = useUrlState().params.get('id') ?? '';
  const state = useApi<EventAnswer>(`event ${id}`, (s) => get('/api/event', { id }, s));
  return (
    <section className="event-page">
      <Async state={state} what={`event ${id}`}>
        {(r) => {
          const e = r.event;
          const actor = (name: string, category: string | null) =>
            !name ? (
              '—'
            ) : name === WITHHELD_ACTOR || r.withheld ? (
              <span className="muted">withheld</span>
            ) : (
              <a href={actorHref(name, e.country)}>
                {name} <span className="muted">({category ?? 'category unknown'})</span>
              </a>
            );
          return (
            <>
              <h1>
                {e.eventType || e.violenceType} <span className="muted">{e.dateStart}</span>
              </h1>
              {r.withheld && (
                <p className="muted" role="note">
                  This event is {e.sensitivity}: its place, actors, notes and source are withheld from you.
                </p>
              )}
              <dl className="record">
                <dt>When</dt>
                <dd>
                  {e.dateStart}
                  {e.dateEnd !== e.dateStart ? ` to ${e.dateEnd}` : ''}
                </dd>
                <dt>Where</dt>
                <dd>{[e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(', ')}</dd>
                <dt>What</dt>
                <dd>
                  {[e.eventType, e.subEventType].filter(Boolean).join(' — ')} ({e.violenceType}
                  {e.civilianTargeting ? ', civilians targeted' : ''})
                </dd>
                <dt>Perpetrator</dt>
                <dd>{actor(e.actor1, e.actor1Category)}</dd>
                <dt>Other party</dt>
                <dd>{actor(e.actor2, e.actor2Category)}</dd>
                <dt>Fatalities</dt>
                <dd>
                  {num(e.fatalities)}
                  {e.civilianFatalities !== null ? `, of whom ${num(e.civilianFatalities)} civilians` : ''}
                </dd>
                <dt>Notes</dt>
                <dd>{e.notes || '—'}</dd>
                <dt>Source</dt>
                <dd>
                  {e.source.toUpperCase()} <code>{e.sourceEventId}</code>
                  {e.sourceText ? ` — ${e.sourceText}` : ''}
                </dd>
                <dt>Sensitivity</dt>
                <dd>{e.sensitivity}</dd>
              </dl>
              <h2>Escalation alerts that count it ({r.alerts.length})</h2>
              {r.alerts.length === 0 ? (
                <Empty>No alert's rise includes this event.</Empty>
              ) : (
                <ul>
                  {r.alerts.map((a) => (
                    <li key={`${a.level}-${a.key}-${a.start}`}>
                      {a.key} ({a.level}): events rose from about {a.baseline.toFixed(1)} a month to{' '}
                      {a.observed.toFixed(1)} from {a.start}, alarm in {a.alarm}
                    </li>
                  ))}
                </ul>
              )}
              <h2>Threats it stands behind ({r.threats.length})</h2>
              {r.threats.length === 0 ? (
                <Empty>No threat of the register stands on this event.</Empty>
              ) : (
                <ul>
                  {r.threats.map((t) => (
                    <li key={t.id ?? `${t.perpetrator}-${t.targetedPopulation}`}>
                      {t.perpetrator} → {t.targetedPopulation} ({t.violenceType}): likelihood {t.likelihood},
                      severity {t.severity}, {t.status}
                    </li>
                  ))}
                </ul>
              )}
              {r.driverTags.length > 0 && (
                <>
                  <h2>Drivers tagged on it</h2>
                  <ul>
                    {r.driverTags.map((t) => (
                      <li key={t.id}>
                        {t.driver}{' '}
                        <span className="muted">
                          (by {t.analyst}, {t.unit})
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
