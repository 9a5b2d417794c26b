import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api-client.ts';
import { day as dayName, month as monthName, num } from '../format.ts';
import { inFrenchCountry } from '../i18n/country-format.ts';
import type { OperationResult } from '../operation-types.ts';
import { useApi } from '../use-api.ts';
import { PlotFigure } from './plot-figure.tsx';
import { Async, Empty } from './status-views.tsx';

export type ForecastAnswer = OperationResult<'forecast'>;
type Metric = 'events' | 'fatalities';

/** The last two years and the next six months of one area, as GET /api/forecast gives them. */
/**
 * A country's or its areas' forecasts. With `wait`, nothing is asked for yet and the answer shows
 * as loading: a page whose map must come first holds the forecast (a second's work for the server on
 * a large store) until the map is drawn.
 */
export function useForecast(country: string, level: 'country' | 'admin1', wait = false) {
  const q = { country, level, history: 24 };
  const state = useApi<ForecastAnswer>(wait ? null : `forecast ${JSON.stringify(q)}`, (s) =>
    get('/api/forecast', q, s),
  );
  return wait ? { ...state, loading: true } : state;
}

const date = (month: string) => new Date(`${month}-01T00:00:00Z`);

/**
 * A country's or an admin-1 area's monthly violent events (or deaths): the last two years as
 * observed, then the next six months' forecast (the log-scale point, dashed) inside its 80% range
 * (10% to 90%), so a reader sees at once how sure the forecast is.
 */
export function ForecastChart({
  country,
  admin1,
  wait = false,
}: {
  country: string;
  admin1?: string;
  /** Ask for the forecast later (see useForecast). */
  wait?: boolean;
}) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<Metric>('events');
  const forecast = useForecast(country, admin1 ? 'admin1' : 'country', wait);
  const key = admin1 ?? country;
  return (
    <section className="forecast" aria-label={t('forecast.label')}>
      <h2>
        {t('forecast.heading')}{' '}
        <select
          aria-label={t('forecast.what')}
          value={metric}
          onChange={(e) => setMetric(e.target.value as Metric)}
        >
          <option value="events">{t('forecast.events')}</option>
          <option value="fatalities">{t('forecast.fatalities')}</option>
        </select>
      </h2>
      <Async state={forecast} what={t('forecast.theForecast')}>
        {(r) => {
          const history = r.history.find((h) => h.key === key && h.metric === metric);
          const next = r.forecasts.filter((f) => f.key === key && f.metric === metric);
          if (!history || !next.length)
            return <Empty>{t('forecast.nothing', { origin: monthName(r.origin) })}</Empty>;
          const observed = history.months.map((m, i) => ({ month: date(m), value: history.values[i]! }));
          const ahead = next.map((f) => ({
            month: date(f.month),
            point: f.point,
            low: f.quantiles['0.1'],
            high: f.quantiles['0.9'],
          }));
          // The forecast line and its range start from the last observed month: one series to the eye.
          const last = observed[observed.length - 1]!;
          const joined = [
            { month: last.month, point: last.value, low: last.value, high: last.value },
            ...ahead,
          ];
          const first = next[0]!;
          // Part of the first month forecast may already be in the store (an export cut mid-month).
          const soFar =
            r.recordedSoFar?.month === first.month
              ? r.recordedSoFar.values.find((v) => v.key === key)
              : undefined;
          const recorded = soFar ? [{ month: date(first.month), value: soFar[metric] }] : [];
          return (
            <>
              {r.dataGap && (
                <p className="warning-box" role="note">
                  {t('forecast.gap', {
                    count: r.dataGap.months,
                    from: monthName(r.dataGap.from),
                    to: monthName(r.dataGap.to),
                    percent: Math.round(r.dataGap.shareBefore * 100),
                  })}
                </p>
              )}
              <PlotFigure
                label={t('forecast.chart', {
                  metric: t(`forecast.${metric}`),
                  key,
                  // French says "au Mali", "en Somalie" of a country, "à Mopti" of an area.
                  place: admin1 ? `à ${admin1}` : inFrenchCountry(country),
                })}
                deps={[r, metric, key]}
                make={(Plot, width) =>
                  Plot.plot({
                    // Drawn at the box's own width: a phone gets a chart it can read, not a shrunken laptop one.
                    width,
                    height: 220,
                    marginLeft: 44,
                    // Room for the last month's label at the right edge.
                    marginRight: 28,
                    // Months in the reader's language ("janv. 2025"), not the plotting library's English.
                    x: {
                      type: 'utc',
                      label: null,
                      ticks: Math.max(3, Math.min(8, Math.floor(width / 120))),
                      tickFormat: (d: Date) => monthName(d.toISOString().slice(0, 7)),
                    },
                    y: {
                      label:
                        metric === 'events' ? t('forecast.eventsPerMonth') : t('forecast.deathsPerMonth'),
                      grid: true,
                    },
                    marks: [
                      Plot.areaY(joined, {
                        x: 'month',
                        y1: 'low',
                        y2: 'high',
                        fill: '#4e79a7',
                        fillOpacity: 0.25,
                      }),
                      Plot.lineY(observed, { x: 'month', y: 'value', stroke: '#222' }),
                      Plot.dot(observed, { x: 'month', y: 'value', r: 2, fill: '#222' }),
                      Plot.lineY(joined, {
                        x: 'month',
                        y: 'point',
                        stroke: '#4e79a7',
                        strokeDasharray: '4,3',
                      }),
                      Plot.dot(ahead, { x: 'month', y: 'point', r: 3, fill: '#4e79a7' }),
                      Plot.dot(recorded, { x: 'month', y: 'value', r: 5, stroke: '#b5172b', strokeWidth: 2 }),
                      Plot.ruleX([date(r.origin)], { stroke: '#888', strokeDasharray: '2,3' }),
                      Plot.ruleY([0]),
                    ],
                  })
                }
              />
              <p className="legend forecast-legend">
                <span className="key observed" aria-hidden="true" /> {t('forecast.legendObserved')}{' '}
                <span className="key point" aria-hidden="true" /> {t('forecast.legendPoint')}{' '}
                <span className="key range" aria-hidden="true" /> {t('forecast.legendRange')}{' '}
                <span className="key origin" aria-hidden="true" /> {t('forecast.legendOrigin')}
              </p>
              <p className="muted">
                {t('forecast.next', {
                  month: monthName(first.month),
                  point: num(Math.round(first.point)),
                  metric: t(`forecast.${metric}`),
                  low: num(Math.round(first.quantiles['0.1'])),
                  high: num(Math.round(first.quantiles['0.9'])),
                  origin: monthName(r.origin),
                })}{' '}
                <code>tandem forecast backtest</code>.
                {soFar && r.recordedSoFar && (
                  <>
                    {' '}
                    {t('forecast.soFar', {
                      month: monthName(first.month),
                      day: dayName(r.recordedSoFar.through),
                      recorded: num(soFar[metric]),
                    })}
                  </>
                )}
              </p>
            </>
          );
        }}
      </Async>
    </section>
  );
}
