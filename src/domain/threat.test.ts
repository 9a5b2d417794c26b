import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneCellPerThreat, type ThreatCell } from './threat.ts';

const cell = (actorCategory: string, events: number, more: Partial<ThreatCell> = {}): ThreatCell => ({
  country: 'Testland',
  actor: 'Red Hand',
  actorCategory,
  admin1: 'Amber',
  violenceType: 'violence-against-civilians',
  events,
  recent: events,
  previous: 0,
  fatalities: events * 2,
  ...more,
});

test('events of one perpetrator with and without a category make one cell, counted together, with the category named', () => {
  assert.deepEqual(oneCellPerThreat([cell('', 1), cell('rebel-group', 2)]), [
    { ...cell('rebel-group', 3), recent: 3, fatalities: 6 },
  ]);
});

test('a perpetrator whose events name no category stays one cell without one', () => {
  assert.deepEqual(oneCellPerThreat([cell('', 2)]), [cell('', 2)]);
});

test('where the events name two categories, the one most of them name is kept', () => {
  const [one] = oneCellPerThreat([cell('political-militia', 1), cell('rebel-group', 4), cell('', 9)]);
  assert.equal(one?.actorCategory, 'rebel-group');
  assert.equal(one?.events, 14);
});

test('another area, violence type or perpetrator is another cell', () => {
  const cells = oneCellPerThreat([
    cell('', 1),
    cell('', 1, { admin1: 'Basalt' }),
    cell('', 1, { violenceType: 'battles' }),
    cell('', 1, { actor: 'Blue Brigade' }),
  ]);
  assert.equal(cells.length, 4);
});
