import { get } from '../api-client.ts';
import { pct } from '../format.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { PlotFigure } from './plot-figure.tsx';
import { Async, Empty } from './status-views.tsx';

/** `GET /api/negotiations/current` (currentNegotiation): a stored process and its check. */
type NegotiationAnswer = OperationResult<'currentNegotiation'>;

/**
 * One stored negotiation process (`GET /api/negotiations/current?id=…`): its rounds and
 * delegations, violence before each round against the party's baseline, and the alerts. `narrow`
 * draws the chart for a column when several processes are laid side by side.
 */
export function NegotiationView({ id, narrow }: { id: number; narrow: boolean }) {
  const state = useApi<NegotiationAnswer>(`neg ${id}`, (s) => get('/api/negotiations/current', { id }, s));
  return (
    <article className="negotiation" aria-label={`Negotiation process ${id}`}>
      <Async state={state} what="the negotiation process">
        {(n) => {
          const party = (id: string) => n.process.parties.find((p) => p.id === id)?.name ?? id;
          return (
            <>
              <h2>{n.process.process}</h2>
              <p className="muted">
                {n.process.parties.length} parties, {n.process.rounds.length} rounds; women's quota{' '}
                {n.process.quota.women === undefined ? 'not set' : pct(n.process.quota.women)}. Test:{' '}
                {n.check.method}
              </p>
              <h3>Rounds and delegations</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Round</th>
                    <th scope="col">Dates</th>
                    <th scope="col">Venue</th>
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
                        {r.start} – {r.end}
                      </td>
                      <td>{r.venue ?? ''}</td>
                      {n.process.parties.map((p) => {
                        const inc = n.check.inclusion.find((i) => i.round === r.id && i.party === p.id);
                        if (!inc)
                          return (
                            <td key={p.id} className="muted">
                              absent
                            </td>
                          );
                        return (
                          <td key={p.id} className={inc.meetsQuota === false ? 'state' : undefined}>
                            {inc.women} of {inc.total} women ({pct(inc.share)})
                            {inc.meetsQuota === false ? ' — below quota' : ''}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>

              <h3>Violence before each round</h3>
              {n.check.tests.length === 0 ? (
                <Empty>No party is linked to actors with events in the store.</Empty>
              ) : (
                <PlotFigure
                  label="Violent events in the window before each round against the party's baseline"
                  deps={[n]}
                  make={(Plot) =>
                    Plot.plot({
                      width: narrow ? 560 : 1180,
                      height: 240,
                      marginLeft: 50,
                      marginBottom: 36,
                      fx: { label: null },
                      x: { axis: null, domain: ['before the round', 'expected (baseline)'] },
                      y: { label: 'violent events in window', grid: true },
                      color: {
                        legend: true,
                        domain: ['before the round', 'expected (baseline)'],
                        range: ['#b2182b', '#9aa7b1'],
                      },
                      marks: [
                        Plot.barY(
                          n.check.tests.flatMap((t) => [
                            { key: `${t.round}\n${t.party}`, what: 'before the round', v: t.before },
                            { key: `${t.round}\n${t.party}`, what: 'expected (baseline)', v: t.baseline },
                          ]),
                          { fx: 'key', x: 'what', y: 'v', fill: 'what' },
                        ),
                        Plot.ruleY([0]),
                      ],
                    })
                  }
                />
              )}

              <h3>Alerts: parties raising violence before talks ({n.check.alerts.length})</h3>
              {n.check.alerts.length === 0 ? (
                <Empty>No party's violence rose significantly before a round.</Empty>
              ) : (
                <ul className="alerts">
                  {n.check.alerts.map((a) => (
                    <li key={`${a.party}-${a.round}`}>
                      <strong>
                        {party(a.party)}, before {a.round}:
                      </strong>{' '}
                      {a.message}
                      <details>
                        <summary>{a.evidence.length} events in the window</summary>
                        <ul className="evidence">
                          {a.evidence.slice(0, 40).map((e) => (
                            <li key={e.id}>
                              {e.date} {e.admin1}: {e.actor1} → {e.actor2 || '—'} ({e.fatalities} dead)
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
                  {n.check.notes.map((t) => (
                    <li key={t}>{t}</li>
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
