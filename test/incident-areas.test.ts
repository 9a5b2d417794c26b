import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';
import { adminCall, keyedStore } from './keyed-store.ts';

/**
 * An incident's admin-1 area, written freely, joins the area the country's data already knows when
 * it is the same name written differently ("upper nile", "Upper Nile State"), so that summaries,
 * the map and alerts count it there; a new name stays as written.
 */

const call = adminCall('Area Officer');

const base = {
  occurredOn: '2025-03-04',
  country: 'Testland',
  category: 'killing',
  killed: 1,
  office: 'North',
  sensitivity: 'restricted',
  narrative: 'What the witness said',
};

for (const dialect of DIALECTS) {
  describe(`an incident's admin-1 area and the known areas (${dialect.name})`, { skip: dialect.skip }, () => {
    const keyed = keyedStore(dialect, 'tandem-incident-areas-');

    const record = (admin1: string) =>
      runOperation(operations.recordIncident, { ...base, admin1 }, call(keyed.store));
    const storedArea = async (id: number) =>
      (
        await keyed.store.db
          .selectFrom('incidents')
          .select('admin1')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).admin1;
    const byArea = async () => {
      const s = await runOperation(
        operations.summary,
        { by: 'admin1', country: 'Testland' },
        call(keyed.store),
      );
      return Object.fromEntries(s.rows.map((r) => [r.key, r.events]));
    };

    test('a variant of a known area is stored, counted and answered under the known spelling', async () => {
      const first = await record('Upper Nile');
      assert.equal(first.admin1, 'Upper Nile');
      for (const written of ['upper nile', 'Upper Nile State', ' UPPER NILE region ']) {
        const r = await record(written);
        assert.equal(r.admin1, 'Upper Nile', `"${written}" is answered under the known spelling`);
        assert.equal(await storedArea(r.id), 'Upper Nile', `"${written}" is stored under the known spelling`);
      }
      assert.deepEqual(await byArea(), { 'Upper Nile': 4 });
    });

    test('a new area stays as written; one very like a known one is refused as a likely slip unless said to be new', async () => {
      const blue = await record('Blue Nile');
      assert.equal(blue.admin1, 'Blue Nile');
      await assert.rejects(
        record('Upper Niles'),
        (e: Error & { code?: string }) =>
          e.code === 'bad-input' &&
          /admin1: "Upper Niles" .* did you mean "Upper Nile"\?.*newArea: true/.test(e.message),
      );
      const niles = await runOperation(
        operations.recordIncident,
        { ...base, admin1: 'Upper Niles', newArea: true },
        call(keyed.store),
      );
      assert.equal(await storedArea(niles.id), 'Upper Niles');
      assert.deepEqual(await byArea(), { 'Upper Nile': 4, 'Blue Nile': 1, 'Upper Niles': 1 });
      // Another country's areas are not this one's (a country new to the store, said to be new:
      // unsaid, an area of Testland's would make it a likely slip for Testland).
      const elsewhere = await runOperation(
        operations.recordIncident,
        { ...base, country: 'Otherland', admin1: 'upper nile', newArea: true },
        call(keyed.store),
      );
      assert.equal(elsewhere.admin1, 'upper nile');
    });

    test('a country very like the one the store holds is refused as a likely slip, on record and on edit, unless said to be new', async () => {
      await record('Upper Nile');
      const slip = (e: Error & { code?: string }) =>
        e.code === 'bad-input' &&
        /country: "Testlnd" .* did you mean "Testland"\?.*newArea: true/.test(e.message);
      await assert.rejects(
        runOperation(
          operations.recordIncident,
          { ...base, country: 'Testlnd', admin1: 'Upper Nile' },
          call(keyed.store),
        ),
        slip,
      );
      const { id } = await record('Upper Nile');
      await assert.rejects(
        runOperation(operations.editIncident, { id, country: 'Testlnd' }, call(keyed.store)),
        slip,
      );
      // Said to be new, it is stored as written; a country the names table knows needs no saying.
      const told = await runOperation(
        operations.recordIncident,
        { ...base, country: 'Testlnd', admin1: 'Upper Nile', newArea: true },
        call(keyed.store),
      );
      assert.ok(told.id);
      const known = await runOperation(
        operations.recordIncident,
        { ...base, country: 'Soudan du Sud', admin1: 'Jonglei' },
        call(keyed.store),
      );
      assert.ok(known.id);
      // A country unlike any, written with an area of the one the store holds (Somalia probe:
      // "Somaliland" with Banadir made a country of its own, out of Somalia's figures).
      await assert.rejects(
        runOperation(
          operations.recordIncident,
          { ...base, country: 'Upperland', admin1: 'Upper Nile' },
          call(keyed.store),
        ),
        (e: Error & { code?: string }) =>
          e.code === 'bad-input' &&
          /country: "Upperland" .* "Upper Nile" is an admin-1 area of "(\w+)"; did you mean "\1"\?.*newArea: true/.test(
            e.message,
          ),
      );
      const apart = await runOperation(
        operations.recordIncident,
        { ...base, country: 'Upperland', admin1: 'Upper Nile', newArea: true },
        call(keyed.store),
      );
      assert.ok(apart.id);
    });

    test('an area known only from the loaded boundaries is known too', async () => {
      const square = [
        [
          [30, 6],
          [31, 6],
          [31, 7],
          [30, 7],
          [30, 6],
        ],
      ];
      const path = join(keyed.dir, 'testland.geojson');
      writeFileSync(
        path,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: 'Ouham-Pendé' },
              geometry: { type: 'Polygon', coordinates: square },
            },
          ],
        }),
      );
      await runOperation(
        operations.loadBoundaries,
        { paths: [path], country: 'Testland' },
        call(keyed.store),
      );
      const r = await record('ouham pende prefecture');
      assert.equal(await storedArea(r.id), 'Ouham-Pendé');
    });

    test('an edit that writes a variant of a known area stores the known spelling; the same area changes nothing', async () => {
      const { id } = await record('Blue Nile');
      const moved = await runOperation(
        operations.editIncident,
        { id, admin1: 'upper nile state' },
        call(keyed.store),
      );
      assert.deepEqual(moved.changed, ['admin1']);
      assert.equal(await storedArea(id), 'Upper Nile');
      const again = await runOperation(
        operations.editIncident,
        { id, admin1: 'UPPER NILE' },
        call(keyed.store),
      );
      assert.deepEqual(again.changed, []);
      const history = await runOperation(operations.incidentHistory, { id }, call(keyed.store));
      assert.deepEqual(
        history.history.at(-1)?.changes.find((c) => c.field === 'admin1'),
        { field: 'admin1', from: 'Blue Nile', to: 'Upper Nile' },
      );
    });
  });
}
