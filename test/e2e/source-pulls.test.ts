import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { sharedData } from '../shared-data.ts';
import { type AcledStandIn, acledSampleRows, startAcledStandIn } from '../stand-ins/acled-stand-in.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(ROOT, 'test', 'output');
const ACLED_CSV = sharedData('acled/acled_south_sudan_2011-2015.csv');
const skip = existsSync(join(ROOT, 'web', 'dist', 'index.html'))
  ? existsSync(CHROMIUM_PATH)
    ? ACLED_CSV.skip
    : `no Chromium at ${CHROMIUM_PATH}`
  : 'the workbench is not built (npm run build:web)';
const PASSWORD = 'a long enough passphrase';
const ENV = ['ACLED_API_URL', 'ACLED_USERNAME', 'ACLED_PASSWORD'] as const;

describe("the Import page's pulls from ACLED, in Chromium", { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let acled: AcledStandIn;
  let browser: BrowserContext;
  let page: Page;
  const saved: Record<string, string | undefined> = {};
  const url = (path: string) => `http://localhost:${server.port}${path}`;

  before(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    for (const k of ENV) saved[k] = process.env[k];
    dir = mkdtempSync(join(tmpdir(), 'tandem-pulls-e2e-'));
    acled = await startAcledStandIn({
      events: acledSampleRows(ACLED_CSV.path),
      username: 'jmac@un.org',
      password: 'pw',
    });
    process.env.ACLED_API_URL = acled.url;
    process.env.ACLED_USERNAME = 'jmac@un.org';
    process.env.ACLED_PASSWORD = 'pw';
    process.env.TANDEM_PULL_BACKOFF_MS = '5';
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await loadDemoMission({ store, requester: { name: 'e2e', roles: ['admin'] } }, { onlyIfEmpty: true });
    await addUserAccount(store, 'Jo Analyst', ['poc'], { offices: ['all-offices'], password: PASSWORD });
    await addUserAccount(store, 'Vi Viewer', ['viewer'], { offices: ['all-offices'], password: PASSWORD });
    server = await startServer({ store, port: 0, log: () => {}, warmUp: false });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 800 },
    });
    page = await browser.newPage();
  });

  after(async () => {
    for (const k of ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    delete process.env.TANDEM_PULL_BACKOFF_MS;
    await browser?.close();
    await server?.close();
    await store?.close();
    await acled?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (name: string) => {
    // From a blank page: a request of the page before, refused once signed out, would go to
    // the sign-in page itself and cut this navigation short.
    await page.goto('about:blank');
    await page.goto(url('/sign-out'));
    await page.waitForURL(/\/sign-in$/);
    await page.fill('#name', name);
    await page.fill('#password', PASSWORD);
    await page.click('#password-form button');
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  };

  test('a writer pulls a country now and sees its counts; a failed pull shows its error; a viewer sees no button', async () => {
    await signIn('Jo Analyst');
    await page.goto(url('/#/import'));
    const section = page.locator('section.source-pulls');
    await section.getByText('No pulls yet.').waitFor();
    await section.getByLabel('Country').fill('South Sudan');
    await section.locator('form.pull-new button').click();
    const row = section.locator('tr.pull-row', { hasText: 'South Sudan' });
    await row.waitFor();
    assert.match(
      (await row.locator('.pull-counts').textContent()) ?? '',
      /2,590 rows: 2,590 new, 0 updated, 0 deleted/,
    );
    await page.screenshot({ path: join(OUTPUT, 'source-pulls.png'), fullPage: true });

    acled.mode.quota = true;
    await row.getByRole('button', { name: 'Pull now' }).click();
    await section.locator('.error-box').waitFor();
    assert.match((await section.locator('.error-box').textContent()) ?? '', /Nothing was pulled.*quota/);
    await row.locator('.pull-error', { hasText: /quota/ }).waitFor();
    // The last good pull's counts stay beside the error.
    assert.match((await row.locator('.pull-counts').textContent()) ?? '', /2,590 rows/);
    acled.mode.quota = false;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(OUTPUT, 'source-pulls-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await signIn('Vi Viewer');
    await page.goto(url('/#/import'));
    await section.locator('tr.pull-row', { hasText: 'South Sudan' }).waitFor();
    assert.equal(await section.getByRole('button', { name: 'Pull now' }).count(), 0);
    const refused = await page.evaluate(async () => {
      const r = await fetch('/api/ops/pullAcled', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ country: 'South Sudan' }),
      });
      return r.status;
    });
    assert.equal(refused, 403);
  });
});
