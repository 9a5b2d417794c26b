import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { storedMissionName } from '../src/app/mission-name.ts';
import type { AppContext } from '../src/app/operation.ts';
import { planOperations } from '../src/app/plan-operations.ts';
import { DIALECTS } from './dialects.ts';

const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
const MINUSCA =
  'MINUSCA — Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation en Centrafrique';

let ctx: AppContext;
let drop: () => Promise<void>;
before(async () => {
  const opened = await DIALECTS[0]!.open();
  drop = opened.drop;
  ctx = { store: opened.store, requester: { name: 'tester', roles: ['admin'] } };
  const plan = example('unsmo-plan.yaml');
  await planOperations.importPlan.run(ctx, { plan, name: 'unsmo-plan.yaml' });
  await planOperations.importPlan.run(ctx, { plan: example('unsmo-plan-clean.yaml'), name: 'clean.yaml' });
  const renamed = plan.replace(/^mission: .*$/m, `mission: ${MINUSCA}`);
  await planOperations.importPlan.run(ctx, { plan: renamed, name: 'minusca.yaml' });
});
after(async () => drop?.());

test('a mission retyped in other case, without accents or by its first words names the stored plan; an ambiguous one does not', async () => {
  const db = ctx.store.db;
  assert.equal(await storedMissionName(db, MINUSCA), MINUSCA);
  assert.equal(await storedMissionName(db, 'minusca'), MINUSCA);
  assert.equal(await storedMissionName(db, 'MINUSCA — Mission multidimensionnelle integree'), MINUSCA);
  // Both UNSMO plans begin so: neither is chosen, and the caller reports no plan of that name.
  assert.equal(
    await storedMissionName(db, 'UN Stabilization Mission in Orvania'),
    'UN Stabilization Mission in Orvania',
  );
  const listed = await planOperations.listPlans.run(ctx, { mission: 'minusca' });
  assert.deepEqual(
    listed.plans.map((p) => p.mission),
    [MINUSCA],
  );
});

test('a mission named by its acronym names the one stored plan holding it as whole words; two holding it, neither', async () => {
  const db = ctx.store.db;
  // MINUSCA's name holds it at its start; "UNSMO" stands in both UNSMO plans' names.
  assert.equal(await storedMissionName(db, 'MINUSCA'), MINUSCA);
  assert.equal(await storedMissionName(db, 'UNSMO'), 'UNSMO');
  const renamed = example('unsmo-plan.yaml').replace(
    /^mission: .*$/m,
    'mission: UN Mission in Testland (UNMIT, fictional)',
  );
  await planOperations.importPlan.run(ctx, { plan: renamed, name: 'unmit.yaml' });
  assert.equal(await storedMissionName(db, 'unmit'), 'UN Mission in Testland (UNMIT, fictional)');
  // Part of a word is not the acronym.
  assert.equal(await storedMissionName(db, 'UNMI'), 'UNMI');
});
