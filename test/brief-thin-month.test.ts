import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { thinLastMonth } from '../src/analysis/thin-last-month.ts';
import { renderBriefMarkdown } from '../src/reports/joint-brief.ts';
import { openStore } from '../src/store/store.ts';
import { importCsvRows } from './import-files.ts';

// One late incident moved the demonstration's default year into a month holding one event; the
// overview warned, the brief did not, and its trends read "falling" and "No area rose" (a probe
// reading the brief as a senior leader would). The analysis now names such a month and the brief
// says how to read it.
test('thinLastMonth: under a third of the six months before, which hold at least six a month', () => {
  const months = ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06', '2021-07'];
  assert.deepEqual(thinLastMonth(months, [10, 12, 9, 11, 10, 13, 2]), {
    month: '2021-07',
    events: 2,
    usual: 11,
  });
  assert.equal(thinLastMonth(months, [10, 12, 9, 11, 10, 13, 4]), null, 'a third or more is a quiet month');
  assert.equal(thinLastMonth(months, [3, 4, 2, 5, 3, 4, 0]), null, 'too few events a month to tell');
  assert.equal(thinLastMonth(months.slice(1), [12, 9, 11, 10, 13, 0]), null, 'six months are too few');
});

test('the brief names a nearly empty last month and how to read the trends that end with it', async () => {
  const store = await openStore({ dbPath: ':memory:' });
  try {
    const header = [
      'event_id_cnty',
      'event_date',
      'event_type',
      'sub_event_type',
      'actor1',
      'inter1',
      'actor2',
      'inter2',
      'country',
      'admin1',
      'location',
      'notes',
      'fatalities',
    ];
    const rows: string[][] = [];
    let id = 0;
    for (const [month, n] of [
      ['01', 10],
      ['02', 11],
      ['03', 9],
      ['04', 12],
      ['05', 10],
      ['06', 11],
      ['07', 10],
      ['08', 1],
    ] as const)
      for (let i = 0; i < n; i++)
        rows.push([
          `TST${++id}`,
          `2021-${month}-${month === '08' ? '30' : String(1 + i).padStart(2, '0')}`,
          'Battles',
          'Armed clash',
          'Army of Testland',
          'State forces',
          'Rebels of Testland',
          'Rebel group',
          'Testland',
          'North',
          'Town',
          'Clash.',
          '1',
        ]);
    await importCsvRows(store, 'testland.csv', [header, ...rows]);
    const a = await runJointAnalysis(store.db, { country: 'Testland' });
    assert.deepEqual(a.period.thinLastMonth, { month: '2021-08', events: 1, usual: 11 });
    // One event on the 30th: no part of the month is missing by the calendar, only by the data.
    assert.equal(a.period.partialLastMonth, null);
    const md = renderBriefMarkdown(a);
    assert.match(md, /Aug 2021 holds 1 violent event, against about 11 a month in the six months before/);
    assert.match(
      renderBriefMarkdown(a, { lang: 'fr' }),
      /Août 2021 ne compte que 1 événement violent, contre environ 11 par mois/,
    );
  } finally {
    await store.close();
  }
});
