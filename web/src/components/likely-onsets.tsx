import { useTranslation } from 'react-i18next';
import { likelyOnsets } from '../../../src/analysis/likely-onsets.ts';
import { areaHref, month, pct } from '../format.ts';
import { useForecast } from './forecast-chart.tsx';
import { Async, Empty } from './status-views.tsx';

/**
 * Admin-1 areas with no death in the last 12 months, ranked by the forecast chance of deaths in
 * the likeliest of the next three months (likely-onsets.ts): where prevention still has time.
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
          const likely = likelyOnsets(r.forecasts, min);
          if (!likely.length)
            return <Empty>{t('forecast.noOnset', { origin: month(r.origin), percent: pct(min) })}</Empty>;
          return (
            <ul>
              {likely.map((v) => (
                <li key={v.key}>
                  <a href={areaHref(country, v.key)}>{v.key}</a>
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
