import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { encodedJsonOf } from '../app/encoded-answer.ts';
import type { Requester } from '../app/operation.ts';
import { operations as allOperations } from '../app/operations.ts';
import { requesterFromEnvironment } from '../app/requester-from-environment.ts';
import { assertMayRunAudited, type OperationCall, runOperation } from '../app/run-operation.ts';
import { openStore, type Store } from '../app/store-connection.ts';
import { clearanceOf } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { watchingAudit } from '../security/audit-chain.ts';
import { briefRoutes, type PrintPdf } from './brief-routes.ts';
import { errorResponse } from './error-response.ts';
import { exportRoute } from './export-route.ts';
import { type OidcSettings, oidcSettingsFromEnvironment } from './oidc-sign-in.ts';
import { inputJsonSchema, openApiDocument } from './openapi-document.ts';
import { queryToInput, refuseUnknownFields } from './operation-input.ts';
import {
  CREATE_ROUTES,
  honoPath,
  type OperationTable,
  READ_ROUTES,
  UPDATE_ROUTES,
} from './operation-table.ts';
import {
  assertJsonBody,
  type BodyPace,
  crossSiteCheck,
  inlineScriptHashes,
  loopbackHostCheck,
  readBodyText,
  securityHeaders,
} from './request-guards.ts';
import { ResponseCache } from './response-cache.ts';
import { currentRequester, signIn } from './sign-in.ts';
import { signInPage } from './sign-in-page.ts';
import { uploadRoutes } from './upload-routes.ts';

/** An operation's JSON input: plans and agreement texts fit well within this. */
const JSON_BODY_MAX_BYTES = 4 * 1024 * 1024;

export interface WorkbenchAppOptions {
  store: Store;
  /** The operations to expose; the product's one table unless a test passes its own. */
  operations?: OperationTable;
  /** The built web workbench (web/dist); null to serve the API alone. */
  webRoot?: string | null;
  /** Prints HTML to PDF; headless Chromium unless a test passes its own. */
  printPdf?: PrintPdf;
  /**
   * How long a read may be answered from memory, in ms (0 turns the cache off). Writes through this
   * server clear it at once; this bounds how late a write by another process (the CLI) shows.
   */
  cacheTtlMs?: number;
  log?: (line: string) => void;
  /**
   * Refuse requests whose Host is not this machine's loopback name (on by default when the server
   * listens on loopback: a defence against DNS rebinding).
   */
  loopbackOnly?: boolean;
  /**
   * The server listens beyond this machine: a store without accounts then lets nobody in, rather
   * than letting everyone in with the workbench's roles (set by startServer from its address).
   */
  networked?: boolean;
  /** The mission's identity provider for sign-in; from the environment (TANDEM_OIDC_*) unless given. */
  oidc?: OidcSettings | null;
  /** The server's public address, for the links it makes (TANDEM_URL unless given). */
  publicUrl?: string;
  /** Believe a proxy's X-Forwarded-Proto (TANDEM_TRUST_PROXY=1 unless given). */
  trustProxy?: boolean;
  /** How slowly a request body may arrive before it is given up (BODY_PACE unless given). */
  bodyPace?: BodyPace;
}

/** web/dist, unless TANDEM_WEB_ROOT names another build (benchmarks compare builds this way). */
export const DEFAULT_WEB_ROOT =
  process.env.TANDEM_WEB_ROOT || resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * The HTTP API and the workbench's static files, as one Hono app. Routes are thin: they turn a
 * request into an operation's input, validate it with the operation's own schema, run it with the
 * store, and answer JSON. All errors leave through the one handler below.
 */
