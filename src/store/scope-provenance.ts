import { type Kysely, sql } from 'kysely';
import { SENSITIVITY_LEVELS, type Sensitivity, sensitivityRank } from '../domain/sensitivity.ts';
import { applyEventFilter, type EventFilter } from './event-repository.ts';
import type { Database } from './schema.ts';

/** Where the records of a scope come from, and the most sensitive of them. */
export interface ScopeProvenance {
  /** The sources present (acled, ucdp, mission, hxl, demo), in no particular order. */
  sources: string[];
  /** The highest sensitivity among the records; `public` when there are none. */
  sensitivity: Sensitivity;
}

/**
 * The sources and the highest sensitivity of the events in a scope (country, admin1, period): what
 * a brief of that scope must cite and how it must be marked. Neither is read from every event of
 * the scope (a second or more on a large store): the store's sources are found by seeking the
 * index on source and id from one source to the next, and each is then looked for in the scope,
 * stopping at its first event; the levels above public come from the index that holds only
 * non-public events (migration 014).
 */
export async function scopeProvenance(
  db: Kysely<Database>,
  filter: Pick<EventFilter, 'country' | 'admin1' | 'from' | 'to'>,
): Promise<ScopeProvenance> {
  const sources: string[] = [];
  for (const source of await storeSources(db)) {
    const one = await applyEventFilter(db.selectFrom('events').select('id'), filter)
      .where('source', '=', source)
      .limit(1)
      .executeTakeFirst();
    if (one) sources.push(source);
  }
  // Both conditions on the level: the literal lets the planner see that the index of non-public
  // events applies, the list lets it seek that index by level and country (a period would otherwise
  // lead it to walk the period's events by date and read each).
  const levels = await applyEventFilter(db.selectFrom('events').select('sensitivity'), filter)
    .where(sql<boolean>`sensitivity <> ${sql.lit('public')}`)
    .where(
      'sensitivity',
      'in',
      SENSITIVITY_LEVELS.filter((l) => l !== 'public'),
    )
    .distinct()
    .execute();
  let rank = 0;
  for (const r of levels) rank = Math.max(rank, sensitivityRank(r.sensitivity));
  return { sources, sensitivity: SENSITIVITY_LEVELS[rank] };
}

/**
 * Every source the store holds events of, one index seek each (a skip scan written out: the next
 * source is the least one above the last), rather than a pass over the whole index.
 */
async function storeSources(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ source: string }>`
    WITH RECURSIVE found(source) AS (
      SELECT min(source) FROM events
      UNION ALL
      SELECT (SELECT min(e.source) FROM events e WHERE e.source > found.source)
      FROM found WHERE found.source IS NOT NULL
    )
    SELECT source FROM found WHERE source IS NOT NULL`.execute(db);
  return rows.map((r) => r.source);
}
