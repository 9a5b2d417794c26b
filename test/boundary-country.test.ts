import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { TandemError } from '../src/domain/tandem-error.ts';
import { countriesFromFileName } from '../src/sources/boundary-reader.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { adminCall } from './keyed-store.ts';
import { sharedData } from './shared-data.ts';

const ged = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');
const caf = sharedData('boundaries/ne10m_admin1_caf.geojson');
const sds = sharedData('boundaries/ne10m_admin1_sds.geojson');
const cod = sharedData('boundaries/ne10m_admin1_cod.geojson');
const bfa = sharedData('boundaries/ne10m_admin1_bfa.geojson');
const acled = sharedData('acled/acled_south_sudan_2011-2015.csv');
const call = adminCall('test');

test("a boundary file's country code is found wherever the name puts it", () => {
  assert.deepEqual(countriesFromFileName('/x/ne10m_admin1_caf.geojson'), ['Central African Republic']);
  assert.deepEqual(countriesFromFileName('geoBoundaries-MLI-ADM1.geojson'), ['Mali']);
  assert.deepEqual(countriesFromFileName('som_admbnda_adm1_ocha.json'), ['Somalia']);
  assert.deepEqual(countriesFromFileName('adm1_polygons.geojson'), []);
  // OCHA's common operational datasets: "cod" there is the dataset, not DR Congo.
  assert.deepEqual(countriesFromFileName('cod-ab-caf_adm1.geojson'), ['Central African Republic']);
  assert.deepEqual(countriesFromFileName('cod-ab-cod_adm1.geojson'), [
    'Democratic Republic of Congo',
    'DR Congo (Zaire)',
  ]);
});

