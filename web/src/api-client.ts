import i18next from 'i18next';
import { frenchSpacing } from '../../src/domain/language.ts';
import { frenchIssue } from './i18n/server-issues.ts';
import { frenchMessage } from './i18n/server-messages.ts';
import type { OperationName, OperationResult } from './operation-types.ts';

/** An API failure as the server words it: a stable code and a message a person can act on. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>;

export function queryString(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) p.append(k, item);
    else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function answer<T>(res: Response): Promise<T> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(
      'internal',
      `the server answered something that is not JSON (HTTP ${res.status})`,
      res.status,
    );
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string; details?: unknown } })?.error;
    // The session ended (token replaced or account removed): back to the sign-in page.
    if (e?.code === 'unauthenticated' && typeof location !== 'undefined') location.assign('/sign-in');
    throw refusalOf(e, res.status);
  }
  return body as T;
}

type Refusal = { code?: string; message?: string; details?: unknown };

/** The API's `error` (`{code, message, details}`) as an ApiError in the page's language. */
export function refusalOf(e: Refusal | undefined, status: number): ApiError {
  const refused = inLanguage(e ?? {});
  return new ApiError(e?.code ?? 'internal', refused.message ?? `HTTP ${status}`, status, refused.details);
}

/** A message of the server (a refusal, a row's reason for being set aside) in the page's language. */
export function serverMessage(message: string): string {
  return i18next.language === 'fr' ? frenchMessage(message) : message;
}

/**
 * A refused input in the page's language: on French pages each field's refusal, and the message
 * that lists them, in French (the field names stay as the API names them); other refusals as
 * server-messages.ts words them, or as the server wrote them.
 */
function inLanguage(e: Refusal): Refusal {
  const issues = (e.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
  if (i18next.language !== 'fr') {
    // The server names its operation ("invalid input for recordIncident"), which says nothing on a page.
    if (e.code !== 'bad-input' || !issues?.length || !e.message?.startsWith('invalid input for ')) return e;
    const listed = issues.map((i) => (i.path === '(input)' ? i.message : `${i.path}: ${i.message}`));
    return { ...e, message: `input refused: ${listed.join('; ')}` };
  }
  if (e.code !== 'bad-input' || !issues?.length)
    return e.message === undefined ? e : { ...e, message: frenchMessage(e.message) };
  const french = issues.map((i) => ({ ...i, message: frenchIssue(i.message) }));
  const details = { ...(e.details as object), issues: french };
  if (!e.message?.startsWith('invalid input for ')) return { ...e, details };
  const listed = french.map((i) => (i.path === '(input)' ? i.message : `${i.path} : ${i.message}`));
  return { ...e, message: frenchSpacing(`saisie refusée : ${listed.join(' ; ')}`), details };
}

/** Requests index.html sent before the code loaded, by URL; each is used once. */
const early =
  (globalThis as { tandemEarly?: Record<string, Promise<Response> | undefined> }).tandemEarly ?? {};

/** Early answers that have arrived and been read, by URL (index.html fills it as they come). */
const arrivedAnswers = (globalThis as { tandemArrived?: Record<string, unknown> }).tandemArrived ?? {};

/**
 * The answer index.html asked for early to this very GET, if it has already arrived (undefined
 * otherwise); it is handed out once. A page's first render can show it at once instead of one
 * render later, when a request made from an effect would bring it.
 */
export function arrived<T>(path: string, q?: Query): T | undefined {
  const url = `${path}${queryString(q)}`;
  if (!(url in arrivedAnswers)) return undefined;
  const data = arrivedAnswers[url] as T;
  delete arrivedAnswers[url];
  delete early[url];
  return data;
}

/** GET a read route, for example `get('/api/areas', {country})`. */
export async function get<T>(path: string, q?: Query, signal?: AbortSignal): Promise<T> {
  const url = `${path}${queryString(q)}`;
  const sent = early[url];
  if (sent) {
    delete early[url];
    // A failed early request is simply asked again.
    const res = await sent.catch(() => null);
    signal?.throwIfAborted();
    if (res) return answer<T>(res);
  }
  return answer<T>(await fetch(url, { signal }));
}

/** Runs any operation of the engine by name, as `POST /api/ops/{name}`; it answers what the operation does. */
export async function runOperation<N extends OperationName>(
  name: N,
  input: unknown,
  signal?: AbortSignal,
): Promise<OperationResult<N>> {
  return answer<OperationResult<N>>(
    await fetch(`/api/ops/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      signal,
    }),
  );
}
