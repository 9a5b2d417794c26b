import { FieldError } from '../domain/field-error.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { type ApiRequestOptions, requestJson, type SourceWording, sourceFailure } from './api-request.ts';

/** UCDP's API unless UCDP_API_URL names another (a test stand-in on loopback). */
export const UCDP_DEFAULT_BASE = 'https://ucdpapi.pcr.uu.se';

/** Events per page asked of UCDP (its largest). */
export const UCDP_PAGE_SIZE = 1000;

export const UCDP_WORDING: SourceWording = {
  name: 'UCDP',
  credentials: 'check UCDP_API_TOKEN (the token UCDP sent you; ask for one at https://ucdp.uu.se/apidocs/)',
  access: 'ask UCDP (see https://ucdp.uu.se/apidocs/) to renew the token',
  quota: "wait for the day's quota to renew (UCDP allows 5,000 requests a day per token)",
};

/** GED versions: yearly `25.1`, quarterly `25.0.3`-style and monthly candidate `25.0.11`. */
const VERSION = /^\d{1,2}\.\d{1,2}(\.\d{1,2})?$/;

export function assertUcdpVersion(version: string): string {
  if (!VERSION.test(version)) {
    throw new FieldError(
      'version',
      (n) =>
        `${n('version')}: "${version}" is not a GED version; expected a yearly release such as 25.1 or a candidate such as 25.0.11`,
    );
  }
  return version;
}

/** Whether a version is a yearly release (`25.1`), which replaces the candidate events it covers. */
export function isYearlyVersion(version: string): boolean {
  return /^\d{1,2}\.1$/.test(version);
}

/** The last day a yearly release covers: GED 25.1 runs to the end of 2024. */
export function yearlyCoverageEnd(version: string): string {
  return `${2000 + Number(version.split('.')[0]) - 1}-12-31`;
}

/**
 * The yearly release to pull when none is named: GED YY.1 appears around June of 20YY, so from
 * July the year's own, before it the year before's.
 */
export function defaultUcdpVersion(now = new Date()): string {
  const year = now.getUTCFullYear() - 2000;
  return `${now.getUTCMonth() >= 6 ? year : year - 1}.1`;
}

export interface UcdpPage {
  page: number;
  rows: unknown[];
  /** What the first page said the whole answer holds (TotalCount). */
  total: number | null;
}

/**
 * A client of UCDP's API: GED events of one country and version, page by page, following
 * `NextPageUrl` until it is empty. The token goes in the `x-ucdp-access-token` header, and only to
 * the configured API: a next page naming another host is fetched from this one.
 */
export class UcdpApi {
  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly options: ApiRequestOptions = {},
  ) {
    this.base = base.replace(/\/+$/, '');
  }

  async *eventPages(version: string, gwno: number): AsyncGenerator<UcdpPage> {
    let url = `${this.base}/api/gedevents/${encodeURIComponent(version)}?pagesize=${UCDP_PAGE_SIZE}&Country=${gwno}`;
    const seen = new Set<string>();
    let fullPage = 0;
    for (let page = 1; ; page++) {
      seen.add(url);
      const what = `page ${page} of GED ${version} events`;
      const body = (await requestJson(
        UCDP_WORDING,
        {
          what,
          url,
          check: (b) => resultCheck(b, fullPage),
          init: { headers: { 'x-ucdp-access-token': this.token, accept: 'application/json' } },
        },
        this.options,
      )) as { TotalCount?: unknown; NextPageUrl?: unknown; Result?: unknown };
      if (!body || typeof body !== 'object' || !Array.isArray(body.Result)) {
        throw sourceFailure(
          `UCDP: ${what} is not UCDP's answer (expected {"TotalCount","TotalPages","NextPageUrl","Result":[…]}); check UCDP_API_URL`,
        );
      }
      const total = Number(body.TotalCount);
      fullPage = Math.max(fullPage, body.Result.length);
      yield { page, rows: body.Result, total: Number.isFinite(total) ? total : null };
      const next = typeof body.NextPageUrl === 'string' ? body.NextPageUrl.trim() : '';
      if (!next) return;
      url = this.onThisApi(next);
      if (seen.has(url)) throw sourceFailure(`UCDP: ${what} points back to a page already read (${next})`);
    }
  }

  /** A next-page address, fetched from the configured API whatever host it names. */
  private onThisApi(next: string): string {
    const u = new URL(next, `${this.base}/`);
    return `${this.base}${u.pathname}${u.search}`;
  }
}

/**
 * A page that holds fewer events than the pages before it while yet another page follows was cut
 * short (only the last page may be short). The whole answer's count is checked by the caller.
 */
function resultCheck(body: unknown, fullPage: number): string | null {
  const o = body as { Result?: unknown; NextPageUrl?: unknown };
  if (!o || typeof o !== 'object' || !Array.isArray(o.Result)) return null;
  const more = typeof o.NextPageUrl === 'string' && o.NextPageUrl.trim() !== '';
  if (more && (o.Result.length === 0 || o.Result.length < fullPage)) {
    return `${o.Result.length} events where the pages before held ${fullPage}, and another page follows`;
  }
  return null;
}

/** Refuses an empty token before anything is sent. */
export function assertUcdpToken(token: string | undefined): string {
  if (!token) {
    throw new TandemError(
      'bad-input',
      'UCDP needs credentials: set UCDP_API_TOKEN (the token UCDP sent you; ask for one at https://ucdp.uu.se/apidocs/), or run the pull at a terminal to be asked',
    );
  }
  return token;
}
