type Ring = readonly (readonly number[])[];

/** Whether a point [lon, lat] lies inside a closed ring (even-odd ray casting). */
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies in a GeoJSON polygon: in its outer ring and in none of its holes. */
function inPolygon(lon: number, lat: number, rings: readonly Ring[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h));
}

/** Whether a point (degrees) lies inside a GeoJSON Polygon or MultiPolygon geometry. */
export function pointInGeometry(
  lat: number,
  lon: number,
  geometry: { type: string; coordinates: unknown },
): boolean {
  if (geometry.type === 'Polygon') return inPolygon(lon, lat, geometry.coordinates as Ring[]);
  if (geometry.type === 'MultiPolygon')
    return (geometry.coordinates as Ring[][]).some((p) => inPolygon(lon, lat, p));
  return false;
}

/**
 * The name of the area whose polygon holds the point, or '' when none does. Areas are tried in
 * the order given; admin-1 polygons of one country do not overlap.
 */
export function areaOfPoint(
  lat: number,
  lon: number,
  areas: readonly { name: string; geometry: { type: string; coordinates: unknown } }[],
): string {
  return areas.find((a) => pointInGeometry(lat, lon, a.geometry))?.name ?? '';
}

type Geometry = { type: string; coordinates: unknown };

/** The longitude/latitude box [west, south, east, north] of a geometry. */
function boxOf(g: Geometry): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [lon, lat] = c as number[];
      box[0] = Math.min(box[0], lon!);
      box[1] = Math.min(box[1], lat!);
      box[2] = Math.max(box[2], lon!);
      box[3] = Math.max(box[3], lat!);
    } else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g.coordinates);
  return box;
}

/**
 * A finder of the shape that holds a point: the index of the first shape whose polygon holds it,
 * or -1. Each shape's bounding box is tried first, so most shapes are ruled out at once.
 */
export function shapeFinder(shapes: readonly { geometry: Geometry }[]): (lat: number, lon: number) => number {
  const boxes = shapes.map((s) => boxOf(s.geometry));
  return (lat, lon) =>
    shapes.findIndex((s, k) => {
      const [w, so, e, n] = boxes[k]!;
      return lon >= w && lon <= e && lat >= so && lat <= n && pointInGeometry(lat, lon, s.geometry);
    });
}
