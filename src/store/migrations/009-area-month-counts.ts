import { type Kysely, sql } from 'kysely';

/**
 * A roll-up of event_counts by area and month only, kept current at import time too: summaries
 * by area or period read a table a few thousand rows long instead of one split by violence type
 * and perpetrator category.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let t = db.schema
    .createTable('area_month_counts')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text', (c) => c.notNull())
    .addColumn('admin2', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull());
  for (const c of [
    'events',
    'fatalities',
    'civilian_fatalities',
    'civilian_fatalities_known',
    'civilian_targeting_events',
    'civilian_targeting_derived_events',
  ]) {
    t = t.addColumn(c, 'bigint', (d) => d.notNull());
  }
  await t
    .addPrimaryKeyConstraint('area_month_counts_pk', ['country', 'month', 'admin1', 'admin2'] as never)
    .execute();
  await sql`
    INSERT INTO area_month_counts
    SELECT country, admin1, admin2, month, sum(events), sum(fatalities), sum(civilian_fatalities),
      sum(civilian_fatalities_known), sum(civilian_targeting_events), sum(civilian_targeting_derived_events)
    FROM event_counts GROUP BY country, admin1, admin2, month
  `.execute(db);
}
