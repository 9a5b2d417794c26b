import type { Kysely } from 'kysely';
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
 * The sources and the highest sensitivity of the events in a scope (country, admin1, period), in
 * one grouped query: what a brief of that scope must cite and how it must be marked.
 */
export async function scopeProvenance(db: Kysely<Database>, filter: EventFilter): Promise<ScopeProvenance> {
  const rows = await applyEventFilter(db.selectFrom('events').select(['source', 'sensitivity']), filter)
    .groupBy(['source', 'sensitivity'])
    .execute();
  let rank = 0;
  for (const r of rows) rank = Math.max(rank, sensitivityRank(r.sensitivity));
  return { sources: [...new Set(rows.map((r) => r.source))], sensitivity: SENSITIVITY_LEVELS[rank] };
}
