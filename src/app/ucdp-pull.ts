import { clearanceOf } from '../domain/sensitivity.ts';
import { gedApiRows } from '../sources/api-event-rows.ts';
import { type ApiRequestOptions, apiBase, failureStatus, sourceFailure } from '../sources/api-request.ts';
import { gleditschWard } from '../sources/gleditsch-ward.ts';
import {
  assertUcdpToken,
  assertUcdpVersion,
  defaultUcdpVersion,
  isYearlyVersion,
  UCDP_DEFAULT_BASE,
  UcdpApi,
  yearlyCoverageEnd,
} from '../sources/ucdp-api.ts';
import { eventIdsOfImports, pullImportIds, recordSourcePull } from '../store/source-pull-repository.ts';
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

export interface UcdpPullInput {
  country: string;
  version?: string;
}

/**
 * Pulls a country's GED events of one version from UCDP's API as one import. A release does not
 * change once out and UCDP's API has no "changed since" filter, so every pull reads the version
 * whole, and a second pull of it finds every event unchanged. Pulling a yearly release (25.1)
 * takes out the candidate events (25.0.x) of the same country that it covers (dates to the end of
 * 2024) and does not carry: the yearly release replaces them. Nothing is written until every page
 * has come, and the pages must add up to the count UCDP announced.
 */
export async function pullUcdp(
  ctx: AppContext,
  input: UcdpPullInput,
  options: ApiRequestOptions = {},
): Promise<PullResult> {
  const gwno = gleditschWard(input.country);
  if (input.version) return pullVersion(ctx, input.country, gwno, assertUcdpVersion(input.version), options);
  // The latest yearly release, or the year before's while this year's is not out yet.
  const latest = defaultUcdpVersion();
  try {
    return await pullVersion(ctx, input.country, gwno, latest, options, false);
  } catch (e) {
    if (failureStatus(e) !== 404) throw e;
    return pullVersion(ctx, input.country, gwno, `${Number(latest.split('.')[0]) - 1}.1`, options);
  }
}

async function pullVersion(
  ctx: AppContext,
  country: string,
  gwno: number,
  version: string,
  options: ApiRequestOptions,
  /** Whether a failure is recorded for the Import page (not for a probe of a release not yet out). */
  recordFailures = true,
): Promise<PullResult> {
  const input = { country };
  const path = `ucdp:country=${input.country},version=${version}`;
  const record: PullRecord = {
    source: 'ucdp',
    query_key: `ucdp|${gwno}|${version}`,
    country: input.country,
    parameters: JSON.stringify({ country: input.country, gwno, version }),
    started_at: new Date().toISOString(),
    requested_by: ctx.requester.name,
    cursor: null,
    deleted_cursor: null,
  };
  try {
    const base = apiBase('UCDP_API_URL', UCDP_DEFAULT_BASE);
    const api = new UcdpApi(base, assertUcdpToken(process.env.UCDP_API_TOKEN), options);
    const pages = new PulledPages(path, gedApiRows(path), await storedAreaSpellings(ctx.store.db));
    let announced: number | null = null;
    for await (const page of api.eventPages(version, gwno)) {
      if (page.page === 1) announced = page.total;
      pages.add(page.page, page.rows);
    }
    if (announced !== null && pages.rows < announced) {
      throw sourceFailure(
        `UCDP sent ${pages.rows.toLocaleString('en-US')} of the ${announced.toLocaleString('en-US')} events it announced (TotalCount): a page came back short; try again later`,
      );
    }
    if (pages.rows === 0) {
      throw sourceFailure(
        `UCDP sent no GED ${version} events for ${input.country} (Gleditsch–Ward ${gwno}): check the version exists (yearly such as 25.1, candidate such as 25.0.11) and covers the country`,
      );
    }
    const candidates = isYearlyVersion(version)
      ? await pullImportIds(
          ctx.store.db,
          'ucdp',
          (p) => p.gwno === gwno && !isYearlyVersion(String(p.version)),
        )
      : [];
    return await writePull(ctx.store, {
      path,
      format: 'ucdp',
      pages,
      clearance: clearanceOf(ctx.requester.roles),
      remove: async (imp) => {
        if (!candidates.length) return 0;
        const stale = (
          await eventIdsOfImports(imp.db, 'ucdp', candidates, yearlyCoverageEnd(version))
        ).filter((id) => !pages.ids.has(id));
        return imp.removeEvents('ucdp', stale);
      },
      record: (imp, file, importId) =>
        recordSourcePull(imp.db, succeeded(record, file, importId)).then(() => {}),
    });
  } catch (e) {
    if (recordFailures || failureStatus(e) !== 404) await recordFailure(ctx, record, e);
    throw e;
  }
}
