import { boxAround } from '../analysis/great-circle.ts';
import { areaOfPoint } from '../analysis/point-in-area.ts';
import { normalizeAreaName } from '../domain/area-names.ts';
import { type Language, withFrenchSpacing } from '../domain/language.ts';
import { countriesNamed, hasUsableLocation, type LocalProcess } from '../domain/local-process.ts';
import { closeAreaNames } from '../planning/area-ranking.ts';
import { areaPolygons, findLocalProcesses } from '../store/local-process-repository.ts';
import { storedCountry } from './country-input.ts';
import { knownAdmin1Areas, knownSpelling } from './incident-area.ts';
import type { AppContext } from './operation.ts';

type Polygons = Awaited<ReturnType<typeof areaPolygons>>;

/** The admin-1 polygons of each country, read from the store once per operation. */
export class BoundaryCache {
  private readonly polygons = new Map<string, Promise<Polygons>>();
  constructor(private readonly ctx: AppContext) {}

  of(country: string): Promise<Polygons> {
    let p = this.polygons.get(country);
    if (!p) {
      p = areaPolygons(this.ctx.store.db, country);
      this.polygons.set(country, p);
    }
    return p;
  }

  /**
   * Where a point lies among the loaded boundaries of the countries named: the first country
   * whose admin-1 polygons hold it and the area, or null when none does (or none is loaded).
   * `allLoaded` says whether every country named has boundaries loaded (only then can a point
   * in none of them be said to lie outside).
   */
  async locate(
    lat: number,
    lon: number,
    countries: readonly string[],
  ): Promise<{ home: { country: string; admin1: string } | null; allLoaded: boolean }> {
    let allLoaded = true;
    let home: { country: string; admin1: string } | null = null;
    // The point itself first; then, for a point just off the shapes, points around it.
    for (const [la, lo] of [[lat, lon] as const, ...pointsAround(lat, lon)]) {
      for (const country of countries) {
        const areas = await this.of(country);
        if (!areas.length) allLoaded = false;
        if (!home && areas.length) {
          const admin1 = areaOfPoint(la, lo, areas);
          if (admin1) home = { country, admin1 };
        }
      }
      if (home || !allLoaded) break;
    }
    return { home, allLoaded };
  }
}

/**
 * How far off its country's loaded shapes a point may lie and still be placed in them: Natural
 * Earth's coastline runs a few kilometres from the real one, and a port (Kismaayo, Mogadishu)
 * lay "outside the country", its violence uncounted (Somalia probe). A latitude written as the
 * longitude lands hundreds of kilometres away, and is still found out.
 */
const OFF_SHAPE_KM = 10;

/** The eight corners and edge midpoints of the box OFF_SHAPE_KM around a point (boxAround). */
function pointsAround(lat: number, lon: number): (readonly [number, number])[] {
  const b = boxAround(lat, lon, OFF_SHAPE_KM);
  return [b.south, lat, b.north].flatMap((la) =>
    [b.west, lon, b.east].filter((lo) => la !== lat || lo !== lon).map((lo) => [la, lo] as const),
  );
}

/** A process as listed under a country: where its point lies, and whether it crosses a border. */
export interface PlacedProcess extends LocalProcess {
  /**
   * True for a process whose country names several (PA-X Local's "Mali/Niger") and whose point
   * lies in none of their loaded boundaries: it is listed under each country it names.
   */
  crossBorder: boolean;
  /**
   * True when boundaries are loaded for every country the process names and its point lies in
   * none of them (a coding slip such as a latitude repeated as the longitude): violence around
   * it is not counted, as around nowhere.
   */
  outsideCountry: boolean;
}

/**
 * Places one process: a compound country ("Mali/Niger") is decided by its coordinates where they
 * fall in one named country's loaded boundaries, admin-1 is filled from the boundaries where the
 * source gave none, and a point in none of its countries' loaded boundaries is marked. Returns
 * null when the process does not belong under `country` (its point lies in another country).
 */
export async function placeProcess(
  boundaries: BoundaryCache,
  p: LocalProcess,
  country?: string,
): Promise<PlacedProcess | null> {
  const named = countriesNamed(p.country);
  if (country !== undefined && p.country !== country && !named.includes(country)) return null;
  if (!hasUsableLocation(p)) return { ...p, crossBorder: named.length > 1, outsideCountry: false };
  const { home, allLoaded } = await boundaries.locate(p.latitude, p.longitude, named);
  if (home && country !== undefined && p.country !== country && home.country !== country) return null;
  const admin1 = !p.admin1 && home ? { admin1: home.admin1, admin1Source: 'boundaries' as const } : undefined;
  return {
    ...p,
    ...admin1,
    crossBorder: named.length > 1 && !home,
    outsideCountry: !home && allLoaded,
  };
}

/**
 * The stored processes listed under a country (all of them, each once, when none is named),
 * oldest first: those whose country is the one asked, and those whose compound country names it
 * and whose point lies in it or in none of its countries' loaded boundaries (cross-border). Ids
 * are the stored ones; a process is listed once per country whatever its name holds.
 */
export async function processesOfCountry(
  ctx: AppContext,
  filter: { country?: string; admin1?: string } = {},
  boundaries = new BoundaryCache(ctx),
): Promise<PlacedProcess[]> {
  const all = await findLocalProcesses(ctx.store.db);
  const out: PlacedProcess[] = [];
  for (const p of all) {
    if (filter.country !== undefined && p.country !== filter.country && !p.country.includes('/')) continue;
    const placed = await placeProcess(boundaries, p, filter.country);
    if (!placed) continue;
    if (filter.admin1 !== undefined && placed.admin1 !== filter.admin1) continue;
    out.push(placed);
  }
  return out;
}

