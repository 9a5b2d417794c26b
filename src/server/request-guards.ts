import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { TandemError } from '../domain/tandem-error.ts';

/** Names this machine answers to when the server listens on loopback only. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** An IPv4 address in 127.0.0.0/8, written as four numbers: "127.0.0.1.attacker.example" is not one. */
const LOOPBACK_IPV4 = /^127(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether a listening address (or a request's host name) is this machine only. */
export function isLoopback(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname) || LOOPBACK_IPV4.test(hostname);
}

function hostName(host: string): string {
  // "[::1]:7400" → "[::1]"; "localhost:7400" → "localhost".
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0]!.toLowerCase();
}

/**
 * Refuses a request whose `Host` names another machine while the server listens on loopback only.
 * A page on an attacker's domain that rebinds its name to 127.0.0.1 reaches the server with its
 * own name as Host; without this check it could read the store through the visitor's browser.
 */
export function loopbackHostCheck(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (host && !isLoopback(hostName(host))) {
      throw new TandemError(
        'forbidden',
        `this server answers to localhost only, not to "${host.slice(0, 100)}"; start it with --host to serve other names`,
      );
    }
    await next();
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that a browser sent from another site: a foreign `Origin`, or
 * a `Sec-Fetch-Site` other than same-origin (a page on another port of localhost is "same-site",
 * and is refused too). A request with neither header comes from a script, not a browser, and is
 * judged by its token as any other. Without this, any website the user visits could write to a
 * workbench that has no accounts, with a form or a no-cors fetch.
 */
export function crossSiteCheck(): MiddlewareHandler {
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      const hostHeader = c.req.header('host') ?? new URL(c.req.url).host;
      // A browser that sends Sec-Fetch-Site says where the request comes from, and no page can
      // forge it; an older browser is judged by its Origin ("null" included: a sandboxed page).
      let foreign: boolean;
      if (site !== undefined) foreign = site !== 'same-origin' && site !== 'none';
      else if (origin !== undefined) {
        let originHost = '';
        try {
          originHost = origin === 'null' ? '' : new URL(origin).host;
        } catch {
          originHost = '';
        }
        foreign = originHost !== hostHeader;
      } else foreign = false;
      if (foreign) {
        throw new TandemError(
          'forbidden',
          'refused: this request came from another site; changes are accepted only from the workbench itself',
        );
      }
    }
    await next();
  };
}

/**
 * How slowly a request body may arrive before it is given up: at least `minBytes` in every
 * `windowMs`. A minute for 64 KB (about 1 KB/s) lets a field office's satellite link send its
 * file, and stops a client that sends a byte now and then from holding an upload slot, a
 * connection and a temporary file for as long as it likes.
 */
export interface BodyPace {
  windowMs: number;
  minBytes: number;
}

export const BODY_PACE: BodyPace = { windowMs: 60_000, minBytes: 64 * 1024 };

/**
 * A body's chunks as they arrive, ending the read (the stream cancelled) with a `timeout` error
 * when fewer than `pace.minBytes` arrive within `pace.windowMs`.
 */
export async function* pacedChunks(
  body: ReadableStream<Uint8Array>,
  pace: BodyPace = BODY_PACE,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let windowStart = Date.now();
  let inWindow = 0;
  let finished = false;
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<'stalled'>((resolve) => {
        timer = setTimeout(() => resolve('stalled'), Math.max(0, windowStart + pace.windowMs - Date.now()));
      });
      const next = await Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
      if (next === 'stalled') {
        throw new TandemError(
          'timeout',
          `the request body stalled: under ${Math.round(pace.minBytes / 1024)} KB arrived in ${Math.round(pace.windowMs / 1000)} s; check the connection and send it again`,
        );
      }
      if (next.done) {
        finished = true;
        return;
      }
      inWindow += next.value.byteLength;
      if (inWindow >= pace.minBytes) {
        windowStart = Date.now();
        inWindow = 0;
      }
      yield next.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => {});
  }
}

/**
 * Limits a request body before anything reads it: a declared length over the limit is refused at
 * once (413); a body sent without a length is counted as it arrives and refused when it passes the
 * limit, so memory never holds more than `maxBytes`; a body that stalls is given up (BodyPace).
 */
export async function readBodyText(
  c: Context,
  maxBytes: number,
  pace: BodyPace = BODY_PACE,
): Promise<string> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const value of pacedChunks(body, pace)) {
    size += value.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function tooLarge(maxBytes: number): TandemError {
  return new TandemError(
    'too-large',
    `the request body is larger than this route accepts (${Math.round(maxBytes / 1024).toLocaleString('en-US')} KB)`,
  );
}

/** Refuses a body that does not say it is JSON: a cross-site form cannot send application/json. */
export function assertJsonBody(c: Context): void {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const length = c.req.header('content-length');
  const empty = length === '0' || (length === undefined && !c.req.raw.body);
  if (type === 'application/json' || (type === '' && empty)) return;
  throw new TandemError(
    'unsupported-media-type',
    `send the request body as JSON with "Content-Type: application/json" (got "${type.slice(0, 60) || 'none'}")`,
  );
}

/** The SHA-256 source hashes of a page's inline scripts, for its Content-Security-Policy. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    out.push(`'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
  }
  return out;
}

/**
 * The headers every answer carries: no framing by other sites (clickjacking; the workbench frames its own brief), no content sniffing, no referrer
 * leaving the workbench (same-origin), and a Content-Security-Policy that allows the workbench's own code and its
 * known inline scripts only.
 */
export function securityHeaders(scriptHashes: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('x-content-type-options', 'nosniff');
    h.set('x-frame-options', 'SAMEORIGIN');
    // Not no-referrer: with it, browsers send `Origin: null` on the workbench's own form posts.
    h.set('referrer-policy', 'same-origin');
    h.set(
      'content-security-policy',
      [
        "default-src 'self'",
        `script-src 'self' ${scriptHashes().join(' ')}`.trim(),
        // MapLibre and the charts set style attributes; inline styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'self'",
      ].join('; '),
    );
  };
}
