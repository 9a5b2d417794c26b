import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pointPlacesArea } from '../src/analysis/admin1-by-point.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import type { Store } from '../src/store/store.ts';
import { assertAggregatesMatchEvents } from './aggregate-recount.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

// A partner's sheet that gives its areas only as p-codes (#adm1+code), with each row's point: its
// events were counted under no area, silently ("(none)" in every summary). Each row now takes the
// area of the loaded polygon that holds its point, whether the boundaries were loaded before the
// sheet or after it.
const dir = mkdtempSync(join(tmpdir(), 'tandem-admin1-by-point-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const square = (name: string, south: number) => ({
  type: 'Feature',
  properties: { name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [30, south],
        [31, south],
        [31, south + 1],
        [30, south + 1],
        [30, south],
      ],
    ],
  },
});
const boundaries = join(dir, 'testland-admin1.geojson');
writeFileSync(
  boundaries,
  JSON.stringify({ type: 'FeatureCollection', features: [square('Lakeside', 0), square('Hills', 1)] }),
);
const sheet = join(dir, 'partner-sheet.csv');
writeFileSync(
  sheet,
  [
    'Event ID,Date,Country,Region code,Lat,Lon,Event type,Killed',
    '#event+id,#date,#country+name,#adm1+code,#geo+lat,#geo+lon,#event+type,#affected+killed',
    'P1,2024-03-01,Testland,TL01,0.5,30.5,Violence against civilians,3',
    'P2,2024-03-02,Testland,TL02,1.5,30.5,Battles,5',
    'P3,2024-03-03,Testland,TL02,1.6,30.2,Battles,1',
    // Outside every polygon: no area, as before.
    'P4,2024-03-04,Testland,TL09,9.5,35.5,Battles,2',
    // No point: no area, as before.
    'P5,2024-03-05,Testland,TL01,,,Battles,4',
  ].join('\n'),
);

const as = (store: Store) => ({
  via: 'cli' as const,
  name: 'test',
  requester: { name: 'test', roles: ['admin'] },
  store,
});
const byArea = async (store: Store) =>
  Object.fromEntries(
    (await summarizeEvents(store.db, 'admin1')).rows.map((r) => [r.key || '(none)', r.events]),
  );
const EXPECTED = { Lakeside: 1, Hills: 2, '(none)': 2 };

for (const dialect of DIALECTS) {
  describe(`events that give a point but name no area (${dialect.name})`, { skip: dialect.skip }, () => {
    test('boundaries loaded first: each row takes its area while it is read', async () => {
      const { store, drop } = await dialect.open();
      try {
        await runOperation(
          operations.loadBoundaries,
          { paths: [boundaries], country: 'Testland' },
          as(store),
        );
        assert.equal((await importFiles(store, [sheet])).files[0].imported, 5);
        assert.deepEqual(await byArea(store), EXPECTED);
        await assertAggregatesMatchEvents(store, 'import after boundaries');
        assert.equal((await importFiles(store, [sheet])).files[0].unchanged, 5);
      } finally {
        await drop();
      }
    });

    test('boundaries loaded after: the stored events are placed, and importing again changes nothing', async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [sheet]);
        assert.deepEqual(await byArea(store), { '(none)': 5 });
        const { loaded } = await runOperation(
          operations.loadBoundaries,
          { paths: [boundaries], country: 'Testland' },
          as(store),
        );
        assert.equal(loaded[0]!.placed, 3);
        assert.match(
          loaded[0]!.notes.join(' '),
          /3 events of Testland that named no admin-1 area are now counted/,
        );
        assert.deepEqual(await byArea(store), EXPECTED);
        await assertAggregatesMatchEvents(store, 'boundaries after import');
        const again = (await importFiles(store, [sheet])).files[0];
        assert.deepEqual([again.unchanged, again.updated, again.imported], [5, 0, 0]);
        assert.deepEqual(await byArea(store), EXPECTED);
      } finally {
        await drop();
      }
    });
  });
}

test("only a point precise enough places an event: not a GED country or area centroid, not ACLED's larger region", () => {
  // CAR's GED events without adm_1 are where_prec 5 and 6: placed, they were filed under whichever
  // prefecture holds the country's centroid (the forecast test that counts them caught it).
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6, 7].map((p) => pointPlacesArea('ucdp', p)),
    [true, true, true, true, false, false, false],
  );
  assert.deepEqual(
    [1, 2, 3].map((p) => pointPlacesArea('acled', p)),
    [true, true, false],
  );
  assert.equal(pointPlacesArea('hxl', null), true, "a partner's point, given with no precision, is taken");
});
