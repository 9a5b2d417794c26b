import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { keepEventIndex } from '../src/store/event-index-keeper.ts';
import type { Store } from '../src/store/store.ts';
import { builtIndex } from './built-index.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { adminCall } from './keyed-store.ts';
import { sharedData } from './shared-data.ts';

/**
 * "unknown" in a perpetrator-category filter: the events whose first actor has no category, as
 * `summary --by actor-category` counts them. The export, the map's figures and lists (from SQL and
 * from the index in memory) and the trend all take it and agree.
 */
const ged = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');
const COUNTRY = 'Central African Republic';

const as = adminCall('ana');

for (const dialect of DIALECTS) {
  describe(`the perpetrator category "unknown" (${dialect.name})`, { skip: dialect.skip || ged.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [ged.path]);
    });
    after(() => drop());

    const withoutCategory = async (from: string, to: string) =>
      Number(
        (
          await store.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('country', '=', COUNTRY)
            .where('actor1_category', 'is', null)
            .where('date_start', '>=', from)
            .where('date_start', '<=', to)
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('the export holds exactly the events without a category, and beside another category both', async () => {
      const expected = await withoutCategory('1989-01-01', '2099-12-31');
      assert.ok(expected > 100, `${expected} events without a category in the sample`);
      const lines: string[] = [];
      const exported = await runOperation(
        operations.exportEvents,
        {
          country: COUNTRY,
          format: 'csv',
          actorCategories: ['unknown'],
          write: (s: string) => lines.push(s),
        },
        as(store),
      );
      assert.equal(exported.events, expected);
      const both = await runOperation(
        operations.exportEvents,
        { country: COUNTRY, format: 'csv', actorCategories: ['unknown', 'state-forces'], write: () => {} },
        as(store),
      );
      const state = await store.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('actor1_category', '=', 'state-forces')
        .executeTakeFirstOrThrow();
      assert.equal(both.events, expected + Number(state.n));
    });

    test('the map, its lists and the trend count them alike from SQL and from the index in memory', async () => {
      const questions = [
        { from: '2014-01-01', to: '2014-12-31', actorCategories: ['unknown'] },
        { from: '2013-12-05', to: '2014-02-10', actorCategories: ['unknown', 'rebel-group'] },
        { from: '2019-01-01', to: '2022-12-31', actorCategories: ['unknown'], admin1: 'Ouaka' },
      ];
      const ask = async () => {
        const out: unknown[] = [];
        for (const q of questions) {
          const f = { country: COUNTRY, ...q };
          const { admin1, ...noArea } = f;
          out.push(
            await runOperation(operations.mapEvents, { ...f, shape: 'points' }, as(store)),
            await runOperation(operations.mapEvents, { ...f, limit: 2000 }, as(store)),
            await runOperation(operations.areaMap, noArea, as(store)),
            await runOperation(operations.areaTrend, noArea, as(store)),
          );
        }
        return out;
      };
      const bySql = await ask();
      const listed = bySql[1] as { total: number; events: unknown[] };
      assert.equal(listed.total, await withoutCategory('2014-01-01', '2014-12-31'));
      const stop = keepEventIndex(store);
      try {
        await builtIndex(store);
        assert.deepEqual(await ask(), bySql);
      } finally {
        stop();
      }
    });
  });
}
