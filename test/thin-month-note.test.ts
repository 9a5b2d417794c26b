import assert from 'node:assert/strict';
import { test } from 'node:test';
import { thinLastMonth } from '../web/src/components/thin-month-note.tsx';

const months = [
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
];

test('a last month far below the six before it is said to be probably incomplete (browser probe: one late incident moved the headline)', () => {
  const trend = {
    months,
    series: [{ events: [60, 58, 62, 61, 59, 63, 60, 57, 2] }, { events: [0, 0, 0, 0, 0, 0, 0, 0, 1] }],
  };
  assert.deepEqual(thinLastMonth(trend, '2026-11-30'), { month: '2026-11', events: 3, usual: 61 });
  // A period ending with a whole month says nothing.
  assert.equal(thinLastMonth(trend, '2026-10-31'), null);
  // A quiet country's quiet month is not thin: the usual month must hold at least 6 events.
  assert.equal(
    thinLastMonth({ months, series: [{ events: [3, 2, 4, 3, 2, 3, 4, 3, 0] }] }, '2026-11-30'),
    null,
  );
  // A real fall to a third or more of the usual is not flagged.
  assert.equal(
    thinLastMonth({ months, series: [{ events: [60, 58, 62, 61, 59, 63, 60, 57, 25] }] }, '2026-11-30'),
    null,
  );
});
