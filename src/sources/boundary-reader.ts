import { basename } from 'node:path';
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

/** The spellings of the country a boundary file's name points to (…_caf.geojson), if any. */
export function countriesFromFileName(path: string): string[] {
  const m = /(?:^|[_\-.])([a-z]{3})\.(?:geo)?json$/i.exec(basename(path));
  return m ? (COUNTRY_BY_CODE[m[1].toLowerCase()] ?? []) : [];
}

const NAME_KEYS = ['name', 'NAME_1', 'admin1Name', 'ADM1_EN', 'adm1_name', 'shapeName', 'NAME'];

function boundingCentre(coordinates: unknown): [number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1] as number);
      maxY = Math.max(maxY, c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(coordinates);
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

/** Reads admin-1 polygons from a GeoJSON FeatureCollection whose features carry a name. */
export async function readBoundaries(path: string): Promise<Boundary[]> {
  const text = await readAllText(await inspectTextFile(path));
  let features: ReturnType<typeof gedFeatureCollection>;
  try {
    features = gedFeatureCollection(path, text);
  } catch (e) {
    // A FeatureCollection that is not GED events is what we want here.
    if (!(e instanceof TandemError && e.code === 'unknown-format')) throw e;
    features = JSON.parse(text).features;
  }
  const out: Boundary[] = [];
  features.forEach((f, i) => {
    const g = f?.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new TandemError('invalid-file', `${path}: feature ${i + 1} is not a Polygon or MultiPolygon`);
    }
    const props = f.properties ?? {};
    const key = NAME_KEYS.find((k) => typeof props[k] === 'string' && props[k]);
    if (!key)
      throw new TandemError(
        'invalid-file',
        `${path}: feature ${i + 1} has no name (looked for ${NAME_KEYS.join(', ')})`,
      );
    const [lon, lat] = boundingCentre(g.coordinates);
    out.push({
      name: props[key] as string,
      latitude: lat,
      longitude: lon,
      geometry: g as Boundary['geometry'],
    });
  });
  return out;
}
