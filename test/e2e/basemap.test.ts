import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { operations } from '../../src/app/operations.ts';
import { runOperation } from '../../src/app/run-operation.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { importFiles } from '../import-files.ts';
import { sharedData } from '../shared-data.ts';
import { browserSkip, OUTPUT } from './workbench-session.ts';

const ssd = sharedData('acled/acled_south_sudan_2011-2015.csv');
const car = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');
const ssdAreas = sharedData('boundaries/ne10m_admin1_sds.geojson');
const carAreas = sharedData('boundaries/ne10m_admin1_caf.geojson');
const skip = browserSkip || ssd.skip || car.skip || ssdAreas.skip || carAreas.skip;

describe('the map draws rivers, lakes, borders and towns with no internet (issue 15.4)', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'tandem-basemap-e2e-'));
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await importFiles(store, [ssd.path, car.path]);
    await runOperation(
      operations.loadBoundaries,
      { paths: [ssdAreas.path, carAreas.path] },
      { via: 'cli', name: 'loadBoundaries', requester: { name: 'test', roles: ['admin'] }, store },
    );
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

  for (const [country, name, period] of [
    ['South Sudan', 'south-sudan', 'from=2013-12-01&to=2014-03-31'],
    ['Central African Republic', 'car', 'from=2013-01-01&to=2014-12-31'],
  ] as const) {
    test(`${country}: the basemap's rivers, borders and towns are drawn in view, under the events`, async () => {
      for (const [width, height] of [
        [1280, 800],
        [390, 844],
      ] as const) {
        const page = await browser.newPage({ viewport: { width, height } });
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        await page.goto(
          `http://127.0.0.1:${server.port}/#/?country=${encodeURIComponent(country)}&${period}`,
        );
        const drawn = Object.fromEntries(
          ((await page.locator('.map-wrap[data-basemap*="="]').getAttribute('data-basemap')) ?? '')
            .split(' ')
            .map((pair) => pair.split('='))
            .map(([layer, n]) => [layer, Number(n)]),
        );
        for (const layer of ['rivers', 'borders', 'towns'])
          assert.ok(drawn[layer] > 0, `${layer} at ${width}px: ${JSON.stringify(drawn)}`);
        assert.ok('lakes' in drawn);
        // Everything came from Tandem itself.
        const host = `127.0.0.1:${server.port}`;
        assert.deepEqual(
          requests.filter(
            (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).host !== host,
          ),
          [],
        );
        assert.ok(requests.some((u) => u.endsWith('/basemap/water.json')));
        await page.screenshot({ path: join(OUTPUT, `basemap-${name}-${width}.png`) });
        await page.close();
      }
    });
  }
});
