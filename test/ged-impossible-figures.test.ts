import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';

/**
 * A GED row with more civilians killed (deaths_civilians) than deaths in all (best) was taken as
 * it stood, and its civilian deaths counted. Civilian deaths are part of best, so such a row is a
 * slip in the file: it is set aside with its line, its column and what was expected, as other bad
 * rows are, and the file's other rows are read.
 */

const BAD = new URL('./fixtures/bad/', import.meta.url).pathname;

describe('GED rows with impossible figures', () => {
  let store: Store;
  before(async () => {
    store = await openStore({ dbPath: ':memory:' });
  });
  after(() => store.close());

  test('more civilian deaths than deaths in all: set aside, saying where and what was expected', async () => {
    const path = join(BAD, 'ged-civilian-deaths-above-best.csv');
    const r = await importFiles(store, [path]);
    assert.deepEqual(
      [r.files[0].format, r.files[0].rows, r.files[0].imported, r.files[0].rejected],
      ['ucdp', 3, 2, 1],
    );
    const problems = await store.db.selectFrom('problems').selectAll().where('file', '=', path).execute();
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 3);
    assert.equal(problems[0]?.field, 'deaths_civilians');
    assert.equal(problems[0]?.column, 44);
    assert.equal(
      problems[0]?.reason,
      'deaths_civilians is 12 but best (all deaths) is 5; expected no more than best',
    );
    const kept = await store.db
      .selectFrom('events')
      .select(['source_event_id', 'fatalities', 'civilian_fatalities'])
      .where('source', '=', 'ucdp')
      .orderBy('source_event_id')
      .execute();
    assert.deepEqual(
      kept.map((e) => [e.source_event_id, e.fatalities, e.civilian_fatalities]),
      [
        ['910001', 4, 4],
        ['910003', 3, 3],
      ],
    );
  });
});
