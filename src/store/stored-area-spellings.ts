import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Where an admin-2 area's spelling is kept apart: its country and admin-1 area (AreaSpellings' scope). */
export const admin2Scope = (country: string, admin1: string): string => `${country}\u0001${admin1}`;

/**
 * The admin-1 spellings the store holds, as (country, name), and its admin-2 spellings, as
 * (admin2Scope(country, admin1), name); the most used first (then by name, so the order is the same
 * each time): where one area is stored under two spellings already, new events take the one most
 * of its events have (AreaSpellings).
 */
export async function storedAreaSpellings(db: Kysely<Database>): Promise<[string, string][]> {
  const rows = await db
    .selectFrom('area_month_counts')
    .select((eb) => ['country', 'admin1', 'admin2', eb.fn.sum<number>('events').as('n')])
    .where('admin1', '<>', '')
    .groupBy(['country', 'admin1', 'admin2'])
    .execute();
  const admin1 = new Map<string, { country: string; name: string; n: number }>();
  const admin2: { scope: string; name: string; n: number }[] = [];
  for (const r of rows) {
    const n = Number(r.n);
    const key = `${r.country}\u0000${r.admin1}`;
    const a = admin1.get(key);
    if (a) a.n += n;
    else admin1.set(key, { country: r.country, name: r.admin1, n });
    if (r.admin2) admin2.push({ scope: admin2Scope(r.country, r.admin1), name: r.admin2, n });
  }
  const order = (x: { name: string; n: number }, y: { name: string; n: number }) =>
    y.n - x.n || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  return [
    ...[...admin1.values()].sort(order).map((a): [string, string] => [a.country, a.name]),
    ...admin2.sort(order).map((a): [string, string] => [a.scope, a.name]),
  ];
}
