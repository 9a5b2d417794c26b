import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { eventDateReader, parseEventDate, readEventDay } from './event-dates.ts';

test('every form of date that ACLED and GED exports use reads as the same day', () => {
  for (const s of [
    '2015-12-31',
    '31 December 2015',
    '31-Dec-15',
    '31/12/2015',
    '2015-12-31T00:00:00',
    'December 31, 2015',
  ]) {
    assert.deepEqual(parseEventDate(s), { ok: true, date: '2015-12-31' }, s);
  }
});

test('French month names, as a francophone mission writes dates, read as the same day; a day that does not exist is still refused', () => {
  for (const [written, day] of [
    ['15 juin 2024', '2024-06-15'],
    ['1er juillet 2023', '2023-07-01'],
    ['3 févr. 2022', '2022-02-03'],
    ['14 Août 2021', '2021-08-14'],
    ['31 décembre 2015', '2015-12-31'],
    ['9 mars 2020', '2020-03-09'],
  ])
    assert.deepEqual(parseEventDate(written), { ok: true, date: day }, written);
  const r = parseEventDate('31 juin 2024');
  assert.equal(r.ok, false);
  assert.match((r as { reason: string }).reason, /month 6 of 2024 has no day 31/);
});

test('a day that does not exist is refused with the reason', () => {
  const r = parseEventDate('32/13/2020');
  assert.equal(r.ok, false);
  assert.match((r as { reason: string }).reason, /not a date/);
  assert.equal(parseEventDate('2021-02-29').ok, false);
  assert.equal(parseEventDate('2020-02-29').ok, true);
  assert.equal(parseEventDate('').ok, false);
  assert.equal(parseEventDate('yesterday').ok, false);
});

test('any real day written in any supported form reads back as itself', () => {
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1950-01-01'), max: new Date('2049-12-31'), noInvalidDate: true }),
      (d) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const day = d.getUTCDate();
        const want = d.toISOString().slice(0, 10);
        const forms = [
          want,
          `${day} ${months[m - 1]} ${y}`,
          `${day}-${months[m - 1].slice(0, 3)}-${String(y).slice(2)}`,
          `${day}/${m}/${y}`,
        ];
        for (const f of forms) assert.deepEqual(parseEventDate(f), { ok: true, date: want }, f);
      },
    ),
  );
});

test('a slashed date that reads only month first is set aside, not guessed: its file may write 5 March as 03/05', () => {
  const r = parseEventDate('12/31/2020');
  assert.equal(r.ok, false);
  assert.match((r as { reason: string }).reason, /month first .* YYYY-MM-DD/);
  assert.deepEqual(parseEventDate('03/05/2020'), { ok: true, date: '2020-05-03' });
});

test('an event dated after tomorrow is refused; today is not', () => {
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual(readEventDay(today), { ok: true, date: today });
  const r = readEventDay('2099-05-01');
  assert.equal(r.ok, false);
  assert.match((r as { reason: string }).reason, /in the future/);
  assert.equal(eventDateReader()('1 May 2099').ok, false);
});

test('a file whose first one-way date reads only month first is refused whole, naming the line; after day-first dates, such a date is only that row’s slip', () => {
  const usFile = eventDateReader('us.csv');
  assert.deepEqual(usFile('3/5/2024', 2), { ok: true, date: '2024-05-03' });
  assert.throws(
    () => usFile('3/25/2024', 3),
    (e: Error & { code?: string }) =>
      e.code === 'unreadable-file' &&
      /^us\.csv, line 3: "3\/25\/2024" reads only month first/.test(e.message),
  );
  // The reader names the date's column when it knows it.
  const named = eventDateReader('us2.csv');
  assert.throws(
    () => named('3/25/2024', 7, { index: 1, name: 'event_date' }),
    /us2\.csv, line 7, column 2 \(event_date\): "3\/25\/2024" reads only month first/,
  );
  const dayFirst = eventDateReader('eu.csv');
  assert.deepEqual(dayFirst('25/3/2024', 2), { ok: true, date: '2024-03-25' });
  const slip = dayFirst('3/25/2024', 3);
  assert.equal(slip.ok, false);
  assert.match((slip as { reason: string }).reason, /reads only as month first/);
  // Dates that read either way, or are not slashed, decide nothing.
  const iso = eventDateReader('iso.csv');
  assert.equal(iso('2024-03-25', 2).ok, true);
  assert.equal(iso('5/3/2024', 3).ok, true);
});
