import { type AnalysisAnswer, type DriverRow, threatScore } from '../analysis-types.ts';
import { get } from '../api-client.ts';
import { AlertList, type AlertsAnswer } from '../components/alert-list.tsx';
import { AreaLocalWork } from '../components/area-local-work.tsx';
import { monthAxis } from '../components/chart-axes.ts';
import { DriverTagging } from '../components/driver-tagging.tsx';
import { ForecastChart } from '../components/forecast-chart.tsx';
import { PeriodFields } from '../components/period-fields.tsx';
import { PlotFigure } from '../components/plot-figure.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { ThreatEditing } from '../components/threat-editing.tsx';
import { num } from '../format.ts';
import { label, VIOLENCE_TYPE_LABELS } from '../labels.ts';
import { type CurrentPlan, findingTouches } from '../plan-types.ts';
import { pageHref, setUrlState, useUrlState } from '../url-state.ts';
import { useApi } from '../use-api.ts';
import {
  type AreaMapAnswer,
  type MapEventsList,
  PERPETRATOR_FILTERS,
  perpetratorCategories,
  type TrendAnswer,
  trendRows,
  VIOLENCE_TYPES,
} from '../workbench-types.ts';

const PAGE_SIZE = 50;

export function AreaPage({
  country,
  admin1,
  from,
  to,
}: {
  country: string;
  admin1: string;
  from: string;
  to: string;
}) {
  const url = useUrlState();
  const types = url.getAll('type').filter((t) => t in VIOLENCE_TYPE_LABELS);
  const perp = url.get('perp') ?? 'all';
  const actor = url.get('actor');
  const pageNo = Math.max(1, Number(url.get('p') ?? '1') || 1);
  const q = { country, admin1 };
  const period = { ...q, from, to };
  const key = JSON.stringify(period);
  const figures = useApi<AreaMapAnswer>(`a ${key}`, (s) => get('/api/areas', period, s));
  const trend = useApi<TrendAnswer>(`t ${JSON.stringify(q)}`, (s) => get('/api/areas/trend', q, s));
  const listQuery = {
    ...period,
    violenceTypes: types,
    actorCategories: perpetratorCategories(perp),
    perpetrator: actor,
    limit: PAGE_SIZE,
    offset: (pageNo - 1) * PAGE_SIZE,
  };
  const events = useApi<MapEventsList>(`e ${JSON.stringify(listQuery)}`, (s) =>
    get('/api/areas/events', listQuery, s),
  );
  const alerts = useApi<AlertsAnswer>(`al ${key}`, (s) => get('/api/alerts', period, s));
  const analysis = useApi<AnalysisAnswer>(`an ${key}`, (s) => get('/api/analysis', period, s));
  // Asked only when a plan is stored: a store without one has nothing to show (and no error to log).
  const plan = useApi<CurrentPlan | null>('plan', async (s) => {
    const stored = await get<{ plans: unknown[] }>('/api/plans', {}, s);
    return stored.plans.length ? get<CurrentPlan>('/api/plans/current', {}, s) : null;
  });
  // A filter change starts the list again at its first page.
  const filter = (changes: Parameters<typeof setUrlState>[0]) => setUrlState({ ...changes, p: null });

  const total = figures.data?.totals;
  return (
    <section className="area">
      <p>
        <a href={pageHref('', { area: null })}>← Overview of {country}</a>
      </p>
      <h1>
        {admin1} <span className="muted">({country})</span>
      </h1>
      <form className="filters" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
        <PeriodFields from={from} to={to} />
      </form>
      {total && (
        <div className="headline">
          <Fig label={`Events, ${from} to ${to}`} v={total.events} />
          <Fig label="Fatalities" v={total.fatalities} />
          <Fig label="Civilian fatalities (where the source gives them)" v={total.civilianFatalities} />
          <Fig label="Attacks on civilians" v={total.civilianTargetingEvents} />
          <Fig label="of which by state forces" v={total.stateCivilianTargetingEvents} />
        </div>
      )}
      <h2>Escalation alerts in this period</h2>
      <Async state={alerts} what="alerts">
        {(a) => <AlertList alerts={a.alerts} />}
      </Async>
      <h2>Trend, whole record: state forces and other perpetrators</h2>
      <Async state={trend} what="the trend">
        {(t) =>
          t.series.length === 0 ? (
            <Empty>No events in this area.</Empty>
          ) : (
            <PlotFigure
              label={`Monthly events in ${admin1}, by perpetrator`}
              deps={[t, from, to]}
              make={(Plot, width) =>
                Plot.plot({
                  width,
                  height: 220,
                  marginLeft: 44,
                  x: monthAxis(t.months, width),
                  y: { label: 'events per month', grid: true },
                  color: {
                    legend: true,
                    domain: ['state-forces', 'other'],
                    range: ['#111', '#e08214'],
                    tickFormat: label,
                  },
                  marks: [
                    Plot.barY(
                      trendRows(t),
                      Plot.groupX(
                        { y: 'sum' },
                        {
                          x: 'month',
                          y: 'events',
                          fill: 'perpetrator',
                          tip: { format: { fill: label, x: true, y: true } },
                        },
                      ),
                    ),
                    Plot.ruleY([0]),
                    Plot.ruleX([from.slice(0, 7), to.slice(0, 7)], {
                      stroke: '#222',
                      strokeDasharray: '3,3',
                    }),
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
                        <strong>{x.perpetrator}</strong> → {x.targetedPopulation} ({label(x.violenceType)}):
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
          if (!p) return <Empty>No plan is stored yet (load one on the Plan page).</Empty>;
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
                        <span className={`kind kind-${f.kind}`}>{label(f.kind)}</span> {f.message}
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

      <h2 id="events">Events in this period</h2>
      <form className="filters" aria-label="Which events" onSubmit={(e) => e.preventDefault()}>
        <label>
          Violence type{' '}
          <select
            name="type"
            value={types.length === 1 ? types[0] : ''}
            onChange={(e) => filter({ type: e.target.value ? [e.target.value] : null })}
          >
            <option value="">All</option>
            {VIOLENCE_TYPES.map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Perpetrators{' '}
          <select
            name="perp"
            value={perp}
            onChange={(e) => filter({ perp: e.target.value === 'all' ? null : e.target.value })}
          >
            {PERPETRATOR_FILTERS.map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          Perpetrator{' '}
          <select
            name="actor"
            value={actor ?? ''}
            onChange={(e) => filter({ actor: e.target.value || null })}
          >
            <option value="">Any</option>
            {actor && !analysis.data?.perpetrators.some((p) => p.actor === actor) && (
              <option value={actor}>{actor}</option>
            )}
            {(analysis.data?.perpetrators ?? []).map((p) => (
              <option key={p.actor} value={p.actor}>
                {p.actor}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Async state={events} what="events">
        {(e) => {
          const first = (pageNo - 1) * PAGE_SIZE;
          const pages = Math.max(1, Math.ceil(e.total / PAGE_SIZE));
          if (e.total === 0) return <Empty>No event matches these filters in this period.</Empty>;
          return (
            <>
              <div className="table-scroll">
                <table className="events">
                  <caption>
                    Events {num(first + 1)}–{num(first + e.events.length)} of {num(e.total)}, newest first
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Type</th>
                      <th scope="col">Perpetrator</th>
                      <th scope="col">Against</th>
                      <th scope="col">Deaths</th>
                      <th scope="col">Place</th>
                      <th scope="col">Notes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.events.map((x) => (
                      <tr key={x.id}>
                        <td>
                          <a
                            href={pageHref('event', { id: String(x.id) })}
                            title={`Event ${x.sourceEventId}`}
                          >
                            {x.date}
                          </a>
                        </td>
                        <td>{x.subEventType || label(x.violenceType)}</td>
                        <td className={x.actor1Category === 'state-forces' ? 'state' : undefined}>
                          {x.actor1}
                        </td>
                        <td>{x.actor2 || '–'}</td>
                        <td>{x.fatalities}</td>
                        <td>{x.location}</td>
                        <td className="notes">{x.notes}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label="Pages of events">
                <button
                  type="button"
                  disabled={pageNo <= 1}
                  onClick={() => setUrlState({ p: pageNo > 2 ? String(pageNo - 1) : null })}
                >
                  ← Newer
                </button>
                <span>
                  Page {num(pageNo)} of {num(pages)}
                </span>
                <button
                  type="button"
                  disabled={pageNo >= pages}
                  onClick={() => setUrlState({ p: String(pageNo + 1) })}
                >
                  Older →
                </button>
              </nav>
            </>
          );
        }}
      </Async>
    </section>
  );
}

function Fig({ label: text, v }: { label: string; v: number | null }) {
  return (
    <div className="figure">
      <span className="value">{num(v)}</span>
      <span className="label">{text}</span>
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
                <a href={pageHref('area', { actor: r.actor })} title="List this perpetrator's events below">
                  {r.actor}
                </a>{' '}
                <span className="muted">{label(r.category)}</span>
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
