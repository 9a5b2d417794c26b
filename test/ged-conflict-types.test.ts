import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { perpetration } from '../src/agreements/negotiation-checks.ts';
import { readAreaMonths } from '../src/analysis/analysis-queries.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import * as categoriesByPeriod from '../src/store/migrations/026-categories-by-period.ts';
import * as countryCounts from '../src/store/migrations/030-country-counts.ts';
import { migrate } from '../src/store/store.ts';
import { assertAggregatesMatchEvents } from './aggregate-recount.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { sharedData } from './shared-data.ts';

const ged = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');

// In the CAR sample: type_of_violence 1 on 401 rows, 2 on 371, 3 on the rest (counted by hand
// with a CSV reader over the file).
const STATE_BASED = 401;
const NON_STATE = 371;

async function typeCounts(db: Parameters<typeof summarizeEvents>[0]): Promise<Record<string, number>> {
  const s = await summarizeEvents(db, 'violence-type');
  return Object.fromEntries(s.rows.map((r) => [r.key, r.events]));
}

test("either side of GED's state-based or non-state conflict perpetrates it, as in a battle", () => {
  const parties = new Set(['Rebels']);
  for (const violenceType of ['battles', 'state-based-conflict', 'non-state-conflict'])
    assert.equal(perpetration({ violenceType, actor1: 'Army', actor2: 'Rebels' }, parties), 'battle-side');
  assert.equal(
    perpetration({ violenceType: 'violence-against-civilians', actor1: 'Army', actor2: 'Rebels' }, parties),
    null,
  );
});

for (const dialect of DIALECTS) {
  describe(`GED's conflict types kept apart (${dialect.name})`, { skip: dialect.skip }, () => {
    test('state-based and non-state conflict are two violence types, both counted as violent events, and an HXL export keeps them', {
      skip: ged.skip,
    }, async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [ged.path]);
        const types = await typeCounts(store.db);
        assert.equal(types['state-based-conflict'], STATE_BASED);
        assert.equal(types['non-state-conflict'], NON_STATE);
        assert.equal(types.battles, undefined, 'GED events are never battles');
        const total = Object.values(types).reduce((a, b) => a + b, 0);
        // Every GED event is violent: the alerts' and forecasts' count is all of them.
        const violent = (await readAreaMonths(store.db, {}, '9999-12')).reduce(
          (a, m) => a + m.violentEvents,
          0,
        );
        assert.equal(violent, total);
        // An HXL export carries the two types, and reads back as them.
        let text = '';
        await runOperation(
          operations.exportEvents,
          { format: 'hxl', write: (s: string) => (text += s) },
          { via: 'cli', name: 'exportEvents', requester: { name: 'test', roles: ['admin'] }, store },
        );
        const path = join(mkdtempSync(join(tmpdir(), 'tandem-ged-')), 'car.hxl.csv');
        writeFileSync(path, text);
        const again = await dialect.open();
        try {
          await importFiles(again.store, [path], { format: 'hxl' });
          assert.deepEqual(await typeCounts(again.store.db), types);
        } finally {
          await again.drop();
        }
      } finally {
        await drop();
      }
    });

    test('migration 026 re-types the GED battles of an older store from their stored GED type, counts and all', {
      skip: ged.skip,
    }, async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [ged.path]);
        // Back to the store as it was before 026: both conflict types stored as battles, and no
        // country roll-up yet (030 builds it from event_counts when it runs).
        await countryCounts.down(store.db as unknown as Kysely<unknown>);
        await categoriesByPeriod.down(store.db as unknown as Kysely<unknown>);
        await sql`DELETE FROM kysely_migration WHERE name IN ('026-categories-by-period', '030-country-counts')`.execute(
          store.db,
        );
        const before = await typeCounts(store.db);
        assert.equal(before.battles, STATE_BASED + NON_STATE);
        assert.equal(before['state-based-conflict'], undefined);
        await assertAggregatesMatchEvents(store, 'before 026', [
          'event_counts',
          'area_month_counts',
          'actor_counts',
        ]);
        await migrate(store.db);
        const after = await typeCounts(store.db);
        assert.equal(after['state-based-conflict'], STATE_BASED);
        assert.equal(after['non-state-conflict'], NON_STATE);
        assert.equal(after.battles, undefined);
        await assertAggregatesMatchEvents(store, 'after 026');
      } finally {
        await drop();
      }
    });
  });
}
