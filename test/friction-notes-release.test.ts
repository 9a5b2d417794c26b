import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../src/app/demo/load-demo-mission.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';
import { keyedStore } from './keyed-store.ts';

/**
 * A second security probe: a friction's note named the perpetrator of another office's restricted
 * incident. The register withheld it, but the friction's history gave it (and who wrote it) to a
 * viewer, and the answer to an edit gave the whole note to an officer of another office.
 */
type Who = { name: string; roles: string[]; offices?: string[] };
const ADMIN: Who = { name: 'Ada Admin', roles: ['admin'], offices: ['all-offices'] };
const NORTH: Who = { name: 'Nora North', roles: ['poc'], offices: ['North'] };
const SOUTH: Who = { name: 'Sam South', roles: ['poc'], offices: ['South'] };
const VIEWER: Who = { name: 'Vera Viewer', roles: ['viewer'] };
const SECRET = 'Sergeant Vellmark patrol';

for (const dialect of DIALECTS) {
  describe(`a friction's note as released to those who may not read what it names (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    const keyed = keyedStore(dialect, 'tandem-friction-notes-');
    const as = (who: Who) => ({ via: 'cli' as const, name: 'test', requester: who, store: keyed.store });
    let ref = '';

    before(async () => {
      await loadDemoMission(
        { store: keyed.store, requester: { name: 'setup', roles: ['admin'] } },
        { onlyIfEmpty: true },
      );
      const { frictions } = await runOperation(
        operations.listFrictions,
        { country: DEMO_COUNTRY },
        as(ADMIN),
      );
      ref = frictions[0]!.ref;
      await runOperation(
        operations.recordIncident,
        {
          occurredOn: '2026-03-04',
          country: DEMO_COUNTRY,
          admin1: 'Kessa Highlands',
          category: 'killing',
          killed: 1,
          office: 'North',
          sensitivity: 'restricted',
          narrative: 'What the witness said',
          perpetrator: { name: SECRET, category: 'state-forces' },
        },
        as(ADMIN),
      );
      await runOperation(operations.editFriction, { ref, note: `raise ${SECRET} with the army` }, as(NORTH));
    });

    test('the history withholds the name, and who wrote it; the register and its history agree', async () => {
      for (const who of [VIEWER, SOUTH]) {
        const { history } = await runOperation(operations.frictionHistory, { ref }, as(who));
        assert.doesNotMatch(JSON.stringify(history), /Vellmark|Nora North/, who.name);
        assert.equal(history.at(-1)?.by, '(withheld)');
        const { frictions } = await runOperation(
          operations.listFrictions,
          { country: DEMO_COUNTRY },
          as(who),
        );
        assert.doesNotMatch(JSON.stringify(frictions), /Vellmark/, who.name);
      }
      const north = await runOperation(operations.frictionHistory, { ref }, as(NORTH));
      assert.match(JSON.stringify(north.history), /Vellmark/);
      assert.equal(north.history.at(-1)?.by, NORTH.name);
    });

    test('a note shown with names withheld cannot be saved back over the names (web probe: "FARDC" erased for good)', async () => {
      const { frictions } = await runOperation(
        operations.listFrictions,
        { country: DEMO_COUNTRY },
        as(SOUTH),
      );
      const shown = frictions.find((f) => f.ref === ref)!.note;
      assert.match(shown, /\(withheld\)/);
      await assert.rejects(
        runOperation(operations.editFriction, { ref, note: `${shown}; and follow up` }, as(SOUTH)),
        (e: Error & { code?: string }) =>
          e.code === 'forbidden' && /saving it would erase them/.test(e.message),
      );
      const north = await runOperation(operations.listFrictions, { country: DEMO_COUNTRY }, as(NORTH));
      assert.match(north.frictions.find((f) => f.ref === ref)!.note, /Vellmark/);
    });

    test('a plan activity named as a withheld name is one friction, named as the plan names it, with its own reference (security probe)', async () => {
      const { demoFile } = await import('../src/app/demo/demo-texts.ts');
      const before = await runOperation(operations.listFrictions, { country: DEMO_COUNTRY }, as(ADMIN));
      const planned = before.frictions.find((f) => f.kind === 'state-perpetrator-friction');
      assert.ok(planned, 'the demonstration plan carries a state-perpetrator friction');
      const plan = demoFile('en', 'demo-plan.yaml').replaceAll(
        `id: ${planned.subject}\n`,
        `id: "${SECRET}"\n`,
      );
      assert.ok(plan.includes(SECRET));
      await runOperation(operations.importPlan, { plan, name: 'renamed.yaml' }, as(ADMIN));
      const admin = await runOperation(operations.listFrictions, { country: DEMO_COUNTRY }, as(ADMIN));
      const named = admin.frictions.find((f) => f.subject === SECRET)!;
      await runOperation(operations.editFriction, { ref: named.ref, decision: 'escalate' }, as(ADMIN));
      const viewer = await runOperation(operations.listFrictions, { country: DEMO_COUNTRY }, as(VIEWER));
      const refs = viewer.frictions.map((f) => f.ref);
      assert.equal(new Set(refs).size, refs.length, 'no friction listed twice');
      const seen = viewer.frictions.filter((f) => f.kind === named.kind && f.decision === 'escalate');
      assert.deepEqual(
        seen.map((f) => [f.subject, f.ref]),
        [[SECRET, named.ref]],
      );
    });

    test("another office's edit is answered as the register reads to it", async () => {
      const answer = await runOperation(operations.editFriction, { ref, status: 'in-progress' }, as(SOUTH));
      assert.equal(answer.status, 'in-progress');
      assert.doesNotMatch(JSON.stringify(answer), /Vellmark/);
    });
  });
}
