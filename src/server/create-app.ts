import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppContext, Requester } from '../app/operation.ts';
import { operations as allOperations } from '../app/operations.ts';
import { clearanceOf } from '../domain/sensitivity.ts';
import { TandemError } from '../domain/tandem-error.ts';
import { openStore, type Store } from '../store/store.ts';
import { briefRoutes, type PrintPdf } from './brief-routes.ts';
import { errorResponse } from './error-response.ts';
import { inputJsonSchema, openApiDocument } from './openapi-document.ts';
import { parseInput, queryToInput } from './operation-input.ts';
import { type OperationTable, READ_ROUTES } from './operation-table.ts';
import { ResponseCache } from './response-cache.ts';
import { currentRequester, signIn } from './sign-in.ts';
import { uploadRoutes } from './upload-routes.ts';

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
  const app = new Hono();
  const context = (): AppContext => ({
    store: options.store,
    requester: currentRequester() ?? workbenchRequester(),
  });
  const openapi = JSON.stringify(openApiDocument(operations));
  /**
   * Where an import runs. On SQLite the server's connection is shared by every request, and an
   * import holds a transaction on it for as long as it reads the file: requests meanwhile would
   * read its rows before they are committed, and another write would land inside it. So an import
   * gets a connection of its own: readers keep the last committed state until it commits, and
   * other writes wait for it. (PostgreSQL transactions already get their own connection.)
   */
  const importContext = async (): Promise<{ ctx: AppContext; close: () => Promise<void> }> => {
    const ctx = context();
    const { store } = options;
    if (store.dialect !== 'sqlite' || store.location === ':memory:' || !existsSync(store.location))
      return { ctx, close: async () => {} };
    const own = await openStore({ dbPath: store.location });
    return { ctx: { ...ctx, store: own }, close: () => own.close() };
  };

  app.onError((e, c) => {
    const { status, body } = errorResponse(e, log);
    return c.json(body, status as 400);
  });

  signIn(app, { store: options.store, withoutAccounts: workbenchRequester });

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.get('/api/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json' }));

  app.post('/api/ops/:name', async (c) => {
    const name = c.req.param('name');
    const op = operations[name];
    if (!op) throw new TandemError('not-found', `no operation named "${name}"; see /api/openapi.json`);
    let raw: unknown;
    try {
      const text = await c.req.text();
      raw = text.trim() === '' ? {} : JSON.parse(text);
    } catch (e) {
      throw new TandemError('bad-input', `the request body is not JSON: ${(e as Error).message}`);
    }
    const input = parseInput(op.input, raw, `input for ${name}`);
    let result: unknown;
    if (name === 'importFiles') {
      const { ctx, close } = await importContext();
      result = await op.run(ctx, input).finally(close);
    } else result = await op.run(context(), input);
    cache.clear();
    return c.json(result ?? null);
  });

  for (const route of READ_ROUTES) {
    const op = operations[route.operation];
    if (!op) continue;
    const schema = inputJsonSchema(op.input);
    app.get(route.path, async (c) => {
      const url = new URL(c.req.url);
      // Shared between viewers of the same clearance: what an answer withholds depends on it.
      const clearance = clearanceOf(context().requester.roles);
      const key = `${clearance}|${route.operation}?${[...url.searchParams].sort().join('&')}`;
      const compute = async () => {
        const input = parseInput(op.input, queryToInput(schema, url.searchParams), `query for ${route.path}`);
        return Buffer.from(JSON.stringify((await op.run(context(), input)) ?? null));
      };
      const body =
        (route.cacheable?.(url.searchParams) ?? true) ? await cache.get(key, compute) : await compute();
      return c.body(body, 200, { 'content-type': 'application/json' });
    });
  }

  uploadRoutes(app, { operations, context, importContext, onWrite: () => cache.clear() });
  briefRoutes(app, { operations, context, printPdf: options.printPdf });

  app.all('/api/*', () => {
    throw new TandemError('not-found', 'no such API path; see /api/openapi.json');
  });

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
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
  const roles = (process.env.TANDEM_ROLES ?? 'admin')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  return { name: process.env.TANDEM_USER ?? 'workbench', roles };
}
