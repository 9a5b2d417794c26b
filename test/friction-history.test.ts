import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../src/app/demo/load-demo-mission.ts';
import { frictionOperations } from '../src/app/friction-operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { createApp } from '../src/server/create-app.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

for (const dialect of DIALECTS) {
  describe(`a friction's history, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await loadDemoMission({ store, requester: { name: 'setup', roles: ['admin'] } }, { onlyIfEmpty: true });
    });
    after(async () => drop());

    const as = (name: string) => ({ store, requester: { name, roles: ['admin'] } });

    test('keeps every decision and who took it, oldest first, though the register keeps the latest only', async () => {
      const { frictions } = await frictionOperations.listFrictions.run(as('x'), { country: DEMO_COUNTRY });
      const f = frictions.find((x) => x.kind === 'state-perpetrator-friction')!;
      assert.ok(f, 'the demonstration plan supports an army that harms civilians');
      await frictionOperations.editFriction.run(as('Head of POC'), {
        ref: f.ref,
        owner: 'POC Unit',
        decision: 'mitigate',
        note: 'HRDDP risk assessment first',
      });
      await frictionOperations.editFriction.run(as('SRSG'), {
        ref: f.ref,
        decision: 'escalate',
        status: 'in-progress',
      });
      await frictionOperations.editFriction.run(as('Head of POC'), { ref: f.ref, owner: 'POC Unit' });
      // Parsed as a request is: a reference copied in capitals names the same friction.
      const { history } = await runOperation(
        frictionOperations.frictionHistory,
        { ref: f.ref.toUpperCase() },
        { ...as('viewer'), via: 'cli', name: 'frictions history' },
      );
      assert.deepEqual(
        history.map((h) => [h.by, h.action, h.changes]),
        [
          [
            'Head of POC',
            'decided',
            [
              { field: 'owner', from: '', to: 'POC Unit' },
              { field: 'decision', from: null, to: 'mitigate' },
              { field: 'note', from: '', to: 'HRDDP risk assessment first' },
            ],
          ],
          [
            'SRSG',
            'decided',
            [
              { field: 'decision', from: 'mitigate', to: 'escalate' },
              { field: 'status', from: 'open', to: 'in-progress' },
            ],
          ],
          // Setting the owner it already had changes nothing, and the history says so.
          ['Head of POC', 'edited', []],
        ],
      );

      const app = createApp({ store, webRoot: null, log: () => {} });
      const res = await app.request(`/api/frictions/${f.ref}/history`);
      assert.equal(res.status, 200);
      assert.equal((await res.json()).history.length, 3);
      const unknown = await app.request('/api/frictions/00000000/history');
      assert.equal(unknown.status, 404);
      const bad = await app.request('/api/frictions/nothex/history');
      assert.equal(bad.status, 400);
    });

    test('two people deciding at once: the second, who read the friction before the first saved, is refused, not overwriting', async () => {
      const { frictions } = await frictionOperations.listFrictions.run(as('x'), { country: DEMO_COUNTRY });
      const f = frictions.filter((x) => !x.registered).at(-1)!;
      assert.ok(f, 'an unedited friction');
      const read = f.updatedAt; // both read it unedited
      const app = createApp({ store, webRoot: null, log: () => {} });
      const edit = (decision: string) =>
        app.request('/api/ops/editFriction', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ref: f.ref, decision, expectedUpdatedAt: read }),
        });
      assert.equal((await edit('escalate')).status, 200);
      const second = await edit('mitigate');
      assert.equal(second.status, 409);
      assert.match(
        (await second.json()).error.message,
        /was changed by .* since you read it: nothing was saved/,
      );
      const after = (
        await frictionOperations.listFrictions.run(as('x'), { country: DEMO_COUNTRY })
      ).frictions.find((x) => x.ref === f.ref);
      assert.equal(after?.decision, 'escalate');
    });

    test('a friction the checks find but nobody has edited has an empty history, not "no friction"', async () => {
      const { frictions } = await frictionOperations.listFrictions.run(as('x'), { country: DEMO_COUNTRY });
      const untouched = frictions.find((x) => !x.registered);
      assert.ok(untouched, 'the demonstration register has a friction nobody has edited');
      const { history } = await frictionOperations.frictionHistory.run(as('viewer'), { ref: untouched.ref });
      assert.deepEqual(history, []);
      const app = createApp({ store, webRoot: null, log: () => {} });
      const res = await app.request(`/api/frictions/${untouched.ref}/history`);
      assert.equal(res.status, 200);
    });
  });
}
