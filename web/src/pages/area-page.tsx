import { type AnalysisAnswer, type DriverRow, threatScore } from '../analysis-types.ts';
import { get } from '../api-client.ts';
import { AreaLocalWork } from '../components/area-local-work.tsx';
import { ForecastChart } from '../components/forecast-chart.tsx';
import { DriverTagging } from '../components/driver-tagging.tsx';
import { PlotFigure } from '../components/plot-figure.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { ThreatEditing } from '../components/threat-editing.tsx';
import { num } from '../format.ts';
import { type CurrentPlan, findingTouches } from '../plan-types.ts';
import { useApi } from '../use-api.ts';
import { type AreaMapAnswer, type MapEventsList, type TrendAnswer, trendRows } from '../workbench-types.ts';

export function AreaPage({ country, admin1 }: { country: string; admin1: string }) {
  const q = { country, admin1 };
  const key = JSON.stringify(q);
  const figures = useApi<AreaMapAnswer>(`a ${key}`, (s) => get('/api/areas', q, s));
  const trend = useApi<TrendAnswer>(`t ${key}`, (s) => get('/api/areas/trend', q, s));
  const events = useApi<MapEventsList>(`e ${key}`, (s) => get('/api/areas/events', { ...q, limit: 25 }, s));
  const analysis = useApi<AnalysisAnswer>(`an ${key}`, (s) => get('/api/analysis', q, s));
  const plan = useApi<CurrentPlan>('plan', (s) => get('/api/plans/current', {}, s));

  const total = figures.data?.totals;
  return (
    <section className="area">
      <p>
        <a href="#/">← Overview</a>
      </p>
      <h1>
        {admin1} <span className="muted">({country})</span>
      </h1>
      {total && (
        <div className="headline">
          <Fig label="Events, whole record" v={total.events} />
          <Fig label="Fatalities" v={total.fatalities} />
          <Fig label="Attacks on civilians" v={total.civilianTargetingEvents} />
          <Fig label="of which by state forces" v={total.stateCivilianTargetingEvents} />
        </div>
      )}
      <h2>Trend: attacks on civilians and other violence, state forces apart</h2>
      <Async state={trend} what="the trend">
        {(t) =>
          t.series.length === 0 ? (
            <Empty>No events in this area.</Empty>
          ) : (
            <PlotFigure
              label={`Monthly events in ${admin1}, by perpetrator`}
              deps={[t]}
              make={(Plot) =>
                Plot.plot({
                  width: 1180,
                  height: 200,
                  marginLeft: 44,
                  x: {
                    type: 'band',
                    label: null,
                    tickFormat: (d: string) => (d.endsWith('-01') ? d.slice(0, 4) : ''),
                    tickSize: 0,
                  },
                  y: { label: 'events per month', grid: true },
                  color: { legend: true, domain: ['state-forces', 'other'], range: ['#111', '#e08214'] },
                  marks: [
                    Plot.barY(
                      trendRows(t),
                      Plot.groupX({ y: 'sum' }, { x: 'month', y: 'events', fill: 'perpetrator' }),
                    ),
                    Plot.ruleY([0]),
                  ],
                })
              }
            />
          )
        }
      </Async>
      <ForecastChart country={country} admin1={admin1} />

      <div className="two-col">
        <div>
          <h2>Perpetrators</h2>
          <Async state={analysis} what="perpetrators">
            {(a) => {
              const rows = a.perpetrators.map((p) => ({
                actor: p.actor,
                category: p.category ?? 'unknown',
                isState: p.isState,
                events: p.events,
                fatalities: p.fatalities,
                civ: p.civilianTargetingEvents,
              }));
              return (
                <>
                  <PerpTable title="State forces" rows={rows.filter((p) => p.isState)} />
                  <PerpTable title="Non-state and others" rows={rows.filter((p) => !p.isState)} />
                </>
              );
            }}
          </Async>
        </div>
        <div>
          <h2>Drivers</h2>
          <Async state={analysis} what="drivers">
            {(a) => {
              const d = a.drivers.filter((x) => x.events > 0);
              if (d.length === 0) return <Empty>No driver tags or suggestions for this area.</Empty>;
              const joint = d.filter((x) => x.joint);
              const open = d.filter((x) => !x.joint);
              return (
                <>
                  <h3>Joint (confirmed by POC and political analysts)</h3>
                  {joint.length ? (
                    <DriverList rows={joint} kind="joint" />
                  ) : (
                    <Empty>None confirmed jointly yet.</Empty>
                  )}
                  <h3>Unconfirmed (rule suggestions and tags awaiting the other unit)</h3>
                  {open.length ? <DriverList rows={open} kind="unconfirmed" /> : <Empty>None.</Empty>}
                </>
              );
            }}
          </Async>
          <DriverTagging country={country} admin1={admin1} />
          <h2>Threats</h2>
          <Async state={analysis} what="threats">
            {(a) => {
              const t = a.threats.filter((x) => !x.admin1 || x.admin1 === admin1);
              if (t.length === 0) return <Empty>No threats registered for this area.</Empty>;
              return (
                <ul>
                  {t
                    .sort((x, y) => threatScore(y) - threatScore(x))
                    .map((x) => (
                      <li key={`${x.perpetrator}-${x.targetedPopulation}-${x.violenceType}`}>
                        <strong>{x.perpetrator}</strong> → {x.targetedPopulation} ({x.violenceType}):
                        likelihood {x.likelihood}, severity {x.severity}, {x.trend}
                      </li>
                    ))}
                </ul>
              );
            }}
          </Async>
          <ThreatEditing country={country} admin1={admin1} />
        </div>
      </div>

      <h2>The plan here</h2>
      <Async state={plan} what="the plan">
        {(p) => {
          const acts = p.plan.activities.filter((a) => a.areas.includes(admin1));
          const frictions = p.check.findings.filter((f) => {
            const touches = findingTouches(f);
            return touches.has(admin1) || acts.some((a) => touches.has(a.id));
          });
          return (
            <div className="two-col">
              <div>
                <h3>Activities in {admin1}</h3>
                {acts.length ? (
                  <ul>
                    {acts.map((a) => (
                      <li key={a.id}>
                        <code>{a.id}</code> {a.text}{' '}
                        <span className="muted">
                          ({a.component}
                          {a.tier ? `, tier ${a.tier}` : ''})
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty>The plan has no activity here.</Empty>
                )}
              </div>
              <div>
                <h3>Findings that touch it</h3>
                {frictions.length ? (
                  <ul className="findings-inline">
                    {frictions.map((f) => (
                      <li key={`${f.kind}-${f.subject}`}>
                        <span className={`kind kind-${f.kind}`}>{f.kind}</span> {f.message}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty>No findings touch this area.</Empty>
                )}
              </div>
            </div>
          );
        }}
      </Async>

      <h2>Local processes and participation</h2>
      <AreaLocalWork country={country} admin1={admin1} />

      <h2>Evidence: the latest events</h2>
      <Async state={events} what="events">
        {(e) => (
          <table className="events">
            <caption>
              {num(Math.min(e.events.length, 25))} most recent of {num(e.total)} events
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col">Perpetrator</th>
                <th scope="col">Deaths</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {e.events.slice(0, 25).map((x) => (
                <tr key={x.id}>
                  <td>{x.date}</td>
                  <td>{x.subEventType || x.violenceType}</td>
                  <td className={x.actor1Category === 'state-forces' ? 'state' : undefined}>{x.actor1}</td>
                  <td>{x.fatalities}</td>
                  <td>{x.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </section>
  );
}

function Fig({ label, v }: { label: string; v: number }) {
  return (
    <div className="figure">
      <span className="value">{num(v)}</span>
      <span className="label">{label}</span>
    </div>
  );
}

function PerpTable({
  title,
  rows,
}: {
  title: string;
  rows: { actor: string; category: string; events: number; fatalities: number; civ: number }[];
}) {
  return (
    <table className="perps">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Actor</th>
          <th scope="col">Events</th>
          <th scope="col">Deaths</th>
          <th scope="col">Attacks on civilians</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4}>None recorded.</td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.actor}>
              <th scope="row">
                {r.actor} <span className="muted">{r.category}</span>
              </th>
              <td>{num(r.events)}</td>
              <td>{num(r.fatalities)}</td>
              <td>{num(r.civ)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function DriverList({ rows, kind }: { rows: DriverRow[]; kind: string }) {
  return (
    <ul className={`drivers-${kind}`}>
      {rows.map((d) => (
        <li key={d.driver}>
          {d.label}: {num(d.events)} events
          <span className="muted">
            {' '}
            ({num(d.suggestedEvents)} suggested by the rules from event notes, {num(d.taggedEvents)} tagged by
            analysts)
          </span>
        </li>
      ))}
    </ul>
  );
}
