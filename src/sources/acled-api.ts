import { createHash } from 'node:crypto';
import { TandemError } from '../domain/tandem-error.ts';
import {
  type ApiRequestOptions,
  failureStatus,
  quotaWords,
  requestJson,
  type SourceWording,
  sourceFailure,
} from './api-request.ts';

/** ACLED's API unless ACLED_API_URL names another (a test stand-in on loopback). */
export const ACLED_DEFAULT_BASE = 'https://acleddata.com';

/** Rows ACLED sends per page at most; a page with fewer is the last. */
export const ACLED_PAGE_SIZE = 5000;

export const ACLED_WORDING: SourceWording = {
  name: 'ACLED',
  credentials: 'check ACLED_USERNAME and ACLED_PASSWORD (the email and password of your myACLED account)',
  access: 'ask ACLED (access@acleddata.com) to renew the account or grant it API access',
  quota: 'wait for the quota to renew, or ask ACLED (access@acleddata.com) to raise it',
};

export interface AcledCredentials {
  username: string;
  password: string;
}

/** What one pull asks for: a country, optionally a period, optionally only what changed since. */
export interface AcledQuery {
  country: string;
  /** YYYY-MM-DD; with `to`, sent as `event_date=from|to&event_date_where=BETWEEN`. */
  from?: string;
  to?: string;
  /** ACLED `timestamp`: only events added or changed at or after this Unix time. */
  since?: string;
}

/** One page of ACLED's answer: its number and its rows as sent (every field a string). */
export interface AcledPage {
  page: number;
  rows: unknown[];
}

interface Tokens {
  access: string;
  refresh: string | null;
  /** When the access token expires (ms since the epoch), a minute early. */
  expiresAt: number;
}

// Tokens live in memory only, per API and account: a server pulling every week refreshes its
// token instead of sending the password again, and nothing is ever written down.
const tokens = new Map<string, Tokens>();

/**
 * A client of ACLED's API (2025 onwards): OAuth password grant for an access token (24 h) and a
 * refresh token, events read page by page, deletions since a time. Credentials are held only by
 * this object and sent only to the token endpoint; tokens only in memory.
 */
export class AcledApi {
  private readonly key: string;

  constructor(
    private readonly base: string,
    private readonly credentials: AcledCredentials,
    private readonly options: ApiRequestOptions = {},
  ) {
    this.base = base.replace(/\/+$/, '');
    // A changed password is a new sign-in: a token held for the old one is not reused.
    const secret = createHash('sha256').update(credentials.password).digest('hex');
    this.key = `${this.base}\u0000${credentials.username}\u0000${secret}`;
  }

  /** An access token: the one held while it lasts, else a refreshed one, else a new sign-in. */
  private async accessToken(): Promise<string> {
    const held = tokens.get(this.key);
    if (held && held.expiresAt > Date.now()) return held.access;
    if (held?.refresh) {
      try {
        return await this.grant({
          grant_type: 'refresh_token',
          refresh_token: held.refresh,
          client_id: 'acled',
        });
      } catch {
        // A refresh token expires too (14 days): sign in again with the password.
      }
    }
    return this.grant({
      grant_type: 'password',
      client_id: 'acled',
      username: this.credentials.username,
      password: this.credentials.password,
    });
  }

