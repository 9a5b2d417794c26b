import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AreaForecast } from '../analysis/forecast.ts';
import { runBacktest } from '../analysis/forecast-backtest.ts';
import { buildForecastPanel, type ViolentAreaMonth } from '../analysis/forecast-panel.ts';
import { addMonths } from '../analysis/months.ts';
import { bestNaive, forecastSection, formatBacktestTable, skillSentences } from './forecast-section.ts';

/** Three areas with violence every month (counts cycling 1–7), and never a death. */
function bloodlessRows(months: number): ViolentAreaMonth[] {
  const rows: ViolentAreaMonth[] = [];
  for (let t = 0; t < months; t++)
    for (let a = 0; a < 3; a++) {
      const events = 1 + ((t * 5 + a * 3) % 7);
      rows.push({
        admin1: `Area ${a}`,
        month: addMonths('2010-01', t),
        events,
        fatalities: 0,
        lateEvents: 0,
      });
    }
  return rows;
}

test('a record too short to backtest scores nothing and says so, instead of a table of zeros', () => {
  const r = runBacktest(buildForecastPanel('Synthetia', bloodlessRows(12), addMonths('2010-01', 11)));
  assert.deepEqual(r.origins, { first: null, last: null, count: 0 });
  assert.deepEqual(r.scores, []);
  assert.deepEqual(r.pooled, []);
  assert.match(skillSentences(r, 'en')[0]!, /too short .* 24 months/);
  assert.match(skillSentences(r, 'fr')[0]!, /trop courtes .* 24 mois/);
});

test('horizons past the record’s end at every origin get no score row; a metric that never happened has no gain to claim', () => {
  const r = runBacktest(buildForecastPanel('Synthetia', bloodlessRows(27), addMonths('2010-01', 26)));
  // Origins are months 24 and 25 of 27: two and one months of outcomes after them.
  assert.equal(r.origins.count, 2);
  assert.deepEqual([...new Set(r.scores.map((s) => s.horizon))], [1, 2]);
  for (const s of r.scores) assert.ok(s.model.n > 0);
  const deaths = r.pooled.find((p) => p.metric === 'fatalities');
  assert.ok(deaths);
  assert.equal(bestNaive(deaths).gain, null);
  assert.equal(typeof bestNaive(r.pooled.find((p) => p.metric === 'events')!).gain, 'number');
  const sentences = skillSentences(r, 'en');
  assert.match(sentences.find((x) => x.includes('deaths')) ?? '', /no deaths were recorded/);
  assert.doesNotMatch(formatBacktestTable(r), /NaN/);
});

test('where every area had deaths in the last year, the brief says no area is quiet, not that none is likely to start', () => {
  const backtest = runBacktest(buildForecastPanel('Synthetia', bloodlessRows(12), addMonths('2010-01', 11)));
  const forecast = (key: string, pOnset: number | null): AreaForecast => ({
    level: 'admin1',
    key,
    month: '2011-01',
    horizon: 1,
    metric: 'fatalities',
    point: 3,
    mean: 4,
    quantiles: { '0.1': 0, '0.5': 3, '0.9': 9 },
    pOnset,
  });
  const text = (forecasts: AreaForecast[]) =>
    JSON.stringify(forecastSection({ country: 'Synthetia', origin: '2010-12', forecasts, backtest }).blocks);
  const busy = text([forecast('Area 0', null), forecast('Area 1', null)]);
  assert.match(busy, /Every area forecast had deaths in the last year: none is quiet/);
  assert.doesNotMatch(busy, /No area without deaths/);
  assert.match(
    text([forecast('Area 0', null), forecast('Area 1', 0.05)]),
    /No area without deaths in the last year has a 20%/,
  );
});

test('a next-month cell whose mean lies above its 80% range is starred and the star explained, in both languages', () => {
  const backtest = runBacktest(buildForecastPanel('Synthetia', bloodlessRows(12), addMonths('2010-01', 11)));
  const forecast = (key: string, mean: number, q90: number): AreaForecast => ({
    level: 'admin1',
    key,
    month: '2011-01',
    horizon: 1,
    metric: 'fatalities',
    point: 0,
    mean,
    quantiles: { '0.1': 0, '0.5': 0, '0.9': q90 },
    pOnset: null,
  });
  const text = (forecasts: AreaForecast[], lang: 'en' | 'fr' = 'en') =>
    JSON.stringify(
      forecastSection({ country: 'Synthetia', origin: '2010-12', forecasts, backtest }, lang).blocks,
    );
  // Lobaye's case: quantiles 0/0/0, mean 1.16 (a probe).
  const tailed = text([forecast('Lobaye', 1.16, 0), forecast('Kémo', 0.4, 2)]);
  assert.match(tailed, /"Lobaye","–","0 \(0–0\)\*"/);
  assert.match(tailed, /"Kémo","–","0 \(0–2\)"/);
  assert.match(tailed, /The mean lies above the 80% range/);
  assert.match(text([forecast('Lobaye', 1.16, 0)], 'fr'), /La moyenne dépasse la fourchette/);
  assert.doesNotMatch(text([forecast('Kémo', 0.4, 2)]), /mean lies above/);
});
