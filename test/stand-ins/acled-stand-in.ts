import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';

/** An ACLED row as the API sends it: every field a string. */
export type AcledRow = Record<string, string>;

/**
 * A local stand-in for ACLED's API (2025 onwards), in the documented shapes: OAuth password and
 * refresh grants at `/oauth/token` (form-encoded, client_id=acled), events at
 * `/api/acled/read?_format=json` filtered by country, `event_date` BETWEEN, `timestamp` and paged
 * by `limit`/`page`, deletions at `/api/deleted/read`. Failures are switched on by `mode`.
 */
export interface AcledStandIn {
  url: string;
  events: AcledRow[];
  deletions: { event_id_cnty: string; deleted_timestamp: string }[];
  /** Every request's path and query, in order (the token endpoint's form never kept). */
  requests: URL[];
  /** The Authorization headers data requests carried. */
  authorizations: string[];
  mode: {
    /** Answer the data endpoints 401 (a token refused). */
    refuseTokens?: boolean;
    /** Answer the data endpoints 429 with a quota message, no Retry-After. */
    quota?: boolean;
    /** Answer 200 with `success:false` and a quota message. */
    quotaInBody?: boolean;
    /** Answer this many data requests with 500 first. */
    serverErrors?: number;
    /** Cut this many data pages short (half the body) first. */
    truncate?: number;
    /** Never answer the events page with this number. */
    hangOnPage?: number;
    /** Offer no deletion list (404), as an API without one would. */
    noDeletions?: boolean;
    /** Send at most this many rows a page, whatever `limit` asks (a server's own cap). */
    pageCap?: number;
    /** Answer data requests 200 with this body instead (an error told in the body). */
    body?: unknown;
    /** Answer data requests 429 with this Retry-After, in seconds (a rate limit, not a quota). */
    retryAfter?: number;
  };
  close(): Promise<void>;
}

/** The shared ACLED sample's rows, with dates as the API writes them (YYYY-MM-DD). */
export function acledSampleRows(path: string): AcledRow[] {
  const parsed = Papa.parse<AcledRow>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => ({ ...r, event_date: isoDay(r.event_date as string) }));
}

function isoDay(s: string): string {
  const d = new Date(`${s} UTC`);
  return Number.isNaN(d.getTime()) ? s : d.toISOString().slice(0, 10);
}

export async function startAcledStandIn(options: {
  events: AcledRow[];
  username: string;
  password: string;
}): Promise<AcledStandIn> {
  const issued = new Set<string>();
  const refresh = new Set<string>();
  const pending: ServerResponse[] = [];
  const state: AcledStandIn = {
    url: '',
    events: options.events,
    deletions: [],
    requests: [],
    authorizations: [],
    mode: {},
    close: async () => {},
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const token = () => {
    const t = randomBytes(12).toString('hex');
    issued.add(t);
    const r = randomBytes(12).toString('hex');
    refresh.add(r);
    return { token_type: 'Bearer', expires_in: 86400, access_token: t, refresh_token: r };
  };
  const page = <T>(res: ServerResponse, url: URL, rows: T[]) => {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 5000), state.mode.pageCap ?? Infinity);
    const p = Number(url.searchParams.get('page') ?? 1);
    const data = rows.slice((p - 1) * limit, p * limit);
    const body = JSON.stringify({ status: 200, success: true, last_update: 0, count: data.length, data });
    if (state.mode.truncate) {
      state.mode.truncate--;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body.slice(0, Math.floor(body.length / 2)));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    state.requests.push(url);
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      if (form.get('client_id') !== 'acled') return json(res, 400, { error: 'invalid_client' });
      if (form.get('grant_type') === 'refresh_token' && refresh.has(form.get('refresh_token') ?? '')) {
        return json(res, 200, token());
      }
      if (
        form.get('grant_type') === 'password' &&
        form.get('username') === options.username &&
        form.get('password') === options.password
      ) {
        return json(res, 200, token());
      }
      return json(res, 400, {
        error: 'invalid_grant',
        error_description: 'The user credentials were incorrect.',
      });
    }
    const auth = req.headers.authorization ?? '';
    state.authorizations.push(auth);
    if (state.mode.refuseTokens || !issued.has(auth.replace(/^Bearer /, ''))) {
      return json(res, 401, { message: 'Unauthorized' });
    }
    if (state.mode.quota) return json(res, 429, { message: 'API quota exceeded for this account' });
    if (state.mode.quotaInBody) {
      return json(res, 200, {
        status: 403,
        success: false,
        error: [{ message: 'You have exceeded your access limit' }],
      });
    }
    if (state.mode.body !== undefined) return json(res, 200, state.mode.body);
    if (state.mode.retryAfter !== undefined) {
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(state.mode.retryAfter),
      });
      res.end(JSON.stringify({ message: 'Too Many Requests' }));
      return;
    }
    if (state.mode.serverErrors) {
      state.mode.serverErrors--;
      return json(res, 500, { message: 'Internal Server Error' });
    }
    if (url.pathname === '/api/acled/read' && url.searchParams.get('_format') === 'json') {
      if (state.mode.hangOnPage === Number(url.searchParams.get('page') ?? 1)) {
        pending.push(res);
        return;
      }
      const country = url.searchParams.get('country');
      const since = Number(url.searchParams.get('timestamp') ?? 0);
      let rows = state.events.filter((e) => e.country === country && Number(e.timestamp) >= since);
      const between = url.searchParams.get('event_date');
      if (between && url.searchParams.get('event_date_where') === 'BETWEEN') {
        const [from, to] = between.split('|');
        rows = rows.filter((e) => e.event_date >= (from as string) && e.event_date <= (to as string));
      }
      return page(res, url, rows);
    }
    if (
      url.pathname === '/api/deleted/read' &&
      url.searchParams.get('_format') === 'json' &&
      !state.mode.noDeletions
    ) {
      const since = Number(url.searchParams.get('deleted_timestamp') ?? 0);
      return page(
        res,
        url,
        state.deletions.filter((d) => Number(d.deleted_timestamp) >= since),
      );
    }
    return json(res, 404, { message: 'not found' });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => json(res, 500, { message: String(e) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    for (const r of pending) r.destroy();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return state;
}
