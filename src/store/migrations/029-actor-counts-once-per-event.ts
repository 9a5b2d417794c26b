import { type Kysely, sql } from 'kysely';

/**
 * An event that names one actor on both sides (ACLED codes a clash within a group, or between two
 * militias of one community, so: 98 of South Sudan's 2,590 events) was counted twice in that
 * actor's rows of `actor_counts`, once per role, so every total over its roles (the actor list,
 * the actor page, the suggested actors) counted it twice. From now on role 2 counts the events
 * where the actor is second and not also first; this migration takes those events out of the
 * role-2 rows already stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{
    country: string;
    admin1: string;
    actor: string;
    category: string;
    month: string;
    violence_type: string;
    events: number;
    fatalities: number;
    civilian_fatalities: number;
    civilian_targeting_events: number;
  }>`
    SELECT country, admin1, actor2 AS actor, coalesce(actor2_category, '') AS category, month, violence_type,
      count(*) AS events, sum(fatalities) AS fatalities,
      sum(coalesce(civilian_fatalities, 0)) AS civilian_fatalities,
      sum(CASE WHEN civilian_targeting = 1 THEN 1 ELSE 0 END) AS civilian_targeting_events
    FROM events WHERE actor2 <> '' AND actor1 = actor2
    GROUP BY country, admin1, actor2, coalesce(actor2_category, ''), month, violence_type`.execute(db);
  for (const r of rows) {
    await sql`
      UPDATE actor_counts SET events = events - ${Number(r.events)},
        fatalities = fatalities - ${Number(r.fatalities)},
        civilian_fatalities = civilian_fatalities - ${Number(r.civilian_fatalities)},
        civilian_targeting_events = civilian_targeting_events - ${Number(r.civilian_targeting_events)}
      WHERE role = 2 AND country = ${r.country} AND admin1 = ${r.admin1} AND actor = ${r.actor}
        AND actor_category = ${r.category} AND month = ${r.month} AND violence_type = ${r.violence_type}`.execute(
      db,
    );
  }
  await sql`DELETE FROM actor_counts WHERE events = 0`.execute(db);
}

/** Puts the events back into the role-2 rows (recreating a row that the migration emptied). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO actor_counts (country, admin1, actor, actor_category, role, month, violence_type,
      events, fatalities, civilian_fatalities, civilian_targeting_events)
    SELECT country, admin1, actor2, coalesce(actor2_category, ''), 2, month, violence_type,
      count(*), sum(fatalities), sum(coalesce(civilian_fatalities, 0)),
      sum(CASE WHEN civilian_targeting = 1 THEN 1 ELSE 0 END)
    FROM events WHERE actor2 <> '' AND actor1 = actor2
    GROUP BY country, admin1, actor2, coalesce(actor2_category, ''), month, violence_type
    ON CONFLICT (country, admin1, actor, actor_category, role, month, violence_type) DO UPDATE SET
      events = actor_counts.events + excluded.events,
      fatalities = actor_counts.fatalities + excluded.fatalities,
      civilian_fatalities = actor_counts.civilian_fatalities + excluded.civilian_fatalities,
      civilian_targeting_events = actor_counts.civilian_targeting_events + excluded.civilian_targeting_events`.execute(
    db,
  );
}
