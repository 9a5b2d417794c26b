import { useTranslation } from 'react-i18next';
import { get } from '../api-client.ts';
import { day, pct } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { actorName } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { PlotFigure } from './plot-figure.tsx';
import { Async, Empty } from './status-views.tsx';

/** `GET /api/negotiations/current` (currentNegotiation): a stored process and its check. */
type NegotiationAnswer = OperationResult<'currentNegotiation'>;

/**
 * One stored negotiation process (`GET /api/negotiations/current?id=…`): its rounds and
 * delegations, violence before each round against the party's baseline, and the alerts. The chart
 * is drawn at its box's width: a column when several processes are laid side by side, or a phone.
 */
export function NegotiationView({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const state = useApi<NegotiationAnswer>(`neg ${id} ${lang}`, (s) =>
    get('/api/negotiations/current', { id, lang }, s),
  );
  return (
    <article className="negotiation" aria-label={t('negotiations.process', { id })}>
      <Async state={state} what={t('negotiations.theProcess')}>
        {(n) => {
          const party = (id: string) => n.process.parties.find((p) => p.id === id)?.name ?? id;
          return (
            <>
              <h2>{n.process.process}</h2>
              <p className="muted">
                {t('negotiations.summary', {
                  parties: n.process.parties.length,
                  rounds: n.process.rounds.length,
                  quota:
                    n.process.quota.women === undefined
                      ? t('negotiations.notSet')
                      : pct(n.process.quota.women),
                })}
              </p>
              <details>
                <summary>{t('negotiations.howTested')}</summary>
                <p>{n.check.method}</p>
              </details>
              <h3>{t('negotiations.rounds')}</h3>
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('negotiations.round')}</th>
                      <th scope="col">{t('negotiations.dates')}</th>
                      <th scope="col">{t('negotiations.venue')}</th>
                      {n.process.parties.map((p) => (
                        <th scope="col" key={p.id}>
                          {p.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {n.process.rounds.map((r) => (
                      <tr key={r.id}>
                        <th scope="row">{r.id}</th>
                        <td>
                          {day(r.start)} – {day(r.end)}
                        </td>
                        <td>{r.venue ?? ''}</td>
                        {n.process.parties.map((p) => {
                          const inc = n.check.inclusion.find((i) => i.round === r.id && i.party === p.id);
                          if (!inc)
                            return (
                              <td key={p.id} className="muted">
                                {t('negotiations.absent')}
                              </td>
                            );
                          return (
                            <td key={p.id} className={inc.meetsQuota === false ? 'state' : undefined}>
                              {t('negotiations.women', {
                                women: inc.women,
                                total: inc.total,
                                share: pct(inc.share),
                              })}
                              {inc.meetsQuota === false ? t('negotiations.belowQuota') : ''}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>

              <h3>{t('negotiations.violence')}</h3>
              {n.check.tests.length === 0 ? (
                <Empty>{t('negotiations.noLink')}</Empty>
              ) : (
                <PlotFigure
                  label={t('negotiations.chart')}
                  deps={[n]}
                  make={(Plot, width) =>
                    Plot.plot({
                      width,
                      height: 240,
                      marginLeft: 50,
                      // On a phone the round and party under each pair of bars stand upright, so they do not run together.
                      marginBottom: width < 600 ? 64 : 36,
                      fx: { label: null, tickRotate: width < 600 ? -90 : 0 },
                      x: { axis: null, domain: [t('negotiations.before'), t('negotiations.expected')] },
                      y: { label: t('negotiations.inWindow'), grid: true },
                      color: {
                        legend: true,
                        domain: [t('negotiations.before'), t('negotiations.expected')],
                        range: ['#b2182b', '#9aa7b1'],
                      },
                      marks: [
                        Plot.barY(
                          n.check.tests.flatMap((x) => [
                            { key: `${x.round}\n${x.party}`, what: t('negotiations.before'), v: x.before },
                            {
                              key: `${x.round}\n${x.party}`,
                              what: t('negotiations.expected'),
                              v: x.baseline,
                            },
                          ]),
                          { fx: 'key', x: 'what', y: 'v', fill: 'what' },
                        ),
                        Plot.ruleY([0]),
                      ],
                    })
                  }
                />
              )}

              <h3>{t('negotiations.alerts', { count: n.check.alerts.length })}</h3>
              {n.check.alerts.length === 0 ? (
                <Empty>{t('negotiations.noAlerts')}</Empty>
              ) : (
                <ul className="alerts">
                  {n.check.alerts.map((a) => (
                    <li key={`${a.party}-${a.round}`}>
                      <strong>
                        {t('negotiations.beforeRound', { party: party(a.party), round: a.round })}
                      </strong>{' '}
                      {a.message}
                      <details>
                        <summary>{t('negotiations.eventsInWindow', { count: a.evidence.length })}</summary>
                        <ul className="evidence">
                          {a.evidence.slice(0, 40).map((e) => (
                            <li key={e.id}>
                              {day(e.date)} {e.admin1}
                              {t('common.colon')}
                              {actorName(e.actor1)} → {e.actor2 ? actorName(e.actor2) : '—'}{' '}
                              {t('negotiations.dead', { count: e.fatalities })}
                            </li>
                          ))}
                        </ul>
                      </details>
                    </li>
                  ))}
                </ul>
              )}
              {n.check.notes.length > 0 && (
                <ul className="muted">
                  {n.check.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </Async>
    </article>
  );
}
