import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { AnalysisAnswer } from '../analysis-types.ts';
import { threatScore } from '../analysis-types.ts';
import { arrived, get } from '../api-client.ts';
import { ForecastChart } from '../components/forecast-chart.tsx';
import { LikelyOnsets } from '../components/likely-onsets.tsx';
import { PlotFigure } from '../components/plot-figure.tsx';
import { Async, Empty } from '../components/status-views.tsx';
import { areaHref, lastDayOf, num, yearBefore } from '../format.ts';
import { useApi } from '../use-api.ts';
import {
  type AreaMapAnswer,
  type MapPoints,
  MEASURES,
  type TrendAnswer,
  trendRows,
  VIOLENCE_TYPES,
  type WorkbenchStatus,
} from '../workbench-types.ts';

// MapLibre is the largest part of the workbench: it loads while the figures already show.
// Its download starts with this module, not when the figures arrive.
const mapModule = import('../components/area-map.tsx');
const AreaMap = lazy(() => mapModule.then((m) => ({ default: m.AreaMap })));

type Perpetrators = 'all' | 'state' | 'non-state';
const NON_STATE = [
  'rebel-group',
  'political-militia',
  'identity-militia',
  'rioters',
  'protesters',
  'civilians',
  'external-forces',
];

export function OverviewPage({ info }: { info: WorkbenchStatus['countries'][number] }) {
  const [from, setFrom] = useState(() => yearBefore(info.last));
  const [to, setTo] = useState(() => lastDayOf(info.last));
  const [types, setTypes] = useState<string[]>([]);
  const [perps, setPerps] = useState<Perpetrators>('all');
  const [measure, setMeasure] = useState<string>('events');
  const country = info.country;
  const filter = {
    country,
    from,
    to,
    violenceTypes: types,
    actorCategories: perps === 'state' ? ['state-forces'] : perps === 'non-state' ? NON_STATE : [],
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
  // What is below the map (the trend chart, the alerts) waits until the map is drawn: on a slow
  // machine, building the chart and the analysis would otherwise hold up the figures and the map.
  // A map that never settles (a lost worker) holds nothing up for more than a few seconds.
  const [mapSettled, setMapSettled] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setMapSettled(true), 4000);
    return () => clearTimeout(t);
  }, []);
  // The full analysis is the slowest read on a large store: it is asked for once the figures and
  // the map are in, so it never holds them up (at once when the map is shaded by threat).
  const analysisKey =
    areas.data && points.data && (mapSettled || measure === 'threat')
      ? `analysis ${country} ${from} ${to}`
      : null;
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
  const measureLabel = MEASURES.find(([k]) => k === measure)?.[1] ?? measure;

  return (
    <section className="overview">
      <h1>{country}: where civilians are harmed, and by whom</h1>
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          Perpetrators{' '}
          <select
            value={perps}
            onChange={(e) => setPerps(e.target.value as Perpetrators)}
            name="perpetrators"
          >
            <option value="all">All</option>
            <option value="state">State forces only</option>
            <option value="non-state">Non-state only</option>
          </select>
        </label>
        <label>
          Shade by{' '}
          <select value={measure} onChange={(e) => setMeasure(e.target.value)} name="measure">
            {MEASURES.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="types">
          <legend>Violence types (none ticked = all)</legend>
          {VIOLENCE_TYPES.map(([k, label]) => (
            <label key={k}>
              <input
                type="checkbox"
                name={k}
                checked={types.includes(k)}
                onChange={(e) => setTypes(e.target.checked ? [...types, k] : types.filter((t) => t !== k))}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
      </form>

      <Async state={areas} what="figures">
        {(a) => (
          <section className="headline" aria-label="Headline figures">
            <Figure label="Events" value={a.totals.events} />
            <Figure label="Fatalities" value={a.totals.fatalities} />
            <Figure
              label="Civilian fatalities (where the source gives them)"
              value={a.totals.civilianFatalities}
            />
            <Figure label="Attacks on civilians" value={a.totals.civilianTargetingEvents} />
            <Figure
              label="of which by state forces"
              value={a.totals.stateCivilianTargetingEvents}
              note={
                a.totals.civilianTargetingEvents
                  ? `${Math.round((100 * a.totals.stateCivilianTargetingEvents) / a.totals.civilianTargetingEvents)}%`
                  : undefined
              }
            />
          </section>
        )}
      </Async>

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
              onSettled={() => setMapSettled(true)}
            />
          </Suspense>
          {points.data && (
            <p className="note">
              {num(points.data.points.length)} of {num(points.data.total)} events drawn as points (the most
              recent).
            </p>
          )}
        </div>
        <Async state={areas} what="areas">
          {(a) =>
            a.areas.length === 0 ? (
              <Empty>No events match these filters.</Empty>
            ) : (
              <table className="areas">
                <caption>Areas, most events first (open one for its page)</caption>
                <thead>
                  <tr>
                    <th scope="col">Admin-1</th>
                    <th scope="col">Events</th>
                    <th scope="col">Deaths</th>
                    <th scope="col">Attacks on civilians</th>
                    <th scope="col">by state forces</th>
                  </tr>
                </thead>
                <tbody>
                  {a.areas.map((r) => (
                    <tr key={r.admin1}>
                      <th scope="row">
                        <a href={areaHref(r.country, r.admin1)}>{r.admin1 || '(no admin1)'}</a>
                        {!r.hasBoundary && (
                          <span className="muted" title="no polygon for this name">
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
            )
          }
        </Async>
      </div>

      <h2>Trend, whole record</h2>
      <Async state={mapSettled ? trend : { ...trend, data: undefined, loading: true }} what="the trend">
        {(t) =>
          t.series.length === 0 ? (
            <Empty>No events.</Empty>
          ) : (
            <PlotFigure
              label="Monthly events by violence type"
              deps={[t, from, to]}
              make={(Plot) =>
                Plot.plot({
                  width: 1180,
                  height: 220,
                  marginLeft: 44,
                  x: {
                    type: 'band',
                    label: null,
                    tickFormat: (d: string) => (d.endsWith('-01') ? d.slice(0, 4) : ''),
                    tickSize: 0,
                  },
                  y: { label: 'events per month', grid: true },
                  color: { legend: true, domain: VIOLENCE_TYPES.map(([k]) => k), scheme: 'tableau10' },
                  marks: [
                    Plot.barY(
                      trendRows(t),
                      Plot.groupX({ y: 'sum' }, { x: 'month', y: 'events', fill: 'violenceType' }),
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

      <ForecastChart country={country} />
      <LikelyOnsets country={country} />
      <h2>Escalation alerts</h2>
      <Async state={analysisKey === null ? { ...analysis, loading: true } : analysis} what="alerts">
        {(a) =>
          (a.alerts ?? []).length === 0 ? (
            <Empty>No alerts in this period.</Empty>
          ) : (
            <ul className="alerts">
              {(a.alerts ?? []).slice(0, 12).map((al) => (
                <li key={`${al.level}-${al.key}-${al.start}-${al.metric}`}>
                  <strong>{al.key}</strong> ({al.level}) — {al.metric} rose from {al.start}: baseline{' '}
                  {fmt(al.baseline)}, observed {fmt(al.observed)}, score {fmt(al.score)}; {al.evidence.length}{' '}
                  events behind it.{' '}
                  {al.level === 'admin1' && <a href={areaHref(al.country, al.key)}>Open the area</a>}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function Figure({ label, value, note }: { label: string; value: number; note?: string }) {
  return (
    <div className="figure">
      <span className="value">{num(value)}</span>
      <span className="label">
        {label}
        {note ? ` (${note})` : ''}
      </span>
    </div>
  );
}
