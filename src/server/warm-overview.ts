import type { Hono } from 'hono';
import type { Requester } from '../app/operation.ts';
import type { Store } from '../app/store-connection.ts';
import { listUserAccounts } from '../app/user-accounts.ts';
import { clearanceOf, ROLE_CLEARANCE } from '../domain/sensitivity.ts';
import { IN_PROCESS_REQUESTER } from './sign-in.ts';

export interface WarmOverviewOptions {
  log?: (line: string) => void;
  /**
   * For whom to warm, once the store has accounts: answers are cached per clearance, so one
   * requester for each clearance the accounts hold. Empty or absent: as an anonymous visitor (a
   * store without accounts, where every visitor is the same).
   */
  requesters?: () => Promise<Requester[]>;
}

/**
 * The reads the overview page makes on a first visit to the default country (the first one the
 * status lists), in the order the page makes them. They must be the very URLs the page asks for
 * (web/index.html and overview-page.tsx: the twelve months up to the last month with data), or the
 * warm answers are never used.
 */
export function overviewPaths(country: string, lastMonth: string): string[] {
  const [y, m] = lastMonth.split('-').map(Number);
  const day = (year: number, month: number, d: number) =>
    new Date(Date.UTC(year, month, d)).toISOString().slice(0, 10);
  const q = new URLSearchParams({ country }).toString();
  const period = `${q}&from=${day(y, m - 12, 1)}&to=${day(y, m, 0)}`;
  return [
    `/api/areas?${period}`,
    `/api/areas/events?${period}&limit=2000&shape=points`,
    `/api/areas/trend?${q}`,
    `/api/alerts?${period}`,
  ];
}

/**
 * Fills the server's response cache with the overview's first reads, so that the first person to
 * open the workbench after it starts does not wait for the store's cold queries (the analysis of a
 * large store takes a fraction of a second). Runs through the app itself, so the answers are the
 * ones a browser would get; a person who asks meanwhile shares the computation under way. Failures
 * are logged, never thrown: the page asks again and shows the error itself.
 */
export async function warmOverview(app: Hono, options: WarmOverviewOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  try {
    const requesters = (await options.requesters?.()) ?? [];
    for (const requester of requesters.length ? requesters : [undefined]) {
      const env = requester ? { [IN_PROCESS_REQUESTER]: requester } : undefined;
      const res = await app.request('/api/status', undefined, env);
      if (!res.ok) return log(`tandem: warming the overview: /api/status answered HTTP ${res.status}`);
      const status = (await res.json()) as { countries?: { country: string; last: string | null }[] };
      const first = status.countries?.[0];
      if (!first?.last) return;
      for (const path of overviewPaths(first.country, first.last)) {
        const r = await app.request(path, undefined, env);
        await r.arrayBuffer();
        if (!r.ok) log(`tandem: warming ${path}: HTTP ${r.status}`);
      }
      const who = requester ? ` for ${requester.name}` : '';
      log(`tandem: overview of ${first.country} ready${who} in ${Math.round(performance.now() - t0)} ms`);
    }
  } catch (e) {
    log(`tandem: warming the overview failed: ${(e as Error).message}`);
  }
}

/**
 * Whom the start-up warming acts for: nobody in particular while the store has no accounts; once
 * it has, one stand-in for each clearance its accounts hold, with a role of that clearance and a
 * name that tells the access log the server itself did the reading.
 */
export async function warmingRequesters(store: Store): Promise<Requester[]> {
  const clearances = new Set((await listUserAccounts(store)).map((a) => clearanceOf(a.roles)));
  return [...clearances].map((clearance) => {
    const role = Object.keys(ROLE_CLEARANCE).find((r) => ROLE_CLEARANCE[r] === clearance) ?? 'viewer';
    return { name: `tandem start-up (overview for ${clearance} clearance)`, roles: [role] };
  });
}
