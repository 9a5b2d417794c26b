import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisAnswer } from '../analysis-types.ts';
import { threatScore } from '../analysis-types.ts';
import { arrived, get } from '../api-client.ts';
import { AlertList, type AlertsAnswer } from '../components/alert-list.tsx';
import { monthAxis } from '../components/chart-axes.ts';
import { EventExport } from '../components/event-export.tsx';
import { ForecastChart } from '../components/forecast-chart.tsx';
import { LikelyOnsets } from '../components/likely-onsets.tsx';
import { PeriodFields, WholeMonthsNote } from '../components/period-fields.tsx';
import { PlotFigure } from '../components/plot-figure.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { ThinMonthNote } from '../components/thin-month-note.tsx';
import { areaHref, num, pct } from '../format.ts';
import { label } from '../labels.ts';
import { pageHref, setUrlState, useUrlState } from '../url-state.ts';
import { useApi } from '../use-api.ts';
import {
  type AreaMapAnswer,
  type MapPoints,
  MEASURES,
  PERPETRATOR_FILTERS,
  perpetratorCategories,
  type TrendAnswer,
  trendRows,
  VIOLENCE_TYPES,
  type WorkbenchStatus,
} from '../workbench-types.ts';

// MapLibre is the largest part of the workbench: it loads while the figures already show.
// Its download starts with this module, not when the figures arrive.
const mapModule = import('../components/area-map.tsx');
const AreaMap = lazy(() => mapModule.then((m) => ({ default: m.AreaMap })));

