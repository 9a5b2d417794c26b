import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A GED event as UCDP's API sends it: numbers as numbers (some as strings), dates with a time. */
export type GedRow = Record<string, unknown>;

/**
 * A local stand-in for UCDP's API: `/api/gedevents/{version}?pagesize=…&page=…&Country={gwno}` with
 * the token in `x-ucdp-access-token`, answering `{TotalCount, TotalPages, PreviousPageUrl,
 * NextPageUrl, Result}` and pointing to the next page by an absolute URL, as UCDP does.
 */
export interface UcdpStandIn {
  url: string;
  versions: Map<string, GedRow[]>;
  requests: URL[];
  mode: {
    /** Drop this many events from the middle page's Result (a page cut short). */
    shortPage?: boolean;
    quota?: boolean;
  };
  close(): Promise<void>;
}

/** The shared GED GeoJSON's events as API rows; every third row carries its numbers as strings. */
export function gedSampleRows(path: string): GedRow[] {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as {
    features: { properties: GedRow; geometry: { coordinates: [number, number] } | null }[];
  };
  return doc.features.map((f, i) => {
    const row: GedRow = { ...f.properties };
    if (f.geometry) {
      row.longitude = f.geometry.coordinates[0];
      row.latitude = f.geometry.coordinates[1];
    }
    if (i % 3 === 0) {
      for (const [k, v] of Object.entries(row)) if (typeof v === 'number') row[k] = String(v);
      // Dates without the time, as some versions write them.
      row.date_start = String(row.date_start).slice(0, 10);
      row.date_end = String(row.date_end).slice(0, 10);
    }
    return row;
  });
}

export async function startUcdpStandIn(options: {
  token: string;
  versions: Map<string, GedRow[]>;
}): Promise<UcdpStandIn> {
  const state: UcdpStandIn = {
    url: '',
    versions: options.versions,
    requests: [],
    mode: {},
    close: async () => {},
  };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', state.url);
    state.requests.push(url);
    if (req.headers['x-ucdp-access-token'] !== options.token) {
      return json(res, 401, { message: 'Missing or invalid access token' });
    }
    if (state.mode.quota) return json(res, 429, { message: 'Daily request limit exceeded' });
    const m = /^\/api\/gedevents\/([\w.]+)$/.exec(url.pathname);
    const all = m ? state.versions.get(m[1] as string) : undefined;
    if (!m || !all) return json(res, 404, { message: 'no such version' });
    const size = Number(url.searchParams.get('pagesize') ?? 100);
    const page = Number(url.searchParams.get('page') ?? 0);
    const country = url.searchParams.get('Country');
    const rows = country ? all.filter((r) => String(r.country_id) === country) : all;
    const pages = Math.ceil(rows.length / size);
    let result = rows.slice(page * size, (page + 1) * size);
    if (state.mode.shortPage && page === 0 && pages > 1) result = result.slice(0, result.length - 7);
    const at = (p: number) =>
      p < 0 || p >= pages
        ? ''
        : `${state.url}/api/gedevents/${m[1]}?pagesize=${size}&page=${p}${country ? `&Country=${country}` : ''}`;
    return json(res, 200, {
      TotalCount: rows.length,
      TotalPages: pages,
      PreviousPageUrl: at(page - 1),
      NextPageUrl: at(page + 1),
      Result: result,
    });
  };
  const server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return state;
}
