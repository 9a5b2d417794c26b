import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importCsvRows } from './import-files.ts';

/**
 * A threat back after quiet months is no newcomer (the probe's defect: Islamic State (Sahel),
 * attacking civilians in Ménaka through 2022, quiet for the six months before the last six, back
 * now, was "new", "apparition" in French). 'new' only where the data hold nothing of it before.
 */

const HEADER = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'inter1',
  'actor2',
  'inter2',
  'civilian_targeting',
  'country',
  'admin1',
  'location',
  'notes',
  'fatalities',
];
const ISS = 'Islamic State (Sahel)';
const NEWCOMER = 'Katiba Newcomers';
const row = (id: string, date: string, actor: string) => [
  id,
  date,
  'Violence against civilians',
  'Attack',
  actor,
  'Rebel group',
  'Civilians (Mali)',
  'Civilians',
  'Civilian targeting',
  'Mali',
  'Ménaka',
  'Ménaka',
  'Attack on villagers.',
  '2',
];
const ROWS = [
  // Months of attacks in 2022.
  ...['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06'].flatMap((m, i) => [
    row(`OLD${i}a`, `${m}-05`, ISS),
    row(`OLD${i}b`, `${m}-15`, ISS),
  ]),
  // Nothing from July 2023 to December 2023; back in 2024, beside a group never seen before.
  ...['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'].flatMap((m, i) => [
    row(`NEW${i}a`, `${m}-05`, ISS),
    row(`NEW${i}b`, `${m}-20`, NEWCOMER),
  ]),
];

for (const dialect of DIALECTS) {
  describe(`a return after quiet months is not new (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      assert.equal(
        (await importCsvRows(store, 'menaka.csv', [HEADER, ...ROWS])).files[0]!.imported,
        ROWS.length,
      );
    });
    after(() => drop());

    test('threats and perpetrators: returning where the record holds earlier events, new where it holds none', async () => {
      const a = (await runOperation(
        operations.analyze,
        { country: 'Mali', from: '2023-07-01', to: '2024-06-30' },
        { via: 'cli', name: 'analyze', requester: { name: 'test', roles: ['admin'] }, store },
      )) as {
        areas: { admin1: string; trend: string; trendDetail: { recent: number; previous: number } }[];
        perpetrators: { actor: string; trend: string }[];
        threats: { perpetrator: string; trend: string }[];
      };
      const threat = (actor: string) => a.threats.find((t) => t.perpetrator === actor)?.trend;
      const perpetrator = (actor: string) => a.perpetrators.find((p) => p.actor === actor)?.trend;
      assert.equal(threat(ISS), 'returning');
      assert.equal(perpetrator(ISS), 'returning');
      assert.equal(threat(NEWCOMER), 'new');
      assert.equal(perpetrator(NEWCOMER), 'new');
      const menaka = a.areas.find((x) => x.admin1 === 'Ménaka')!;
      assert.deepEqual(
        { trend: menaka.trend, previous: menaka.trendDetail.previous },
        { trend: 'returning', previous: 0 },
      );
    });
  });
}
