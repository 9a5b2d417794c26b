import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

/** Where an event can be found again outside Tandem: its source, and the source's own id for it. */
export interface SourceId {
  source: string;
  sourceEventId: string;
}

/** Ids per statement: well under either dialect's limit on bound parameters. */
const PER_QUERY = 500;

/**
 * The source ids of the store's events given by their store ids, keyed by store id in ascending
 * order (so the output does not depend on the order rows come back in). Ids the store does not
 * hold are left out.
 */
export async function readSourceIds(
  db: Kysely<Database>,
  ids: Iterable<number>,
): Promise<Record<string, SourceId>> {
  const wanted = [...new Set(ids)].sort((a, b) => a - b);
  const found = new Map<number, SourceId>();
  for (let i = 0; i < wanted.length; i += PER_QUERY) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'source', 'source_event_id'])
      .where('id', 'in', wanted.slice(i, i + PER_QUERY))
      .execute();
    for (const r of rows) found.set(Number(r.id), { source: r.source, sourceEventId: r.source_event_id });
  }
  const out: Record<string, SourceId> = {};
  for (const id of wanted) {
    const s = found.get(id);
    if (s) out[String(id)] = s;
  }
  return out;
}
