import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataGaps, latestDataGap } from './data-gap.ts';
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

test('every gap of a record is found for the backtest, oldest first; sparse early years are none (held-out probe: a missing June was scored as a lull)', () => {
  const gapped = ['2016-05', '2016-06', '2016-07', '2022-06', '2022-07'];
  const held = [
    // A sparse first year: an event every fourth month; its empty months are not gaps.
    ...monthRange('2012-01', '2012-12').filter((_, i) => i % 4 === 0),
    ...monthRange('2013-01', '2022-12').filter((m) => !gapped.includes(m)),
  ];
  assert.deepEqual(
    dataGaps(held, '2022-12').map((g) => [g.from, g.to, g.months]),
    [
      ['2016-05', '2016-07', 3],
      ['2022-06', '2022-07', 2],
    ],
  );
  assert.deepEqual(dataGaps(held, '2016-04'), []);
  // One empty month after a record with events in every month is one too.
  assert.deepEqual(
    dataGaps(
      monthRange('2020-01', '2023-12').filter((m) => m !== '2022-06'),
      '2023-12',
    ).map((g) => g.from),
    ['2022-06'],
  );
});
