import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  baselineMean,
  dispersionSize,
  nbLogLikelihoodRatio,
  negativeBinomialCusum,
  predictiveBaseline,
} from './nb-cusum.ts';

// A deterministic pseudo-random generator so the noisy series are the same on every run.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
function poisson(mu: number, rnd: () => number): number {
  const l = Math.exp(-mu);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l);
  return k - 1;
}

test('a flat series raises no alarm', () => {
  assert.deepEqual(negativeBinomialCusum(Array(60).fill(10)), []);
});

test('a jump from ten to forty events a month is alarmed in its first month, dated to that month', () => {
  const counts = [...Array(24).fill(10), ...Array(6).fill(40)];
  const alarms = negativeBinomialCusum(counts);
  assert.ok(alarms.length >= 1);
  assert.equal(alarms[0]!.start, 24);
  assert.equal(alarms[0]!.alarm, 24);
  assert.equal(alarms[0]!.baseline, 10);
  assert.equal(alarms[0]!.observed, 40);
});

test('a moderate sustained rise is dated to its first month even when the alarm comes later', () => {
  const rnd = lcg(7);
  const counts = [...Array(36)].map(() => poisson(5, rnd));
  for (let i = 0; i < 8; i++) counts.push(poisson(11, rnd));
  const alarms = negativeBinomialCusum(counts);
  const rise = alarms.find((a) => a.alarm >= 36);
  assert.ok(rise, 'the rise is alarmed');
  assert.ok(Math.abs(rise.start - 36) <= 1, `start ${rise.start} is within a month of 36`);
  assert.ok(rise.alarm - rise.start <= 4);
});

test('a single bad month in a bursty area does not fire, but it would under a Poisson test', () => {
  // Baseline alternates between quiet and busy months: variance far above the mean.
  const counts: number[] = [...Array(24)].map((_, i) => (i % 3 === 0 ? 14 : 2));
  counts.push(18, 3, 2);
  const nb = negativeBinomialCusum(counts, { threshold: 4 }).filter((a) => a.alarm >= 24);
  assert.deepEqual(nb, []);
  const mean = baselineMean(counts.slice(12, 24), 0.5);
  const poissonScore = nbLogLikelihoodRatio(18, mean, mean * 2, Number.POSITIVE_INFINITY);
  assert.ok(poissonScore > 4, 'a Poisson CUSUM would have fired on that month');
});

test('a higher threshold gives fewer false alarms on a stationary noisy series', () => {
  const rnd = lcg(42);
  const counts = [...Array(1200)].map(() => poisson(6, rnd));
  const low = negativeBinomialCusum(counts, { threshold: 2 }).length;
  const high = negativeBinomialCusum(counts, { threshold: 6 }).length;
  assert.ok(low > high, `h=2 gave ${low}, h=6 gave ${high}`);
});

test('months before the minimum history are never tested', () => {
  const counts = [0, 50, 50, 50, 0, 0, 0, 0];
  assert.deepEqual(
    negativeBinomialCusum(counts, { minHistory: 6 }).filter((a) => a.start < 6),
    [],
  );
});

test('the negative-binomial ratio tends to the Poisson ratio as dispersion vanishes', () => {
  const nb = nbLogLikelihoodRatio(9, 4, 8, 1e9);
  const p = nbLogLikelihoodRatio(9, 4, 8, Number.POSITIVE_INFINITY);
  assert.ok(Math.abs(nb - p) < 1e-6);
});

test('a sharp jump after a mild drift is dated to the jump, not to the start of the drift', () => {
  const counts = [...Array(24).fill(20), 26, 27, 26, 28, 27, 26, 27, 28, 26, 120];
  const alarm = negativeBinomialCusum(counts, { threshold: 5 }).find((a) => a.alarm === counts.length - 1);
  assert.ok(alarm, 'the jump is alarmed');
  assert.equal(alarm.start, counts.length - 1);
  assert.ok(alarm.runStart <= alarm.start);
});

test('a level that moved between years is not taken for burstiness', () => {
  // Two steady years at 12 and 2 events a month: the plain variance is large, within each year it is nil.
  const window = [...Array(12).fill(12), ...Array(12).fill(2)];
  assert.ok(Number.isFinite(dispersionSize(window, 24)), 'one block: the step looks like dispersion');
  assert.equal(dispersionSize(window, 12), Number.POSITIVE_INFINITY);
});

test('a short baseline is widened for the uncertainty of its mean, less so the longer it is', () => {
  const six = predictiveBaseline({ mean: 4, size: Number.POSITIVE_INFINITY }, 6);
  const year = predictiveBaseline({ mean: 4, size: Number.POSITIVE_INFINITY }, 12);
  assert.equal(six.mean, 4);
  // Variance 4 × (1 + 1/6) = 4 + 16/size, so size = 24.
  assert.ok(Math.abs(six.size - 24) < 1e-9);
  assert.ok(year.size > six.size);
});

test('a rise after a lull is measured against the lull and alarmed within a month', () => {
  // Shaped like CAR's monthly GED counts of 2017–2021: bursty years, a lull of six months at
  // about two a month, then ten and fourteen events.
  const counts = [
    ...[15, 15, 28, 10, 28, 23, 18, 27, 20, 16, 10, 10],
    ...[12, 8, 16, 5, 7, 10, 7, 8, 4, 2, 8, 1],
    ...[13, 2, 4, 7, 6, 3, 2, 5, 9, 3, 4, 4],
    ...[9, 7, 12, 2, 3, 0, 4, 5, 2, 1, 1],
    ...[10, 14, 9, 9, 9, 15],
  ];
  const rise = negativeBinomialCusum(counts).find((a) => a.alarm >= 47);
  assert.ok(rise, 'the rise is alarmed');
  assert.equal(rise.start, 47);
  assert.ok(rise.alarm <= 48, `alarm at ${rise.alarm}`);
  assert.ok(rise.baseline < 3, `baseline ${rise.baseline} is the lull's level`);
});
