import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';
import { adminCall, keyedStore } from './keyed-store.ts';

/**
 * A perpetrator's incidents, some with its kind and some with the kind left "Unknown", are one
 * threat in an area: proposed once, over all of them, and saved once. (The unknown kind used to
 * make a second proposal of the same perpetrator, area and violence type over the same events,
 * and saving the proposals failed on the register's unique key.)
 */

const call = adminCall('Threat Officer');

const base = {
  country: 'Testland',
  admin1: 'Amber',
  category: 'killing',
  killed: 1,
  office: 'North',
  sensitivity: 'restricted',
  narrative: 'What the witness said',
};

for (const dialect of DIALECTS) {
  describe(`threats from incidents whose perpetrator's kind is unknown (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    const keyed = keyedStore(dialect, 'tandem-incident-threats-');

    const record = (occurredOn: string, perpetrator: unknown, more: Record<string, unknown> = {}) =>
      runOperation(
        operations.recordIncident,
        { ...base, occurredOn, perpetrator, ...more },
        call(keyed.store),
      );
    const propose = (save = false) =>
      runOperation(operations.proposeThreats, { country: 'Testland', save }, call(keyed.store));
    const shape = (t: {
      perpetrator: string;
      perpetratorCategory: string | null;
      admin1: string;
      eventCount: number;
    }) => [t.perpetrator, t.perpetratorCategory, t.admin1, t.eventCount];

    test('a named perpetrator recorded once with its kind and once with an unknown kind is one threat', async () => {
      await record('2025-01-10', { name: 'Red Hand', category: 'rebel-group' });
      await record('2025-01-12', { name: 'Red Hand' });
      await record('2025-01-14', { name: 'Red Hand' });
      const proposed = await propose();
      assert.deepEqual(proposed.threats.map(shape), [['Red Hand', 'rebel-group', 'Amber', 3]]);
      assert.equal(proposed.threats[0]?.events.length, 3);
    });

    test('an unidentified perpetrator with a kind and one with none are one threat too', async () => {
      await record('2025-01-11', null, { admin1: 'Basalt' });
      await record('2025-01-13', { name: '', category: 'political-militia' }, { admin1: 'Basalt' });
      const basalt = (await propose()).threats.filter((t) => t.admin1 === 'Basalt');
      assert.deepEqual(basalt.map(shape), [['Unidentified perpetrator', 'political-militia', 'Basalt', 2]]);
    });

    test('saving the proposals adds each threat to the register once, and saving again adds none', async () => {
      const saved = await propose(true);
      assert.equal(saved.saved, 2);
      const register = await runOperation(operations.listThreats, { country: 'Testland' }, call(keyed.store));
      assert.deepEqual(register.threats.map((t) => [t.perpetrator, t.admin1]).sort(), [
        ['Red Hand', 'Amber'],
        ['Unidentified perpetrator', 'Basalt'],
      ]);
      await record('2025-01-20', { name: 'Red Hand' });
      const again = await propose(true);
      assert.equal(again.saved, 0);
      assert.equal(again.threats.length, 2, 'the register entries stand for the proposals, none beside them');
      assert.deepEqual(again.threats.map((t) => t.id).sort(), register.threats.map((t) => t.id).sort());
    });

    test("a perpetrator's kind in a French sheet's words, or ACLED's number, is the kind; a word nobody uses is refused, naming the field", async () => {
      const fr = await record(
        '2025-02-01',
        { name: 'Garde présidentielle', category: "forces de l'État" },
        { admin1: 'Cobalt' },
      );
      const coded = await record('2025-02-02', { name: 'Blue Band', category: '2' }, { admin1: 'Cobalt' });
      const kinds = await keyed.store.db
        .selectFrom('events')
        .select(['source_event_id', 'actor1_category'])
        .where('source', '=', 'mission')
        .where('source_event_id', 'in', [String(fr.id), String(coded.id)])
        .orderBy('source_event_id')
        .execute();
      assert.deepEqual(
        kinds.map((k) => k.actor1_category),
        ['state-forces', 'rebel-group'],
      );
      await assert.rejects(record('2025-02-03', { name: 'X', category: 'bandits' }), (e: Error) =>
        /perpetrator\.category: expected one of state-forces/.test(e.message),
      );
    });

    test("a perpetrator recorded by name alone takes the kind its name says: the host state's forces, another's", async () => {
      const own = await record('2025-03-01', { name: 'Testland Armed Forces' }, { admin1: 'Dune' });
      const foreign = await record('2025-03-02', { name: 'Sudanese Armed Forces' }, { admin1: 'Dune' });
      const unknown = await record('2025-03-03', { name: 'Night Riders' }, { admin1: 'Dune' });
      const kinds = await keyed.store.db
        .selectFrom('events')
        .select(['source_event_id', 'actor1_category'])
        .where('source', '=', 'mission')
        .where('source_event_id', 'in', [String(own.id), String(foreign.id), String(unknown.id)])
        .execute();
      const kindOf = (id: number) => kinds.find((k) => k.source_event_id === String(id))?.actor1_category;
      assert.deepEqual(
        [kindOf(own.id), kindOf(foreign.id), kindOf(unknown.id)],
        ['state-forces', 'external-forces', null],
      );
    });
  });
}
