import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NamedPoint } from '../analysis/area-match-by-points.ts';
import { coarserShapes } from './coarser-shapes.ts';

/** A one-degree square with its south-west corner at (lat, lon). */
const square = (name: string, lat: number, lon: number) => ({
  name,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 1, lat],
        [lon + 1, lat + 1],
        [lon, lat + 1],
        [lon, lat],
      ],
    ],
  },
});

/** `n` events of `admin1` spread inside the square at (lat, lon). */
const inside = (admin1: string, lat: number, lon: number, n: number): NamedPoint[] =>
  Array.from({ length: n }, (_, i) => ({
    admin1,
    latitude: lat + 0.1 + (i % 8) / 10,
    longitude: lon + 0.1 + (i % 7) / 10,
  }));

const shapes = [
  square('Orientale', 1, 27),
  square('Nord-Kivu', -1, 29),
  square('Katanga', -7, 27),
  square('Timbuktu', 17, -4),
];

test('an old province holding several new ones is coarser, whichever of them makes most of its events', () => {
  const points = [
    ...inside('Ituri', 1, 27, 30),
    ...inside('Haut-Uele', 1, 27, 4),
    ...inside('Nord-Kivu', -1, 29, 20),
    ...inside('Nord Kivu', -1, 29, 1),
    ...inside('Ituri', -1, 29, 2), // a few border events on the wrong side
    ...inside('Tombouctou', 17, -4, 12),
    ...inside('Taoudeni', 17, -4, 4),
  ];
  // As the matcher by points left them: Orientale is Ituri, Timbuktu Tombouctou.
  const paired = ['Ituri', 'Nord-Kivu', null, 'Tombouctou'];
  const coarser = coarserShapes(shapes, points, paired, new Set([0, 3]));
  // Timbuktu holds the newer Taoudeni too, but it is Tombouctou under another spelling.
  assert.deepEqual([...coarser], [[0, ['Ituri', 'Haut-Uele']]]);
});

test('once the file shows itself older, a shape paired with one area by its events alone is not that area', () => {
  const points = [
    ...inside('Ituri', 1, 27, 30),
    ...inside('Haut-Uele', 1, 27, 4),
    ...inside('Tanganyika', -7, 27, 9),
    ...inside('Tombouctou', 17, -4, 12),
  ];
  const paired = ['Ituri', null, 'Tanganyika', 'Tombouctou'];
  const coarser = coarserShapes(shapes, points, paired, new Set([0, 2, 3]));
  assert.deepEqual(
    [...coarser],
    [
      [0, ['Ituri', 'Haut-Uele']],
      [2, ['Tanganyika']],
    ],
  );
  // Without an older shape, the same pairing stands: an exonym is paired by its events.
  assert.deepEqual([...coarserShapes(shapes, points.slice(34), paired, new Set([2, 3]))], []);
});

test('areas of a shape paired by its name, and too few events, make no shape coarser', () => {
  const points = [
    ...inside('Nord-Kivu', -1, 29, 20),
    ...inside('Ituri', 1, 27, 30),
    ...inside('Sud-Kivu', 1, 27, 8), // paired with a shape of its own elsewhere
    ...inside('Haut-Uele', 1, 27, 2), // two events: a slip, not an area
  ];
  const coarser = coarserShapes(
    [...shapes, square('Sud-Kivu', -4, 28)],
    points,
    ['Ituri', 'Nord-Kivu', null, null, 'Sud-Kivu'],
    new Set([0]),
  );
  assert.deepEqual([...coarser], []);
});

test('a shape paired by a spelling only alike its own is coarser when another area makes most of its events', () => {
  // Natural Earth's old "Katanga" and the data's "Haut-Katanga" are alike by name, but the shape
  // holds Tanganyika's events too, and more of them: it is not Haut-Katanga.
  const points = [
    ...inside('Tanganyika', -7, 27, 30),
    ...inside('Haut-Katanga', -7, 27, 9),
    ...inside('Nord-Kivu', -1, 29, 20),
  ];
  const paired = [null, 'North Kivu', 'Haut-Katanga', null];
  assert.deepEqual(
    [...coarserShapes(shapes, points, paired, new Set(), new Set([1, 2]))],
    [[2, ['Tanganyika', 'Haut-Katanga']]],
  );
  // Its partner is named after it ("Haut-Katanga", a part of the old "Katanga"): coarser even where
  // that part makes most of its events (a held-out probe's DR Congo had 9 against Tanganyika's 5).
  const mostly = [...inside('Haut-Katanga', -7, 27, 30), ...inside('Tanganyika', -7, 27, 9)];
  assert.deepEqual(
    [...coarserShapes(shapes, mostly, paired, new Set(), new Set([2]))],
    [[2, ['Haut-Katanga', 'Tanganyika']]],
  );
  // The same name in another language holding a newer area's events too stands as that area;
  // so does one holding one area only.
  const exonym = [...inside('Tombouctou', 17, -4, 30), ...inside('Taoudeni', 17, -4, 9)];
  assert.deepEqual(
    [...coarserShapes(shapes, exonym, [null, null, null, 'Tombouctou'], new Set(), new Set([3]))],
    [],
  );
  assert.deepEqual(
    [...coarserShapes(shapes, inside('Haut-Katanga', -7, 27, 30), paired, new Set(), new Set([2]))],
    [],
  );
});
