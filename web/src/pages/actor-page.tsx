import { useTranslation } from 'react-i18next';
import { nameSaysCountry } from '../actor-country.ts';
import { get } from '../api-client.ts';
import { Async } from '../components/status-views.tsx';
import { day, num, pct } from '../format.ts';
import { label } from '../labels.ts';
import type { OperationResult } from '../operation-types.ts';
import { eventHref } from '../record-links.ts';
import { useUrlState } from '../url-state.ts';
import { useApi } from '../use-api.ts';
import '../components/workbench-tasks.css';

type ActorAnswer = OperationResult<'actorProfile'>;

/**
 * One actor (`#/actor?name=…&country=…`, `GET /api/actor`): its category, whether it is a state
 * force, its share of the country's attacks on civilians, the areas where it acts and its latest
 * events, each linked to its page. Events the reader may not see with the actor named are left out.
 */
export function ActorPage() {
  const { t } = useTranslation();
  const params = useUrlState().params;
  const name = params.get('name') ?? '';
  const country = params.get('country') ?? undefined;
  const state = useApi<ActorAnswer>(`actor ${name} ${country}`, (s) =>
    get('/api/actor', { name, country }, s),
  );
  return (
    <section className="actor-page">
      <Async state={state} what={t('records.theActor', { name })}>
        {(a) => (
          <>
            <h1>
              {a.name}
              {a.country && !nameSaysCountry(a.name, a.country) && (
                <>
                  {' '}
                  <span className="muted">({a.country})</span>
                </>
              )}
            </h1>
            <p className="muted">{t('records.wholeRecord')}</p>
            <dl className="record">
              <dt>{t('records.category')}</dt>
              <dd>{a.category ? label(a.category) : t('records.unknown')}</dd>
              <dt>{t('records.stateForce')}</dt>
              <dd>{a.isState ? t('records.yes') : t('records.no')}</dd>
              <dt>{t('records.events')}</dt>
              <dd>{num(a.events)}</dd>
              <dt>{t('records.fatalities')}</dt>
              <dd>{num(a.fatalities)}</dd>
              <dt>{t('records.attacks')}</dt>
              <dd>
                {t('records.asPerpetrator', { n: num(a.civilianTargetingEvents) })}{' '}
                {a.shareOfAttacksOnCivilians === null
                  ? t('records.noAttack')
                  : t('records.share', { share: pct(a.shareOfAttacksOnCivilians) })}
              </dd>
            </dl>
            {a.categoriesOverTime.length > 1 && (
              <>
                <h2>{t('records.categoryOverTime')}</h2>
                <p className="muted">
                  {t('records.categoryByDate', {
                    basis: a.categoryPeriods.length ? t('records.fromRegister') : t('records.fromSource'),
                  })}
                </p>
                <ul className="tag-list">
                  {a.categoriesOverTime.map((r) => (
                    <li key={`${r.first}-${r.category}`}>
                      {t('records.categoryRun', {
                        first: day(r.first),
                        last: day(r.last),
                        category: r.category ? label(r.category) : t('records.unknown'),
                        count: r.events,
                      })}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h2>{t('records.whereActs')}</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('records.area')}</th>
                    <th scope="col">{t('records.events')}</th>
                    <th scope="col">{t('records.fatalities')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.areas.map((r) => (
                    <tr key={r.admin1}>
                      <td>{r.admin1 || '—'}</td>
                      <td>{num(r.events)}</td>
                      <td>{num(r.fatalities)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h2>
              {t('records.latest', { shown: num(Math.min(a.latest.length, a.events)), total: num(a.events) })}
            </h2>
            <ul className="tag-list">
              {a.latest.map((e) => (
                <li key={e.id}>
                  <a href={eventHref(e.id)}>
                    {day(e.dateStart)} {e.admin1}
                    {t('common.colon')}
                    {label(e.violenceType)}
                  </a>{' '}
                  <span className="muted">
                    (
                    {e.actor1 === a.name
                      ? t('records.against', { party: e.actor2 || t('records.noParty') })
                      : t('records.by', { actor: e.actor1 })}
                    , {t('records.dead', { count: e.fatalities })})
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Async>
    </section>
  );
}