export function OverviewPage({
  info,
  from,
  to,
}: {
  info: WorkbenchStatus['countries'][number];
  from: string;
  to: string;
}) {
  const { t: tr } = useTranslation();
  const url = useUrlState();
  const types = url.getAll('type').filter((t) => VIOLENCE_TYPES.some(([k]) => k === t));
  const perps = url.get('perp') ?? 'all';
  const measure = url.get('measure') ?? 'events';
  const country = info.country;
  const filter = {
    country,
    from,
    to,
    violenceTypes: types,
    actorCategories: perpetratorCategories(perps),
  };
  const key = JSON.stringify(filter);
  // On a first visit the answers are often in before this first render (index.html asks early):
  // then the figures and the map's data come with it, and the map is made with its data.
  const trendQuery = { ...filter, from: undefined, to: undefined };
  const pointsQuery = { ...filter, limit: 2000, shape: 'points' };
  const areas = useApi<AreaMapAnswer>(
    `areas ${key}`,
    (s) => get('/api/areas', filter, s),
    () => arrived('/api/areas', filter),
  );
  const trend = useApi<TrendAnswer>(
    `trend ${key}`,
    (s) => get('/api/areas/trend', trendQuery, s),
    () => arrived('/api/areas/trend', trendQuery),
  );
  const points = useApi<MapPoints>(
    `points ${key}`,
    (s) => get('/api/areas/events', pointsQuery, s),
    () => arrived('/api/areas/events', pointsQuery),
  );
  const mapPoints = useMemo(
    () =>
      points.data?.points.map(([id, longitude, latitude, civ, state]) => ({
        id,
        longitude,
        latitude,
        civilianTargeting: civ === 1,
        actor1Category: state === 1 ? 'state-forces' : null,
      })),
    [points.data],
  );
  // What is below the map (the trend chart, the forecasts, the alerts) waits until the map is drawn: on a slow
  // machine, building the chart and the analysis would otherwise hold up the figures and the map.
  // A map that never settles (a lost worker) holds nothing up for more than a few seconds.
  const [mapSettled, setMapSettled] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setMapSettled(true), 4000);
    return () => clearTimeout(t);
  }, []);
  // The alerts are asked for once the figures and the map are in, so they never hold them up. The
  // threat register comes with the full analysis, the slowest read on a large store: it is asked
  // for only when the map is shaded by threat.
  const alertsKey = areas.data && points.data && mapSettled ? `alerts ${country} ${from} ${to}` : null;
  const alerts = useApi<AlertsAnswer>(alertsKey, (s) => get('/api/alerts', { country, from, to }, s));
  const analysisKey = measure === 'threat' ? `analysis ${country} ${from} ${to}` : null;
  const analysis = useApi<AnalysisAnswer>(analysisKey, (s) => get('/api/analysis', { country, from, to }, s));

  const threatByArea = useMemo(() => {
    const m = new Map<string, number>();
    for (const t of analysis.data?.threats ?? [])
      if (t.admin1) m.set(t.admin1, (m.get(t.admin1) ?? 0) + threatScore(t));
    return m;
  }, [analysis.data]);

  // Threat scores reach the polygons only when they shade them: otherwise the analysis arriving
  // would make the map re-cut polygons that look the same.
  const threatShade = measure === 'threat' ? threatByArea : null;
  const mapData = useMemo(() => {
    if (!areas.data) return undefined;
    return {
      ...areas.data,
      features: areas.data.features.map((f) => ({
        ...f,
        properties: threatShade
          ? { ...f.properties, threat: threatShade.get(f.properties.admin1) ?? 0 }
          : { ...f.properties },
      })),
    };
  }, [areas.data, threatShade]);
  const measureLabel = tr(`overview.measure.${measure}`, { defaultValue: measure });

  return (
    <section className="overview">
      <h1>{tr('overview.title', { country })}</h1>
      <form className="filters" aria-label={tr('overview.filters')} onSubmit={(e) => e.preventDefault()}>
        <PeriodFields from={from} to={to} />
        <label>
          {tr('overview.perpetrators')}{' '}
          <select
            value={perps}
            onChange={(e) => setUrlState({ perp: e.target.value === 'all' ? null : e.target.value })}
            name="perpetrators"
          >
            {PERPETRATOR_FILTERS.map(([k]) => (
              <option key={k} value={k}>
                {tr(`overview.perp.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tr('overview.shadeBy')}{' '}
          <select
            value={measure}
            onChange={(e) => setUrlState({ measure: e.target.value === 'events' ? null : e.target.value })}
            name="measure"
          >
            {MEASURES.map(([k]) => (
              <option key={k} value={k}>
                {tr(`overview.measure.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="types">
          <legend>{tr('overview.violenceTypes')}</legend>
          {VIOLENCE_TYPES.map(([k]) => (
            <label key={k}>
              <input
                type="checkbox"
                name={k}
                checked={types.includes(k)}
                onChange={(e) =>
                  setUrlState({ type: e.target.checked ? [...types, k] : types.filter((t) => t !== k) })
                }
              />{' '}
              {label(k)}
            </label>
          ))}
        </fieldset>
      </form>

      <Async state={areas} what={tr('overview.figures')}>
        {(a) => (
          <section className="headline" aria-label={tr('overview.headline')}>
            <Figure label={tr('overview.events')} value={a.totals.events} />
            <Figure label={tr('overview.fatalities')} value={a.totals.fatalities} />
            <Figure
              label={tr('overview.civilianFatalities')}
              value={a.totals.civilianFatalities}
              note={
                a.totals.civilianFatalities !== null && a.totals.civilianFatalitiesEvents < a.totals.events
                  ? tr('overview.civilianFatalitiesPart', {
                      count: a.totals.civilianFatalitiesEvents,
                      events: num(a.totals.events),
                    })
                  : undefined
              }
            />
            <Figure label={tr('overview.attacks')} value={a.totals.civilianTargetingEvents} />
            <Figure
              label={tr('overview.byState')}
              value={a.totals.stateCivilianTargetingEvents}
              note={
                a.totals.civilianTargetingEvents
                  ? pct(a.totals.stateCivilianTargetingEvents / a.totals.civilianTargetingEvents)
                  : undefined
              }
            />
          </section>
        )}
      </Async>
      <WholeMonthsNote from={from} to={to} />
      <ThinMonthNote trend={trend.data} to={to} />
      {/* Counted to the day, as the export is (the map's figures take whole months). */}
      <EventExport scope={filter} count={points.data?.total} />

      <div className="map-and-table">
        <div>
          {/* Mounted before its data comes, so that MapLibre sets up while the requests run. */}
          <Suspense fallback={<div className="map placeholder" aria-busy="true" />}>
            <AreaMap
              areas={mapData}
              points={mapPoints}
              measure={measure}
              measureLabel={measureLabel}
              onSelect={(admin1) => {
                window.location.hash = areaHref(country, admin1).slice(1);
              }}
              onSelectEvent={(id) => {
                window.location.hash = pageHref('event', { id: String(id) }).slice(1);
              }}
              onSettled={() => setMapSettled(true)}
            />
          </Suspense>
          {points.data && (
            <p className="note">
              {tr('overview.pointsDrawn', {
                count: points.data.points.length,
                total: num(points.data.total),
              })}
            </p>
          )}
        </div>
        <Async state={areas} what={tr('overview.areas')}>
          {(a) =>
            a.areas.length === 0 ? (
              <Empty>{tr('overview.noMatch')}</Empty>
            ) : (
              <div className="table-scroll">
                <table className="areas">
                  <caption>{tr('overview.areasCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tr('overview.admin1')}</th>
                      <th scope="col">{tr('overview.events')}</th>
                      <th scope="col">{tr('overview.deaths')}</th>
                      <th scope="col">{tr('overview.attacks')}</th>
                      <th scope="col">{tr('overview.byStateCol')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.areas.map((r) => (
                      <tr key={r.admin1}>
                        <th scope="row">
                          <a href={areaHref(r.country, r.admin1)}>{r.admin1 || tr('overview.noAdmin1')}</a>
                          {!r.hasBoundary && (
                            <span className="muted" title={tr('overview.noPolygon')}>
                              {' '}
                              *
                            </span>
                          )}
                        </th>
                        <td>{num(r.events)}</td>
                        <td>{num(r.fatalities)}</td>
                        <td>{num(r.civilianTargetingEvents)}</td>
                        <td className={r.stateCivilianTargetingEvents ? 'state' : undefined}>
                          {num(r.stateCivilianTargetingEvents)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Async>
      </div>

      <h2>{tr('overview.trend')}</h2>
      <Async
        state={mapSettled ? trend : { ...trend, data: undefined, loading: true }}
        what={tr('overview.theTrend')}
      >
        {(t) =>
          t.series.length === 0 ? (
            <Empty>{tr('overview.noEvents')}</Empty>
          ) : (
            <PlotFigure
              label={tr('overview.trendChart')}
              deps={[t, from, to]}
              make={(Plot, width) =>
                Plot.plot({
                  width,
                  height: 240,
                  marginLeft: 44,
                  x: monthAxis(t.months, width),
                  y: { label: tr('overview.perMonth'), grid: true },
                  color: {
                    legend: true,
                    domain: VIOLENCE_TYPES.map(([k]) => k),
                    scheme: 'tableau10',
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
                          fill: 'violenceType',
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

      <ForecastChart country={country} wait={!mapSettled} />
      <LikelyOnsets country={country} wait={!mapSettled} />
      <h2>{tr('overview.alerts')}</h2>
      <p className="muted">{tr('overview.wholeCountry', { country })}</p>
      <Async
        state={alertsKey === null ? { ...alerts, loading: true } : alerts}
        what={tr('overview.theAlerts')}
      >
        {(a) => <AlertList alerts={a.alerts} />}
      </Async>
    </section>
  );
}

function Figure({ label: text, value, note }: { label: string; value: number | null; note?: string }) {
  return (
    <div className="figure">
      <span className="value">{num(value)}</span>
      <span className="label">
        {text}
        {note ? ` (${note})` : ''}
      </span>
    </div>
  );
}
