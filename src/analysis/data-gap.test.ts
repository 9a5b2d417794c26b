import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latestDataGap } from './data-gap.ts';
import { monthRange } from './months.ts';

test('four years without any event after a record with events every month read as a gap', () => {
  const held = [...monthRange('2018-01', '2022-06'), '2026-11'];
  assert.deepEqual(latestDataGap(held, '2026-11'), {
    from: '2022-07',
    to: '2026-10',
    months: 52,
    shareBefore: 1,
  });
});

test('a quiet country whose months are often empty has no gap in a few empty months', () => {
  // Events in every third month: three empty months in a row are not unusual enough.
  const held = monthRange('2018-01', '2022-12').filter((_, i) => i % 3 === 0);
  assert.equal(latestDataGap(held, '2022-12'), undefined);
});

test('two empty months in a country with events in every month of its record read as a gap', () => {
  const held = monthRange('2019-01', '2022-12').filter((m) => m !== '2022-03' && m !== '2022-04');
  assert.deepEqual(latestDataGap(held, '2022-12'), {
    from: '2022-03',
    to: '2022-04',
    months: 2,
    shareBefore: 1,
  });
});

test('a gap that ended more than 36 months before the origin no longer reaches the forecast', () => {
  const held = monthRange('2010-01', '2022-12').filter((m) => m < '2012-01' || m > '2013-06');
  assert.equal(latestDataGap(held, '2022-12'), undefined);
});

test('a record too short to have a pace has no gap, nor has a store with nothing up to the origin', () => {
  assert.equal(latestDataGap(['2022-01', '2022-02', '2022-09'], '2022-09'), undefined);
  assert.equal(latestDataGap(['2023-01'], '2022-09'), undefined);
});
