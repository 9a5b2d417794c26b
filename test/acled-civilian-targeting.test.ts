import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';

/**
 * ACLED writes "Civilian targeting" in `civilian_targeting`, or nothing. A sheet that went through
 * other hands may say "Yes" or TRUE instead, and every value but one starting "civilian" used to
 * be read as no, silently. Yes and no values are now read as such, and any other value sets the
 * row aside with its reason rather than being taken for no.
 */

const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;
const BAD = new URL('./fixtures/bad/', import.meta.url).pathname;

describe("ACLED's civilian_targeting", () => {
  let store: Store;
  before(async () => {
    store = await openStore({ dbPath: ':memory:' });
  });
  after(() => store.close());

  async function targeting(ids: string[]) {
    const rows = await store.db
      .selectFrom('events')
      .select(['source_event_id', 'civilian_targeting', 'civilian_targeting_derived'])
      .where('source_event_id', 'in', ids)
      .execute();
    return new Map(
      rows.map((r) => [r.source_event_id, [r.civilian_targeting, r.civilian_targeting_derived]]),
    );
  }

  test('"Civilian targeting", yes, TRUE and 1 are yes; empty, No, FALSE and 0 are no', async () => {
    const r = await importFiles(store, [join(GOOD, 'acled-civilian-targeting-yes-no.csv')]);
    assert.deepEqual([r.files[0].format, r.files[0].rows, r.files[0].rejected], ['acled', 10, 0]);
    // Civilian targeting, Yes, yes, TRUE, true, 1, (empty), No, FALSE, 0
    const ids = Array.from({ length: 10 }, (_, i) => `TCT${i + 1}`);
    const got = await targeting(ids);
    assert.deepEqual(
      ids.map((id) => got.get(id)),
      [...Array(6).fill([1, 0]), ...Array(4).fill([0, 0])],
    );
  });

  test('a value that is none of these is set aside with the reason, not read as no', async () => {
    const path = join(BAD, 'acled-civilian-targeting-unknown.csv');
    const r = await importFiles(store, [path]);
    assert.deepEqual([r.files[0].rows, r.files[0].imported, r.files[0].rejected], [3, 2, 1]);
    const problems = await store.db.selectFrom('problems').selectAll().where('file', '=', path).execute();
    assert.equal(problems.length, 1);
    assert.deepEqual(
      [problems[0]?.line, problems[0]?.column, problems[0]?.field],
      [3, 15, 'civilian_targeting'],
    );
    assert.match(
      problems[0]?.reason ?? '',
      /^civilian_targeting "maybe" is not ACLED's "Civilian targeting"/,
    );
    const got = await targeting(['TCU1', 'TCU2', 'TCU3']);
    assert.deepEqual([got.get('TCU1'), got.get('TCU2'), got.get('TCU3')], [[1, 0], undefined, [1, 0]]);
  });
});
