import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { localProcessSection } from '../src/reports/local-process-brief.ts';
import { DIALECTS } from './dialects.ts';
import { runCli } from './run-cli.ts';
import { sharedData } from './shared-data.ts';

/**
 * Where a local process belongs: a process whose compound country ("Mali/Niger") names the country
 * asked is listed under it when its point lies in that country's loaded boundaries (admin-1 filled
 * from them), under each country it names when its point lies in none (flagged cross-border), and
 * never under a country its point lies outside; a process whose point lies outside its country's
 * loaded boundaries (PA-X Local's pax-local:2371, latitude = longitude) is not counted
 * (`location-outside-country`). Ids stay the stored ones and no list holds a process twice.
 */

const PAX_LOCAL = sharedData('pax/pax_local_v8_1.csv');
const MALI_BOUNDARIES = sharedData('boundaries/ne10m_admin1_mli.geojson');
const CAR_BOUNDARIES = sharedData('boundaries/ne10m_admin1_caf.geojson');
const fixture = (name: string) => new URL(`fixtures/local/${name}`, import.meta.url).pathname;

/** A rectangle as a GeoJSON polygon feature named `name`. */
const box = (name: string, south: number, west: number, north: number, east: number) => ({
  type: 'Feature',
  properties: { name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  },
});

// FICTIONAL: Testland (7–10 N, 30–33 E; Lakeside south of 8.5 N, Hillside north) and Otherland
// beside it (7–10 N, 33–36 E). Farland has no boundaries loaded.
const TESTLAND = {
  type: 'FeatureCollection',
  features: [box('Lakeside', 7, 30, 8.5, 33), box('Hillside', 8.5, 30, 10, 33)],
};
const OTHERLAND = { type: 'FeatureCollection', features: [box('Eastmarch', 7, 33, 10, 36)] };

const PROCESSES = `# FICTIONAL processes for placement by coordinates.
processes:
  - id: border-pact
    name: Border pact signed in Testland
    date: 2021-03-01
    country: Testland/Otherland
    latitude: 8
    longitude: 31
  - id: far-crossing
    name: Crossing talks with Farland
    date: 2021-03-01
    country: Testland/Farland/(Northern valleys)
    latitude: 8
    longitude: 45
  - id: slipped-dialogue
    name: Dialogue whose latitude was repeated as its longitude
    date: 2021-03-01
    country: Testland
    latitude: 31.5
    longitude: 31.5
`;

interface Listed {
  id: string;
  admin1: string;
  admin1Source: string;
  country: string;
  crossBorder: boolean;
}
interface Checked extends Listed {
  countsUnavailable: string | null;
  before: { events: number };
  after: { events: number };
}

