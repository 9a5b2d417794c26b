import { type Kysely, sql } from 'kysely';

/**
 * A roll-up of event_counts by country, month, violence type and perpetrator category, without the
 * areas, kept current at import time too. A country's monthly series (the overview's trend chart,
 * the brief's breakdowns by type and category) summed every area and district row of event_counts:
 * 23,000 rows for a country of 600,000 events in 10 provinces, and a row per district besides where
 * the source names districts (ACLED's admin-2). This table holds one row per month, type and
 * category.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let t = db.schema
    .createTable('country_counts')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('violence_type', 'text', (c) => c.notNull())
    .addColumn('actor_category', 'text', (c) => c.notNull());
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
    .addPrimaryKeyConstraint('country_counts_pk', [
      'country',
      'month',
      'violence_type',
      'actor_category',
    ] as never)
    .execute();
  await sql`
    INSERT INTO country_counts
    SELECT country, month, violence_type, actor_category, sum(events), sum(fatalities),
      sum(civilian_fatalities), sum(civilian_fatalities_known), sum(civilian_targeting_events),
      sum(civilian_targeting_derived_events)
    FROM event_counts GROUP BY country, month, violence_type, actor_category
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('country_counts').execute();
}
