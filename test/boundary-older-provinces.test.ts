import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { adminCall } from './keyed-store.ts';

/**
 * A boundary file drawn before a split (DR Congo's eleven provinces in Natural Earth, against the
 * twenty-six ACLED names since 2015), loaded over events that use the new names. The toy file has
 * an "Orientale" holding the data's Ituri (most events) and Haut-Uele, a "Katanga" holding only
 * Tanganyika, a "Nord-Kivu" that the file spells "Nord-Kivu" 8 times and "Nord Kivu" once (the
 * import stores all nine under the spelling it met first, AreaSpellings), and a "Timbuktu" holding
 * Tombouctou and the newer Taoudeni.
 */
const FIXTURES = new URL('./fixtures/boundaries/', import.meta.url).pathname;
const events = `${FIXTURES}acled-new-provinces_testland.csv`;
const shapes = `${FIXTURES}old-provinces_testland.geojson`;
const call = adminCall('test');

for (const dialect of DIALECTS) {
  describe(`boundaries older than the event data's areas, on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('a province keeps its own spelling, an old province is not declared one of the new ones, and the load says so', async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [events]);
        const { loaded } = await runOperation(
          operations.loadBoundaries,
          { paths: [shapes], country: 'Testland' },
          call(store),
        );
        const l = loaded[0]!;
        // Only the exonym is renamed: "Orientale" is not "Ituri", "Katanga" not "Tanganyika", and
        // "Nord-Kivu" is the data's one spelling.
        assert.deepEqual(l.renamed, [{ shape: 'Timbuktu', data: 'Tombouctou' }]);
        assert.deepEqual(l.coarser, [
          { shape: 'Orientale', covers: ['Ituri', 'Haut-Uele'] },
          { shape: 'Katanga', covers: ['Tanganyika'] },
        ]);
        assert.deepEqual(l.variants, [], 'the import stored one spelling of Nord-Kivu');
        assert.deepEqual(l.withoutShapes.sort(), ['Haut-Uele', 'Ituri', 'Tanganyika', 'Taoudeni']);
        // An old province holds events, under the new names: it is not listed as without events.
        assert.deepEqual(l.withoutEvents, []);
        assert.match(
          l.notes.join('\n'),
          /"Orientale" in this file covers the event data's Ituri, Haut-Uele: older or coarser boundaries/,
        );
        const kivu = await store.db
          .selectFrom('events')
          .select('admin1')
          .distinct()
          .where('admin1', 'like', 'Nord%')
          .execute();
        assert.deepEqual(
          kivu.map((r) => r.admin1),
          ['Nord-Kivu'],
        );
        const stored = await store.db
          .selectFrom('areas')
          .select('admin1')
          .where('country', '=', 'Testland')
          .where('admin2', '=', '')
          .orderBy('admin1')
          .execute();
        assert.deepEqual(
          stored.map((r) => r.admin1),
          ['Katanga', 'Nord-Kivu', 'Orientale', 'Tombouctou'],
        );
        // The map draws each polygon under its name; the new provinces are listed without one.
        const map = await runOperation(operations.areaMap, { country: 'Testland' }, call(store));
        const drawn = Object.fromEntries(map.areas.map((a) => [a.admin1, a.hasBoundary]));
        assert.deepEqual(drawn, {
          'Nord-Kivu': true,
          Ituri: false,
          Tombouctou: true,
          Tanganyika: false,
          'Haut-Uele': false,
          Taoudeni: false,
        });
      } finally {
        await drop();
      }
    });
  });
}
