import { type Kysely, sql } from 'kysely';
import type { ActorCategory } from '../domain/actor-category.ts';
import { type ActorCategoryPeriod, categoryOn, latestPeriod } from '../domain/actor-category-period.ts';
import { CountAccumulator } from './count-accumulator.ts';
import { countedFromStored } from './counted-event.ts';
import { STORED_KEY_COLUMNS, type StoredEventKeys } from './event-columns.ts';
import { raiseEventsRevision } from './events-revision.ts';
import type { Database } from './schema.ts';

/** The register's dated categories, by actor (every actor when `actors` is not given). */
export async function readCategoryPeriods(
  db: Kysely<Database>,
  actors?: readonly string[],
): Promise<Map<string, ActorCategoryPeriod[]>> {
  let q = db.selectFrom('actor_category_periods').selectAll().orderBy('actor').orderBy('valid_from');
  if (actors) {
    if (!actors.length) return new Map();
    q = q.where('actor', 'in', actors);
  }
  const byActor = new Map<string, ActorCategoryPeriod[]>();
  for (const r of await q.execute()) {
    const p: ActorCategoryPeriod = {
      actor: r.actor,
      category: r.category as ActorCategory,
      from: r.valid_from,
      until: r.valid_until,
      note: r.note,
    };
    byActor.set(r.actor, [...(byActor.get(r.actor) ?? []), p]);
  }
  return byActor;
}

/**
 * Replaces the dated categories of every actor named in `periods` with those periods, then gives
 * their events the category of their date (applyCategoryPeriods). Runs inside the caller's
 * transaction; returns how many events changed category.
 */
export async function replaceCategoryPeriods(
  db: Kysely<Database>,
  periods: readonly ActorCategoryPeriod[],
): Promise<number> {
  const actors = [...new Set(periods.map((p) => p.actor))];
  if (!actors.length) return 0;
  await db.deleteFrom('actor_category_periods').where('actor', 'in', actors).execute();
  await db
    .insertInto('actor_category_periods')
    .values(
      periods.map((p) => ({
        actor: p.actor,
        category: p.category,
        valid_from: p.from,
        valid_until: p.until,
        note: p.note,
      })),
    )
    .execute();
  // Register rows for actors not yet seen in events, so the register lists them.
  await db
    .insertInto('actors')
    .values(actors.map((name) => ({ name, category: null, is_state: 0, aliases: '' })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return applyCategoryPeriods(db, actors);
}

/**
 * Gives each event of an actor with dated categories the category of its first day, on whichever
 * side the actor stands, and moves the event's counts in the aggregate tables with it, so the
 * state-forces share, the perpetrator tables, the threats and the summaries all read the category
 * of the period. The register's own category and state flag become the actor's latest period's:
 * an importer that saw the actor as a state force earlier does not make it one for good. Events
 * outside every period keep the source's category. Runs inside the caller's transaction (every
 * import ends with it); returns how many events changed.
 */
export async function applyCategoryPeriods(
  db: Kysely<Database>,
  actors?: readonly string[],
): Promise<number> {
  const periods = await readCategoryPeriods(db, actors);
  if (!periods.size) return 0;
  const names = [...periods.keys()];
  for (const [name, own] of periods) {
    const latest = latestPeriod(own)!;
    await db
      .updateTable('actors')
      .set({ category: latest.category, is_state: latest.category === 'state-forces' ? 1 : 0 })
      .where('name', '=', name)
      .execute();
  }
  const rows = (await db
    .selectFrom('events')
    .select([...STORED_KEY_COLUMNS, 'date_start'])
    .where((eb) => eb.or([eb('actor1', 'in', names), eb('actor2', 'in', names)]))
    .execute()) as (StoredEventKeys & { date_start: string })[];
  const counts = new CountAccumulator();
  const changes = new Map<string, number[]>();
  let changed = 0;
  for (const r of rows) {
    const was = countedFromStored(r);
    const on = (actor: string, current: string | null) => {
      const own = periods.get(actor);
      return (own && categoryOn(own, r.date_start)) ?? current;
    };
    const actor1Category = on(r.actor1, r.actor1_category);
    const actor2Category = on(r.actor2, r.actor2_category);
    if (actor1Category === r.actor1_category && actor2Category === r.actor2_category) continue;
    changed++;
    counts.add(was, -1);
    counts.add({ ...was, actor1Category, actor2Category }, 1);
    const key = JSON.stringify([actor1Category, actor2Category]);
    changes.set(key, [...(changes.get(key) ?? []), Number(r.id)]);
  }
  for (const [key, ids] of changes) {
    const [actor1Category, actor2Category] = JSON.parse(key) as [string | null, string | null];
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable('events')
        .set({ actor1_category: actor1Category, actor2_category: actor2Category })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }
  if (changed) {
    await counts.flush(db);
    await raiseEventsRevision(db);
  }
  return changed;
}

/** Whether an actor's category in the register comes from dated periods (SQL, for register reads). */
export const HAS_PERIODS = sql<boolean>`exists (select 1 from actor_category_periods p where p.actor = actors.name)`;
