import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { keyedStore } from './keyed-store.ts';

/**
 * A perpetrator that public records name, beside a group harmed known only from a restricted
 * incident: the pair tied the perpetrator to the incident, and so named who did what the incident
 * withholds (Somalia probe: "Jubaland State Forces" against "(withheld)" in Lower Juba, in the
 * threats a bounded list left out and in the analysis's groups harmed by each perpetrator).
 */

type Who = { name: string; roles: string[]; offices?: string[] };
const ADMIN: Who = { name: 'Admin', roles: ['admin'], offices: ['all-offices'] };
const VIEWER: Who = { name: 'Val Viewer', roles: ['viewer'], offices: ['Mogadishu'] };
const as = (store: Store, requester: Who) => ({ via: 'cli' as const, name: 'test', requester, store });

const FORCES = 'Jubaland State Forces';
const SECRET_GROUP = 'Bajuni fishermen';

for (const dialect of DIALECTS) {
  describe(`a withheld group harmed does not name its perpetrator (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    const keyed = keyedStore(dialect, 'tandem-harm-links-');

    before(async () => {
      const record = (admin1: string, office: string, sensitivity: string, group: string, day: string) =>
        runOperation(
          operations.recordIncident,
          {
            occurredOn: day,
            country: 'Testland',
            admin1,
            category: 'abduction-or-disappearance',
            office,
            sensitivity,
            narrative: 'As reported',
            perpetrator: { name: FORCES, category: 'state-forces' },
            targetedGroups: [group],
          },
          as(keyed.store, ADMIN),
        );
      // Public: the forces and the group they harmed in the same area are known to all.
      for (const day of ['2025-03-01', '2025-03-02', '2025-03-03'])
        await record('Lower Juba', 'Kismayo', 'public', 'Traders', day);
      await record('Lower Juba', 'Kismayo', 'restricted', SECRET_GROUP, '2025-03-04');
    });

    test('the threats a bounded list leaves out, and the groups each perpetrator harmed, say nothing of it', async () => {
      const store = keyed.store;
      const pairs = (rows: { perpetrator: string; targetedPopulation: string | null }[]) =>
        rows.map((r) => `${r.perpetrator} / ${r.targetedPopulation}`);
      const all = await runOperation(operations.proposeThreats, { country: 'Testland' }, as(store, ADMIN));
      assert.ok(
        pairs(all.threats).some((p) => p.startsWith(`${FORCES} / ${SECRET_GROUP}`)),
        pairs(all.threats).join('; '),
      );
      for (const limit of [1, 500]) {
        const seen = await runOperation(
          operations.proposeThreats,
          { country: 'Testland', limit },
          as(store, VIEWER),
        );
        const shown = pairs([...seen.threats, ...seen.leftOut]);
        assert.doesNotMatch(JSON.stringify(seen), /Bajuni/);
        assert.ok(
          !shown.some((p) => p.startsWith(`${FORCES} / (withheld)`)),
          `limit ${limit}: ${shown.join('; ')}`,
        );
        // The public threat keeps its names.
        assert.ok(
          shown.some((p) => p.startsWith(`${FORCES} / Traders`)),
          shown.join('; '),
        );
      }
      const analysis = await runOperation(operations.analyze, { country: 'Testland' }, as(store, VIEWER));
      const forces = analysis.perpetrators.find((p: { actor: string }) => p.actor === FORCES);
      assert.ok(forces, 'the forces are in the perpetrator table');
      assert.ok(
        !forces.targetedPopulations.some((g: string) => g.includes('(withheld)')),
        forces.targetedPopulations.join('; '),
      );
      assert.ok(forces.targetedPopulations.some((g: string) => g.startsWith('Traders')));
    });

    test("a withheld group named by one of Tandem's own words leaves those words whole (fourth security probe)", async () => {
      const store = keyed.store;
      await runOperation(
        operations.recordIncident,
        {
          occurredOn: '2025-03-05',
          country: 'Testland',
          admin1: 'Lower Juba',
          category: 'killing',
          office: 'Kismayo',
          sensitivity: 'restricted',
          narrative: 'As reported',
          perpetrator: { name: FORCES, category: 'state-forces' },
          targetedGroups: ['civilians'],
        },
        as(store, ADMIN),
      );
      const analysis = JSON.stringify(
        await runOperation(operations.analyze, { country: 'Testland' }, as(store, VIEWER)),
      );
      assert.doesNotMatch(analysis, /-\(withheld\)|\(withheld\)-/);
      assert.match(analysis, /violence-against-civilians/);
    });
  });
}
