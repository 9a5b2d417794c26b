import { useSyncExternalStore } from 'react';

/**
 * The workbench's one state lives in the address: `#/PAGE?country=…&from=YYYY-MM-DD&to=YYYY-MM-DD
 * &area=…&<filters>`, for example `#/area?country=South%20Sudan&area=Jonglei&from=2013-12-01
 * &to=2013-12-31`. Every page reads it from here and links with `pageHref`, so the country, period,
 * area and filters survive moving between pages and reloading, and a link can be sent to a colleague.
 */

/** What is carried from page to page; anything else (an event id, a list's page) belongs to one page. */
export const CARRIED = ['country', 'from', 'to', 'area', 'type', 'perp', 'measure'] as const;

export type Changes = Record<string, string | readonly string[] | null | undefined>;

export interface UrlState {
  /** The page's name: '' for the overview, 'area', 'plan', … */
  page: string;
  /** What follows the page's name in the path (a record's id: `#/local/ID`). */
  rest: string[];
  params: URLSearchParams;
}

/** Reads a hash such as `#/area?country=X&area=Y` (old `#/area/X/Y` links are read the same way). */
export function parseHash(hash: string): UrlState {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = (q < 0 ? body : body.slice(0, q)).split('/').map((p) => safeDecode(p));
  const params = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  if (path[0] === 'area' && path[1] && !params.has('country')) {
    params.set('country', path[1]);
    if (path[2]) params.set('area', path[2]);
  }
  return { page: path[0] ?? '', rest: path[0] === 'area' ? [] : path.slice(1), params };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `params` with `changes` applied: a value sets, a list sets repeated values, null or '' removes. */
export function withChanges(params: URLSearchParams, changes: Changes): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    out.delete(k);
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'string') out.set(k, v);
    else for (const item of v) out.append(k, item);
  }
  return out;
}

/** The hash of `page` with these params (spaces as %20, so the address reads as the issue writes it). */
export function hashOf(page: string, params: URLSearchParams): string {
  const q = params.toString().replace(/\+/g, '%20');
  return `#/${page}${q ? `?${q}` : ''}`;
}

/** A link to `page` that carries the current country, period, area and filters, with `changes`. */
export function pageHref(page: string, changes: Changes = {}, from: string = location.hash): string {
  const current = parseHash(from).params;
  const carried = new URLSearchParams();
  for (const k of CARRIED) for (const v of current.getAll(k)) carried.append(k, v);
  return hashOf(page, withChanges(carried, changes));
}

const CHANGED = 'tandem:url';

/** Changes the current page's state. `push` makes a history entry (a new place); filters replace. */
export function setUrlState(changes: Changes, options: { push?: boolean; page?: string } = {}): void {
  const now = parseHash(location.hash);
  const page =
    options.page === undefined || options.page === now.page
      ? [now.page, ...now.rest.map(encodeURIComponent)].join('/')
      : options.page;
  const hash = hashOf(page, withChanges(now.params, changes));
  if (hash === location.hash) return;
  if (options.push) history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
  window.dispatchEvent(new Event(CHANGED));
}

function subscribe(on: () => void): () => void {
  window.addEventListener('hashchange', on);
  window.addEventListener('popstate', on);
  window.addEventListener(CHANGED, on);
  return () => {
    window.removeEventListener('hashchange', on);
    window.removeEventListener('popstate', on);
    window.removeEventListener(CHANGED, on);
  };
}

/** The current hash, re-rendering on every change (links, back/forward, setUrlState). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash || '#/');
}

/** The page and its parameters, re-rendering when the address changes. */
export function useUrlState(): UrlState & {
  get: (key: string) => string | undefined;
  getAll: (key: string) => string[];
} {
  const state = parseHash(useHash());
  return {
    ...state,
    get: (key) => state.params.get(key) ?? undefined,
    getAll: (key) => state.params.getAll(key),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Why a period cannot be used, or null when it can: each problem named by its field. */
export function periodProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (!isDay(from)) return { field: 'from', message: 'From must be a date (YYYY-MM-DD).' };
  if (!isDay(to)) return { field: 'to', message: 'To must be a date (YYYY-MM-DD).' };
  if (from > to)
    return { field: 'from', message: `From (${from}) is after To (${to}): choose an earlier From.` };
  return null;
}

/** The first day of the month twelve months before `month` (YYYY-MM): a country's default period. */
export function yearBefore(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** A country's record as the status gives it. */
export interface CountryRecord {
  country: string;
  first: string;
  last: string;
}

/** The period a country opens on: its latest twelve months (web/index.html and warm-overview.ts ask for the same). */
export function defaultPeriod(c: CountryRecord): { from: string; to: string } {
  return { from: yearBefore(c.last), to: lastDayOf(c.last) };
}

/**
 * The state every page works on: the country (the address's, else the one last chosen, else the
 * first), and the period (the address's when valid, else the country's default). `periodError`
 * says why the address's period was not used.
 */
export interface Resolved {
  country: string | undefined;
  from: string;
  to: string;
  area: string | undefined;
}

export function resolveState(params: URLSearchParams, countries: readonly CountryRecord[]): Resolved {
  const asked = params.get('country') ?? localStorage.getItem('tandem.country') ?? '';
  const c = countries.find((x) => x.country === asked) ?? countries[0];
  const fallback = c ? defaultPeriod(c) : { from: '', to: '' };
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const ok = periodProblem(from, to) === null;
  return {
    country: c?.country,
    from: ok ? from : fallback.from,
    to: ok ? to : fallback.to,
    area: params.get('area') ?? undefined,
  };
}

/** Switching country: the area and the period belong to the old one and go; the new one's default follows. */
export function countryChanges(c: CountryRecord): Changes {
  localStorage.setItem('tandem.country', c.country);
  return { country: c.country, area: null, ...defaultPeriod(c) };
}
