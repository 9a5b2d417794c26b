import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Each country's admin-1 polygons, under the names the store gives its areas, each geometry as
 * the GeoJSON text stored: parsed only where a row needs it (Admin1ByPoint), so an import whose
 * rows all name their area pays for a read and a copy to the reading thread, not a parse.
 */
export type Admin1Shapes = Record<string, readonly { name: string; geometry: string }[]>;

/** Every country's loaded admin-1 polygons (`tandem areas load`), by country. */
export async function storedAdmin1Shapes(db: Kysely<Database>, country?: string): Promise<Admin1Shapes> {
  let q = db
    .selectFrom('areas')
    .select(['country', 'admin1', 'geometry'])
    .where('admin2', '=', '')
    .where('geometry', 'is not', null);
  if (country !== undefined) q = q.where('country', '=', country);
  const out: Record<string, { name: string; geometry: string }[]> = {};
  for (const r of await q.execute()) {
    if (!Object.hasOwn(out, r.country)) out[r.country] = [];
    out[r.country]!.push({ name: r.admin1, geometry: r.geometry as string });
  }
  return out;
}
