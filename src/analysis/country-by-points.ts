import { shapeFinder } from './point-in-area.ts';

type Geometry = { type: string; coordinates: unknown };

/** An event's place, in degrees. */
export interface Point {
  latitude: number;
  longitude: number;
}

/** Of a country's sampled events, the share a boundary file must hold to be that country's. */
const SHARE_INSIDE = 0.6;
const MIN_INSIDE = 5;

/**
 * The country whose events lie inside a boundary file's shapes, for a file whose name does not
 * say it ("adm1_polygons.geojson", or a code the file-name table does not know): of each stored
 * country's sampled events, the share that falls in any shape; the country with the largest share,
 * when it is at least 60% and five events, else undefined. A neighbour's border events do not
 * make a file theirs: most of a country's events must be inside.
 */
export function countryByPoints(
  shapes: readonly { geometry: Geometry }[],
  pointsByCountry: ReadonlyMap<string, readonly Point[]>,
): string | undefined {
  const shapeOf = shapeFinder(shapes);
  const inside = (p: Point) => shapeOf(p.latitude, p.longitude) !== -1;
  let best: { country: string; share: number } | undefined;
  for (const [country, points] of pointsByCountry) {
    const n = points.filter(inside).length;
    const share = points.length ? n / points.length : 0;
    if (n >= MIN_INSIDE && share >= SHARE_INSIDE && (!best || share > best.share)) best = { country, share };
  }
  return best?.country;
}
