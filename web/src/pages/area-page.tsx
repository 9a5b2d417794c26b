import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalysisAnswer, threatScore } from '../analysis-types.ts';
import { get } from '../api-client.ts';
import { AlertList, type AlertsAnswer } from '../components/alert-list.tsx';
import { AreaEventRows } from '../components/area-event-rows.tsx';
import { AreaLocalWork } from '../components/area-local-work.tsx';
import { DriverList, Fig, PerpTable } from '../components/area-tables.tsx';
import { monthAxis } from '../components/chart-axes.ts';
import { DriverTagging } from '../components/driver-tagging.tsx';
import { EventExport } from '../components/event-export.tsx';
import { ForecastChart } from '../components/forecast-chart.tsx';
import { inWholeMonths, PeriodFields, WholeMonthsNote } from '../components/period-fields.tsx';
import { PlotFigure } from '../components/plot-figure.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { ThreatEditing } from '../components/threat-editing.tsx';
import { day, month, num } from '../format.ts';
import { countryIn } from '../i18n/country-format.ts';
import { actorName, label, populationName } from '../labels.ts';
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
  const { t: tr, i18n } = useTranslation();
  const url = useUrlState();
  const types = url.getAll('type').filter((t) => VIOLENCE_TYPES.some(([k]) => k === t));
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
  // Asked again after an analyst tags or confirms a driver below, so the summary above agrees with the tags.
  const [tagged, setTagged] = useState(0);
  const analysis = useApi<AnalysisAnswer>(`an ${key} ${tagged}`, (s) => get('/api/analysis', period, s));
  // Asked only when a plan is stored: a store without one has nothing to show (and no error to log).
  const plan = useApi<CurrentPlan | null>(`plan ${i18n.language}`, async (s) => {
    const { plans } = await get<{ plans: unknown[] }>('/api/plans', {}, s);
    return plans.length ? get<CurrentPlan>('/api/plans/current', { lang: i18n.language }, s) : null;
  });
  // A filter change starts the list again at its first page.
  const filter = (changes: Parameters<typeof setUrlState>[0]) => setUrlState({ ...changes, p: null });

  const total = figures.data?.totals;
  return (
    <section className="area">
      <p>
        <a href={pageHref('', { area: null })}>{tr('area.back', { country })}</a>
      </p>
      <h1>
        {admin1} <span className="muted">({countryIn(country, i18n.language)})</span>
      </h1>
      <form className="filters" aria-label={tr('area.period')} onSubmit={(e) => e.preventDefault()}>
        <PeriodFields from={from} to={to} />
      </form>
      {total && (
        <div className="headline">
          <Fig
            label={tr(
              'area.eventsFromTo',
              // The figures take whole months: within months the label names the months counted.
              inWholeMonths(from, to)
                ? { from: day(from), to: day(to) }
                : { from: month(from.slice(0, 7)), to: month(to.slice(0, 7)) },
            )}
            v={total.events}
          />
          <Fig label={tr('overview.fatalities')} v={total.fatalities} />
          <Fig label={tr('overview.civilianFatalities')} v={total.civilianFatalities} />
          <Fig label={tr('overview.attacks')} v={total.civilianTargetingEvents} />
          <Fig label={tr('overview.byState')} v={total.stateCivilianTargetingEvents} />
        </div>
      )}
      {total && (types.length > 0 || perp !== 'all') && (
        <p className="muted">{tr('area.headlineUnfiltered')}</p>
      )}
      <WholeMonthsNote from={from} to={to} />
      <EventExport
        scope={{ ...period, violenceTypes: types, actorCategories: listQuery.actorCategories }}
        count={actor ? undefined : events.data?.total}
        actorNotApplied={Boolean(actor)}
      />
      <h2>{tr('area.alerts')}</h2>
      <Async state={alerts} what={tr('overview.theAlerts')}>
        {(a) => <AlertList alerts={a.alerts} />}
      </Async>
      <h2>{tr('area.trend')}</h2>
      <Async state={trend} what={tr('overview.theTrend')}>
        {(t) =>
          t.series.length === 0 ? (
            <Empty>{tr('area.noEvents')}</Empty>
          ) : (
            <PlotFigure
              label={tr('area.trendChart', { area: admin1 })}
              deps={[t, from, to]}
              make={(Plot, width) =>
                Plot.plot({
                  width,
                  height: 220,
                  marginLeft: 44,
                  x: monthAxis(t.months, width),
                  y: { label: tr('overview.perMonth'), grid: true },
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
          <h2>{tr('area.perpetrators')}</h2>
          <Async state={analysis} what={tr('area.thePerpetrators')}>
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
                  {/* Both sides of a battle are counted: said, so no reader adds the rows up as the area's. */}
                  <p className="note">{tr('area.perpetratorsCounted')}</p>
                  <PerpTable title={tr('area.stateForces')} rows={rows.filter((p) => p.isState)} />
                  <PerpTable title={tr('area.nonState')} rows={rows.filter((p) => !p.isState)} />
                </>
              );
            }}
          </Async>
        </div>
        <div>
          <h2>{tr('area.drivers')}</h2>
          <Async state={analysis} what={tr('area.theDrivers')}>
            {(a) => {
              // A driver tagged on the area, not on an event, has no events but is a finding all the same.
              const d = a.drivers.filter((x) => x.events > 0 || x.jointTags + x.unconfirmedTags > 0);
              if (d.length === 0) return <Empty>{tr('area.noDrivers')}</Empty>;
              const joint = d.filter((x) => x.joint);
              const open = d.filter((x) => !x.joint);
              return (
                <>
                  <h3>{tr('area.joint')}</h3>
                  {joint.length ? (
                    <DriverList rows={joint} kind="joint" />
                  ) : (
                    <Empty>{tr('area.noneJoint')}</Empty>
                  )}
                  <h3>{tr('area.unconfirmed')}</h3>
                  {open.length ? (
                    <DriverList rows={open} kind="unconfirmed" />
                  ) : (
                    <Empty>{tr('area.none')}</Empty>
                  )}
                </>
              );
            }}
          </Async>
          <DriverTagging country={country} admin1={admin1} onChanged={() => setTagged((n) => n + 1)} />
          <h2>{tr('area.threats')}</h2>
          <Async state={analysis} what={tr('area.theThreats')}>
            {(a) => {
              const t = a.threats.filter((x) => !x.admin1 || x.admin1 === admin1);
              if (t.length === 0) return <Empty>{tr('area.noThreats')}</Empty>;
              return (
                <ul>
                  {t
                    .sort((x, y) => threatScore(y) - threatScore(x))
                    .map((x) => (
                      <li key={`${x.perpetrator}-${x.targetedPopulation}-${x.violenceType}`}>
                        <strong>{actorName(x.perpetrator)}</strong> → {populationName(x.targetedPopulation)} (
                        {label(x.violenceType)}){tr('common.colon')}
                        {tr('area.threat', {
                          likelihood: label(x.likelihood),
                          severity: label(x.severity),
                          trend: label(x.trend),
                        })}
                      </li>
                    ))}
                </ul>
              );
            }}
          </Async>
          <ThreatEditing country={country} admin1={admin1} from={from} to={to} />
        </div>
      </div>

      <h2>{tr('area.planHere')}</h2>
      <Async state={plan} what={tr('area.thePlan')}>
        {(p) => {
          if (!p) return <Empty>{tr('area.noPlan')}</Empty>;
          const acts = p.plan.activities.filter((a) => a.areas.includes(admin1));
          const frictions = p.check.findings.filter((f) => {
            const touches = findingTouches(f);
            return touches.has(admin1) || acts.some((a) => touches.has(a.id));
          });
          return (
            <div className="two-col">
              <div>
                <h3>{tr('area.activitiesIn', { area: admin1 })}</h3>
                {acts.length ? (
                  <ul>
                    {acts.map((a) => (
                      <li key={a.id}>
                        <code>{a.id}</code> {a.text}{' '}
                        <span className="muted">
                          ({tr(`plan.part.${a.component}`, { defaultValue: a.component })}
                          {a.tier ? tr('area.tier', { tier: a.tier }) : ''})
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty>{tr('area.noActivity')}</Empty>
                )}
              </div>
              <div>
                <h3>{tr('area.findings')}</h3>
                {frictions.length ? (
                  <ul className="findings-inline">
                    {frictions.map((f) => (
                      <li key={`${f.kind}-${f.subject}`}>
                        <span className={`kind kind-${f.kind}`}>{label(f.kind)}</span> {f.message}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty>{tr('area.noFindings')}</Empty>
                )}
              </div>
            </div>
          );
        }}
      </Async>

      <h2>{tr('area.localWork')}</h2>
      <AreaLocalWork country={country} admin1={admin1} />

      <h2 id="events">{tr('area.eventsHeading')}</h2>
      <form className="filters" aria-label={tr('area.whichEvents')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {tr('area.violenceType')}{' '}
          <select
            name="type"
            value={types.length === 1 ? types[0] : ''}
            onChange={(e) => filter({ type: e.target.value ? [e.target.value] : null })}
          >
            <option value="">{tr('area.all')}</option>
            {VIOLENCE_TYPES.map(([k]) => (
              <option key={k} value={k}>
                {label(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('overview.perpetrators')}{' '}
          <select
            name="perp"
            value={perp}
            onChange={(e) => filter({ perp: e.target.value === 'all' ? null : e.target.value })}
          >
            {PERPETRATOR_FILTERS.map(([k]) => (
              <option key={k} value={k}>
                {tr(`overview.perp.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('area.perpetrator')}{' '}
          <select
            name="actor"
            value={actor ?? ''}
            onChange={(e) => filter({ actor: e.target.value || null })}
          >
            <option value="">{tr('area.any')}</option>
            {actor && !analysis.data?.perpetrators.some((p) => p.actor === actor) && (
              <option value={actor}>{actor}</option>
            )}
            {(analysis.data?.perpetrators ?? []).map((p) => (
              <option key={p.actor} value={p.actor}>
                {actorName(p.actor)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Async state={events} what={tr('area.theEvents')}>
        {(e) => {
          const first = (pageNo - 1) * PAGE_SIZE;
          const pages = Math.max(1, Math.ceil(e.total / PAGE_SIZE));
          if (e.total === 0) return <Empty>{tr('area.noMatch')}</Empty>;
          return (
            <>
              <AreaEventRows list={e} first={first} />
              <nav className="pager" aria-label={tr('area.pages')}>
                <button
                  type="button"
                  disabled={pageNo <= 1}
                  onClick={() => setUrlState({ p: pageNo > 2 ? String(pageNo - 1) : null })}
                >
                  {tr('area.newer')}
                </button>
                <span>{tr('area.page', { page: num(pageNo), pages: num(pages) })}</span>
                <button
                  type="button"
                  disabled={pageNo >= pages}
                  onClick={() => setUrlState({ p: String(pageNo + 1) })}
                >
                  {tr('area.older')}
                </button>
              </nav>
            </>
          );
        }}
      </Async>
    </section>
  );
}
