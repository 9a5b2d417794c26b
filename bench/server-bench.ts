/**
 * The workbench under load: the dashboard's read endpoints against 50 concurrent clients
 * (autocannon, on 127.0.0.1 only, a few seconds per endpoint), each endpoint's first answer with
 * no cache, and the overview page's first render in headless Chromium. bench/run.ts calls
 * `benchServer(store, country)`; run alone it opens a SQLite store and benchmarks its largest
 * country (or the one given):
 *   node --import tsx bench/server-bench.ts /tmp/bench.db [Country]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/reports/pdf-printer.ts';
import { DEFAULT_WEB_ROOT } from '../src/server/create-app.ts';
import { openStore, type Store } from '../src/store/store.ts';

export interface EndpointFigures {
  path: string;
  /** The first answer with the cache off: what one viewer waits for after new data arrives, ms. */
  coldMs: number;
  requests: number;
  non2xx: number;
  /** Latency percentiles under load, ms. */
  p50: number;
  p95: number;
  p99: number;
}

/** One dashboard endpoint under load where every request asks a different question. */
export interface DistinctFigures {
  endpoint: string;
  requests: number;
  /** How many different URLs were asked: the cache could serve none of them twice. */
  distinctUrls: number;
  non2xx: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface ServerBenchResult {
  country: string;
  connections: number;
  secondsPerEndpoint: number;
  endpoints: EndpointFigures[];
  /** Each dashboard endpoint with every request a different period, filter or page (issue 15). */
  distinct: DistinctFigures[];
  /** The worst p95 of `distinct`; the target is 100 ms. */
  worstDistinctP95: number;
  /** The worst p95 of the dashboard endpoints; the target is 50 ms. */
  worstP95: number;
  /**
   * Overview page: navigation start to headline figures and map drawn, on a freshly started server
   * and a fresh browser profile, ms (median of a few visits; target 1,500); null without Chromium.
   */
  overviewFirstRenderMs: number | null;
  overviewNote?: string;
  /** What the server said of its event index: "N events indexed in memory …" or why there is none. */
  eventIndex: string;
}

export interface ServerBenchOptions {
  connections?: number;
  /** For a PostgreSQL store: its full URL (the store's location omits the password). */
  databaseUrl?: string;
  /** Seconds of load per endpoint (bounded: the whole run takes about endpoints × this). */
  seconds?: number;
}

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'tandem.js');

function dashboardPaths(country: string): string[] {
  const c = encodeURIComponent(country);
  return [
    '/api/status',
    `/api/summary?by=admin1&country=${c}`,
    `/api/areas?country=${c}`,
    `/api/areas/trend?country=${c}`,
    `/api/areas/events?country=${c}&limit=2000&shape=points`,
    `/api/alerts?country=${c}`,
  ];
}

/** A small seeded generator (mulberry32), so every run asks the same questions. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VIOLENCE = ['battles', 'explosions-remote-violence', 'violence-against-civilians', 'protests', 'riots'];
const PERPETRATORS = ['', 'state-forces', 'rebel-group,political-militia,identity-militia'];

/**
 * The questions the overview and the area page ask, each time with another period (any whole
 * months of the record), filter, area or page: what 50 people each looking at something different
 * send. Returns a function giving the next path for each endpoint.
 */
export function distinctQuestions(
  country: string,
  months: string[],
  areas: string[],
): Record<string, (random: () => number) => string> {
  const c = `country=${encodeURIComponent(country)}`;
  const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const period = (r: () => number) => {
    const a = Math.floor(r() * months.length);
    const b = Math.floor(r() * months.length);
    const [from, to] = [months[Math.min(a, b)]!, months[Math.max(a, b)]!];
    const [y, m] = to.split('-').map(Number);
    return `from=${from}-01&to=${new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10)}`;
  };
  const filters = (r: () => number) => {
    const types = VIOLENCE.filter(() => r() < 0.3);
    const perp = pick(r, PERPETRATORS);
    return `${types.length ? `&violenceTypes=${types.join(',')}` : ''}${perp ? `&actorCategories=${perp}` : ''}`;
  };
  const area = (r: () => number) => `&admin1=${encodeURIComponent(pick(r, areas))}`;
  return {
    '/api/areas': (r) => `/api/areas?${c}&${period(r)}${filters(r)}`,
    '/api/areas/trend': (r) => `/api/areas/trend?${c}${r() < 0.5 ? area(r) : ''}${filters(r)}`,
    '/api/areas/events (points)': (r) =>
      `/api/areas/events?${c}&${period(r)}${filters(r)}&limit=2000&shape=points`,
    '/api/areas/events (area list)': (r) =>
      `/api/areas/events?${c}${area(r)}&${period(r)}${filters(r)}&limit=50&offset=${50 * Math.floor(r() * 5)}`,
    '/api/alerts': (r) => `/api/alerts?${c}${r() < 0.5 ? area(r) : ''}&${period(r)}`,
  };
}

