import { TandemError } from '../domain/tandem-error.ts';

/**
 * Requests to the outside sources' APIs (ACLED, UCDP), with the failures people meet named
 * plainly: refused credentials, an expired account, a quota reached, a server error, a page that
 * never comes, a page cut short. Transient failures (a server error, a timeout, a dropped or cut
 * connection, a short rate limit) are tried again with growing pauses, a bounded number of times;
 * the others fail at once. Every failure is one line that names the source and what to do.
 */
export interface ApiRequestOptions {
  /**
   * How long a request may go without anything arriving (the answer's start, or the next part of
   * its body) before it counts as a page that never comes (default 20 s; TANDEM_PULL_TIMEOUT_MS).
   */
  timeoutMs?: number;
  /** Tries in all for a transient failure (default 3; TANDEM_PULL_ATTEMPTS). */
  attempts?: number;
  /** The first pause between tries, doubled each time (default 500 ms; TANDEM_PULL_BACKOFF_MS). */
  backoffMs?: number;
}

/** The settings a pull runs with: the options given, else the environment's, else the defaults. */
export function requestSettings(options: ApiRequestOptions = {}): Required<ApiRequestOptions> {
  const env = (name: string, fallback: number) => {
    const n = Number(process.env[name]);
    return Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    timeoutMs: options.timeoutMs ?? env('TANDEM_PULL_TIMEOUT_MS', 20_000),
    attempts: Math.max(1, options.attempts ?? env('TANDEM_PULL_ATTEMPTS', 3)),
    backoffMs: options.backoffMs ?? env('TANDEM_PULL_BACKOFF_MS', 500),
  };
}

/** What a source says about one kind of failure, in its own words (which variable, whom to ask). */
export interface SourceWording {
  /** 'ACLED' or 'UCDP'. */
  name: string;
  /** What to check when credentials are refused (the variables they come from). */
  credentials: string;
  /** What to do when the account may not use the API (expired, not granted). */
  access: string;
  /** What to do when the quota is reached. */
  quota: string;
}

/** One request: what it is for in messages (`page 3`), and how to send it. */
export interface ApiCall {
  what: string;
  url: string;
  init?: RequestInit;
  /** A sign-in: a 400 or 401 means the credentials were refused (OAuth's `invalid_grant`). */
  signIn?: boolean;
  /**
   * Looks at a parsed body: returns why it is cut short (a transient failure, tried again), or
   * null; may throw a TandemError for an error the body reports.
   */
  check?: (body: unknown) => string | null;
}

/** A failure of one try: transient ones are tried again. */
class TryFailure extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly retryAfterMs?: number,
    readonly status?: number,
    /** A page that never came: tried once more at most, since a server that hung usually hangs again. */
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/** A source's failure as the user sees it; `status` the HTTP status where one was answered. */
export function sourceFailure(message: string, status?: number): TandemError {
  return new TandemError('source-failed', message, { details: { status: status ?? null } });
}

/** The HTTP status a source failure carries, if any. */
export function failureStatus(e: unknown): number | null {
  const d = (e as { details?: { status?: number | null } })?.details;
  return e instanceof TandemError && d?.status ? d.status : null;
}

/** Sends a request and parses its JSON body, trying again after transient failures. */
export async function requestJson(
  source: SourceWording,
  call: ApiCall,
  options: ApiRequestOptions = {},
): Promise<unknown> {
  const { timeoutMs, attempts, backoffMs } = requestSettings(options);
  let last: TryFailure | null = null;
  let tried = 0;
  let timeouts = 0;
  for (let attempt = 1; attempt <= attempts && timeouts < 2; attempt++) {
    if (last) await pause(last.retryAfterMs ?? backoffMs * 2 ** (attempt - 2));
    tried++;
    try {
      return await tryOnce(source, call, timeoutMs);
    } catch (e) {
      if (!(e instanceof TryFailure)) throw e;
      if (!e.transient) throw sourceFailure(e.message, e.status);
      if (e.timedOut) timeouts++;
      last = e;
    }
  }
  const tries = tried === 1 ? 'once' : `${tried} times`;
  throw sourceFailure(`${(last as TryFailure).message} (tried ${tries}); try again later`);
}

