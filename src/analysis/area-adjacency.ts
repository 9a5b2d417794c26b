import { getOrAdd } from './get-or-add.ts';

/**
 * Which admin-1 areas border each other, from their boundary polygons (GeoJSON geometry): two
 * areas are neighbours when a vertex of one lies within `tolerance` degrees of a vertex of the
 * other. Boundary files of one country share their border vertices, and the tolerance forgives
 * files whose borders were simplified separately. Vertices are hashed into a grid of cells of the
 * tolerance's size, so the cost is linear in the vertices, not quadratic. Pure.
 */
export function areaAdjacency(
  areas: readonly { admin1: string; geometry: string }[],
  tolerance = 0.02,
): Map<string, string[]> {
  const cells = new Map<string, Set<number>>();
  const key = (x: number, y: number) => `${x},${y}`;
  areas.forEach((a, i) => {
    for (const [lon, lat] of vertices(a.geometry)) {
      const k = key(Math.floor(lon / tolerance), Math.floor(lat / tolerance));
      getOrAdd(cells, k, () => new Set<number>()).add(i);
    }
  });
  const near = areas.map(() => new Set<number>());
  for (const [k, owners] of cells) {
    const [cx, cy] = k.split(',').map(Number) as [number, number];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const other = cells.get(key(cx + dx, cy + dy));
        if (!other) continue;
        for (const i of owners) for (const j of other) if (i !== j) near[i]!.add(j);
      }
  }
  return new Map(areas.map((a, i) => [a.admin1, [...near[i]!].map((j) => areas[j]!.admin1).sort()]));
}

function* vertices(geometry: string): Generator<[number, number]> {
  let g: { type?: string; coordinates?: unknown; geometries?: unknown[] };
  try {
    g = JSON.parse(geometry);
  } catch {
    return;
  }
  const walk = function* (c: unknown): Generator<[number, number]> {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') yield [c[0], c[1]];
    else for (const part of c) yield* walk(part);
  };
  if (g.type === 'GeometryCollection')
    for (const part of g.geometries ?? []) yield* vertices(JSON.stringify(part));
  else yield* walk(g.coordinates);
}
