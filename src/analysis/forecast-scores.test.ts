import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averagePrecision, ScoreAccumulator } from './forecast-scores.ts';
import { crps, fromSamples, logPoint, pointMass, quantile } from './predictive-distribution.ts';

test('the CRPS of a point forecast is its absolute error', () => {
  assert.equal(crps(pointMass(3), 7), 4);
  assert.equal(crps(pointMass(0), 0), 0);
});

test('the sample CRPS equals E|X − y| − ½E|X − X′| computed pair by pair', () => {
  const xs = [0, 0, 1, 4, 9, 2.5];
  const d = fromSamples(xs);
  for (const y of [0, 2, 10]) {
    let a = 0;
    let b = 0;
    for (const x of xs) a += Math.abs(x - y);
    for (const x of xs) for (const z of xs) b += Math.abs(x - z);
    const expected = a / xs.length - b / (2 * xs.length * xs.length);
    assert.ok(Math.abs(crps(d, y) - expected) < 1e-12);
  }
});

test('the log-scale point is exp of the mean log1p, minus one, and sits below the mean', () => {
  const d = fromSamples([0, 3, 15]);
  assert.ok(Math.abs(logPoint(d) - (Math.exp((0 + Math.log(4) + Math.log(16)) / 3) - 1)) < 1e-12);
  assert.ok(logPoint(d) < 6);
  assert.equal(quantile(d, 0.5), 3);
});

test('scores: MSLE on log1p of the point, coverage counts outcomes inside the 10–90% range, totals compare means', () => {
  const a = new ScoreAccumulator();
  a.add(pointMass(1), 3); // log 2 vs log 4
  a.add(fromSamples([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 5);
  const r = a.result();
  assert.equal(r.n, 2);
  assert.ok(Math.abs(r.mse - ((1 - 3) ** 2 + 0) / 2) < 1e-12);
  assert.equal(r.coverage80, 0.5);
  assert.equal(r.totalRatio, (1 + 5) / 8);
  const sle1 = (Math.log(2) - Math.log(4)) ** 2;
  assert.ok(r.msle > sle1 / 2);
});

test('average precision is 1 when every positive ranks first, and the base rate for a constant score', () => {
  assert.equal(
    averagePrecision([
      { score: 0.9, positive: true },
      { score: 0.5, positive: true },
      { score: 0.1, positive: false },
    ]),
    1,
  );
  const flat = [true, false, false, false].map((positive) => ({ score: 0.3, positive }));
  assert.equal(averagePrecision(flat), 0.25);
  assert.equal(averagePrecision([{ score: 1, positive: false }]), null);
});
