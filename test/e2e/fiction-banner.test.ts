import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { importFiles } from '../import-files.ts';
import { browserSkip } from './workbench-session.ts';

const GOOD = new URL('../fixtures/good/', import.meta.url).pathname;

/**
 * A store with the demonstration beside real data: the banner saying the mission is fictional
 * stands over the fictional country's pages only (a new user saw it over South Sudan's).
 */
describe('the fiction banner', { skip: browserSkip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-fiction-'));
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await loadDemoMission({ store, requester: { name: 'e2e', roles: ['admin'] } });
    await importFiles(store, [join(GOOD, 'acled-new-format.csv')]);
    server = await startServer({ store, port: 0, log: () => {}, warmUp: false });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [country, shown] of [
    [DEMO_COUNTRY, true],
    ['Testland', false],
  ] as const) {
    test(`over ${country}: ${shown ? 'shown' : 'not shown'}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(`http://127.0.0.1:${server.port}/#/?country=${encodeURIComponent(country)}`);
        await page.locator('select').first().waitFor({ timeout: 30_000 });
        await page.waitForFunction(
          (c) => (document.querySelector('.country-pick select') as HTMLSelectElement | null)?.value === c,
          country,
          { timeout: 30_000 },
        );
        assert.equal(await page.locator('p.fiction').count(), shown ? 1 : 0);
      } finally {
        await page.close();
      }
    });
  }
});