for (const dialect of DIALECTS) {
  describe(`local processes placed by their coordinates on ${dialect.name}`, { skip: dialect.skip }, () => {
    let flags: string[];
    let drop: () => Promise<void>;
    let dir: string;
    const cli = async (args: string[]) => {
      const r = await runCli([...args, ...flags]);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      return r;
    };
    const json = async (args: string[]) => JSON.parse((await cli([...args, '--json'])).stdout);
    const list = async (country?: string): Promise<Listed[]> =>
      (await json(['local', 'list', ...(country ? ['--country', country] : [])])).processes;
    const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();

    before(async () => {
      ({ flags, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-local-place-'));
      writeFileSync(join(dir, 'testland.geojson'), JSON.stringify(TESTLAND));
      writeFileSync(join(dir, 'otherland.geojson'), JSON.stringify(OTHERLAND));
      writeFileSync(join(dir, 'processes.yaml'), PROCESSES);
      await cli(['areas', 'load', join(dir, 'testland.geojson'), '--country', 'Testland']);
      await cli(['areas', 'load', join(dir, 'otherland.geojson'), '--country', 'Otherland']);
      await cli(['import', fixture('testland-events.csv')]);
      const imported = await json(['local', 'import', join(dir, 'processes.yaml')]);
      assert.equal(imported.imported, 3);
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a compound country is listed where its point lies, or under each country it names', async () => {
      const testland = await list('Testland');
      assert.deepEqual(ids(testland), ['border-pact', 'far-crossing', 'slipped-dialogue']);
      const pact = testland.find((p) => p.id === 'border-pact')!;
      // Filled from Testland's boundaries at import; the name stays as written.
      assert.deepEqual(
        [pact.admin1, pact.admin1Source, pact.country, pact.crossBorder],
        ['Lakeside', 'boundaries', 'Testland/Otherland', false],
      );
      assert.equal(testland.find((p) => p.id === 'far-crossing')?.crossBorder, true);
      // Its point lies in Testland: not Otherland's, though its name names Otherland.
      assert.deepEqual(ids(await list('Otherland')), []);
      // In no loaded boundary of the countries it names: under each, the same id.
      assert.deepEqual(ids(await list('Farland')), ['far-crossing']);
      // A region in brackets is no country.
      assert.deepEqual(ids(await list('(Northern valleys)')), []);
      // Across all countries, each process once.
      assert.deepEqual(ids(await list()), ['border-pact', 'far-crossing', 'slipped-dialogue']);
      // The table says which are cross-border, as --json does.
      const text = (await cli(['local', 'list', '--country', 'Farland'])).stdout;
      assert.match(
        text,
        /Crossing talks with Farland \(cross-border: Testland\/Farland\/\(Northern valleys\)\)/,
      );
      const testlandText = (await cli(['local', 'list', '--country', 'Testland'])).stdout;
      assert.match(testlandText, /Border pact signed in Testland\s*$/m);
      assert.match(testlandText, /Crossing talks with Farland \(cross-border/);
    });

    test('the check: a point outside the country is not counted; the cross-border process is noted', async () => {
      const check = await json(['local', 'check', '--country', 'Testland']);
      assert.equal(check.eventDataForCountry, true);
      const byId = new Map((check.processes as Checked[]).map((p) => [p.id, p]));
      assert.equal(byId.size, 3);
      assert.equal(byId.get('border-pact')?.countsUnavailable, null);
      assert.equal(byId.get('far-crossing')?.countsUnavailable, null);
      assert.equal(byId.get('far-crossing')?.crossBorder, true);
      assert.equal(byId.get('slipped-dialogue')?.countsUnavailable, 'location-outside-country');
      assert.match(check.notes.join('\n'), /outside the loaded boundaries of Testland .*: slipped-dialogue/);
      assert.match(check.notes.join('\n'), /cross-border .*: far-crossing$/m);
      const text = (await cli(['local', 'check', '--country', 'Testland'])).stdout;
      assert.match(text, /\nslipped-dialogue\s+2021-03-01\s+–\s+–\s+–\s+–/);
      const fr = (await cli(['local', 'check', '--country', 'Testland', '--lang', 'fr'])).stdout;
      assert.match(fr, /hors des limites chargées de Testland .*\u00a0: slipped-dialogue/);
      assert.match(fr, /transfrontaliers .*\u00a0: far-crossing/);
      // Farland: no events, no boundaries: the cross-border process is there, its counts unavailable.
      const farland = await json(['local', 'check', '--country', 'Farland']);
      assert.deepEqual(
        (farland.processes as Checked[]).map((p) => [p.id, p.countsUnavailable]),
        [['far-crossing', 'no-event-data']],
      );
    });

    test('PA-X Local in Mali: Talataye (Mali/Niger) is listed under Mali with its admin-1, not under Niger', {
      skip: PAX_LOCAL.skip || MALI_BOUNDARIES.skip || CAR_BOUNDARIES.skip,
    }, async () => {
      await cli(['areas', 'load', MALI_BOUNDARIES.path, CAR_BOUNDARIES.path]);
      await cli(['local', 'import', PAX_LOCAL.path]);
      const mali = await list('Mali');
      const talataye = mali.find((p) => p.id === 'pax-local:2294');
      assert.deepEqual(
        [talataye?.country, talataye?.admin1, talataye?.crossBorder],
        ['Mali/Niger', 'Gao', false],
      );
      // 16 rows written Mali, and the four Mali/Niger rows: two in Mali, two in no loaded boundary.
      assert.equal(mali.length, 20);
      assert.deepEqual(ids(mali.filter((p) => p.crossBorder)), ['pax-local:2240', 'pax-local:2292']);
      const niger = ids(await list('Niger'));
      assert.ok(!niger.includes('pax-local:2294'));
      assert.ok(niger.includes('pax-local:2292'));
      // Every process once across countries, by its PA-X id.
      const all = await list();
      assert.equal(all.length, 349 + 3);
      assert.equal(new Set(all.map((p) => p.id)).size, all.length);

      const check = await json(['local', 'check', '--country', 'Mali']);
      const byId = new Map((check.processes as Checked[]).map((p) => [p.id, p]));
      assert.equal(byId.get('pax-local:2294')?.countsUnavailable, 'no-event-data');
      // Nouakchott's and Diallassagou's coordinates lie outside Mali.
      assert.equal(byId.get('pax-local:2415')?.countsUnavailable, 'location-outside-country');
      assert.equal(byId.get('pax-local:2381')?.countsUnavailable, 'location-outside-country');

      // CAR: pax-local:2371 (8.579294, 8.579294: in Nigeria) is not counted; the CAR/Sudan row in
      // Vakaga is a CAR process.
      const car = await json(['local', 'check', '--country', 'Central African Republic']);
      const carById = new Map((car.processes as Checked[]).map((p) => [p.id, p]));
      assert.equal(carById.get('pax-local:2371')?.countsUnavailable, 'location-outside-country');
      assert.equal(carById.get('pax-local:2349')?.countsUnavailable, 'no-location');
      assert.equal(carById.get('pax-local:2291')?.admin1, 'Vakaga');
      assert.equal(car.processes.length, 36);
    });

    test("an area the events name but the loaded boundaries do not draw is said as such, not as the file's slip", async () => {
      // Riverside is in Testland's events, not in its boundaries (Lakeside, Hillside): older boundaries.
      writeFileSync(
        join(dir, 'areas.yaml'),
        [
          'processes:',
          '  - { id: riverside-talks, name: Riverside talks, date: 2021-03-01, country: Testland, admin1: Riverside, latitude: 9, longitude: 31 }',
          '  - { id: lakeside-talks, name: Lakeside talks, date: 2021-03-01, country: Testland, admin1: Lakeside, latitude: 9, longitude: 31 }',
        ].join('\n'),
      );
      const r = await json(['local', 'import', join(dir, 'areas.yaml')]);
      assert.deepEqual(r.admin1Doubts, [
        'riverside-talks (Riverside talks): the file says admin-1 "Riverside", which the loaded boundaries of Testland do not draw (older boundaries?); there its point lies in Hillside. The process is kept under "Riverside"',
        'lakeside-talks (Lakeside talks): the file says admin-1 "Lakeside", its point lies in Hillside',
      ]);
    });

    test('a point a few kilometres off the loaded shapes (a port beside a coarse coastline) is in them; one far off is not', async () => {
      // Somalia probe: Kismaayo's port lies just offshore of Natural Earth's coastline, and its
      // process counted "0 events, 0 deaths" before and after.
      writeFileSync(
        join(dir, 'shore.yaml'),
        [
          'processes:',
          // 0.05° (5.5 km) west of Testland's western edge, and 0.5° (55 km) west of it.
          '  - { id: harbour-talks, name: Harbour talks, date: 2021-03-01, country: Testland, latitude: 8, longitude: 29.95 }',
          '  - { id: offshore-talks, name: Offshore talks, date: 2021-03-01, country: Testland, latitude: 8, longitude: 29.5 }',
        ].join('\n'),
      );
      await json(['local', 'import', join(dir, 'shore.yaml')]);
      const check = await json(['local', 'check', '--country', 'Testland']);
      const byId = new Map((check.processes as Checked[]).map((p) => [p.id, p]));
      assert.equal(byId.get('harbour-talks')?.countsUnavailable, null);
      assert.equal(byId.get('harbour-talks')?.admin1, 'Lakeside');
      assert.equal(byId.get('offshore-talks')?.countsUnavailable, 'location-outside-country');
    });
  });
}

describe("the brief's local-process section", () => {
  const process = (id: string, countsUnavailable: string | null, before: number, after: number) => ({
    id,
    name: `Process ${id}`,
    date: '2021-03-01',
    admin1: 'Lakeside',
    status: 'signed',
    office: null,
    before: { events: before, fatalities: 0, evidence: [] },
    after: {
      events: after,
      fatalities: 0,
      evidence: Array.from({ length: after }, (_, i) => ({
        id: i + 1,
        source: 'acled',
        sourceEventId: `TST${i + 1}`,
      })),
    },
    findings: [],
    countsUnavailable,
    country: 'Testland',
    crossBorder: false,
  });

  test('a process not counted is never a row of figures; the section says so and carries the notes', () => {
    const notes = ['no events for Testland in the store: …'];
    const s = localProcessSection({
      radiusKm: 50,
      windowDays: 180,
      processes: [process('a', 'no-event-data', 0, 0), process('b', 'no-location', 0, 0)],
      officeFindings: [],
      notes,
    });
    const text = JSON.stringify(s?.blocks);
    assert.doesNotMatch(text, /Violence rose after the date of none of them/);
    assert.match(text, /Violence around 2 of these 2 processes could not be counted/);
    assert.deepEqual(
      s?.blocks.find((b) => b.kind === 'list'),
      { kind: 'list', items: notes },
    );
    const fr = JSON.stringify(
      localProcessSection(
        {
          radiusKm: 50,
          windowDays: 180,
          processes: [process('a', 'no-event-data', 0, 0), process('c', null, 1, 3)],
          officeFindings: [],
          notes: ['aucun événement pour Testland dans la base : …'],
        },
        'fr',
      )?.blocks,
    );
    assert.match(fr, /La violence autour de 1 de ces 2 processus n’a pas pu être comptée/);
    assert.match(fr, /aucun événement pour Testland/);
    assert.match(fr, /Process c/);
    assert.doesNotMatch(fr, /Process a/);
  });
});
