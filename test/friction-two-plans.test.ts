import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../src/app/demo/load-demo-mission.ts';
import { frictionOperations } from '../src/app/friction-operations.ts';
import { planOperations } from '../src/app/plan-operations.ts';
import { DIALECTS } from './dialects.ts';

for (const dialect of DIALECTS) {
  describe(`frictions of two missions' plans of one country (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    test('an activity both plans name gives each its own friction, reference and decision', async () => {
      const { store, drop } = await dialect.open();
      try {
        const ctx = { store, requester: { name: 'Head of POC', roles: ['admin'] } };
        await loadDemoMission(ctx, { onlyIfEmpty: true });
        const demo = await store.db
          .selectFrom('plan_versions')
          .select(['mission', 'source_text'])
          .executeTakeFirstOrThrow();
        // The same plan kept under a second mission's name (a French-speaking team's copy, say).
        await planOperations.importPlan.run(ctx, {
          plan: demo.source_text.replace(`mission: ${demo.mission}`, 'mission: Second mission (fictional)'),
          name: 'second.yaml',
        });
        const list = async () =>
          (await frictionOperations.listFrictions.run(ctx, { country: DEMO_COUNTRY })).frictions.filter(
            (f) => f.kind === 'state-perpetrator-friction' && f.subject.startsWith('a-fao-support'),
          );
        const both = await list();
        assert.deepEqual(
          both.map((f) => f.subject).sort(),
          [`a-fao-support (${demo.mission})`, 'a-fao-support (Second mission (fictional))'].sort(),
        );
        assert.notEqual(both[0]!.ref, both[1]!.ref);
        await frictionOperations.editFriction.run(ctx, { ref: both[0]!.ref, decision: 'escalate' });
        await frictionOperations.editFriction.run(ctx, { ref: both[1]!.ref, owner: 'Second POC Unit' });
        const after = new Map((await list()).map((f) => [f.ref, f]));
        assert.equal(after.get(both[0]!.ref)?.decision, 'escalate', 'the first keeps its decision');
        assert.equal(after.get(both[1]!.ref)?.decision, null);
        assert.equal(after.get(both[1]!.ref)?.owner, 'Second POC Unit');
      } finally {
        await drop();
      }
    });
  });
}
