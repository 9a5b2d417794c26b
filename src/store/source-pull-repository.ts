import type { Kysely } from 'kysely';
import type { Database, SourcePullTable } from './schema.ts';

export type SourcePullRow = Omit<SourcePullTable, 'id'> & { id: number };
export type NewSourcePull = Omit<SourcePullTable, 'id'>;

/** Records one pull, succeeded or failed (a failed one has no import and its error). */
export async function recordSourcePull(db: Kysely<Database>, pull: NewSourcePull): Promise<number> {
  const { id } = await db.insertInto('source_pulls').values(pull).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** The last successful pull of a query: where the next one starts. */
export async function lastSuccessfulPull(
  db: Kysely<Database>,
  source: string,
  queryKey: string,
): Promise<SourcePullRow | undefined> {
  const row = await db
    .selectFrom('source_pulls')
    .selectAll()
    .where('source', '=', source)
    .where('query_key', '=', queryKey)
    .where('status', '=', 'ok')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : undefined;
}

/**
 * The highest deletion time any successful pull of a source has seen: deletions are the source's
 * as a whole, not a query's, so every pull starts from the latest.
 */
export async function latestDeletedCursor(db: Kysely<Database>, source: string): Promise<string | null> {
  const rows = await db
    .selectFrom('source_pulls')
    .select('deleted_cursor')
    .where('source', '=', source)
    .where('status', '=', 'ok')
    .where('deleted_cursor', 'is not', null)
    .execute();
  let best: number | null = null;
  for (const r of rows) {
    const n = Number(r.deleted_cursor);
    if (Number.isFinite(n) && (best === null || n > best)) best = n;
  }
  return best === null ? null : String(best);
}

/** The import ids of a source's successful pulls whose parameters `keep` accepts (UCDP's candidate pulls). */
export async function pullImportIds(
  db: Kysely<Database>,
  source: string,
  keep: (parameters: Record<string, unknown>) => boolean,
): Promise<number[]> {
  const rows = await db
    .selectFrom('source_pulls')
    .select(['import_id', 'parameters'])
    .where('source', '=', source)
    .where('status', '=', 'ok')
    .where('import_id', 'is not', null)
    .execute();
  return rows.filter((r) => keep(JSON.parse(r.parameters))).map((r) => Number(r.import_id));
}

/** Every query's latest pull (`status` ok or failed), or its latest successful one, newest first. */
export async function latestPulls(db: Kysely<Database>, onlyOk = false): Promise<SourcePullRow[]> {
  let latest = db
    .selectFrom('source_pulls')
    .select((eb) => eb.fn.max('id').as('id'))
    .groupBy(['source', 'query_key']);
  if (onlyOk) latest = latest.where('status', '=', 'ok');
  const rows = await db
    .selectFrom('source_pulls')
    .selectAll()
    .where('id', 'in', latest)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The source ids of a source's events last written by the given imports, dated up to `until`. */
export async function eventIdsOfImports(
  db: Kysely<Database>,
  source: string,
  importIds: readonly number[],
  until: string,
): Promise<string[]> {
  if (!importIds.length) return [];
  const rows = await db
    .selectFrom('events')
    .select('source_event_id')
    .where('source', '=', source)
    .where('import_id', 'in', [...importIds])
    .where('date_start', '<=', until)
    .execute();
  return rows.map((r) => r.source_event_id);
}

/** When a source's pulls of a country were last tried (succeeded or failed), or null. */
export async function lastAttemptAt(
  db: Kysely<Database>,
  source: string,
  country: string,
): Promise<string | null> {
  const last = await db
    .selectFrom('source_pulls')
    .select('finished_at')
    .where('source', '=', source)
    .where('country', '=', country)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.finished_at ?? null;
}