async function tryOnce(source: SourceWording, call: ApiCall, timeoutMs: number): Promise<unknown> {
  const { name } = source;
  // The clock restarts with everything that arrives: a large page that keeps coming is waited
  // for, a server that stops sending is not.
  const controller = new AbortController();
  let timer = setTimeout(() => controller.abort(), timeoutMs);
  const restart = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), timeoutMs);
  };
  let res: Response;
  let text: string;
  try {
    res = await fetch(call.url, { ...call.init, signal: controller.signal, redirect: 'error' });
    restart();
    text = await bodyText(res, restart);
  } catch (e) {
    if (controller.signal.aborted) {
      throw new TryFailure(
        `${name}: ${call.what} did not come within ${Math.round(timeoutMs / 1000)} s (nothing arrived for that long)`,
        true,
        undefined,
        undefined,
        true,
      );
    }
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (e as Error).message;
    throw new TryFailure(`${name}: ${call.what} could not be fetched (${why})`, true);
  } finally {
    clearTimeout(timer);
  }
  const said = errorMessageIn(text);
  const quoted = said ? `: "${said}"` : '';
  if (res.status === 401 || (call.signIn && res.status === 400)) {
    throw new TryFailure(
      `${name} refused the credentials (HTTP ${res.status}${quoted}); ${source.credentials}`,
      false,
      undefined,
      401,
    );
  }
  if (res.status === 403) {
    throw new TryFailure(
      quotaWords(said)
        ? `${name}: the account's quota is reached (HTTP 403${quoted}); ${source.quota}`
        : `${name} accepted no access with these credentials (HTTP 403${quoted}): the account may have expired or lack API access; ${source.access}`,
      false,
      undefined,
      403,
    );
  }
  if (res.status === 429) {
    const after = retryAfterMs(res.headers.get('retry-after'));
    // A pause of seconds is a rate limit, worth waiting for; a longer one is a quota.
    if (after !== null && after <= 30_000) {
      throw new TryFailure(`${name}: ${call.what} was refused for too many requests (HTTP 429)`, true, after);
    }
    // A wait the server names, too long to sit through here, is said as it is: try again then.
    if (after !== null && after < 24 * 3600_000) {
      const minutes = Math.ceil(after / 60_000);
      throw new TryFailure(
        `${name}: ${call.what} was refused for too many requests (HTTP 429${quoted}); the server asks to wait ${minutes} minute${minutes === 1 ? '' : 's'}: pull again then`,
        false,
      );
    }
    throw new TryFailure(
      `${name}: the quota of requests is reached (HTTP 429${quoted}); ${source.quota}`,
      false,
    );
  }
  if (res.status >= 500) {
    if (quotaWords(said)) {
      throw new TryFailure(
        `${name}: the account's quota is reached (HTTP ${res.status}${quoted}); ${source.quota}`,
        false,
      );
    }
    throw new TryFailure(`${name}'s server failed on ${call.what} (HTTP ${res.status}${quoted})`, true);
  }
  if (res.status >= 400) {
    throw new TryFailure(
      `${name} refused ${call.what} (HTTP ${res.status}${quoted})`,
      false,
      undefined,
      res.status,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // A body that does not parse is almost always one cut off on the way: worth another try.
    throw new TryFailure(
      `${name}: ${call.what} came back cut short or garbled (${text.length.toLocaleString('en-US')} bytes that are not complete JSON)`,
      true,
    );
  }
  const short = call.check?.(body);
  if (short) throw new TryFailure(`${name}: ${call.what} came back cut short (${short})`, true);
  return body;
}

/** A response's body as text, calling `arrived` with every part of it. */
async function bodyText(res: Response, arrived: () => void): Promise<string> {
  if (!res.body) return '';
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    arrived();
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** Whether an error message speaks of a quota or limit reached. */
export function quotaWords(message: string | null): boolean {
  return !!message && /quota|limit|exceed|too many/i.test(message);
}

/** The message an API error body carries, in any of the shapes these APIs use; null when none. */
function errorMessageIn(text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const t = text.trim();
    return t && t.length <= 200 && !t.startsWith('<') ? t : null;
  }
  const pick = (v: unknown): string | null => {
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) return pick(v[0]);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return pick(o.message ?? o.error_description ?? o.error ?? o.Message ?? o.detail ?? o.title);
    }
    return null;
  };
  const m = pick(body);
  return m ? m.replace(/\s+/g, ' ').slice(0, 200) : null;
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * A source's API address from the environment (`ACLED_API_URL`, `UCDP_API_URL`) or its default.
 * Credentials travel to it, so it must be https, except on this machine's loopback (a stand-in).
 */
export function apiBase(variable: string, fallback: string): string {
  const raw = process.env[variable]?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TandemError('bad-input', `${variable}: "${raw}" is not a URL`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\./.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TandemError(
      'bad-input',
      `${variable}: "${raw}" must be https:// (credentials are sent to it; plain http only on this machine's loopback)`,
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