  private async grant(form: Record<string, string>): Promise<string> {
    tokens.delete(this.key);
    const body = (await requestJson(
      ACLED_WORDING,
      {
        what: 'the sign-in (oauth/token)',
        url: `${this.base}/oauth/token`,
        signIn: true,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: new URLSearchParams(form).toString(),
        },
      },
      this.options,
    )) as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
    if (typeof body?.access_token !== 'string' || !body.access_token) {
      throw sourceFailure(
        'ACLED: the sign-in answered without an access token; check ACLED_API_URL points at ACLED',
      );
    }
    const seconds = Number(body.expires_in);
    tokens.set(this.key, {
      access: body.access_token,
      refresh: typeof body.refresh_token === 'string' ? body.refresh_token : null,
      expiresAt: Date.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds : 86_400) * 1000 - 60_000,
    });
    return body.access_token;
  }

  /** A GET with the bearer token; a token refused on the way is renewed once. */
  private async get(what: string, url: string, check: (body: unknown) => string | null): Promise<unknown> {
    for (let renewed = false; ; renewed = true) {
      const token = await this.accessToken();
      try {
        return await requestJson(
          ACLED_WORDING,
          {
            what,
            url,
            check,
            init: { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
          },
          this.options,
        );
      } catch (e) {
        if (renewed || failureStatus(e) !== 401) throw e;
        tokens.delete(this.key);
      }
    }
  }

  /**
   * The events of a query, page by page (`limit=5000`, `page=1,2,…` until a page comes back short).
   * While the caller reads a full page, the next one is already on its way: it would be asked for
   * next anyway, and the wait for it overlaps the reading.
   */
  async *eventPages(query: AcledQuery): AsyncGenerator<AcledPage> {
    const fetchPage = (page: number) => {
      const params = new URLSearchParams({ _format: 'json', country: query.country });
      if (query.from || query.to) {
        params.set('event_date', `${query.from ?? '1997-01-01'}|${query.to ?? today()}`);
        params.set('event_date_where', 'BETWEEN');
      }
      if (query.since) params.set('timestamp', query.since);
      params.set('limit', String(ACLED_PAGE_SIZE));
      params.set('page', String(page));
      return this.get(`page ${page} of events`, `${this.base}/api/acled/read?${params}`, countCheck).then(
        (body) => dataOf(body, `page ${page} of events`),
      );
    };
    let previousFirst: unknown;
    let firstLength = 0;
    let largest = 0;
    let next: Promise<unknown[]> = fetchPage(1);
    for (let page = 1; ; page++) {
      const rows = await next;
      const first = idOf(rows[0]);
      if (page > 1 && rows.length && first !== undefined && first === previousFirst) {
        // A server that ignores "page" sends the first page again: when that page held fewer rows
        // than asked, it is all there is; when it was full, the rest cannot be had.
        if (firstLength < ACLED_PAGE_SIZE) return;
        throw sourceFailure(
          `ACLED: page ${page} repeats page ${page - 1} (the server ignores "page"); check ACLED_API_URL points at ACLED`,
        );
      }
      previousFirst = first;
      if (page === 1) firstLength = rows.length;
      largest = Math.max(largest, rows.length);
      const more = !endsList(rows.length, largest);
      if (more) {
        next = fetchPage(page + 1);
        // Awaited on the next turn; a caller that stops first must not leave its failure unheard.
        next.catch(() => {});
      }
      yield { page, rows };
      if (!more) return;
    }
  }

  /**
   * Events ACLED deleted at or after `since` (Unix time): their ids, and the latest deletion time;
   * `offered: false` when the API has no deletion list (404), which the caller reports.
   */
  async deletions(since: string): Promise<AcledDeletions> {
    const ids: string[] = [];
    const at: number[] = [];
    let latest: number | null = null;
    let largest = 0;
    let previousFirst: unknown;
    for (let page = 1; ; page++) {
      const params = new URLSearchParams({
        _format: 'json',
        deleted_timestamp: since,
        limit: String(ACLED_PAGE_SIZE),
        page: String(page),
      });
      let body: unknown;
      try {
        body = await this.get(
          `page ${page} of deletions`,
          `${this.base}/api/deleted/read?${params}`,
          countCheck,
        );
      } catch (e) {
        if (page === 1 && failureStatus(e) === 404) return { ids: [], at: [], latest: null, offered: false };
        throw e;
      }
      const rows = dataOf(body, `page ${page} of deletions`);
      // A server that ignores "page" sends the first page again: what it holds is all there is.
      const first = idOf(rows[0]);
      if (page > 1 && first !== undefined && first === previousFirst) break;
      previousFirst = first;
      for (const r of rows) {
        const o = r as { event_id_cnty?: unknown; deleted_timestamp?: unknown } | null;
        const id = o?.event_id_cnty;
        if (typeof id !== 'string' && typeof id !== 'number') continue;
        ids.push(String(id).trim());
        const t = Number(o?.deleted_timestamp);
        at.push(t);
        if (Number.isFinite(t) && (latest === null || t > latest)) latest = t;
      }
      largest = Math.max(largest, rows.length);
      if (endsList(rows.length, largest)) break;
    }
    return { ids, at, latest: latest === null ? null : String(latest), offered: true };
  }
}

