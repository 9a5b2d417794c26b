import type { Kysely } from 'kysely';
import { Admin1ByPoint, pointPlacesArea } from '../analysis/admin1-by-point.ts';
import { storedAdmin1Shapes } from '../store/admin1-shapes.ts';
import { CountAccumulator } from '../store/count-accumulator.ts';
import { countedFromStored } from '../store/counted-event.ts';
import {
  COL,
  contentHash,
  EVENT_COLUMNS,
  type EventValues,
  type StoredEventKeys,
} from '../store/event-columns.ts';
import { raiseEventsRevision } from '../store/events-revision.ts';
import type { Database } from '../store/schema.ts';

/**
 * Gives the stored events of a country that name no admin-1 area, but give a point precise enough
 * to tell (pointPlacesArea), the area of
 * the loaded polygon that holds the point (a partner's sheet imported before the country's
 * boundaries, its areas given only as p-codes), as an import after the boundaries does while
 * reading (prepareRows). Their content hash is made again from their new values, so importing
 * the same file again finds them unchanged, and the aggregates move with them. Runs inside the
 * caller's transaction; returns how many events were placed.
 */
export async function placeEventsByPoint(db: Kysely<Database>, country: string): Promise<number> {
  const byPoint = new Admin1ByPoint(await storedAdmin1Shapes(db, country));
  const rows = (await db
    .selectFrom('events')
    .select(['id', ...EVENT_COLUMNS])
    .where('country', '=', country)
    .where('admin1', '=', '')
    .where('latitude', 'is not', null)
    .where('longitude', 'is not', null)
    .execute()) as unknown as (Record<(typeof EVENT_COLUMNS)[number], string | number | null> & {
    id: number;
  })[];
  const counts = new CountAccumulator();
  let placed = 0;
  for (const r of rows) {
    const precision = r.geo_precision === null ? null : Number(r.geo_precision);
    if (!pointPlacesArea(String(r.source), precision)) continue;
    const admin1 = byPoint.of(country, Number(r.latitude), Number(r.longitude));
    if (!admin1) continue;
    const values: EventValues = EVENT_COLUMNS.map((c) => r[c]);
    values[COL.admin1] = admin1;
    const hash = contentHash(values);
    const was = countedFromStored({ ...r, id: Number(r.id) } as unknown as StoredEventKeys);
    counts.add(was, -1);
    counts.add({ ...was, admin1 }, 1);
    await db.updateTable('events').set({ admin1, content_hash: hash }).where('id', '=', r.id).execute();
    placed++;
  }
  if (placed) {
    await counts.flush(db);
    await raiseEventsRevision(db);
  }
  return placed;
}
