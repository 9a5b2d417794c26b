import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areaAdjacency } from './area-adjacency.ts';
import { forecastPanel } from './forecast.ts';
import { runBacktest } from './forecast-backtest.ts';
import { atLeastAsWide, runForecastModel, shortHistoryForecast } from './forecast-model.ts';
import { buildForecastPanel, type ViolentAreaMonth } from './forecast-panel.ts';
import { addMonths } from './months.ts';
import { logPoint, quantile } from './predictive-distribution.ts';
import { RidgeAccumulator } from './ridge-regression.ts';

/** A seeded generator, so the synthetic country is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function poisson(rand: () => number, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

/** Six areas whose levels drift slowly (a persistent log-level), counts Poisson around them. */
function syntheticRows(months: number): ViolentAreaMonth[] {
  const rand = random(7);
  const rows: ViolentAreaMonth[] = [];
  const level = [0.5, 1, 1.5, 2, 2.5, 0.2];
  for (let t = 0; t < months; t++) {
    const month = addMonths('2010-01', t);
    level.forEach((l, i) => {
      level[i] = Math.max(-1, Math.min(3.5, l + (rand() - 0.5) * 0.6));
      const events = poisson(rand, Math.exp(level[i]!));
      if (events)
        rows.push({
          admin1: `Area ${i}`,
          month,
          events,
          fatalities: poisson(rand, events * 1.5),
          lateEvents: Math.floor(events / 2),
        });
    });
  }
  return rows;
}

test('ridge regression recovers the coefficients of a linear relation', () => {
  const acc = new RidgeAccumulator(3);
  for (let i = 0; i < 200; i++) {
    const x1 = Math.sin(i);
    const x2 = Math.cos(i * 0.7);
    acc.add([1, x1, x2], 2 + 3 * x1 - x2);
  }
  const beta = acc.solve(0)!;
  assert.deepEqual(
    [...beta].map((b) => Math.round(b * 1000) / 1000),
    [2, 3, -1],
  );
});

test('the ridge penalty does not depend on a column’s unit: a column scaled by 10 gets a coefficient 10 times smaller', () => {
  const fit = (scale: number) => {
    const acc = new RidgeAccumulator(3);
    for (let i = 0; i < 200; i++) {
      const x1 = Math.sin(i);
      const x2 = Math.cos(i * 0.7);
      acc.add([1, x1 * scale, x2], 2 + 3 * x1 - x2 + 0.3 * Math.sin(i * 1.9));
    }
    return acc.solve(0.5)!;
  };
  const unit = fit(1);
  const scaled = fit(10);
  assert.ok(unit[1]! < 2.9, `the penalty shrinks the coefficient (${unit[1]})`);
  assert.ok(Math.abs(scaled[1]! * 10 - unit[1]!) < 1e-6, `${scaled[1]} × 10 against ${unit[1]}`);
  assert.ok(Math.abs(scaled[2]! - unit[2]!) < 1e-6);
});

test('areas that share border vertices are neighbours; an area far away is not', () => {
  const square = (x: number) =>
    JSON.stringify({
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 1],
          [x, 0],
        ],
      ],
    });
  const adj = areaAdjacency([
    { admin1: 'A', geometry: square(0) },
    { admin1: 'B', geometry: square(1) },
    { admin1: 'C', geometry: square(5) },
  ]);
  assert.deepEqual(adj.get('A'), ['B']);
  assert.deepEqual(adj.get('B'), ['A']);
  assert.deepEqual(adj.get('C'), []);
});

test('a forecast at an origin is the same whether the panel ends there or two years later', () => {
  const rows = syntheticRows(84);
  const origin = addMonths('2010-01', 59);
  const short = buildForecastPanel('Synthetia', rows, origin);
  // The backtest builds its panel to the last month and forecasts at each origin inside it.
  const long = buildForecastPanel('Synthetia', rows, addMonths('2010-01', 83));
  assert.deepEqual(
    buildForecastPanel(
      'Synthetia',
      rows.filter((r) => r.month <= origin),
      origin,
    ),
    short,
  );
  for (const metric of ['events', 'fatalities'] as const) {
    const a = runForecastModel(short, metric, [59], 'admin1');
    assert.equal(a.length, 6 * 6, 'six areas, six horizons each');
    assert.deepEqual(runForecastModel(long, metric, [59], 'admin1'), a);
  }
  const options = {
    level: 'admin1' as const,
    horizons: 6,
    metrics: ['events', 'fatalities'] as const,
    historyMonths: 0,
  };
  assert.equal(forecastPanel(short, options).forecasts.length, 6 * 6 * 2);
});

test('on a country whose levels persist, the model beats every naive baseline and its 80% range holds about 80%', () => {
  const r = runBacktest(buildForecastPanel('Synthetia', syntheticRows(96), addMonths('2010-01', 95)));
  for (const p of r.pooled) {
    const b = p.baselines;
    const best = Math.min(b.zero.msle, b.last.msle, b.mean12.msle, b.meanLog12.msle);
    assert.ok(p.model.msle < best, `${p.metric}: model ${p.model.msle}, best baseline ${best}`);
    assert.ok(
      p.model.coverage80 > 0.7 && p.model.coverage80 < 0.9,
      `${p.metric}: coverage ${p.model.coverage80}`,
    );
  }
});

test("a series' residuals never spread less than one horizon nearer: the middle 80% is stretched, the tails move with their end", () => {
  const nearer = new Map<number, number>();
  const evenly = (from: number, to: number) =>
    Float64Array.from({ length: 100 }, (_, i) => from + ((to - from) * i) / 99);
  const spread = (r: Float64Array) => r[90]! - r[10]!;
  const wide = evenly(-2, 2);
  assert.equal(atLeastAsWide(wide, nearer, 0), wide, 'a wider set is used as it is');
  const narrow = evenly(-1, 1);
  const widened = atLeastAsWide(narrow, nearer, 0);
  assert.ok(Math.abs(spread(widened) - spread(wide)) < 1e-9);
  assert.ok(Math.abs(widened[50]! - narrow[50]!) < 1e-12, 'the median stays');
  // Beyond the 90th, the values keep their distance from it: the tail is moved, not stretched.
  assert.ok(Math.abs(widened[99]! - widened[90]! - (narrow[99]! - narrow[90]!)) < 1e-9);
  // Another series has its own nearer spread.
  assert.equal(atLeastAsWide(narrow, nearer, 1), narrow);
});

test('a short history is centred on its recent months: three quiet months before fifteen busy ones', () => {
  // A held-out probe's Sudan: 1–3 violent events a month, then 25–30 for fifteen months. The plain
  // log-average of the eighteen months put the point at 18, below every one of the last fifteen.
  const counts = [1, 3, 2, ...Array.from({ length: 15 }, (_, i) => 25 + (i % 6))];
  const d = shortHistoryForecast(counts, counts.length - 1, 'events', 100);
  assert.ok(logPoint(d) > 24 && logPoint(d) < 30, `point ${logPoint(d)}`);
  assert.ok(quantile(d, 0.1) < 25 && quantile(d, 0.9) > 30, `range ${quantile(d, 0.1)}–${quantile(d, 0.9)}`);
  // A steady series keeps its level.
  const steady = shortHistoryForecast([10, 10, 10, 10], 3, 'events', 100);
  assert.ok(Math.abs(logPoint(steady) - 10) < 0.01, `steady ${logPoint(steady)}`);
});
