import { type Kysely, sql } from 'kysely';
import { categoryOfName } from '../domain/actor-category.ts';
import { type ActorCategoryPeriod, latestPeriod } from '../domain/actor-category-period.ts';
import { readCategoryPeriods } from '../store/category-periods.ts';
import type { Database } from '../store/schema.ts';
import { getOrAdd } from './get-or-add.ts';

// Whether a government's forces are the host state's or an outside force depends on the country:
// these two categories hold where the source gave them, not wherever else the actor is named.
const COUNTRY_BOUND = new Set(['state-forces', 'external-forces']);

/**
 * What an actor is by its own record. The counts of an actor named beside a side (ACLED's
 * associated actors: `actor_counts` roles 3 and 4) carry no category, since the side's is not its
 * own (Wagner Group acting with Mali's army is not Mali's state force); the same actor's category
 * is read from the store instead:
 *
 * 1. its dated categories (`tandem actors periods`), the period holding in the month;
 * 2. its own events in the country, as actor 1 or 2: the category most of them carry;
 * 3. its own events elsewhere: a category that means the same in every country (a rebel group, a
 *    militia); a state's forces, or an outside force, named elsewhere and never here, are an
 *    outside force here (ACLED's "external/other forces": a state's forces outside their country);
 * 4. the register (an actor list's coding; its state flag);
 * 5. its name, where it says what the actor is (categoryOfName: "Military Forces of Rwanda
 *    (2000-)" acting with M23 in the DR Congo is an outside force).
 *
 * Otherwise the actor stays without a category ('').
 */
export interface OwnCategories {
  /** The actor's category in `country` (in `month`, YYYY-MM, when given), or ''. */
  of(actor: string, country: string, month?: string): string;
}

const CHUNK = 500;

/** Reads what the store says of `actors` (see OwnCategories): a few queries, whatever the store's size. */
export async function readOwnCategories(
  db: Kysely<Database>,
  actors: Iterable<string>,
): Promise<OwnCategories> {
  const names = [...new Set(actors)].filter((a) => a !== '').sort();
  // actor → country → category → events as actor 1 or 2.
  const records = new Map<string, Map<string, Map<string, number>>>();
  const register = new Map<string, { category: string | null; isState: boolean }>();
  const periods = new Map<string, ActorCategoryPeriod[]>();
  for (let i = 0; i < names.length; i += CHUNK) {
    const chunk = names.slice(i, i + CHUNK);
    const counted = await db
      .selectFrom('actor_counts')
      .select(['actor', 'country', 'actor_category', sql<number>`sum(events)`.as('events')])
      // Every country of the store (its small roll-up), so that the key (country, actor, role)
      // is sought rather than the whole table read.
      .where('country', 'in', (eb) => eb.selectFrom('country_counts').select('country').distinct())
      .where('actor', 'in', chunk)
      .where('role', 'in', [1, 2])
      .where('actor_category', '<>', '')
      .groupBy(['actor', 'country', 'actor_category'])
      .execute();
    for (const r of counted) {
      const byCategory = getOrAdd(
        getOrAdd(records, r.actor, () => new Map<string, Map<string, number>>()),
        r.country,
        () => new Map<string, number>(),
      );
      byCategory.set(r.actor_category, (byCategory.get(r.actor_category) ?? 0) + Number(r.events));
    }
    for (const r of await db
      .selectFrom('actors')
      .select(['name', 'category', 'is_state'])
      .where('name', 'in', chunk)
      .execute())
      register.set(r.name, { category: r.category, isState: Number(r.is_state) === 1 });
    for (const [actor, own] of await readCategoryPeriods(db, chunk)) periods.set(actor, own);
  }
  return {
    of(actor, country, month) {
      const dated = periods.get(actor);
      if (dated?.length) {
        if (month === undefined) return latestPeriod(dated)!.category;
        const held = dated.find((p) => holdsInMonth(p, month));
        if (held) return held.category;
      }
      const byCountry = records.get(actor);
      const here = byCountry?.get(country);
      if (here?.size) return mostEvents(here);
      const elsewhere = new Map<string, number>();
      let bound = false;
      for (const [c, byCategory] of byCountry ?? [])
        if (c !== country)
          for (const [category, n] of byCategory) {
            if (COUNTRY_BOUND.has(category)) bound = true;
            else elsewhere.set(category, (elsewhere.get(category) ?? 0) + n);
          }
      if (elsewhere.size) return mostEvents(elsewhere);
      if (bound) return 'external-forces';
      // A dated actor outside its periods has no register category of its own for the month.
      if (dated?.length) return '';
      const r = register.get(actor);
      if (r?.category) return r.category;
      if (r?.isState) return 'state-forces';
      return categoryOfName(actor, country) ?? '';
    },
  };
}

/** Whether the period holds on some day of `month` (YYYY-MM); the earliest such period decides. */
function holdsInMonth(p: ActorCategoryPeriod, month: string): boolean {
  return (p.from === '' || p.from <= `${month}-31`) && (p.until === '' || p.until >= `${month}-01`);
}

/** The category with the most events; ties by name, so the answer does not depend on row order. */
function mostEvents(byCategory: ReadonlyMap<string, number>): string {
  return [...byCategory].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