/** The notes of the check on placement, in the language asked. */
export interface PlacementNotes {
  outside: (country: string, ids: string[]) => string;
  crossBorder: (ids: string[]) => string;
}

export const PLACEMENT_NOTES: Record<Language, PlacementNotes> = {
  en: {
    outside: (country, ids) =>
      `local processes whose coordinates lie outside the loaded boundaries of ${country} (usually a coding slip, such as a latitude repeated as the longitude), so events and deaths around them were not counted: ${ids.join(', ')}`,
    crossBorder: (ids) =>
      `cross-border local processes (their source names several countries, and their coordinates fall within the loaded boundaries of none of them), listed under each of those countries (count each once across countries): ${ids.join(', ')}`,
  },
  fr: withFrenchSpacing({
    outside: (country, ids) =>
      `processus locaux dont les coordonnées se trouvent hors des limites chargées de ${country} (le plus souvent une erreur de saisie, comme une latitude répétée en longitude), si bien que les événements et les morts alentour n’ont pas été comptés : ${ids.join(', ')}`,
    crossBorder: (ids) =>
      `processus locaux transfrontaliers (leur source nomme plusieurs pays et leurs coordonnées ne tombent dans les limites chargées d’aucun d’eux), listés sous chacun des pays nommés (à ne compter qu’une fois d’un pays à l’autre) : ${ids.join(', ')}`,
  }),
};

/**
 * Files a file's processes under the country and admin-1 area the store knows them by: the
 * country under the name its events use (storedCountry: one filed under "République
 * centrafricaine" or "RCA" would otherwise be in no list or check of the country), and admin-1
 * from the loaded boundaries where the source gave none (point in polygon), or under the
 * spelling the data knows where it gave a variant of one. A compound country
 * ("Mali/Niger") is looked for in each country it names; the name is kept whole.
 */
export async function placeInAreas(
  ctx: AppContext,
  records: readonly LocalProcess[],
): Promise<{ placed: LocalProcess[]; outside: string[]; admin1Doubts: string[] }> {
  const boundaries = new BoundaryCache(ctx);
  const placed: LocalProcess[] = [];
  const outside: string[] = [];
  const admin1Doubts: string[] = [];
  // Each country's stored name and known areas, read once for the file, not once per process.
  const countries = new Map<string, { name: string; areas: string[] }>();
  for (const written of records) {
    let country = countries.get(written.country);
    if (!country) {
      const name = await storedCountry(ctx.store, written.country);
      country = { name, areas: await knownAdmin1Areas(ctx.store.db, name) };
      countries.set(written.country, country);
    }
    const p = { ...written, country: country.name };
    if (p.admin1) {
      // A variant of an area the country's data knows ("ouaka", "Ouaka Prefecture") joins it.
      const admin1 = knownSpelling(p.admin1, country.areas);
      placed.push({ ...p, admin1 });
      // The file's area is kept, as the source's word; where the loaded boundaries put the point
      // elsewhere, or the country knows no such area, it is said (a probe filed Bria, the capital
      // of Haute-Kotto, under "Ouaka", and under "Préfecture imaginaire", without a word).
      const { home } = hasUsableLocation(p)
        ? await boundaries.locate(p.latitude, p.longitude, countriesNamed(p.country))
        : { home: undefined };
      const at = `${p.id} (${p.place || p.name})`;
      if (home && normalizeAreaName(home.admin1) !== normalizeAreaName(admin1)) {
        // Boundaries older than the area (Natural Earth's Mali has no Ménaka, carved out of Gao
        // in 2016) put its point in the area it was part of: said so, not as the file's slip.
        const drawn = (await boundaries.of(home.country)).some(
          (b) => normalizeAreaName(b.name) === normalizeAreaName(admin1),
        );
        admin1Doubts.push(
          drawn || !country.areas.includes(admin1)
            ? `${at}: the file says admin-1 "${p.admin1}", its point lies in ${home.admin1}`
            : `${at}: the file says admin-1 "${p.admin1}", which the loaded boundaries of ${home.country} do not draw (older boundaries?); there its point lies in ${home.admin1}. The process is kept under "${admin1}"`,
        );
      } else if (!home && country.areas.length && !country.areas.includes(admin1)) {
        const close = closeAreaNames(p.admin1, country.areas);
        admin1Doubts.push(
          `${at}: admin-1 "${p.admin1}" is none of the areas ${country.name}'s events or boundaries name${close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : ''}`,
        );
      }
      continue;
    }
    const named = countriesNamed(p.country);
    const { home } = await boundaries.locate(p.latitude, p.longitude, named);
    const loaded = [];
    for (const c of named) if ((await boundaries.of(c)).length) loaded.push(c);
    // A point in none of its country's loaded polygons is usually a coding slip (0,0; lat = lon).
    if (loaded.length && !home)
      outside.push(
        `${p.id} (${p.place || p.name}): ${p.latitude}, ${p.longitude} lies in no admin-1 area of ${loaded.join(' or ')}`,
      );
    placed.push(home ? { ...p, admin1: home.admin1, admin1Source: 'boundaries' } : p);
  }
  return { placed, outside, admin1Doubts };
}
