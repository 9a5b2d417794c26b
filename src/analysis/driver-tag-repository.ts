import type { Kysely, Selectable } from 'kysely';
import type { AnalystUnit, DriverConfirmation, DriverDispute, DriverTag } from '../domain/driver.ts';
import type { Database } from '../store/schema.ts';

/** What an analyst says when tagging: a driver on one event, or on an area. */
export interface NewDriverTag {
  driver: string;
  eventId: number | null;
  country: string;
  admin1: string;
  analyst: string;
  unit: AnalystUnit;
  note: string;
  at: string;
}

export async function insertDriverTag(db: Kysely<Database>, t: NewDriverTag): Promise<number> {
  const r = await db
    .insertInto('driver_tags')
    .values({
      driver: t.driver,
      event_id: t.eventId,
      country: t.country,
      admin1: t.admin1,
      analyst: t.analyst,
      unit: t.unit,
      note: t.note,
      created_at: t.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/**
 * Adds (or, for the same analyst, replaces) a confirmation of a tag; the analyst's dispute of it,
 * if any, goes: one person does not both stand behind a tag and dispute it.
 */
export async function upsertConfirmation(
  db: Kysely<Database>,
  tagId: number,
  c: DriverConfirmation,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const table of ['driver_tag_confirmations', 'driver_tag_disputes'] as const)
      await tx.deleteFrom(table).where('tag_id', '=', tagId).where('analyst', '=', c.analyst).execute();
    await tx
      .insertInto('driver_tag_confirmations')
      .values({ tag_id: tagId, analyst: c.analyst, unit: c.unit, at: c.at })
      .execute();
  });
}

/** Adds (or, for the same analyst, replaces) a dispute of a tag; their confirmation, if any, goes. */
export async function upsertDispute(db: Kysely<Database>, tagId: number, d: DriverDispute): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const table of ['driver_tag_confirmations', 'driver_tag_disputes'] as const)
      await tx.deleteFrom(table).where('tag_id', '=', tagId).where('analyst', '=', d.analyst).execute();
    await tx
      .insertInto('driver_tag_disputes')
      .values({ tag_id: tagId, analyst: d.analyst, unit: d.unit, reason: d.reason, at: d.at })
      .execute();
  });
}

/** Marks a tag withdrawn, with when and why: it stays in the store and counts nowhere. */
export async function withdrawDriverTag(
  db: Kysely<Database>,
  tagId: number,
  w: { reason: string; at: string },
): Promise<void> {
  await db
    .updateTable('driver_tags')
    .set({ withdrawn_at: w.at, withdrawn_reason: w.reason })
    .where('id', '=', tagId)
    .execute();
}

export interface DriverTagFilter {
  ids?: readonly number[];
  country?: string;
  admin1?: string;
  driver?: string;
  eventIds?: readonly number[];
}

/** Tags that stand (not withdrawn) with their confirmations and disputes, oldest first. */
export async function findDriverTags(db: Kysely<Database>, f: DriverTagFilter = {}): Promise<DriverTag[]> {
  let q = db.selectFrom('driver_tags').selectAll().where('withdrawn_at', 'is', null).orderBy('id');
  if (f.ids) q = q.where('id', 'in', f.ids.length ? [...f.ids] : [-1]);
  if (f.country !== undefined) q = q.where('country', '=', f.country);
  if (f.admin1 !== undefined) q = q.where('admin1', '=', f.admin1);
  if (f.driver !== undefined) q = q.where('driver', '=', f.driver);
  if (f.eventIds) q = q.where('event_id', 'in', f.eventIds.length ? [...f.eventIds] : [-1]);
  const tags = await q.execute();
  if (!tags.length) return [];
  const ids = tags.map((t) => Number(t.id));
  const confirmationsOf = groupByTag(
    await rowsOfTags(db, 'driver_tag_confirmations', ids),
    (c): DriverConfirmation => ({ analyst: c.analyst, unit: c.unit as AnalystUnit, at: c.at }),
  );
  const disputesOf = groupByTag(
    await rowsOfTags(db, 'driver_tag_disputes', ids),
    (d): DriverDispute => ({ analyst: d.analyst, unit: d.unit as AnalystUnit, reason: d.reason, at: d.at }),
  );
  return tags.map((t) => ({
    id: Number(t.id),
    driver: t.driver,
    eventId: t.event_id === null ? null : Number(t.event_id),
    country: t.country,
    admin1: t.admin1,
    analyst: t.analyst,
    unit: t.unit as AnalystUnit,
    note: t.note,
    createdAt: t.created_at,
    confirmations: confirmationsOf.get(Number(t.id)) ?? [],
    disputes: disputesOf.get(Number(t.id)) ?? [],
  }));
}

/** The rows of a table of the tags `ids` (their confirmations or their disputes), oldest first. */
function rowsOfTags<T extends 'driver_tag_confirmations' | 'driver_tag_disputes'>(
  db: Kysely<Database>,
  table: T,
  ids: number[],
) {
  return db
    .selectFrom(table as 'driver_tag_disputes')
    .selectAll()
    .where('tag_id', 'in', ids)
    .orderBy('at')
    .orderBy('analyst')
    .execute() as Promise<Selectable<Database[T]>[]>;
}

function groupByTag<R extends { tag_id: number }, V>(rows: R[], value: (r: R) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const r of rows) {
    const list = out.get(Number(r.tag_id)) ?? [];
    list.push(value(r));
    out.set(Number(r.tag_id), list);
  }
  return out;
}