for (const dialect of DIALECTS) {
  describe(`a boundary file whose name gives no country, on ${dialect.name}`, {
    skip: dialect.skip || ged.skip || caf.skip || sds.skip,
  }, () => {
    test("is the stored country whose events lie inside it; another country's file is refused by name", async () => {
      const { store, drop } = await dialect.open();
      const dir = mkdtempSync(join(tmpdir(), 'tandem-boundary-country-'));
      try {
        await importFiles(store, [ged.path]);
        const unnamed = join(dir, 'adm1_polygons.geojson');
        copyFileSync(caf.path, unnamed);
        const { loaded } = await runOperation(operations.loadBoundaries, { paths: [unnamed] }, call(store));
        assert.equal(loaded[0]!.country, 'Central African Republic');
        // The shapes joined the data's names: GED's prefectures are paired, not left without events.
        assert.ok(loaded[0]!.withoutEvents.length < loaded[0]!.areas / 2, JSON.stringify(loaded[0]));
        // A file whose name codes a country the store lacks, but whose shapes hold CAR's events: which
        // is meant cannot be told, and nothing is loaded under the wrong name.
        const misnamed = join(dir, 'ne10m_admin1_tcd.geojson');
        copyFileSync(caf.path, misnamed);
        await assert.rejects(
          runOperation(operations.loadBoundaries, { paths: [misnamed] }, call(store)),
          /its name says Chad, but the events of Central African Republic lie inside its shapes; name the country/,
        );
        // South Sudan's states hold none of CAR's events: no country is guessed.
        const other = join(dir, 'states.geojson');
        copyFileSync(sds.path, other);
        await assert.rejects(
          runOperation(operations.loadBoundaries, { paths: [other] }, call(store)),
          (e: unknown) =>
            e instanceof TandemError &&
            e.code === 'bad-input' &&
            /states\.geojson: .*--country/.test(e.message),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await drop();
      }
    });

    test('a file of admin-2 areas is refused, saying so, and nothing is loaded; a prefecture without a polygon is named', async () => {
      const { store, drop } = await dialect.open();
      const dir = mkdtempSync(join(tmpdir(), 'tandem-boundary-level-'));
      try {
        await importFiles(store, [ged.path]);
        // Sub-prefectures as GED names them, drawn as squares far from any event.
        const names = ['Bambari region', 'Bria region', 'Batangafo region', 'Obo region', 'Paoua region'];
        const square = (i: number) => [
          [
            [i, -40],
            [i + 0.5, -40],
            [i + 0.5, -39.5],
            [i, -39.5],
            [i, -40],
          ],
        ];
        const subPrefectures = join(dir, 'sub-prefectures_caf.geojson');
        writeFileSync(
          subPrefectures,
          JSON.stringify({
            type: 'FeatureCollection',
            features: names.map((name, i) => ({
              type: 'Feature',
              properties: { name: name.replace(' region', '') },
              geometry: { type: 'Polygon', coordinates: square(i) },
            })),
          }),
        );
        await assert.rejects(
          runOperation(operations.loadBoundaries, { paths: [subPrefectures] }, call(store)),
          (e: unknown) =>
            e instanceof TandemError &&
            e.code === 'bad-input' &&
            /none of its 5 areas .* is named as an admin-1 area of Central African Republic/.test(
              e.message,
            ) &&
            /5 of them are its admin-2 areas/.test(e.message) &&
            /Nothing was loaded/.test(e.message),
        );
        const areas = await store.db
          .selectFrom('areas')
          .select('admin1')
          .where('geometry', 'is not', null)
          .execute();
        assert.deepEqual(areas, []);
        // The admin-1 file without one prefecture: that one is named as drawn nowhere.
        const full = JSON.parse(readFileSync(caf.path, 'utf8'));
        const dropped = full.features.find((f: { properties: { name: string } }) =>
          /Vakaga/.test(f.properties.name),
        );
        assert.ok(dropped, 'the CAR file has Vakaga');
        full.features = full.features.filter((f: unknown) => f !== dropped);
        const partial = join(dir, 'partial_caf.geojson');
        writeFileSync(partial, JSON.stringify(full));
        const { loaded } = await runOperation(operations.loadBoundaries, { paths: [partial] }, call(store));
        assert.deepEqual(loaded[0]!.withoutShapes, ['Vakaga']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await drop();
      }
    });
  });
}

/** ACLED rows in Burkina Faso: regions as admin-1, provinces as admin-2; Kadiogo holds Ouagadougou. */
const BFA_ROWS: [string, string, number, number][] = [
  ['Centre', 'Kadiogo', 12.37, -1.53],
  ['Sahel', 'Soum', 14.1, -1.63],
  ['Sahel', 'Oudalan', 14.6, -0.3],
  ['Sahel', 'Seno', 14.03, -0.03],
  ['Centre-Nord', 'Sanmatenga', 13.1, -1.08],
  ['Centre-Nord', 'Bam', 13.33, -1.5],
  ['Est', 'Gourma', 12.06, 0.36],
  ['Est', 'Tapoa', 12.2, 1.7],
  ['Nord', 'Yatenga', 13.58, -2.42],
  ['Nord', 'Loroum', 13.8, -2.1],
  ['Boucle du Mouhoun', 'Kossi', 12.9, -3.9],
];

for (const dialect of DIALECTS) {
  test(`a file of provinces is refused though the capital's province holds the capital region's events, on ${dialect.name}`, {
    skip: dialect.skip || bfa.skip,
  }, async () => {
    const { store, drop } = await dialect.open();
    const dir = mkdtempSync(join(tmpdir(), 'tandem-boundary-provinces-'));
    try {
      const header = readFileSync(
        new URL('./fixtures/local/testland-events.csv', import.meta.url),
        'utf8',
      ).split('\n', 1)[0];
      const rows = BFA_ROWS.map(
        ([admin1, admin2, lat, lon], i) =>
          `${i + 1},854,BFA${i + 1},${i + 1},2023-0${(i % 9) + 1}-10,2023,1,Violence against civilians,Attack,JNIM: Group for Support of Islam and Muslims,,2,Civilians (Burkina Faso),,7,27,Western Africa,Burkina Faso,${admin1},${admin2},,Place ${i},${lat},${lon},1,Test,National,An attack.,2,1700000000,BFA`,
      );
      const csv = join(dir, 'bfa.csv');
      writeFileSync(csv, `${header}\n${rows.join('\n')}\n`);
      await importFiles(store, [csv]);
      await assert.rejects(
        runOperation(operations.loadBoundaries, { paths: [bfa.path] }, call(store)),
        (e: unknown) =>
          e instanceof TandemError &&
          e.code === 'bad-input' &&
          /none of its 45 areas .* is named as an admin-1 area of Burkina Faso/.test(e.message) &&
          /1[01] of them are its admin-2 areas/.test(e.message),
      );
      const areas = await store.db
        .selectFrom('areas')
        .select('admin1')
        .where('geometry', 'is not', null)
        .execute();
      assert.deepEqual(areas, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await drop();
    }
  });
}

for (const dialect of DIALECTS) {
  test(`a file named for DR Congo loads as DR Congo beside CAR and South Sudan, and leaves CAR's map as it was, on ${dialect.name}`, {
    skip: dialect.skip || ged.skip || caf.skip || cod.skip || acled.skip,
  }, async () => {
    const { store, drop } = await dialect.open();
    try {
      await importFiles(store, [acled.path, ged.path]);
      await runOperation(operations.loadBoundaries, { paths: [caf.path] }, call(store));
      const carAreas = () =>
        store.db
          .selectFrom('areas')
          .select(['admin1', 'geometry'])
          .where('country', '=', 'Central African Republic')
          .orderBy('admin1')
          .execute();
      const before = await carAreas();
      const { loaded } = await runOperation(operations.loadBoundaries, { paths: [cod.path] }, call(store));
      assert.equal(loaded[0]!.country, 'Democratic Republic of Congo');
      assert.deepEqual(await carAreas(), before);
    } finally {
      await drop();
    }
  });
}

test('an empty FeatureCollection is refused as having no features, not as GED events', async () => {
  const { readBoundaries } = await import('../src/sources/boundary-reader.ts');
  const dir = mkdtempSync(join(tmpdir(), 'tandem-empty-boundaries-'));
  try {
    const empty = join(dir, 'empty.geojson');
    writeFileSync(empty, '{"type":"FeatureCollection","features":[]}');
    await assert.rejects(
      readBoundaries(empty),
      (e) =>
        e instanceof TandemError && /empty\.geojson: the FeatureCollection has no features$/.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
