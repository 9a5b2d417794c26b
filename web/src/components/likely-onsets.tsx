import { useTranslation } from 'react-i18next';
import { areaHref, month, pct } from '../format.ts';
import { useForecast } from './forecast-chart.tsx';
import { Async, Empty } from './status-views.tsx';

/**
 * Admin-1 areas with no death in the last 12 months, ranked by the forecast chance of deaths in
 * the next three months (the model's onset probability): where prevention still has time.
 */
export function LikelyOnsets({
  country,
  min = 0.2,
  wait = false,
}: {
  country: string;
  min?: number;
  /** Ask for the forecast later (see useForecast). */
  wait?: boolean;
}) {
  const { t } = useTranslation();
  const forecast = useForecast(country, 'admin1', wait);
  return (
    <section className="likely-onsets" aria-label={t('forecast.onsetLabel')}>
      <h2>{t('forecast.onsetHeading')}</h2>
      <Async state={forecast} what={t('forecast.onsetWhat')}>
        {(r) => {
          const best = new Map<string, { month: string; p: number }>();
          for (const f of r.forecasts) {
            if (f.metric !== 'fatalities' || f.pOnset === null || f.horizon > 3) continue;
            const b = best.get(f.key);
            if (!b || f.pOnset > b.p) best.set(f.key, { month: f.month, p: f.pOnset });
          }
          const likely = [...best].filter(([, v]) => v.p >= min).sort((a, b) => b[1].p - a[1].p);
          if (!likely.length)
            return <Empty>{t('forecast.noOnset', { origin: month(r.origin), percent: pct(min) })}</Empty>;
          return (
            <ul>
              {likely.map(([key, v]) => (
                <li key={key}>
                  <a href={areaHref(country, key)}>{key}</a>
                  {t('common.colon')}
                  {t('forecast.onset', { percent: pct(v.p), month: month(v.month) })}
                </li>
              ))}
            </ul>
          );
        }}
      </Async>
    </section>
  );
}
