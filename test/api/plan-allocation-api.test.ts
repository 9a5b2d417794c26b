import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { operations } from '../../src/app/operations.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';

const requester = { name: 'test', roles: ['admin'] };

for (const dialect of DIALECTS) {
  describe(`a stored plan's proposed allocation over HTTP on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await loadDemoMission({ store, requester }, { onlyIfEmpty: true });
      app = createApp({ store, webRoot: null, log: () => {} });
    });
    after(async () => drop());

    const json = async (path: string) => {
      const res = await app.request(path);
      return { status: res.status, body: await res.json() };
    };

    test('GET /api/plans/current/allocation is `tandem plan allocate` on the newest stored version', async () => {
      const stored = await store.db
        .selectFrom('plan_versions')
        .select(['mission', 'version', 'file_name', 'source_text'])
        .executeTakeFirstOrThrow();
      const ctx = { store, requester };
      for (const allowFlagged of [false, true]) {
        const { status, body } = await json(`/api/plans/current/allocation?allowFlagged=${allowFlagged}`);
        assert.equal(status, 200);
        const direct = await operations.allocatePlan.run(ctx, {
          plan: stored.source_text,
          name: stored.file_name,
          allowFlagged,
        });
        assert.deepEqual(body, { mission: stored.mission, version: Number(stored.version), ...direct });
      }
      const refused = await json('/api/plans/current/allocation');
      const allowed = await json('/api/plans/current/allocation?allowFlagged=true');
      const lowerVaro = (b: typeof refused.body) =>
        b.resources[0].areas.find((a: { area: string }) => a.area === 'Lower Varo').proposed;
      assert.equal(lowerVaro(refused.body), 0, 'a-fao-support is flagged: its helicopters go elsewhere');
      assert.ok(lowerVaro(allowed.body) > 0);
      const fr = await json('/api/plans/current/allocation?lang=fr');
      assert.match(fr.body.notes.join('\n'), /disponibles/);
    });

    test('a mission without a stored plan is a 404, a version that is no number a 400', async () => {
      const none = await json('/api/plans/current/allocation?mission=Nowhere');
      assert.equal(none.status, 404);
      assert.match(none.body.error.message, /no stored plan for mission "Nowhere"/);
      const bad = await json('/api/plans/current/allocation?version=abc');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /version/);
    });
  });
}
