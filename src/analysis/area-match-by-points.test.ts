import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchAreasByPoints, type NamedPoint, spelledTwiceByPoints } from './area-match-by-points.ts';

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

test('a shape and a data area whose events lie in it are paired whatever they are called; a map at another level pairs nothing', () => {
  const shapes = [square('Timbuktu', 16, -3), square('Gao', 16, 0), square('Orientale', 0, 25)];
  const points = [
    ...inside('Tombouctou', 16, -3, 40),
    ...inside('Taoudeni', 16, -3, 8), // a newer region carved out of the shape
    ...inside('Gao', 16, 0, 30),
    ...inside('Ituri', 0, 25, 30), // three new provinces in one old one: no name for the whole
    ...inside('Tshopo', 0, 25, 25),
    ...inside('Haut-Uele', 0, 25, 20),
    { admin1: 'Tombouctou', latitude: 40, longitude: 40 }, // a slip outside every shape
  ];
  const pairs = matchAreasByPoints(
    shapes,
    points,
    new Set([0, 2]),
    new Set(['Tombouctou', 'Taoudeni', 'Ituri', 'Tshopo', 'Haut-Uele']),
  );
  assert.deepEqual([...pairs], [[0, 'Tombouctou']]);
  // Only open shapes and names are paired: Gao was paired by its name already.
  assert.deepEqual([...matchAreasByPoints(shapes, points, new Set([1]), new Set(['Ituri']))], []);
});

test("a name that sounds like the shape's is paired by one place inside it; another name needs five", () => {
  const shapes = [square('Timbuktu', 16, -3), square('Gao', 16, 0)];
  const few = [...inside('Tombouctou', 16, -3, 2), ...inside('Menaka', 16, 0, 2)];
  const open = new Set([0, 1]);
  const names = new Set(['Tombouctou', 'Menaka']);
  // Ménaka's two places lie in the shape called Gao: a newer region, not Gao's other spelling.
  assert.deepEqual([...matchAreasByPoints(shapes, few, open, names)], [[0, 'Tombouctou']]);
  // A place outside the shape does not pair, however alike the names.
  const outside = [{ admin1: 'Tombouctou', latitude: 16.5, longitude: 0.5 }];
  assert.deepEqual([...matchAreasByPoints(shapes, outside, new Set([0]), names)], []);
});

test('a name without a shape whose events lie in a paired shape it sounds like is that area spelled twice; a newer unit is not', () => {
  const shapes = [square('Timbuktu', 16, -3), square('Gao', 16, 0)];
  const points = [
    ...inside('Timbuktu', 16, -3, 10),
    ...inside('Tombouctou', 16, -3, 25),
    ...inside('Gao', 16, 0, 30),
    ...inside('Ménaka', 16, 0, 12), // carved out of the old Gao: not Gao's other spelling
  ];
  const twice = spelledTwiceByPoints(shapes, points, new Set([0, 1]), new Set(['Tombouctou', 'Ménaka']));
  assert.deepEqual([...twice], [['Tombouctou', 0]]);
  // Only shapes already paired take a second spelling.
  assert.deepEqual([...spelledTwiceByPoints(shapes, points, new Set([1]), new Set(['Tombouctou']))], []);
});
