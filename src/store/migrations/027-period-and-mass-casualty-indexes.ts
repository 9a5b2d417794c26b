import { type Kysely, sql } from 'kysely';

/**
 * Two changes for the workbench's questions on a large store:
 * - an index of the events with at least 100 deaths (MASS_CASUALTY_DEATHS in
 *   analysis/fatality-alerts.ts): the death alerts ask for them in every area and month, which
 *   without it read every event of the country (4 s on a store of a million). It holds a handful
 *   of rows and an import keeps it current at no measurable cost, so bulk loads leave it in place;
 * - the period indexes of a country and of an area carry the violence type and the perpetrator's
 *   category after the date, so the event list's filters are checked in the index: riots by state
 *   forces over 17 months read every row of the period before (1.1 s), a fraction after.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX events_mass_casualty ON events (country, admin1, month) WHERE fatalities >= 100`.execute(
    db,
  );
  await sql`DROP INDEX IF EXISTS events_country_date`.execute(db);
  await sql`CREATE INDEX events_country_date ON events (country, date_start, violence_type, actor1_category)`.execute(
    db,
  );
  await sql`DROP INDEX IF EXISTS events_area_date`.execute(db);
  await sql`CREATE INDEX events_area_date ON events (country, admin1, date_start, violence_type, actor1_category)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX events_mass_casualty`.execute(db);
  await sql`DROP INDEX events_country_date`.execute(db);
  await sql`CREATE INDEX events_country_date ON events (country, date_start)`.execute(db);
  await sql`DROP INDEX events_area_date`.execute(db);
  await sql`CREATE INDEX events_area_date ON events (country, admin1, date_start)`.execute(db);
}
