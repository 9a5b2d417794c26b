import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colourAt, legendSteps, RAMP } from '../web/src/components/map-legend.ts';

const values = (max: number) => legendSteps(max).map((s) => s.value);

test('the legend shows whole numbers near the ramp’s stops, never fractions of an event', () => {
  assert.deepEqual(values(31), [0, 8, 19, 31]);
  assert.deepEqual(values(164), [0, 41, 98, 164]);
  assert.deepEqual(values(1453), [0, 360, 870, 1453]);
  for (let max = 0; max <= 2000; max++) {
    const v = values(max);
    assert.ok(
      v.every((x) => Number.isInteger(x)),
      `${max}: ${v}`,
    );
    assert.ok(
      v.every((x, i) => i === 0 || x > v[i - 1]!),
      `${max}: increasing, each once: ${v}`,
    );
    assert.equal(v.at(-1), max, `${max}: ends at the largest figure`);
  }
});

test('with few events the legend has fewer steps rather than repeated ones', () => {
  assert.deepEqual(values(0), [0]);
  assert.deepEqual(values(1), [0, 1]);
  assert.deepEqual(values(2), [0, 1, 2]);
  assert.deepEqual(values(3), [0, 1, 2, 3]);
});

test('each step is shown in the colour an area with that figure is drawn in', () => {
  for (const [share, colour] of RAMP) assert.equal(colourAt(share), colour);
  assert.equal(colourAt(0.125), '#fed9b8', 'halfway between the first two stops');
  const [, one] = legendSteps(1);
  assert.equal(one!.colour, '#7f0000', 'an area with the one event is the darkest');
});
