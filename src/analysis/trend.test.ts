import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evenSplitTail, trendOf } from './trend.ts';

test('a change on a few events is not named a trend; a clear one is', () => {
  assert.equal(trendOf(2, 1, 0), 'stable');
  assert.equal(trendOf(6, 3, 0), 'stable');
  assert.equal(trendOf(1, 3, 0), 'stable');
  assert.equal(trendOf(10, 5, 0), 'rising');
  assert.equal(trendOf(5, 10, 0), 'falling');
  assert.equal(trendOf(130, 100, 0), 'rising');
  assert.equal(trendOf(112, 100, 0), 'stable');
  assert.equal(trendOf(70, 100, 0), 'falling');
  assert.equal(trendOf(3, 0, 0), 'new');
  assert.equal(trendOf(0, 0, 0), 'none');
});

test("after a quiet window, events are 'new' only when none of the kind came before it", () => {
  // Islamic State (Sahel) in Ménaka: months of attacks on civilians, six quiet months, back now.
  assert.equal(trendOf(4, 0, 25), 'returning');
  assert.equal(trendOf(1, 0, 1), 'returning');
  assert.equal(trendOf(4, 0, 0), 'new');
  assert.equal(trendOf(0, 0, 25), 'none');
  // The earlier record does not change a trend whose comparison window had events.
  assert.equal(trendOf(10, 5, 100), 'rising');
  assert.equal(trendOf(2, 1, 100), 'stable');
});

test('the even-split tail is the binomial tail', () => {
  // P(X ≥ 2 | n = 3, p = ½) = 4/8; P(X ≥ 10 | n = 15) = 4944/32768.
  assert.ok(Math.abs(evenSplitTail(2, 3) - 0.5) < 1e-12);
  assert.ok(Math.abs(evenSplitTail(10, 15) - 4944 / 32768) < 1e-12);
  assert.equal(evenSplitTail(0, 5), 1);
  assert.ok(evenSplitTail(6000, 10000) < 1e-50);
  assert.ok(Math.abs(evenSplitTail(5000, 10000) - 0.504) < 0.001);
});
