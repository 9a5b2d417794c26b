import type { Admin1Shapes } from '../store/admin1-shapes.ts';
import { shapeFinder } from './point-in-area.ts';

/**
 * The admin-1 area of an event that names none but gives its point: a partner's sheet with only
 * p-codes (#adm1+code) or no area column at all, whose rows would otherwise be counted under no
 * area. The area is the loaded polygon of the event's country that holds the point; '' when no
 * polygon of that country is loaded or none holds it.
 */
export class Admin1ByPoint {
  private readonly finders = new Map<string, (lat: number, lon: number) => number>();

  constructor(private readonly shapes: Admin1Shapes) {}

  of(country: string, latitude: number, longitude: number): string {
    const shapes = Object.hasOwn(this.shapes, country) ? this.shapes[country] : undefined;
    if (!shapes?.length) return '';
    let find = this.finders.get(country);
    if (!find) {
      find = shapeFinder(shapes.map((s) => ({ geometry: JSON.parse(s.geometry) })));
      this.finders.set(country, find);
    }
    return shapes[find(latitude, longitude)]?.name ?? '';
  }
}

/**
 * Whether an event's point is precise enough to say which admin-1 area it lies in. A point given
 * with no precision (a partner's sheet) is taken as given. GED's where_prec 1–4 place it (exact,
 * within 25 km, an admin-2 or admin-1 unit); 5–7 do not (a line or an area drawn across units,
 * the country, international waters): CAR's GED events without adm_1 are all 5 or 6, their points
 * a centroid that would file them under whichever area holds it. Other sources' codes are ACLED's,
 * where 3 is "a larger region" and does not place it either.
 */
export function pointPlacesArea(source: string, geoPrecision: number | null): boolean {
  if (geoPrecision === null) return true;
  return source === 'ucdp' ? geoPrecision <= 4 : geoPrecision <= 2;
}
