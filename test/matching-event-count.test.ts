import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { generateAcled } from '../bench/generate-acled.ts';
import { VIOLENCE_TYPES } from '../src/domain/violence-type.ts';
import { applyEventFilter, type EventFilter } from '../src/store/event-repository.ts';
import { countMatchingEvents, splitPeriod } from '../src/store/matching-event-count.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

test('a period splits into its whole months and the odd days at either end', () => {
  assert.deepEqual(splitPeriod('2015-03-01', '2016-07-31'), {
    months: { from: '2015-03', to: '2016-07' },
    days: [],
  });
  assert.deepEqual(splitPeriod('2015-03-15', '2015-05-10'), {
    months: { from: '2015-04', to: '2015-04' },
    days: [
      { from: '2015-03-15', to: '2015-03-31' },
      { from: '2015-05-01', to: '2015-05-10' },
    ],
  });
  assert.deepEqual(splitPeriod('2016-02-03', '2016-02-27'), {
    months: null,
    days: [{ from: '2016-02-03', to: '2016-02-27' }],
  });
  assert.deepEqual(splitPeriod(undefined, '2016-02-29'), {
    months: { from: undefined, to: '2016-02' },
    days: [],
  });
  assert.deepEqual(splitPeriod('2016-02-02', undefined), {
    months: { from: '2016-03', to: undefined },
    days: [{ from: '2016-02-02', to: '2016-02-29' }],
  });
});

const dir = mkdtempSync(join(tmpdir(), 'tandem-count-'));
const file = join(dir, 'events.csv');
before(() => generateAcled(file, 3000, 23));

for (const dialect of DIALECTS) {
  describe(`the count of matching events (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [file]);
    });
    after(() => drop());

    test('from the aggregates equals counting the events, for any period and filter', async () => {
      const areas = (await store.db.selectFrom('events').select('admin1').distinct().execute()).map(
        (r) => r.admin1,
      );
      const [country] = (await store.db.selectFrom('events').select('country').distinct().execute()).map(
        (r) => r.country,
      );
      const day = fc
        .integer({ min: 0, max: 365 * 9 })
        .map((n) => new Date(Date.UTC(2014, 6, 1) + n * 86_400_000).toISOString().slice(0, 10));
      await fc.assert(
        fc.asyncProperty(
          fc.option(day),
          fc.option(day),
          fc.option(fc.subarray(areas, { minLength: 1, maxLength: 3 })),
          fc.option(fc.subarray([...VIOLENCE_TYPES], { minLength: 1 })),
          fc.option(
            fc.subarray(['state-forces', 'rebel-group', 'political-militia', 'civilians'], { minLength: 1 }),
          ),
          async (from, to, admin1, violenceTypes, categories) => {
            const f: EventFilter = {
              country,
              ...(from ? { from } : {}),
              ...(to ? { to } : {}),
              ...(admin1 ? { admin1 } : {}),
              ...(violenceTypes ? { violenceTypes } : {}),
            };
            let q = applyEventFilter(store.db.selectFrom('events'), f).select((eb) =>
              eb.fn.countAll<number>().as('n'),
            );
            if (categories) q = q.where('actor1_category', 'in', categories);
            const expected = Number((await q.executeTakeFirstOrThrow()).n);
            assert.equal(
              await countMatchingEvents(store.db, f, categories ?? undefined),
              expected,
              JSON.stringify(f),
            );
          },
        ),
        { numRuns: 150 },
      );
    });
  });
}
