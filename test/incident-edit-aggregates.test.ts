import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { ACTOR_CATEGORIES } from '../src/domain/actor-category.ts';
import { INCIDENT_CATEGORY_NAMES } from '../src/domain/incident.ts';
import { TandemError } from '../src/domain/tandem-error.ts';
import type { Store } from '../src/store/store.ts';
import { assertAggregatesMatchEvents } from './aggregate-recount.ts';
import { DIALECTS } from './dialects.ts';
import { adminCall, keyedStore } from './keyed-store.ts';

/**
 * The aggregate oracle for the incident log (issue 13.1): incidents are recorded, then edited in
 * any order (their category, place, date, perpetrator, deaths, sensitivity raised, verification
 * moved to rejected and back), and after every edit each count table equals a GROUP BY over the
 * events, a rejected incident is no event at all, and every other incident is exactly one.
 */

const call = adminCall('Oracle Officer');

const base = {
  country: 'Testland',
  office: 'North',
  sensitivity: 'restricted',
  narrative: 'What the witness said',
};

const admin1 = fc.constantFrom('Amber', 'Basalt', 'Cedar');
const admin2 = fc.constantFrom('', 'Ford', 'Hill');
const day = fc.constantFrom('2025-01-15', '2025-02-03', '2026-06-30');
const perpetrator = fc.option(
  fc.record({
    name: fc.constantFrom('', 'Red Hand', 'Blue Brigade'),
    category: fc.constantFrom(...ACTOR_CATEGORIES),
  }),
  { nil: null },
);
const verification = fc.constantFrom('reported', 'corroborated', 'verified', 'rejected');
const incident = fc.record({
  occurredOn: day,
  admin1,
  admin2,
  category: fc.constantFrom(...INCIDENT_CATEGORY_NAMES),
  killed: fc.nat(5),
  perpetrator,
  verification,
  sensitivity: fc.constantFrom('public', 'restricted'),
  place: fc.constantFrom('', 'Tiri village', 'Ouham crossing'),
});
// An edit changes some of the fields (fast-check leaves each out or not).
const edit = fc.record(
  {
    occurredOn: day,
    admin1,
    admin2,
    category: fc.constantFrom(...INCIDENT_CATEGORY_NAMES),
    killed: fc.nat(5),
    perpetrator,
    verification,
    sensitivity: fc.constantFrom('public', 'internal', 'restricted', 'strictly-confidential'),
    place: fc.constantFrom('', 'Tiri village', 'Kessa landing'),
    targetedGroups: fc.constantFrom([], ['Displaced people']),
  },
  { requiredKeys: [] },
);
const scenario = fc.record({
  incidents: fc.array(incident, { minLength: 1, maxLength: 4 }),
  edits: fc.array(fc.tuple(fc.nat(3), edit), { minLength: 1, maxLength: 8 }),
});

async function missionEvents(store: Store): Promise<string[]> {
  const rows = await store.db
    .selectFrom('events')
    .select('source_event_id')
    .where('source', '=', 'mission')
    .orderBy('source_event_id')
    .execute();
  return rows.map((r) => r.source_event_id);
}

/** The ids of the incidents that count (not rejected): each must be exactly one event. */
async function countingIncidents(store: Store): Promise<string[]> {
  const rows = await store.db
    .selectFrom('incidents')
    .select('id')
    .where('verification', '<>', 'rejected')
    .execute();
  return rows.map((r) => String(r.id)).sort();
}

async function summaryOf(store: Store): Promise<Record<string, [number, number]>> {
  const s = await runOperation(operations.summary, { by: 'admin1', country: 'Testland' }, call(store));
  return Object.fromEntries(s.rows.map((r) => [r.key, [r.events, r.fatalities]]));
}

for (const dialect of DIALECTS) {
  describe(`incident edits and the aggregate tables (${dialect.name})`, { skip: dialect.skip }, () => {
    const keyed = keyedStore(dialect, 'tandem-incident-oracle-');

    const record = async (fields: Record<string, unknown>) =>
      (await runOperation(operations.recordIncident, { ...base, ...fields }, call(keyed.store))).id;
    const change = (id: number, fields: Record<string, unknown>) =>
      runOperation(operations.editIncident, { id, ...fields }, call(keyed.store));

    test('editing the category, the place, the deaths, then rejecting and un-rejecting moves every count with it', async () => {
      const id = await record({
        occurredOn: '2026-03-04',
        admin1: 'Amber',
        category: 'killing',
        killed: 3,
        perpetrator: { name: 'Red Hand', category: 'rebel-group' },
      });
      assert.deepEqual(await summaryOf(keyed.store), { Amber: [1, 3] });
      await change(id, { category: 'armed-clash' });
      await assertAggregatesMatchEvents(keyed.store, 'the category changed');
      const e = await keyed.store.db
        .selectFrom('events')
        .select(['violence_type', 'civilian_targeting'])
        .where('source', '=', 'mission')
        .executeTakeFirstOrThrow();
      assert.deepEqual([e.violence_type, e.civilian_targeting], ['battles', 0]);
      await change(id, { admin1: 'Basalt', admin2: 'Ford', place: 'Kessa landing' });
      await assertAggregatesMatchEvents(keyed.store, 'the place changed');
      assert.deepEqual(await summaryOf(keyed.store), { Basalt: [1, 3] });
      await change(id, { killed: 7 });
      await assertAggregatesMatchEvents(keyed.store, 'the deaths changed');
      assert.deepEqual(await summaryOf(keyed.store), { Basalt: [1, 7] });
      await change(id, { verification: 'rejected' });
      await assertAggregatesMatchEvents(keyed.store, 'rejected');
      assert.deepEqual(await summaryOf(keyed.store), {});
      assert.deepEqual(await missionEvents(keyed.store), []);
      await change(id, { verification: 'reported' });
      await assertAggregatesMatchEvents(keyed.store, 'no longer rejected');
      assert.deepEqual(await summaryOf(keyed.store), { Basalt: [1, 7] });
      assert.deepEqual(await missionEvents(keyed.store), [String(id)]);
    });

    test('after any sequence of edits every count table equals a GROUP BY over events, and each counting incident is one event', async () => {
      let edits = 0;
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          for (const t of [
            'incident_history',
            'incidents',
            'events',
            'event_counts',
            'actor_counts',
            'area_month_counts',
            'country_counts',
          ] as const)
            await keyed.store.db.deleteFrom(t).execute();
          const ids: number[] = [];
          for (const i of s.incidents) ids.push(await record(i));
          await assertAggregatesMatchEvents(keyed.store, 'recording');
          for (const [which, fields] of s.edits) {
            const id = ids[which % ids.length] as number;
            try {
              await change(id, fields);
              edits++;
            } catch (e) {
              // Lowering a sensitivity is refused as a whole; nothing may have moved.
              assert.ok(e instanceof TandemError && /never lowered/.test(e.message), String(e));
              refused++;
            }
            await assertAggregatesMatchEvents(
              keyed.store,
              `editing incident ${id} with ${JSON.stringify(fields)}`,
            );
            assert.deepEqual(await missionEvents(keyed.store), await countingIncidents(keyed.store));
          }
        }),
        // No time limit: fast-check's is by the wall clock, which can jump (see aggregate-oracle).
        { numRuns: dialect.name === 'sqlite' ? 25 : 10 },
      );
      assert.ok(edits > 0 && refused > 0, `edits ${edits}, refused ${refused}`);
    });
  });
}
