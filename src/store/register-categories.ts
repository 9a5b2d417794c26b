import { type Kysely, sql } from 'kysely';
import { CountAccumulator } from './count-accumulator.ts';
import { countedFromStored } from './counted-event.ts';
import { STORED_KEY_COLUMNS, type StoredEventKeys } from './event-columns.ts';
import { raiseEventsRevision } from './events-revision.ts';
import type { Database } from './schema.ts';

// The register is keyed by name across countries, and whether a government's forces are the host
// state's or a foreign force depends on the country of the event: those two categories stay with
// the importer, which knows it. Every other category means the same wherever the actor fights.
const COUNTRY_BOUND = ['state-forces', 'external-forces'];

/**
 * Gives events whose source names an actor but no category for it (GED's one-sided and non-state
 * violence) the category the actor register holds, UCDP's own coding once `tandem actors load` has
 * read its actor list, and moves their counts in the aggregate tables with them, so the map's
 * perpetrator filter, `summary --by actor-category` and the brief's charts agree with the
 * perpetrator tables. Runs inside the caller's transaction; returns how many events changed.
 */
export async function applyRegisterCategories(db: Kysely<Database>): Promise<number> {
  const coded = (db: Kysely<Database>) =>
    db
      .selectFrom('actors')
      .select('name')
      .where('category', 'is not', null)
      .where('category', 'not in', COUNTRY_BOUND);
  const rows = (await db
    .selectFrom('events as e')
    .leftJoin('actors as r1', 'r1.name', 'e.actor1')
    .leftJoin('actors as r2', 'r2.name', 'e.actor2')
    .select([
      ...STORED_KEY_COLUMNS.map((c) => `e.${c}` as const),
      'r1.category as register1',
      'r2.category as register2',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('e.actor1_category', 'is', null), eb('e.actor1', 'in', coded(db))]),
        eb.and([eb('e.actor2_category', 'is', null), eb('e.actor2', 'in', coded(db))]),
      ]),
    )
    .execute()) as (StoredEventKeys & { register1: string | null; register2: string | null })[];
  if (!rows.length) return 0;
  const counts = new CountAccumulator();
  const usable = (c: string | null) => (c && !COUNTRY_BOUND.includes(c) ? c : null);
  for (const r of rows) {
    const was = countedFromStored(r);
    counts.add(was, -1);
    counts.add(
      {
        ...was,
        actor1Category: was.actor1Category ?? usable(r.register1),
        actor2Category: was.actor2Category ?? usable(r.register2),
      },
      1,
    );
  }
  for (const side of ['actor1', 'actor2'] as const) {
    const category = `${side}_category` as const;
    await db
      .updateTable('events')
      .set({
        [category]: sql<string>`(select category from actors where actors.name = events.${sql.ref(side)})`,
      })
      .where(category, 'is', null)
      .where(side, 'in', coded(db))
      .execute();
  }
  await counts.flush(db);
  await raiseEventsRevision(db);
  return rows.length;
}
