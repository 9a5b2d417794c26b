import { areaNamesAlike } from '../domain/area-names.ts';
import { shapeFinder } from './point-in-area.ts';

/** An event's place as the data names it, and where it is. */
export interface NamedPoint {
  admin1: string;
  latitude: number;
  longitude: number;
}

type Geometry = { type: string; coordinates: unknown };

/** Of the data's areas, how much of its events a shape must hold, and of a shape's events how much one area must make. */
const AREA_IN_SHAPE = 0.75;
const SHAPE_FROM_AREA = 0.5;
/**
 * How many distinct places an area must have inside a shape to be paired with it by location
 * alone; a name the shape's sounds alike ("Tombouctou" in a shape called "Timbuktu") needs one,
 * its name and its places saying the same. A mission's small file (five events at two places)
 * left Tombouctou without a polygon.
 */
const MIN_PLACES = 5;
const MIN_PLACES_ALIKE = 1;

/**
 * Pairs map shapes with the data's admin-1 names by where the events lie, for the pairs that
 * spelling cannot make ("Timbuktu" on the map, "Tombouctou" in the data; "Shabeellaha Hoose" and
 * "Lower Shabelle"): a shape and an area are paired when most of the area's events fall inside the
 * shape and they are most of the shape's events. A map drawn at another level (eleven old
 * provinces against twenty-six new ones) pairs nothing, as it should. Only the shapes and names
 * given as open are paired; returns shape index → data name.
 */
export function matchAreasByPoints(
  shapes: readonly { name: string; geometry: Geometry }[],
  points: readonly NamedPoint[],
  openShapes: ReadonlySet<number>,
  openNames: ReadonlySet<string>,
): Map<number, string> {
  const { inShape, perName } = placesInShapes(shapes, points);
  const pairs: { shape: number; name: string; score: number }[] = [];
  for (const shape of openShapes) {
    const counts = inShape.get(shape);
    if (!counts) continue;
    let total = 0;
    for (const n of counts.values()) total += n;
    for (const [name, n] of counts) {
      const least = areaNamesAlike(shapes[shape]!.name, name) ? MIN_PLACES_ALIKE : MIN_PLACES;
      if (!openNames.has(name) || n < least) continue;
      const ofArea = n / perName.get(name)!;
      const ofShape = n / total;
      if (ofArea >= AREA_IN_SHAPE && ofShape >= SHAPE_FROM_AREA)
        pairs.push({ shape, name, score: ofArea * ofShape });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const out = new Map<number, string>();
  const used = new Set<string>();
  for (const p of pairs) {
    if (out.has(p.shape) || used.has(p.name)) continue;
    out.set(p.shape, p.name);
    used.add(p.name);
  }
  return out;
}

/**
 * Of the data's names left without a shape, those that are another spelling of a shape already
 * paired with a name: most of their events lie inside it, and their name sounds like the shape's
 * ("Tombouctou" in one source and "Timbuktu" in another, the shape called "Timbuktu"). A name
 * unlike the shape's is a newer unit carved out of it (Ménaka in the old Gao), not a spelling.
 * Returns data name → shape index.
 */
export function spelledTwiceByPoints(
  shapes: readonly { name: string; geometry: Geometry }[],
  points: readonly NamedPoint[],
  pairedShapes: ReadonlySet<number>,
  openNames: ReadonlySet<string>,
): Map<string, number> {
  const { inShape, perName } = placesInShapes(shapes, points);
  const out = new Map<string, number>();
  for (const name of openNames) {
    const total = perName.get(name);
    if (!total) continue;
    const [shape, n] = [...inShape]
      .map(([i, counts]) => [i, counts.get(name) ?? 0] as const)
      .sort((a, b) => b[1] - a[1])[0]!;
    if (!pairedShapes.has(shape) || n / total < AREA_IN_SHAPE) continue;
    if (areaNamesAlike(shapes[shape]!.name, name)) out.set(name, shape);
  }
  return out;
}

/**
 * How many of each data area's places lie in each shape (`inShape`: shape index → area → places),
 * and in any shape (`perName`); places outside every shape are not counted.
 */
function placesInShapes(
  shapes: readonly { name: string; geometry: Geometry }[],
  points: readonly NamedPoint[],
): { inShape: Map<number, Map<string, number>>; perName: Map<string, number> } {
  const shapeOf = shapeFinder(shapes);
  const inShape = new Map<number, Map<string, number>>();
  const perName = new Map<string, number>();
  for (const p of points) {
    const i = shapeOf(p.latitude, p.longitude);
    if (i === -1) continue;
    perName.set(p.admin1, (perName.get(p.admin1) ?? 0) + 1);
    const counts = inShape.get(i) ?? new Map<string, number>();
    counts.set(p.admin1, (counts.get(p.admin1) ?? 0) + 1);
    inShape.set(i, counts);
  }
  return { inShape, perName };
}
