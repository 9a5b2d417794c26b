import { type Kysely, sql } from 'kysely';

// GED's own words for its two conflict types, which the reader keeps in `event_type`: what makes
// an event stored as 'battles' before this migration recoverable as the one or the other.
const RETYPED = [
  { eventType: 'state-based', violenceType: 'state-based-conflict' },
  { eventType: 'non-state', violenceType: 'non-state-conflict' },
];

/**
 * Categories right (issue 16.6). Two changes:
 *
 * 1. UCDP GED's state-based conflict (type 1) and non-state conflict (type 2) were both stored as
 *    'battles'. The GED type is kept in `event_type` ('state-based', 'non-state'), so stored events
 *    are re-typed from it, and their counts in `event_counts` and `actor_counts` move with them
 *    (`area_month_counts` holds no violence type). No re-import is needed.
 * 2. The actor register gains dated categories: an actor whose kind changes (mutineers becoming
 *    an armed opposition) has one row per period, and an event takes the category of its date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('actor_category_periods')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // YYYY-MM-DD; '' for a period open at that end (since ever, or still so).
    .addColumn('valid_from', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('valid_until', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('actor_category_periods_pk', ['actor', 'valid_from'] as never)
    .execute();
  for (const r of RETYPED) await retype(db as Kysely<AnyDb>, r.eventType, r.violenceType);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('actor_category_periods').execute();
  for (const r of RETYPED) await retype(db as Kysely<AnyDb>, r.eventType, 'battles', r.violenceType);
}

// This migration's own view of the tables it touches: migrations stay as they were written,
// whatever later code makes of the schema.
// biome-ignore lint/suspicious/noExplicitAny: a migration reads tables by name only.
type AnyDb = Record<string, any>;

const AREA_KEYS = ['country', 'admin1', 'admin2', 'month', 'actor_category'];
const AREA_MEASURES = [
  'events',
  'fatalities',
  'civilian_fatalities',
  'civilian_fatalities_known',
  'civilian_targeting_events',
  'civilian_targeting_derived_events',
];
const ACTOR_KEYS = ['country', 'admin1', 'actor', 'actor_category', 'role', 'month'];
const ACTOR_MEASURES = ['events', 'fatalities', 'civilian_fatalities', 'civilian_targeting_events'];

/** Moves the events of one GED type, and their counts, from violence type `from` to `to`. */
async function retype(db: Kysely<AnyDb>, eventType: string, to: string, from = 'battles'): Promise<void> {
  const moving = (q: Kysely<AnyDb>) =>
    q.selectFrom('events').where('violence_type', '=', from).where('event_type', '=', eventType);
  const measures = {
    events: sql<number>`count(*)`,
    fatalities: sql<number>`sum(fatalities)`,
    civilian_fatalities: sql<number>`sum(coalesce(civilian_fatalities, 0))`,
    civilian_fatalities_known: sql<number>`sum(case when civilian_fatalities is null then 0 else 1 end)`,
    civilian_targeting_events: sql<number>`sum(civilian_targeting)`,
    civilian_targeting_derived_events: sql<number>`sum(civilian_targeting * civilian_targeting_derived)`,
  };
  const area = await moving(db)
    .select([
      'country',
      'admin1',
      'admin2',
      'month',
      sql<string>`coalesce(actor1_category, '')`.as('actor_category'),
      ...Object.entries(measures).map(([k, v]) => v.as(k)),
    ])
    .groupBy(['country', 'admin1', 'admin2', 'month', sql`coalesce(actor1_category, '')`])
    .execute();
  if (!area.length) return;
  await move(db, 'event_counts', AREA_KEYS, AREA_MEASURES, area, from, to);
  for (const role of [1, 2]) {
    const actor = `actor${role}`;
    const rows = await moving(db)
      .where(actor, '!=', '')
      .select([
        'country',
        'admin1',
        sql.ref(actor).as('actor'),
        sql<string>`coalesce(${sql.ref(`${actor}_category`)}, '')`.as('actor_category'),
        sql<number>`${role}`.as('role'),
        'month',
        ...ACTOR_MEASURES.map((k) => measures[k as keyof typeof measures].as(k)),
      ])
      .groupBy(['country', 'admin1', actor, sql`coalesce(${sql.ref(`${actor}_category`)}, '')`, 'month'])
      .execute();
    await move(db, 'actor_counts', ACTOR_KEYS, ACTOR_MEASURES, rows, from, to);
  }
  await db
    .updateTable('events')
    .set({ violence_type: to })
    .where('violence_type', '=', from)
    .where('event_type', '=', eventType)
    .execute();
}

/** Takes each row's measures off its key under `from` and adds them to the key under `to`. */
async function move(
  db: Kysely<AnyDb>,
  table: string,
  keys: string[],
  measures: string[],
  rows: Record<string, unknown>[],
  from: string,
  to: string,
): Promise<void> {
  for (const r of rows) {
    const n = (k: string) => Number(r[k]);
    const key = Object.fromEntries(keys.map((k) => [k, k === 'role' ? Number(r[k]) : r[k]]));
    let take = db
      .updateTable(table)
      .set(Object.fromEntries(measures.map((m) => [m, sql`${sql.ref(m)} - ${n(m)}`])))
      .where('violence_type', '=', from);
    for (const k of keys) take = take.where(k, '=', key[k]);
    await take.execute();
    await db
      .insertInto(table)
      .values({ ...key, violence_type: to, ...Object.fromEntries(measures.map((m) => [m, n(m)])) })
      .onConflict((oc) =>
        oc
          .columns([...keys, 'violence_type'])
          .doUpdateSet(
            Object.fromEntries(measures.map((m) => [m, sql`${sql.table(table)}.${sql.ref(m)} + ${n(m)}`])),
          ),
      )
      .execute();
  }
  await db.deleteFrom(table).where('events', '=', 0).execute();
}
