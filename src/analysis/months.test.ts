import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, denseSeries, lastDayOf, monthRange } from './months.ts';

test('months add across year ends in both directions', () => {
  assert.equal(addMonths('2013-12', 1), '2014-01');
  assert.equal(addMonths('2014-01', -2), '2013-11');
  assert.equal(addMonths('2020-06', 0), '2020-06');
});

test('a month range is inclusive and a gap month counts zero', () => {
  const months = monthRange('2020-11', '2021-02');
  assert.deepEqual(months, ['2020-11', '2020-12', '2021-01', '2021-02']);
  assert.deepEqual(denseSeries(months, new Map([['2020-12', 4]])), [0, 4, 0, 0]);
});

test('the last day of February follows leap years', () => {
  assert.equal(lastDayOf('2020-02'), '2020-02-29');
  assert.equal(lastDayOf('2021-02'), '2021-02-28');
});

test('a range ending in the last month of year 9999 ends: the month after it does not sort before it', () => {
  assert.deepEqual(monthRange('9999-11', '9999-12'), ['9999-11', '9999-12']);
  assert.deepEqual(monthRange('2024-03', '2024-02'), []);
  assert.equal(monthRange('2023-12', '2025-01').length, 14);
});
