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
      find = shapeFinder(shapes);
      this.finders.set(country, find);
    }
    return shapes[find(latitude, longitude)]?.name ?? '';
  }
}
