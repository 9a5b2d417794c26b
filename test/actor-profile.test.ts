import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../src/app/demo/demo-country.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importDemoEvents } from './import-files.ts';

for (const dialect of DIALECTS) {
  describe(`an actor's profile (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importDemoEvents(store, 11);
    });
    after(() => drop());

    test("its share of the country's attacks on civilians is counted over the events themselves", async () => {
      const actors = await store.db
        .selectFrom('events')
        .select('actor1')
        .where('country', '=', DEMO_COUNTRY)
        .where('civilian_targeting', '=', 1)
        .where('actor1', '<>', '')
        .distinct()
        .execute();
      const all = await store.db
        .selectFrom('events')
        .select(['actor1', 'civilian_targeting'])
        .where('country', '=', DEMO_COUNTRY)
        .execute();
      const total = all.filter((e) => Number(e.civilian_targeting) === 1).length;
      assert.ok(actors.length >= 2 && total > 0);
      for (const { actor1 } of actors) {
        const p = (await runOperation(
          operations.actorProfile,
          { name: actor1, country: DEMO_COUNTRY },
          { via: 'cli', name: 'actorProfile', requester: { name: 'test', roles: ['admin'] }, store },
        )) as { civilianTargetingEvents: number; shareOfAttacksOnCivilians: number | null };
        const own = all.filter((e) => e.actor1 === actor1 && Number(e.civilian_targeting) === 1).length;
        assert.equal(p.civilianTargetingEvents, own, actor1);
        assert.equal(p.shareOfAttacksOnCivilians, own / total, actor1);
      }
    });
  });
}
