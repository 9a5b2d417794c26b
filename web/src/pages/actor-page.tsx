import { get } from '../api-client.ts';
import { Async } from '../components/status-views.tsx';
import { num, pct } from '../format.ts';
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
  const params = useUrlState().params;
  const name = params.get('name') ?? '';
  const country = params.get('country') ?? undefined;
  const state = useApi<ActorAnswer>(`actor ${name} ${country}`, (s) =>
    get('/api/actor', { name, country }, s),
  );
  return (
    <section className="actor-page">
      <Async state={state} what={`the actor "${name}"`}>
        {(a) => (
          <>
            <h1>
              {a.name} {a.country && <span className="muted">({a.country})</span>}
            </h1>
            <dl className="record">
              <dt>Category</dt>
              <dd>{a.category ?? 'unknown'}</dd>
              <dt>State force</dt>
              <dd>{a.isState ? 'yes' : 'no'}</dd>
              <dt>Events</dt>
              <dd>{num(a.events)}</dd>
              <dt>Fatalities</dt>
              <dd>{num(a.fatalities)}</dd>
              <dt>Attacks on civilians</dt>
              <dd>
                {num(a.civilianTargetingEvents)} as perpetrator:{' '}
                {a.shareOfAttacksOnCivilians === null
                  ? 'no attack on civilians is recorded in the country'
                  : `${pct(a.shareOfAttacksOnCivilians)} of all recorded attacks on civilians in the country`}
              </dd>
            </dl>
            {a.categoriesOverTime.length > 1 && (
              <>
                <h2>Its category over time</h2>
                <p className="muted">
                  Each event counts with the category of its date
                  {a.categoryPeriods.length
                    ? ' (dated categories of the actor register)'
                    : ' (as the source codes it)'}
                  .
                </p>
                <ul className="tag-list">
                  {a.categoriesOverTime.map((r) => (
                    <li key={r.first}>
                      {r.first} to {r.last}: {r.category ?? 'unknown'} ({num(r.events)} events)
                    </li>
                  ))}
                </ul>
              </>
            )}
            <h2>Where it acts</h2>
            <div className="table-scroll">
              <table className="task-table">
                <thead>
                  <tr>
                    <th scope="col">Area</th>
                    <th scope="col">Events</th>
                    <th scope="col">Fatalities</th>
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
              Latest events ({Math.min(a.latest.length, a.events)} of {num(a.events)})
            </h2>
            <ul className="tag-list">
              {a.latest.map((e) => (
                <li key={e.id}>
                  <a href={eventHref(e.id)}>
                    {e.dateStart} {e.admin1}: {e.eventType || e.violenceType}
                  </a>{' '}
                  <span className="muted">
                    ({e.actor1 === a.name ? `against ${e.actor2 || 'no named party'}` : `by ${e.actor1}`},{' '}
                    {num(e.fatalities)} dead)
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
