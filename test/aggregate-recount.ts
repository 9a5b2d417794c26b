import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { isPeopleGroup } from '../src/domain/people-groups.ts';
import type { Store } from '../src/store/store.ts';

/**
 * The aggregate tables recounted from scratch: whatever changed the events (an import, an actor
 * list, an incident's edit), every count table must hold exactly what a GROUP BY over the `events`
 * table gives. The queries are written from what each table means (schema.ts, event-summary.ts),
 * not from how the store tallies.
 */

// Each aggregate table: its key columns and its measures, and the same rows recounted from events.
// An event's category in event_counts is its first actor's ('' when the source gives none); an
// actor's row in actor_counts is one per role it played (1 = actor1, 2 = actor2 and not actor1, 3 =
// acting with actor1 and named in no role before, 4 = acting with actor2 and likewise), for named
// actors, an associated actor without a category.
// The measures of the three tables that count events by place and time, and how each is recounted.
export const EVENT_MEASURES = [
  'events',
  'fatalities',
  'civilian_fatalities',
  'civilian_fatalities_known',
  'civilian_targeting_events',
  'civilian_targeting_derived_events',
] as const;
const EVENT_MEASURES_RECOUNT = `count(*) AS events, sum(fatalities) AS fatalities,
        sum(coalesce(civilian_fatalities, 0)) AS civilian_fatalities,
        count(civilian_fatalities) AS civilian_fatalities_known,
        sum(CASE WHEN civilian_targeting = 1 THEN 1 ELSE 0 END) AS civilian_targeting_events,
        sum(CASE WHEN civilian_targeting = 1 AND civilian_targeting_derived = 1 THEN 1 ELSE 0 END)
          AS civilian_targeting_derived_events`;

const ORACLE = {
  event_counts: {
    keys: ['country', 'admin1', 'admin2', 'month', 'violence_type', 'actor_category'],
    measures: EVENT_MEASURES,
    recount: `
      SELECT country, admin1, admin2, month, violence_type, coalesce(actor1_category, '') AS actor_category,
        ${EVENT_MEASURES_RECOUNT}
      FROM events
      GROUP BY country, admin1, admin2, month, violence_type, coalesce(actor1_category, '')`,
  },
  area_month_counts: {
    keys: ['country', 'admin1', 'admin2', 'month'],
    measures: EVENT_MEASURES,
    recount: `
      SELECT country, admin1, admin2, month,
        ${EVENT_MEASURES_RECOUNT}
      FROM events
      GROUP BY country, admin1, admin2, month`,
  },
  country_counts: {
    keys: ['country', 'month', 'violence_type', 'actor_category'],
    measures: EVENT_MEASURES,
    recount: `
      SELECT country, month, violence_type, coalesce(actor1_category, '') AS actor_category,
        ${EVENT_MEASURES_RECOUNT}
      FROM events
      GROUP BY country, month, violence_type, coalesce(actor1_category, '')`,
  },
  actor_counts: {
    keys: ['country', 'admin1', 'actor', 'actor_category', 'role', 'month', 'violence_type'],
    measures: ['events', 'fatalities', 'civilian_fatalities', 'civilian_targeting_events'],
    recount: `
      SELECT country, admin1, actor, actor_category, role, month, violence_type,
        count(*) AS events, sum(fatalities) AS fatalities,
        sum(coalesce(civilian_fatalities, 0)) AS civilian_fatalities,
        sum(CASE WHEN civilian_targeting = 1 THEN 1 ELSE 0 END) AS civilian_targeting_events
      FROM (
        SELECT country, admin1, actor1 AS actor, coalesce(actor1_category, '') AS actor_category, 1 AS role,
          month, violence_type, fatalities, civilian_fatalities, civilian_targeting
        FROM events WHERE actor1 <> ''
        UNION ALL
        SELECT country, admin1, actor2, coalesce(actor2_category, ''), 2,
          month, violence_type, fatalities, civilian_fatalities, civilian_targeting
        FROM events WHERE actor2 <> '' AND actor2 <> actor1
      ) AS roles
      GROUP BY country, admin1, actor, actor_category, role, month, violence_type`,
  },
} as const;

export type Table = keyof typeof ORACLE;
type Row = (string | number)[];

/** A table's rows as sorted tuples (keys as text, role and measures as numbers), comparable across dialects. */
async function rows(store: Store, table: Table, query: string): Promise<Row[]> {
  const { keys, measures } = ORACLE[table];
  const r = await sql<Record<string, unknown>>`${sql.raw(query)}`.execute(store.db);
  return r.rows
    .map((x) => [
      ...keys.map((k) => (k === 'role' ? Number(x[k]) : String(x[k]))),
      ...measures.map((m) => Number(x[m])),
    ])
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** Each count table (or those of `tables`: a store as it was before a migration has fewer). */
export async function assertAggregatesMatchEvents(
  store: Store,
  step: string,
  tables: readonly Table[] = Object.keys(ORACLE) as Table[],
): Promise<void> {
  for (const table of tables) {
    const { keys, measures } = ORACLE[table];
    const stored = await rows(store, table, `SELECT ${[...keys, ...measures].join(', ')} FROM ${table}`);
    const recounted = await rows(store, table, ORACLE[table].recount);
    if (table === 'actor_counts') {
      recounted.push(...(await associatedRows(store)));
      recounted.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    }
    assert.deepEqual(
      stored,
      recounted,
      `${table} after ${step}: stored (actual) vs recounted from events (expected)`,
    );
  }
}

/**
 * The actor_counts rows of the actors acting with a side (roles 3 and 4), recounted in code from
 * the events (the lists are '; '-joined text, which the two dialects split differently). None
 * where the store predates the columns (a migration test's older schema).
 */
async function associatedRows(store: Store): Promise<Row[]> {
  const tables = await store.db.introspection.getTables();
  const events = tables.find((t) => t.name === 'events');
  if (!events?.columns.some((c) => c.name === 'actor1_associated')) return [];
  const r = await sql<Record<string, unknown>>`
    SELECT country, admin1, actor1, actor2, actor1_associated,
      actor2_associated, month, violence_type, fatalities, civilian_fatalities, civilian_targeting
    FROM events WHERE actor1_associated <> '' OR actor2_associated <> ''`.execute(store.db);
  const sums = new Map<string, Row>();
  for (const e of r.rows) {
    const named = [String(e.actor1), String(e.actor2)];
    for (const [list, role] of [
      [e.actor1_associated, 3],
      [e.actor2_associated, 4],
    ] as const) {
      for (const actor of String(list)
        .split('; ')
        .filter((n) => n && !isPeopleGroup(n))) {
        if (named.includes(actor)) continue;
        named.push(actor);
        const key = [
          String(e.country),
          String(e.admin1),
          actor,
          '',
          role,
          String(e.month),
          String(e.violence_type),
        ];
        const k = JSON.stringify(key);
        const row = sums.get(k) ?? [...key, 0, 0, 0, 0];
        row[7] = Number(row[7]) + 1;
        row[8] = Number(row[8]) + Number(e.fatalities);
        row[9] = Number(row[9]) + Number(e.civilian_fatalities ?? 0);
        row[10] = Number(row[10]) + (Number(e.civilian_targeting) === 1 ? 1 : 0);
        sums.set(k, row);
      }
    }
  }
  return [...sums.values()];
}
