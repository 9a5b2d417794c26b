import { basename } from 'node:path';
import { ownValue } from '../domain/own-value.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { gedFeatureCollection } from './ged-geojson-reader.ts';
import { inspectTextFile, readAllText } from './text-file.ts';

export interface Boundary {
  name: string;
  /** A point inside the bounding box's centre, for labels and for areas without a polygon. */
  latitude: number;
  longitude: number;
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

// Country names as ACLED and GED spell them, by the ISO 3166 code that boundary files carry in
// their names (Natural Earth writes South Sudan as "sds").
const COUNTRY_BY_CODE: Record<string, string[]> = {
  caf: ['Central African Republic'],
  sds: ['South Sudan'],
  ssd: ['South Sudan'],
  cod: ['Democratic Republic of Congo', 'DR Congo (Zaire)'],
  mli: ['Mali'],
  sdn: ['Sudan'],
  som: ['Somalia'],
  nga: ['Nigeria'],
  bfa: ['Burkina Faso'],
  ner: ['Niger'],
  tcd: ['Chad'],
  eth: ['Ethiopia'],
  lby: ['Libya'],
  cmr: ['Cameroon'],
};

/**
 * The spellings of the country a boundary file's name points to, if any: the first word of three
 * letters that is a known code, wherever it stands (ne10m_admin1_caf.geojson,
 * geoBoundaries-MLI-ADM1.geojson, som_admbnda_adm1.geojson).
 */
export function countriesFromFileName(path: string): string[] {
  const words = basename(path)
    .replace(/\.(?:geo)?json$/i, '')
    .split(/[_\-.\s]+/);
  for (const [i, w] of words.entries()) {
    // OCHA's Common Operational Datasets name their files cod-ab-caf_adm1 or cod-ps-…: that "cod"
    // is the dataset, not DR Congo.
    if (w.toLowerCase() === 'cod' && /^(ab|ps|em)$/i.test(words[i + 1] ?? '')) continue;
    const spellings = ownValue(COUNTRY_BY_CODE, w.toLowerCase());
    if (w.length === 3 && spellings) return spellings;
  }
  return [];
}

const NAME_KEYS = ['name', 'NAME_1', 'admin1Name', 'ADM1_EN', 'adm1_name', 'shapeName', 'NAME'];

function boundingCentre(coordinates: unknown): [number, number] {
  const [west, south, east, north] = boundingBox(coordinates);
  return [(west + east) / 2, (south + north) / 2];
}

/** A feature of a boundary file that was not loaded, and why. */
export interface RefusedFeature {
  /** 1-based, in the order of the file's features. */
  feature: number;
  name: string | null;
  reason: string;
}

/** What a boundary file gave: the polygons to load, and the features refused. */
export interface BoundaryFile {
  boundaries: Boundary[];
  refused: RefusedFeature[];
}

/** "feature 3 (North) has a longitude of Infinity …": how a refusal reads in a message. */
export function describeRefusal(r: RefusedFeature): string {
  return `feature ${r.feature}${r.name ? ` (${r.name})` : ''} ${r.reason}`;
}

/**
 * Reads admin-1 polygons from a GeoJSON FeatureCollection whose features carry a name. A feature
 * that is not a Polygon or MultiPolygon, has no name, or whose coordinates are not a real place
 * (a longitude outside -180..180, a latitude outside -90..90, a number like 1e999 that JSON reads
 * as Infinity, a ring of fewer than 4 positions or not closed) is refused, with its reason; a
 * file that refuses every feature fails as a whole.
 */
export async function readBoundaries(path: string): Promise<BoundaryFile> {
  const text = await readAllText(await inspectTextFile(path));
  // A table (an event export given by mistake) is said to be one, not a JSON syntax error.
  const first = text.trimStart().split('\n', 1)[0] ?? '';
  if (!/^[{[]/.test(first) && /[,;\t]/.test(first))
    throw new TandemError(
      'unknown-format',
      `${path}: a table (its first line: "${first.slice(0, 60)}${first.length > 60 ? '…' : ''}"), not GeoJSON: admin-1 boundaries are read from a GeoJSON FeatureCollection of polygons; event files go to \`tandem import\``,
    );
  let features: ReturnType<typeof gedFeatureCollection> | undefined;
  try {
    // An empty collection reads as GED events too, and as no boundaries: said below as empty.
    if (!gedFeatureCollection(path, text).length) features = [];
  } catch (e) {
    // A FeatureCollection that is not GED events is what we want here.
    if (!(e instanceof TandemError && e.code === 'unknown-format')) throw e;
    features = JSON.parse(text).features;
  }
  if (!features) {
    throw new TandemError(
      'unknown-format',
      `${path}: UCDP GED events (points), not admin-1 polygons: import them with \`tandem import\``,
    );
  }
  const boundaries: Boundary[] = [];
  const refused: RefusedFeature[] = [];
  for (const [i, f] of features.entries()) {
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const key = NAME_KEYS.find((k) => typeof props[k] === 'string' && props[k]);
    const name = key ? (props[key] as string) : null;
    const g = f?.geometry;
    const wrong =
      !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')
        ? `is not a Polygon or MultiPolygon${g?.type ? ` (a ${String(g.type)})` : ''}`
        : !name
          ? `has no name (looked for ${NAME_KEYS.join(', ')})`
          : geometryProblem(g.type, g.coordinates);
    if (wrong || !g || !name) {
      refused.push({ feature: i + 1, name, reason: wrong ?? 'cannot be read' });
      continue;
    }
    const [lon, lat] = boundingCentre(g.coordinates);
    boundaries.push({ name, latitude: lat, longitude: lon, geometry: g as Boundary['geometry'] });
  }
  if (boundaries.length === 0) {
    const shown = refused.slice(0, 5).map(describeRefusal);
    if (refused.length > 5) shown.push(`… and ${refused.length - 5} more`);
    throw new TandemError(
      'invalid-file',
      features.length === 0
        ? `${path}: the FeatureCollection has no features`
        : `${path}: no feature could be loaded, nothing was stored: ${shown.join('; ')}`,
      { details: { file: path, refused } },
    );
  }
  return { boundaries, refused };
}

/**
 * What is wrong with a Polygon's or MultiPolygon's coordinates, or null: the first problem
 * found, placed by polygon, ring and position (1-based), so that it can be found in the file.
 */
export function geometryProblem(type: 'Polygon' | 'MultiPolygon', coordinates: unknown): string | null {
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) {
    return type === 'Polygon'
      ? 'has no rings (expected coordinates: [[[lon, lat], …]])'
      : 'has no polygons (expected coordinates: [[[[lon, lat], …]]])';
  }
  for (const [p, rings] of polygons.entries()) {
    const where = (r: number) => `${type === 'MultiPolygon' ? `polygon ${p + 1}, ` : ''}ring ${r + 1}`;
    if (!Array.isArray(rings) || rings.length === 0) {
      return `has ${type === 'MultiPolygon' ? `polygon ${p + 1} ` : ''}with no rings`;
    }
    for (const [r, ring] of rings.entries()) {
      if (!Array.isArray(ring)) return `has ${where(r)} that is not a list of positions`;
      for (const [k, pos] of ring.entries()) {
        const at = `${where(r)}, position ${k + 1}`;
        if (!Array.isArray(pos) || pos.length < 2) return `has ${at} that is not [longitude, latitude]`;
        const [x, y] = pos;
        if (typeof x !== 'number' || typeof y !== 'number') {
          return `has ${at} that is not two numbers (${JSON.stringify(pos).slice(0, 60)})`;
        }
        if (!Number.isFinite(x) || x < -180 || x > 180) {
          return `has a longitude of ${x} at ${at}; expected a finite number from -180 to 180`;
        }
        if (!Number.isFinite(y) || y < -90 || y > 90) {
          return `has a latitude of ${y} at ${at}; expected a finite number from -90 to 90`;
        }
      }
      if (ring.length < 4) {
        return `has ${where(r)} of ${ring.length} position${ring.length === 1 ? '' : 's'}; a ring needs at least 4, the last the same as the first`;
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return `has ${where(r)} that is not closed: it ends at [${last[0]}, ${last[1]}], not at its first position [${first[0]}, ${first[1]}]`;
      }
    }
  }
  return null;
}

/**
 * The area of a Polygon or MultiPolygon in square degrees (outer rings less their holes), on
 * the plain longitude-latitude plane: enough to compare two shapes of the same place.
 */
export function squareDegrees(geometry: Boundary['geometry']): number {
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as number[][][][];
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      let twice = 0;
      for (let k = 0; k + 1 < ring.length; k++) {
        twice += ring[k]![0]! * ring[k + 1]![1]! - ring[k + 1]![0]! * ring[k]![1]!;
      }
      total += (r === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return Math.max(0, total);
}

/** The bounding box [west, south, east, north] of a geometry's positions. */
export function boundingBox(coordinates: unknown): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1] as number);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(coordinates);
  return box;
}