/** Loads each endpoint with every request a different question (none can be served from the cache). */
export async function benchDistinct(
  url: string,
  questions: Record<string, (random: () => number) => string>,
  connections: number,
  seconds: number,
): Promise<DistinctFigures[]> {
  const out: DistinctFigures[] = [];
  for (const [endpoint, next] of Object.entries(questions)) {
    const random = rng(15);
    const asked = new Set<string>();
    const times: number[] = [];
    const instance = autocannon({
      url,
      connections,
      duration: seconds,
      timeout: 10,
      requests: [
        {
          setupRequest: (req: { path: string }) => {
            let path = next(random);
            // A repeat would be a cache hit: draw again (a few times) so each request is new.
            for (let i = 0; i < 5 && asked.has(path); i++) path = next(random);
            asked.add(path);
            return { ...req, path };
          },
        },
      ],
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
      times.push(ms),
    );
    const r = await instance;
    times.sort((a, b) => a - b);
    out.push({
      endpoint,
      requests: r.requests.total,
      distinctUrls: asked.size,
      non2xx: r.non2xx,
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      p99: round(percentile(times, 99)),
    });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs the dashboard endpoints under load and the overview's first render. The server runs as its
 * own process (`tandem serve`, as users run it) so that the load generator does not share its
 * event loop; it opens the same store as `store` (a SQLite path, or `databaseUrl` for PostgreSQL).
 */
export async function benchServer(
  store: Store,
  country: string,
  options: ServerBenchOptions = {},
): Promise<ServerBenchResult> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 4;
  const paths = dashboardPaths(country);
  const storeArgs =
    store.dialect === 'sqlite'
      ? ['--db', store.location]
      : ['--database-url', options.databaseUrl ?? process.env.DATABASE_URL ?? ''];
  // This server does not warm its cache at start-up, so that the first answers below are cold.
  const server = await spawnServer(storeArgs, { warmUp: false });
  const endpoints: EndpointFigures[] = [];
  try {
    // Cold: the first request of each endpoint, on a server that has answered nothing yet.
    const coldMs = new Map<string, number>();
    for (const p of paths) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}${p}`);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
      coldMs.set(p, Math.round(performance.now() - t0));
    }
    // The first reads started the event index (a server that warms up builds it before it
    // listens): the loads below are timed once it is built, as users meet the server.
    // What the server said of it is part of the result: figures measured without the index are
    // SQL's, not the index's (a broken worker once went unnoticed that way).
    const index = (await server.said(/indexed in memory|no event index/, 120_000)) ?? 'not said within 120 s';
    for (const p of paths) {
      const times: number[] = [];
      const instance = autocannon({ url: `${server.url}${p}`, connections, duration: seconds, timeout: 10 });
      instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
        times.push(ms),
      );
      const r = await instance;
      times.sort((a, b) => a - b);
      endpoints.push({
        path: p,
        coldMs: coldMs.get(p) ?? Number.NaN,
        requests: r.requests.total,
        non2xx: r.non2xx,
        p50: round(percentile(times, 50)),
        p95: round(percentile(times, 95)),
        p99: round(percentile(times, 99)),
      });
    }
    const record = await store.db
      .selectFrom('event_counts')
      .select(['month', 'admin1'])
      .distinct()
      .where('country', '=', country)
      .execute();
    const months = [...new Set(record.map((r) => r.month))].sort();
    const areas = [...new Set(record.map((r) => r.admin1))].filter(Boolean).sort();
    const distinct = await benchDistinct(
      server.url,
      distinctQuestions(country, months, areas),
      connections,
      seconds,
    );
    server.stop();
    const render = await overviewFirstRender(storeArgs);
    return {
      country,
      connections,
      secondsPerEndpoint: seconds,
      endpoints,
      distinct,
      worstDistinctP95: Math.max(...distinct.map((e) => e.p95)),
      worstP95: Math.max(...endpoints.map((e) => e.p95)),
      eventIndex: index,
      overviewFirstRenderMs: render.ms,
      ...(render.note ? { overviewNote: render.note } : {}),
    };
  } finally {
    server.stop();
  }
}

/**
 * Starts `tandem serve` on a free loopback port and waits until it says where it listens. With
 * `warmUp` false it does not fill its cache at start-up (as it does for users).
 */
async function spawnServer(
  storeArgs: string[],
  { warmUp }: { warmUp: boolean },
): Promise<{
  url: string;
  stop(): void;
  said(pattern: RegExp, timeoutMs: number): Promise<string | undefined>;
}> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--no-demo', ...storeArgs],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TANDEM_WARM_UP: warmUp ? '1' : '0' },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`tandem serve did not start: ${err}`)), 60000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = /workbench at (http:\/\/\S+) /.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    });
    child.on('exit', (code) => reject(new Error(`tandem serve exited (${code}): ${err}`)));
  });
  let said = '';
  child.stderr.on('data', (d) => {
    said += d;
  });
  return {
    url,
    stop: () => child.kill('SIGTERM'),
    /** The first line the server says that matches `pattern`, waiting up to `timeoutMs`. */
    async said(pattern, timeoutMs) {
      for (
        const end = Date.now() + timeoutMs;
        Date.now() < end;
        await new Promise((r) => setTimeout(r, 100))
      ) {
        const line = said.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) return line.trim();
      }
      return undefined;
    },
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** How many times the overview's first render is measured; the median is reported. */
const RENDERS = 3;

/**
 * The overview's first render, as a first visitor meets it: each time a fresh Chromium profile (no
 * cached files) and a server started just before the visit, which has answered nobody (its own
 * start-up warming, which users get too, runs while the page loads). The browser is started
 * before the server, as a user's browser is already open: Chromium's own start-up work (its
 * built-in pages) is not the workbench's. Timed from navigation start to the later of headline
 * figures shown and map drawn (areas and points, the map idle); the median of a few visits.
 */
export async function overviewFirstRender(
  storeArgs: string[],
): Promise<{ ms: number | null; note?: string }> {
  if (!existsSync(CHROMIUM_PATH)) return { ms: null, note: `no Chromium at ${CHROMIUM_PATH}` };
  if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html')))
    return { ms: null, note: 'web/dist not built (npm run build:web)' };
  const { chromium } = await import('playwright-core');
  const visits: { figures: number; drawn: number; polled: number }[] = [];
  for (let i = 0; i < RENDERS; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 800 },
    });
    let server: { url: string; stop(): void } | undefined;
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      // The page notes when the figures and the drawn map enter the document. Asking it after
      // waiting (as the harness must) would also count whatever the page does next (the chart
      // below the map), and the harness's own round trips: those times are kept for the note.
      // The harness waits on a promise the page resolves, not by polling the document: Playwright's
      // locator polling runs a query on every animation frame, on the main thread the page needs.
      await page.addInitScript(() => {
        const seen: Record<string, number> = {};
        const w = window as unknown as { benchSeen: Record<string, number>; benchDone: Promise<void> };
        w.benchSeen = seen;
        w.benchDone = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (seen.figures === undefined && document.querySelector('.figure .value'))
              seen.figures = performance.now();
            if (seen.drawn === undefined && document.querySelector('.map-wrap[data-drawn="yes"]'))
              seen.drawn = performance.now();
            if (seen.figures !== undefined && seen.drawn !== undefined) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(document, { subtree: true, childList: true, attributes: true });
        });
      });
      server = await spawnServer(storeArgs, { warmUp: true });
      await page.goto(`${server.url}/`);
      await page.evaluate(() =>
        Promise.race([
          (window as unknown as { benchDone: Promise<void> }).benchDone,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error('figures and map not shown within 30 s')), 30000),
          ),
        ]),
      );
      const polled = await page.evaluate(() => Math.round(performance.now()));
      const seen = await page.evaluate(
        () => (window as unknown as { benchSeen: Record<string, number> }).benchSeen,
      );
      visits.push({
        figures: Math.round(seen.figures),
        drawn: Math.round(Math.max(seen.figures, seen.drawn)),
        polled,
      });
    } finally {
      server?.stop();
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  const sorted = [...visits].sort((a, b) => a.drawn - b.drawn);
  const median = sorted[Math.floor(sorted.length / 2)];
  return {
    ms: median.drawn,
    note: `median of ${visits.length} first visits; headline figures at ${median.figures} ms, map drawn at ${median.drawn} ms (all: ${visits.map((v) => v.drawn).join(', ')} ms; seen by the harness at ${visits.map((v) => v.polled).join(', ')} ms)`,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const store = await openStore({ dbPath: process.argv[2] });
  try {
    let country = process.argv[3];
    if (!country) {
      const top = await store.db
        .selectFrom('event_counts')
        .select((eb) => ['country', eb.fn.sum<number>('events').as('n')])
        .groupBy('country')
        .orderBy('n', 'desc')
        .limit(1)
        .executeTakeFirst();
      country = top?.country ?? '';
    }
    const r = await benchServer(store, country, { seconds: Number(process.env.TANDEM_BENCH_SECONDS ?? 4) });
    for (const e of r.endpoints) {
      console.log(
        `${e.path.padEnd(60)} cold ${String(e.coldMs).padStart(6)} ms  p50 ${String(e.p50).padStart(6)}  p95 ${String(e.p95).padStart(6)}  p99 ${String(e.p99).padStart(6)} ms  (${e.requests} requests, ${e.non2xx} not 2xx)`,
      );
    }
    console.log(`worst p95 under ${r.connections} clients: ${r.worstP95} ms (target 50)`);
    for (const e of r.distinct) {
      console.log(
        `distinct ${e.endpoint.padEnd(32)} p50 ${String(e.p50).padStart(6)}  p95 ${String(e.p95).padStart(6)}  p99 ${String(e.p99).padStart(6)} ms  (${e.requests} requests, ${e.distinctUrls} different URLs, ${e.non2xx} not 2xx)`,
      );
    }
    console.log(`worst p95, every request a different question: ${r.worstDistinctP95} ms (target 100)`);
    console.log(`the server's event index: ${r.eventIndex}`);
    console.log(
      `overview first render: ${r.overviewFirstRenderMs ?? 'n/a'} ms (target 1500)${r.overviewNote ? ` — ${r.overviewNote}` : ''}`,
    );
  } finally {
    await store.close();
  }
}
