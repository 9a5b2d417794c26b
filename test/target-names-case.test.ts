import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { namedIn } from '../src/analysis/harmed-group.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importCsvRows } from './import-files.ts';

// A group harmed is found by its name as written: "women (Mali)" and "Women (Mali)" are counted
// apart, and the evidence listed for one holds its own events only. SQLite's LIKE ignored the
// case where PostgreSQL's did not, so a probe found SQLite's evidence lists holding the other
// group's events (and disagreeing with the counts beside them).
const HEADER = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'sub_event_type',
  'actor1',
  'inter1',
  'actor2',
  'inter2',
  'assoc_actor_2',
  'country',
  'admin1',
  'location',
  'notes',
  'fatalities',
];
const attack = (id: string, harmed: string) => [
  id,
  '2021-03-10',
  'Violence against civilians',
  'Attack',
  'Unidentified Armed Group (Mali)',
  'Political militia',
  'Civilians (Mali)',
  'Civilians',
  harmed,
  'Mali',
  'Mopti',
  'Bandiagara',
  'Attack.',
  '1',
];

for (const dialect of DIALECTS) {
  describe(`a harmed group's name in its own letters (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      const rows = [
        attack('MLI1', 'Women (Mali)'),
        attack('MLI2', 'Herders (Mali); women (Mali)'),
        attack('MLI3', 'women (Mali); Herders (Mali)'),
        attack('MLI4', 'Herders (Mali); women (Mali); Fulani Ethnic Group (Mali)'),
        attack('MLI5', 'women (Mali)'),
        attack('MLI6', 'Women (Mali) and girls'),
        attack('MLI7', '%women (Mali)'),
      ];
      assert.equal(
        (await importCsvRows(store, 'mopti.csv', [HEADER, ...rows])).files[0]!.imported,
        rows.length,
      );
    });
    after(() => drop());

    const named = async (name: string) =>
      (
        await store.db
          .selectFrom('events')
          .select('source_event_id')
          .where(namedIn('targets', name))
          .orderBy('source_event_id')
          .execute()
      ).map((r) => r.source_event_id);

    test('a name matches whole, in its own case, first, last, between others or alone', async () => {
      assert.deepEqual(await named('women (Mali)'), ['MLI2', 'MLI3', 'MLI4', 'MLI5']);
      assert.deepEqual(await named('Women (Mali)'), ['MLI1']);
      assert.deepEqual(await named('Herders (Mali)'), ['MLI2', 'MLI3', 'MLI4']);
      assert.deepEqual(await named('%women (Mali)'), ['MLI7']);
      assert.deepEqual(await named('_omen (Mali)'), []);
    });
  });
}
