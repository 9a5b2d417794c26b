import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { operations } from '../../src/app/operations.ts';
import { runOperation } from '../../src/app/run-operation.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { importFiles } from '../import-files.ts';
import { sharedData } from '../shared-data.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(ROOT, 'test', 'output');
const ssd = sharedData('acled/acled_south_sudan_2011-2015.csv');
const car = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');
const ssdAreas = sharedData('boundaries/ne10m_admin1_sds.geojson');
const skip = !existsSync(join(ROOT, 'web', 'dist', 'index.html'))
  ? 'the workbench is not built (npm run build:web)'
  : !existsSync(CHROMIUM_PATH)
    ? `no Chromium at ${CHROMIUM_PATH}`
    : ssd.skip || car.skip || ssdAreas.skip;

/** The hash's parameters, as url-state.ts writes them. */
function params(page: Page): URLSearchParams {
  const hash = new URL(page.url()).hash;
  return new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
}

describe('one state in the address: country, period, area and filters (issue 15.1, 15.3)', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'tandem-state-e2e-'));
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await importFiles(store, [ssd.path, car.path]);
    await runOperation(
      operations.loadBoundaries,
      { paths: [ssdAreas.path] },
      { via: 'cli', name: 'loadBoundaries', requester: { name: 'test', roles: ['admin'] }, store },
    );
    server = await startServer({ store, port: 0, log: () => {}, warmUp: false });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const url = (hash: string) => `http://127.0.0.1:${server.port}/${hash}`;
  const events = async () =>
    Number(
      (await page.locator('.figure', { hasText: 'Events' }).first().locator('.value').textContent())?.replace(
        /,/g,
        '',
      ),
    );

  test('switching country resets the period to the new country’s latest twelve months', async () => {
    await page.goto(url('#/?country=South%20Sudan&from=2013-12-01&to=2013-12-31'));
    await page.locator('.figure').first().waitFor();
    assert.equal(await page.inputValue('input[name=from]'), '2013-12-01');
    const december = await events();
    assert.ok(december > 50, `South Sudan had ${december} events in December 2013`);
    await page.selectOption('.country-pick select', 'Central African Republic');
    await page.waitForFunction(() => location.hash.includes('Central%20African%20Republic'));
    // The Central African Republic's record in the sample ends in 2022-12.
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[name=from]')?.value === '2022-01-01',
    );
    assert.equal(params(page).get('from'), '2022-01-01');
    assert.equal(params(page).get('to'), '2022-12-31');
    await page.locator('h1', { hasText: 'Central African Republic' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true] .figure'));
    assert.ok((await events()) > 0, 'the new country shows its events, not 0');
    await page.screenshot({ path: join(OUTPUT, 'state-country-switch.png') });
  });

  test('the period chosen on the overview is carried to the area page, through reload, and to the brief', async () => {
    await page.goto(url('#/?country=South%20Sudan'));
    await page.locator('input[name=from]').waitFor();
    await page.fill('input[name=from]', '2013-12-01');
    await page.fill('input[name=to]', '2013-12-31');
    await page.waitForFunction(() => location.hash.includes('to=2013-12-31'));
    await page.locator('table.areas a', { hasText: 'Jonglei' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/area?'));
    const p = params(page);
    assert.deepEqual(
      [p.get('country'), p.get('area'), p.get('from'), p.get('to')],
      ['South Sudan', 'Jonglei', '2013-12-01', '2013-12-31'],
    );
    await page.locator('h1', { hasText: 'Jonglei' }).waitFor();
    await page.reload();
    await page.locator('table.events caption').waitFor();
    assert.equal(await page.inputValue('input[name=from]'), '2013-12-01');
    // Every event listed falls in the period, and each links to its event page.
    // Each date is written for the reader ("31 Dec 2013") and carries its ISO day in <time>.
    const dates = await page
      .locator('table.events tbody tr td:first-child time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    assert.ok(dates.length > 10);
    for (const d of dates) assert.ok(d >= '2013-12-01' && d <= '2013-12-31', d);
    const href = await page.locator('table.events tbody tr td:first-child a').first().getAttribute('href');
    assert.match(href ?? '', /^#\/event\?.*id=\d+/);
    // The alert for Jonglei's rise of December 2013 to January 2014 shows for December alone.
    await page.locator('.alerts li', { hasText: 'Jonglei' }).first().waitFor();
    // Paging: the next page lists the older events of the same period.
    const caption = (await page.locator('table.events caption').textContent()) ?? '';
    const total = Number(/of ([\d,]+)/.exec(caption)?.[1]?.replace(/,/g, ''));
    if (total > 50) {
      await page.getByRole('button', { name: 'Older →' }).click();
      await page.locator('table.events caption', { hasText: 'Events 51–' }).waitFor();
      assert.equal(params(page).get('p'), '2');
    }
    // The perpetrator filter narrows the list, and the address keeps it.
    await page.selectOption('select[name=perp]', 'state');
    await page.waitForFunction(() => location.hash.includes('perp=state'));
    await page.locator('table.events caption', { hasText: 'Events 1–' }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'state-area-period.png'), fullPage: true });
    // The brief link carries the period too.
    await page.getByRole('link', { name: 'Brief' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/brief?'));
    assert.equal(params(page).get('from'), '2013-12-01');
    assert.equal(params(page).get('to'), '2013-12-31');
    const frame = await page.locator('iframe').getAttribute('src');
    assert.match(frame ?? '', /from=2013-12-01&to=2013-12-31/);
  });

  test('a From after To is refused beside the field and never sent', async () => {
    await page.goto(url('#/?country=South%20Sudan&from=2013-12-01&to=2013-12-31'));
    await page.locator('.figure').first().waitFor();
    const before = await events();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) sent.push(r.url());
    });
    await page.fill('input[name=from]', '2014-02-01');
    const message = page.locator('.field-error');
    await message.waitFor();
    assert.match((await message.textContent()) ?? '', /after To/);
    assert.equal(await page.getAttribute('input[name=from]', 'aria-invalid'), 'true');
    await page.waitForTimeout(500);
    assert.equal(params(page).get('from'), '2013-12-01', 'the address keeps the last valid period');
    assert.deepEqual(
      sent.filter((u) => u.includes('2014-02-01')),
      [],
      'no request carried the refused period',
    );
    assert.equal(await events(), before);
    await page.screenshot({ path: join(OUTPUT, 'state-invalid-period.png') });
  });

  test('no page error was thrown', () => {
    assert.deepEqual(errors, []);
  });
});
