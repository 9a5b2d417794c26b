import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

type Geometry = { type: string; coordinates: unknown };

/** Each country's admin-1 polygons, under the names the store gives its areas. */
export type Admin1Shapes = Record<string, readonly { name: string; geometry: Geometry }[]>;

/** Every country's loaded admin-1 polygons (`tandem areas load`), by country. */
export async function storedAdmin1Shapes(db: Kysely<Database>, country?: string): Promise<Admin1Shapes> {
  let q = db
    .selectFrom('areas')
    .select(['country', 'admin1', 'geometry'])
    .where('admin2', '=', '')
    .where('geometry', 'is not', null);
  if (country !== undefined) q = q.where('country', '=', country);
  const out: Record<string, { name: string; geometry: Geometry }[]> = {};
  for (const r of await q.execute()) {
    if (!Object.hasOwn(out, r.country)) out[r.country] = [];
    out[r.country]!.push({ name: r.admin1, geometry: JSON.parse(r.geometry as string) });
  }
  return out;
}
