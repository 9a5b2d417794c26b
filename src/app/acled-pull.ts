import { clearanceOf } from '../domain/sensitivity.ts';
import {
  ACLED_DEFAULT_BASE,
  AcledApi,
  type AcledDeletions,
  assertAcledCredentials,
} from '../sources/acled-api.ts';
import { acledApiRows } from '../sources/api-event-rows.ts';
import { type ApiRequestOptions, apiBase, sourceFailure } from '../sources/api-request.ts';
import {
  lastSuccessfulPull,
  latestDeletedCursor,
  recordSourcePull,
} from '../store/source-pull-repository.ts';
import { storedAreaSpellings } from '../store/stored-area-spellings.ts';
import type { AppContext } from './operation.ts';
import {
  PulledPages,
  type PullRecord,
  type PullResult,
  recordFailure,
  succeeded,
  writePull,
} from './source-pull.ts';

export interface AcledPullInput {
  country: string;
  from?: string;
  to?: string;
}

/** The query's name in `imports.path` and in messages: the source and what was asked. */
export function acledPullPath(input: AcledPullInput): string {
  const parts = [`country=${input.country}`];
  if (input.from) parts.push(`from=${input.from}`);
  if (input.to) parts.push(`to=${input.to}`);
  return `acled:${parts.join(',')}`;
}

/**
 * Pulls a country's ACLED events into the store as one import. The first pull of a query asks for
 * every event (in the period, if given); a later one only for events added or changed since the
 * last successful pull (`timestamp`, the highest one that pull saw). ACLED's deletions since the
 * last seen are taken out of the store and the aggregates in the same transaction. Nothing is
 * written until every page has come: a refusal, a quota, a server error, a page that never comes,
 * or no events where a first pull expects some fails the pull whole, and is recorded as failed.
 */
export async function pullAcled(
  ctx: AppContext,
  input: AcledPullInput,
  options: ApiRequestOptions = {},
): Promise<PullResult> {
  const path = acledPullPath(input);
  const queryKey = `acled|${input.country}|${input.from ?? ''}|${input.to ?? ''}`;
  const db = ctx.store.db;
  const last = await lastSuccessfulPull(db, 'acled', queryKey);
  const deletedSince = (await latestDeletedCursor(db, 'acled')) ?? '0';
  const record: PullRecord = {
    source: 'acled',
    query_key: queryKey,
    country: input.country,
    parameters: JSON.stringify({ country: input.country, from: input.from ?? null, to: input.to ?? null }),
    started_at: new Date().toISOString(),
    requested_by: ctx.requester.name,
    cursor: last?.cursor ?? null,
    deleted_cursor: deletedSince,
  };
  try {
    const base = apiBase('ACLED_API_URL', ACLED_DEFAULT_BASE);
    const credentials = assertAcledCredentials({
      username: process.env.ACLED_USERNAME,
      password: process.env.ACLED_PASSWORD,
    });
    const api = new AcledApi(base, credentials, options);
    const pages = new PulledPages(path, acledApiRows(path), await storedAreaSpellings(ctx.store.db));
    let latest = Number(last?.cursor ?? Number.NaN);
    /** Each pulled event's own time (ACLED's `timestamp`: when it was added or last changed). */
    const changedAt = new Map<string, number>();
    for await (const page of api.eventPages({ ...input, since: last?.cursor ?? undefined })) {
      pages.add(page.page, page.rows);
      for (const row of page.rows) {
        const r = row as { timestamp?: unknown; event_id_cnty?: unknown } | null;
        const t = Number(r?.timestamp);
        if (Number.isFinite(t) && !(t <= latest)) latest = t;
        if (Number.isFinite(t) && r?.event_id_cnty != null) changedAt.set(String(r.event_id_cnty).trim(), t);
      }
    }
    if (!last && pages.rows === 0) {
      const period =
        input.from || input.to ? ` from ${input.from ?? 'the start'} to ${input.to ?? 'today'}` : '';
      throw sourceFailure(
        `ACLED sent no events for "${input.country}"${period}: check the country's name as ACLED writes it (e.g. "South Sudan", "Democratic Republic of Congo") and the dates`,
      );
    }
    const deletions = await api.deletions(deletedSince);
    // Where the next pull starts: the newest change seen, else the last start, else this pull's.
    if (!Number.isFinite(latest)) latest = Math.floor(Date.parse(record.started_at) / 1000);
    const result = await writePull(ctx.store, {
      path,
      format: 'acled',
      pages,
      clearance: clearanceOf(ctx.requester.roles),
      remove: (imp) => imp.removeEvents('acled', deletionsToApply(deletions, deletedSince, changedAt)),
      record: async (imp, file, importId) => {
        await recordSourcePull(
          imp.db,
          succeeded(
            {
              ...record,
              cursor: String(latest),
              deleted_cursor: maxOf(deletedSince, deletions.latest),
            },
            file,
            importId,
          ),
        );
      },
    });
    if (!deletions.offered) {
      result.warnings = [
        `ACLED offers no deletion list at ${base}/api/deleted/read (HTTP 404): events ACLED deleted were not taken out`,
      ];
    }
    return result;
  } catch (e) {
    await recordFailure(ctx, record, e);
    throw e;
  }
}

/**
 * The deletions a pull applies. Not one an earlier pull applied already (at or before the last
 * deletion it saw: the list is asked for from that time on, so it comes back each time), nor one
 * older than the event as this pull received it: ACLED deleted the event and later published it
 * again, and the event stands. Without both, an event deleted and published again was taken out
 * by every pull, each saying it had imported it and deleted it.
 */
function deletionsToApply(
  deletions: AcledDeletions,
  deletedSince: string,
  changedAt: ReadonlyMap<string, number>,
): string[] {
  const applied = Number(deletedSince);
  return deletions.ids.filter((id, i) => {
    const at = deletions.at[i]!;
    if (applied > 0 && at <= applied) return false;
    const changed = changedAt.get(id);
    return !(changed !== undefined && at < changed);
  });
}

function maxOf(a: string, b: string | null): string {
  return b !== null && Number(b) > Number(a) ? b : a;
}
