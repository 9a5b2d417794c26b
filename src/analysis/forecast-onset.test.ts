import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deathShare, isQuiet, onsetProbability } from './forecast-onset.ts';
import { fromSamples } from './predictive-distribution.ts';

test('an area is quiet when none of the 12 months up to the origin had a death', () => {
  const deaths = [3, ...Array(12).fill(0), 1];
  assert.equal(isQuiet(deaths, 12), true);
  assert.equal(isQuiet(deaths, 11), false, 'month 0 is within the 12 months to month 11');
  assert.equal(isQuiet(deaths, 13), false);
});

test('the onset probability is the mean of the model’s chance of a death and the area’s death share', () => {
  // 40 months, deaths in 9 of the last 36.
  const deaths = Array.from({ length: 40 }, (_, i) => (i >= 4 && i < 13 ? 2 : 0));
  assert.equal(deathShare(deaths, 39), 9 / 36);
  const model = fromSamples([0, 0, 0.4, 0.6, 1, 3, 0, 0, 0, 0]);
  assert.equal(onsetProbability(model, deaths, 39), (0.3 + 0.25) / 2);
});