export function createApp(options: WorkbenchAppOptions): Hono {
  const operations = options.operations ?? (allOperations as OperationTable);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Answers are kept encoded: a large one (the map's points) is then not encoded again per request.
  const cache = new ResponseCache<Uint8Array<ArrayBuffer>>(options.cacheTtlMs ?? 60_000);
  const auditedAnswers = new WeakSet<Uint8Array<ArrayBuffer>>();
  const app = new Hono();
  const context = () => ({
    store: options.store,
    requester: currentRequester() ?? workbenchRequester(),
  });
  /** How every route runs an operation: the one way, with this request's requester. */
  const call = (name: string): OperationCall => ({
    via: 'http',
    name,
    ...context(),
    openOwnConnection: () => ownConnection(options.store),
  });
  const openapi = JSON.stringify(openApiDocument(operations));
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  const index =
    webRoot && existsSync(join(webRoot, 'index.html'))
      ? readFileSync(join(webRoot, 'index.html'), 'utf8')
      : null;
  const scriptHashes = [...inlineScriptHashes(index ?? ''), ...inlineScriptHashes(signInPage(''))];

  app.onError((e, c) => {
    const { status, body } = errorResponse(e, log);
    // A 401 names the scheme that would be accepted (RFC 9110): a bearer token.
    if (status === 401) c.header('www-authenticate', 'Bearer realm="tandem"');
    return c.json(body, status as 400);
  });
  app.use(
    '*',
    securityHeaders(() => scriptHashes),
  );
  if (options.loopbackOnly) app.use('*', loopbackHostCheck());
  app.use('*', crossSiteCheck());
  // An answer of the API is for the person who asked: no browser or proxy keeps it for another.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });

  signIn(app, {
    store: options.store,
    withoutAccounts: workbenchRequester,
    networked: options.networked ?? false,
    oidc: options.oidc === undefined ? oidcSettingsFromEnvironment() : options.oidc,
    publicUrl: options.publicUrl ?? (process.env.TANDEM_URL || undefined),
    trustProxy: options.trustProxy ?? process.env.TANDEM_TRUST_PROXY === '1',
  });

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json' }));

  const schemas = new Map<string, ReturnType<typeof inputJsonSchema>>();
  const schemaOf = (name: string) => {
    const known = schemas.get(name);
    if (known) return known;
    const made = inputJsonSchema(operations[name]!.input);
    schemas.set(name, made);
    return made;
  };

  /** Runs an operation with a JSON body; refusals that need no body come before it is read. */
  const runWithBody = async (c: Context, name: string, pathInput: Record<string, string> = {}) => {
    // Its own entries only: "toString" or "constructor" are properties of every object, no operation.
    const op = Object.hasOwn(operations, name) ? operations[name] : undefined;
    if (!op) throw new TandemError('not-found', `no operation named "${name}"; see /api/openapi.json`);
    if (op.servedAt)
      throw new TandemError(
        'not-found',
        `${name} is served over HTTP as ${op.servedAt}; see /api/openapi.json`,
      );
    // A local-only operation, or a write by someone who may not write, costs the server nothing
    // however large the body.
    await assertMayRunAudited(op, call(name));
    // Fields sent in the query string of a body operation were dropped, and the answer given as if
    // they had not been asked (POST /api/ops/summary?country=… answered for every country).
    const url = new URL(c.req.url);
    const query = [...new Set(url.searchParams.keys())];
    if (query.length)
      throw new TandemError(
        'bad-input',
        `${c.req.method} ${url.pathname} takes its fields in the JSON body, not the query string (${query.slice(0, 5).join(', ')})`,
        { details: { fields: query } },
      );
    assertJsonBody(c);
    const text = await readBodyText(c, JSON_BODY_MAX_BYTES, options.bodyPace);
    let raw: unknown;
    try {
      raw = text.trim() === '' ? {} : JSON.parse(text);
    } catch (e) {
      throw new TandemError('bad-input', `the request body is not JSON: ${(e as Error).message}`);
    }
    if (raw && typeof raw === 'object' && !Array.isArray(raw))
      refuseUnknownFields(schemaOf(name), Object.keys(raw), `${c.req.method} ${url.pathname}`);
    if (Object.keys(pathInput).length) {
      if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw new TandemError(
          'bad-input',
          'the request body must be a JSON object of the fields that change',
        );
      raw = { ...raw, ...pathInput };
    }
    const result = await runOperation(op, raw, call(name));
    cache.clear();
    return result;
  };

  app.post('/api/ops/:name', async (c) => c.json((await runWithBody(c, c.req.param('name'))) ?? null));
  for (const route of CREATE_ROUTES) {
    if (operations[route.operation])
      app.post(route.path, async (c) => c.json(await runWithBody(c, route.operation), 201));
  }
  for (const route of UPDATE_ROUTES) {
    if (operations[route.operation])
      app.patch(honoPath(route.path), async (c) =>
        c.json(await runWithBody(c, route.operation, c.req.param() as Record<string, string>)),
      );
  }

  for (const route of READ_ROUTES) {
    const op = operations[route.operation];
    if (!op) continue;
    const schema = inputJsonSchema(op.input);
    app.get(honoPath(route.path), async (c) => {
      const url = new URL(c.req.url);
      refuseUnknownFields(schema, url.searchParams.keys(), `GET ${url.pathname}`);
      const pathInput = c.req.param() as Record<string, string>;
      // Kept per person: what an answer withholds depends on their clearance and offices, and
      // each person's reads of sensitive records are audited as they compute (a shared answer
      // would reach a second reader unlogged).
      const { requester } = context();
      const who = [requester.name, clearanceOf(requester.roles), ...(requester.offices ?? ['*'])].join(',');
      const key = `${who}|${url.pathname}?${[...url.searchParams].sort().join('&')}`;
      const compute = async () => {
        const input = { ...queryToInput(schema, url.searchParams), ...pathInput };
        const { result, audited } = await watchingAudit(() => runOperation(op, input, call(route.operation)));
        const body = encodedJsonOf(result) ?? Buffer.from(JSON.stringify(result ?? null));
        if (audited) auditedAnswers.add(body);
        return body;
      };
      // An answer whose reading was logged is not kept: the same person's next read is logged too.
      const body =
        (route.cacheable?.(url.searchParams) ?? true)
          ? await cache.get(key, compute, (b) => !auditedAnswers.has(b))
          : await compute();
      return c.body(body, 200, { 'content-type': 'application/json' });
    });
  }

  exportRoute(app, { operations, call });

  uploadRoutes(app, { operations, call, onWrite: () => cache.clear(), pace: options.bodyPace });
  briefRoutes(app, { operations, call, printPdf: options.printPdf });

  app.all('/api/*', () => {
    throw new TandemError('not-found', 'no such API path; see /api/openapi.json');
  });

  if (webRoot && index !== null) {
    // Built assets carry a content hash in their names, so browsers may keep them for good.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('/*', serveStatic({ root: webRoot }));
    // The workbench routes in the browser; any other path gets its page.
    app.get('*', (c) => c.html(index));
  } else {
    app.get('/', (c) =>
      c.text(
        'Tandem API is running. The web workbench is not built: run `npm run build:web`. API: /api/openapi.json\n',
      ),
    );
  }
  return app;
}

/**
 * Who the workbench acts for while the store has no accounts (see sign-in.ts): the rights the
 * server's operator gives it, full clearance unless TANDEM_ROLES (as for the CLI) narrows it.
 */
function workbenchRequester(): Requester {
  return requesterFromEnvironment('workbench');
}

/**
 * The connection an operation that asks for its own gets (an event import). On SQLite the server's
 * connection is shared by every request, and an import holds a transaction on it for as long as it
 * reads the file: requests meanwhile would read its rows before they are committed, and another
 * write would land inside it. So it gets a connection of its own: readers keep the last committed
 * state until it commits, and other writes wait. PostgreSQL transactions already get their own.
 */
async function ownConnection(store: Store): Promise<Store | null> {
  if (store.dialect !== 'sqlite' || store.location === ':memory:' || !existsSync(store.location)) return null;
  return openStore({ dbPath: store.location });
}
