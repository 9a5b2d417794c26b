import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { DEMO_COUNTRY } from '../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../src/app/demo/load-demo-mission.ts';
import { operations } from '../src/app/operations.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

const requester = { name: 'test', roles: ['admin'] };

for (const dialect of DIALECTS) {
  describe(`an admin-1 area's period is its country's data (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let quiet: { admin1: string; last: string };
    let country: { first: string; last: string };
    before(async () => {
      ({ store, drop } = await dialect.open());
      await loadDemoMission({ store, requester }, { onlyIfEmpty: true });
      const areas = await store.db
        .selectFrom('events')
        .select(['admin1', (eb) => eb.fn.max('date_start').as('last')])
        .where('country', '=', DEMO_COUNTRY)
        .groupBy('admin1')
        .orderBy('last')
        .execute();
      quiet = { admin1: areas[0]!.admin1, last: String(areas[0]!.last) };
      const all = await store.db
        .selectFrom('events')
        .select([(eb) => eb.fn.min('date_start').as('first'), (eb) => eb.fn.max('date_start').as('last')])
        .where('country', '=', DEMO_COUNTRY)
        .executeTakeFirstOrThrow();
      country = { first: String(all.first), last: String(all.last) };
    });
    after(async () => drop());

    test('an area quiet in the data’s last weeks is analysed to the country’s last day, not its own', async () => {
      assert.ok(quiet.last < country.last, `${quiet.admin1} ends ${quiet.last}, the country ${country.last}`);
      const a = await runJointAnalysis(store.db, { country: DEMO_COUNTRY, admin1: quiet.admin1 });
      assert.deepEqual([a.period.from, a.period.to], [country.first, country.last]);
      const alerts = await operations.listAlerts.run(
        { store, requester },
        { country: DEMO_COUNTRY, admin1: quiet.admin1 },
      );
      assert.equal(alerts.period.to, country.last);
    });

    test('an area with no events is still refused', async () => {
      await assert.rejects(
        runJointAnalysis(store.db, { country: DEMO_COUNTRY, admin1: 'Nowhere Province' }),
        /no events for admin-1 area "Nowhere Province"/,
      );
    });
  });
}
