import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface WaterFeature {
  properties: { kind: 'river' | 'lake' };
  geometry:
    | { type: 'MultiLineString'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** The points of a river's lines or a lake's rings. */
const pointsOf = (f: WaterFeature): number[][] =>
  f.geometry.type === 'MultiLineString' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2);

/** [west, south, east, north], a little wider than each country. */
const CAR: [number, number, number, number] = [14.4, 2.2, 27.5, 11.0];
const SOUTH_SUDAN: [number, number, number, number] = [23.4, 3.4, 36.0, 12.3];

const inBox = ([w, s, e, n]: number[], [x, y]: number[]) => x >= w && x <= e && y >= s && y <= n;
const near = (at: number[], p: number[], d: number) =>
  Math.abs(p[0] - at[0]) <= d && Math.abs(p[1] - at[1]) <= d;

describe('the offline basemap, as npm run build:web makes it (issue 15.4)', () => {
  let dir: string;
  let water: { type: string; features: WaterFeature[] };
  let rivers: WaterFeature[];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-basemap-'));
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-basemap.mjs'), dir], {
      encoding: 'utf8',
    });
    assert.equal(built.status, 0, built.stderr);
    water = JSON.parse(readFileSync(join(dir, 'water.json'), 'utf8'));
    rivers = water.features.filter((f) => f.properties.kind === 'river');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('writes borders, water and towns, water kept small', () => {
    for (const name of ['borders.json', 'water.json', 'towns.json'])
      assert.ok(statSync(join(dir, name)).size > 0, name);
    const kib = statSync(join(dir, 'water.json')).size / 1024;
    assert.ok(kib < 800, `water.json is ${Math.round(kib)} KiB`);
    assert.equal(water.type, 'FeatureCollection');
    assert.ok(rivers.length > 300, `${rivers.length} rivers in the world`);
    assert.ok(water.features.some((f) => f.properties.kind === 'lake'));
  });

  test('every river is lines of two points or more, rounded to the hundredth of a degree', () => {
    for (const f of rivers) {
      assert.equal(f.geometry.type, 'MultiLineString');
      for (const line of f.geometry.coordinates as number[][][]) {
        assert.ok(line.length >= 2);
        for (const [x, y] of line)
          assert.ok(Math.abs(x * 100 - Math.round(x * 100)) < 1e-6 && Math.abs(y) <= 90);
      }
    }
  });

  for (const [country, box, places] of [
    [
      'South Sudan',
      SOUTH_SUDAN,
      // The White Nile at Juba and Malakal, the Sobat's mouth.
      { Juba: [31.6, 4.85], Malakal: [31.66, 9.53] },
    ],
    [
      'the Central African Republic',
      CAR,
      // The Ubangi at Bangui, the Chari's head near Sarh is just outside: the Ouham at Bossangoa.
      { Bangui: [18.56, 4.37], Bossangoa: [17.45, 6.49] },
    ],
  ] as const) {
    test(`rivers run through ${country}, past its towns on rivers`, () => {
      const inside = rivers.filter((f) => pointsOf(f).some((p) => inBox(box, p)));
      assert.ok(inside.length >= 5, `${inside.length} rivers in ${country}`);
      for (const [town, at] of Object.entries(places)) {
        const past = inside.some((f) => pointsOf(f).some((p) => near(at, p, 0.15)));
        assert.ok(past, `no river passes ${town}`);
      }
    });
  }

  test('the world file fills in what the continents leave out, without doubling what they have', () => {
    // Australia's Murray (Oceania has no continent file) and Siberia's Ob come from the world file.
    assert.ok(
      rivers.some((f) => pointsOf(f).some((p) => near([142.5, -34.7], p, 0.5))),
      'no Murray',
    );
    assert.ok(
      rivers.some((f) => pointsOf(f).some((p) => near([66.6, 66.5], p, 1))),
      'no Ob',
    );
    // The White Nile at Juba is drawn once, from the Africa file.
    const atJuba = rivers.filter((f) => pointsOf(f).some((p) => near([31.6, 4.85], p, 0.15)));
    assert.equal(atJuba.length, 1);
  });
});