/**
 * Whether a page of `length` rows is a list's last, the longest page yet holding `largest`: an
 * empty page, or one shorter than the longest (and than the 5,000 asked for). A server may send
 * fewer rows a page than asked for (a cap of its own), so a short first page is not taken as the
 * end; a list that fits in one page costs one more request, which comes back empty.
 */
function endsList(length: number, largest: number): boolean {
  return length === 0 || length < Math.min(largest, ACLED_PAGE_SIZE);
}

/**
 * ACLED's deletions: each deleted event's id and when it was deleted (Unix time; NaN when not
 * given), side by side, and the latest time; `offered: false` when the API has no deletion list.
 */
export interface AcledDeletions {
  ids: string[];
  at: number[];
  latest: string | null;
  offered: boolean;
}

/** The rows of an answer `{status, success, count, data}`, or the error it reports. */
function dataOf(body: unknown, what: string): unknown[] {
  const o = body as {
    success?: unknown;
    status?: unknown;
    data?: unknown;
    error?: unknown;
    message?: unknown;
  };
  if (
    o &&
    typeof o === 'object' &&
    // ACLED has sent its status as a number and as text ("400").
    (o.success === false || Number(o.status) >= 400)
  ) {
    const said = messageOf(o.error ?? o.message ?? o.data);
    if (quotaWords(said)) {
      throw sourceFailure(`ACLED: the account's quota is reached ("${said}"); ${ACLED_WORDING.quota}`);
    }
    if (said && /token|auth|credential|access/i.test(said)) {
      throw sourceFailure(
        `ACLED refused the credentials or access ("${said}"); ${ACLED_WORDING.credentials}`,
      );
    }
    throw sourceFailure(`ACLED answered ${what} with an error${said ? `: "${said}"` : ''}`);
  }
  if (!o || typeof o !== 'object' || !Array.isArray(o.data)) {
    throw sourceFailure(
      `ACLED: ${what} is not ACLED's answer (expected {"status","success","count","data":[…]}); check ACLED_API_URL`,
    );
  }
  return o.data;
}

/**
 * A page whose `count` (the rows the page holds) says more rows than it holds was cut short on the
 * way. A count above a page's size is a total, not the page's: that says nothing of the page.
 */
function countCheck(body: unknown): string | null {
  const o = body as { count?: unknown; data?: unknown };
  if (!o || typeof o !== 'object' || !Array.isArray(o.data) || o.count === undefined || o.count === null) {
    return null;
  }
  const count = Number(o.count);
  if (Number.isFinite(count) && count > o.data.length && count <= ACLED_PAGE_SIZE) {
    return `it says ${count} rows and holds ${o.data.length}`;
  }
  return null;
}

function messageOf(v: unknown): string | null {
  if (typeof v === 'string') return v.slice(0, 200);
  if (Array.isArray(v)) return messageOf(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return messageOf(o.message ?? o.error);
  }
  return null;
}

function idOf(row: unknown): unknown {
  return row && typeof row === 'object' ? (row as { event_id_cnty?: unknown }).event_id_cnty : undefined;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Refuses an empty or missing credential before anything is sent. */
export function assertAcledCredentials(c: Partial<AcledCredentials>): AcledCredentials {
  if (!c.username || !c.password) {
    throw new TandemError(
      'bad-input',
      'ACLED needs credentials: set ACLED_USERNAME and ACLED_PASSWORD (your myACLED email and password), or run the pull at a terminal to be asked',
    );
  }
  return { username: c.username, password: c.password };
}
