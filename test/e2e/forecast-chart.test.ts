import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(ROOT, 'test', 'output');
const skip = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH}`;

let dir: string;
let store: Store;
let server: RunningServer;
let browser: BrowserContext;

before(async () => {
  if (skip) return;
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) {
    const built = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
  }
  mkdirSync(OUTPUT, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-forecast-'));
  store = await openStore({ dbPath: join(dir, 'tandem.db') });
  await loadDemoMission({ store, requester: { name: 'e2e', roles: ['admin'] } }, { onlyIfEmpty: true });
  server = await startServer({ store, port: 0, log: () => {} });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the overview draws two years of history and six forecast months with their ranges, and switches to deaths', {
  skip,
}, async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.port}/#/`);
  const chart = page.locator('section.forecast');
  await chart.locator('figure svg').waitFor();
  // The observed months as dots, then the six forecast months (the range is one filled area).
  assert.equal(await chart.locator('svg [aria-label="dot"] circle').count(), 24 + 6);
  assert.equal(await chart.locator('svg [aria-label="area"] path').count(), 1);
  assert.match((await chart.locator('p.muted').textContent()) ?? '', /80% range \d+–\d+/);
  // A legend says what the line, the band and the dotted rule are (the line is the typical month,
  // not the mean, which runs higher).
  assert.match(
    (await chart.locator('p.forecast-legend').textContent()) ?? '',
    /recorded.*forecast: the typical month.*80% range.*forecast made from here/,
  );
  await chart.locator('select').selectOption('fatalities');
  await chart.getByText(/deaths, 80% range/).waitFor();
  await page.getByRole('heading', { name: /Where deaths may start/ }).waitFor();
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'forecast-overview.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
