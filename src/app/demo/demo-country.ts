import type { ActorCategory } from '../../domain/actor-category.ts';

/**
 * The demonstration mission's country. Orvania and everything in it are invented: the names, the
 * map (placed in the open Atlantic so that it cannot be mistaken for a real place), the armed
 * groups and the peace process. Nothing here describes a real country or people.
 */
export const DEMO_COUNTRY = 'Orvania (fictional)';
export const DEMO_MISSION = 'UN Stabilization Mission in Orvania (UNSMO, fictional)';

export interface DemoRegion {
  name: string;
  /** Column and row in the 4×2 layout of the country, west to east, north to south. */
  col: number;
  row: number;
  towns: readonly string[];
}

export const DEMO_REGIONS: readonly DemoRegion[] = [
  { name: 'Kessa Highlands', col: 0, row: 0, towns: ['Kessa', 'Morrow Gap', 'Ithel'] },
  { name: 'Dunmarch', col: 1, row: 0, towns: ['Dunmarch', 'Hallow Ford', 'Beyra'] },
  { name: 'Selet Plateau', col: 2, row: 0, towns: ['Selet', 'Ovin', 'Carrow'] },
  { name: 'Amber Coast', col: 3, row: 0, towns: ['Port Amber', 'Lisk', 'Neyra Bay'] },
  { name: 'Lower Varo', col: 0, row: 1, towns: ['Varo', 'Tembe', 'Sallow Reach'] },
  { name: 'Orvo Capital District', col: 1, row: 1, towns: ['Orvo', 'Orvo East', 'Kinnet'] },
  { name: 'Rinwa Basin', col: 2, row: 1, towns: ['Rinwa', 'Akat', 'Drue'] },
  { name: 'Talu Lakes', col: 3, row: 1, towns: ['Talu', 'Mereth', 'Oskar Point'] },
];

export interface DemoActor {
  name: string;
  category: ActorCategory;
}

export const DEMO_ACTORS = {
  army: { name: 'Orvanian Armed Forces (FAO)', category: 'state-forces' },
  police: { name: 'Police of Orvania', category: 'state-forces' },
  klf: { name: 'Kessa Liberation Front (KLF)', category: 'rebel-group' },
  mjr: { name: 'Movement for Justice and Renewal (MJR)', category: 'rebel-group' },
  varoMilitia: { name: 'Varo Self-Defence Militia', category: 'identity-militia' },
  herders: { name: 'Dunmarch Herders Militia', category: 'identity-militia' },
  partyYouth: { name: 'Orvanian Unity Party Youth Wing', category: 'political-militia' },
  unidentified: { name: 'Unidentified Armed Group (Orvania)', category: 'political-militia' },
  civilians: { name: 'Civilians (Orvania)', category: 'civilians' },
  protesters: { name: 'Protesters (Orvania)', category: 'protesters' },
  rioters: { name: 'Rioters (Orvania)', category: 'rioters' },
} as const satisfies Record<string, DemoActor>;

export type DemoActorKey = keyof typeof DEMO_ACTORS;

// The country's frame in degrees: four columns by two rows of regions.
const WEST = -22;
const NORTH = -3;
const COL_WIDTH = 2;
const ROW_HEIGHT = 2.5;

type Point = [number, number];

/** A stable pseudo-random offset for a grid vertex or edge, so shared borders are drawn once. */
function hashNoise(a: number, b: number, c = 0): number {
  let h =
    Math.imul(a * 73856093 + 1, 0x9e3779b1) ^
    Math.imul(b * 19349663 + 7, 0x85ebca6b) ^
    Math.imul(c + 3, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return ((h >>> 0) / 4294967296) * 2 - 1;
}

function vertex(i: number, j: number): Point {
  const interiorX = i > 0 && i < 4;
  const interiorY = j > 0 && j < 2;
  const dx = interiorX ? hashNoise(i, j, 1) * 0.45 : 0;
  const dy = interiorY ? hashNoise(i, j, 2) * 0.5 : 0;
  return [WEST + i * COL_WIDTH + dx, NORTH - j * ROW_HEIGHT + dy];
}

/** The border between two grid vertices, wiggled the same way whichever side draws it. */
function edge(a: [number, number], b: [number, number]): Point[] {
  const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const [p, q] = forward ? [a, b] : [b, a];
  const start = vertex(p[0], p[1]);
  const end = vertex(q[0], q[1]);
  const steps = 7;
  const nx = -(end[1] - start[1]);
  const ny = end[0] - start[0];
  const len = Math.hypot(nx, ny);
  const points: Point[] = [];
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    const wiggle = s === 0 || s === steps ? 0 : hashNoise(p[0] * 10 + q[0], p[1] * 10 + q[1], s) * 0.09 * len;
    points.push([
      round(start[0] + (end[0] - start[0]) * t + (nx / len) * wiggle),
      round(start[1] + (end[1] - start[1]) * t + (ny / len) * wiggle),
    ]);
  }
  return forward ? points : points.reverse();
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}

/** The region's outline as a closed GeoJSON ring (counter-clockwise). */
export function regionRing(region: DemoRegion): Point[] {
  const { col: i, row: j } = region;
  const corners: [number, number][] = [
    [i, j + 1],
    [i + 1, j + 1],
    [i + 1, j],
    [i, j],
  ];
  const ring: Point[] = [];
  for (let k = 0; k < 4; k++) {
    const part = edge(corners[k], corners[(k + 1) % 4]);
    ring.push(...(k === 0 ? part : part.slice(1)));
  }
  ring[ring.length - 1] = ring[0];
  return ring;
}

export interface DemoBoundaryFeature {
  type: 'Feature';
  properties: { name: string; country: string };
  geometry: { type: 'Polygon'; coordinates: Point[][] };
}

/**
 * The fictional admin-1 polygons as a GeoJSON FeatureCollection, property `name` per region;
 * `country` as the demonstration's language writes it.
 */
export function demoBoundaries(country: string = DEMO_COUNTRY): {
  type: 'FeatureCollection';
  features: DemoBoundaryFeature[];
} {
  return {
    type: 'FeatureCollection',
    features: DEMO_REGIONS.map((r) => ({
      type: 'Feature',
      properties: { name: r.name, country },
      geometry: { type: 'Polygon', coordinates: [regionRing(r)] },
    })),
  };
}

export function pointInRing(point: Point, ring: readonly Point[]): boolean {
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [xa, ya] = ring[a];
    const [xb, yb] = ring[b];
    if (ya > point[1] !== yb > point[1] && point[0] < ((xb - xa) * (point[1] - ya)) / (yb - ya) + xa)
      inside = !inside;
  }
  return inside;
}
