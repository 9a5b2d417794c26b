import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The admin-1 spellings the store holds, as (country, name), the most used first (then by name, so
 * the order is the same each time): where one area is stored under two spellings already, new
 * events take the one most of its events have (AreaSpellings).
 */
export async function storedAreaSpellings(db: Kysely<Database>): Promise<[string, string][]> {
  const rows = await db
    .selectFrom('event_counts')
    .select((eb) => ['country', 'admin1', eb.fn.sum<number>('events').as('n')])
    .where('admin1', '<>', '')
    .groupBy(['country', 'admin1'])
    .orderBy('n', 'desc')
    .orderBy('admin1')
    .execute();
  return rows.map((r) => [r.country, r.admin1]);
}
