import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { operations } from '../../src/app/operations.ts';
import { runOperation } from '../../src/app/run-operation.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { openStore, type Store } from '../../src/store/store.ts';

/** A4's width less the PDF's 14 mm margins, in CSS pixels: what a printed brief has across. */
const PRINTED_WIDTH = Math.floor(((210 - 2 * 14) / 25.4) * 96);

/** How far past `width` the widest table, chart or the page itself reaches; 0 when all fit. */
const overflow = (page: Page, width: number) =>
  page.evaluate((w) => {
    let worst = document.documentElement.scrollWidth - w;
    for (const e of document.querySelectorAll('table, figure svg'))
      worst = Math.max(worst, Math.round(e.getBoundingClientRect().right) - w);
    return worst;
  }, width);

describe('the brief on paper and on a phone', {
  skip: existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH}`,
}, () => {
  let dir: string;
  let store: Store;
  let browser: Browser;
  const html: Record<string, string> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-brief-layout-'));
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    const call = { via: 'cli' as const, name: 'test', requester: { name: 'test', roles: ['admin'] }, store };
    await loadDemoMission({ store, requester: call.requester }, { onlyIfEmpty: true });
    for (const lang of ['en', 'fr'] as const)
      html[lang] = (await runOperation(operations.brief, { country: DEMO_COUNTRY, lang }, call)).content;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['en', 'fr'] as const) {
    test(`${lang}: printed, every table and chart fits the page's width; on a phone, only a table scrolls`, async () => {
      const page = await browser.newPage({ viewport: { width: PRINTED_WIDTH, height: 1000 } });
      await page.setContent(html[lang]!);
      assert.ok((await page.locator('table').count()) >= 5, 'the brief has its tables');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await overflow(page, PRINTED_WIDTH), 0, 'printed: something is cut at the right edge');
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 390, height: 844 });
      assert.ok(
        (await page.evaluate(() => document.documentElement.scrollWidth)) <= 390,
        'on a phone the page itself scrolls sideways',
      );
      // A chart's labels stay readable on a phone (shrunk to the screen they were 5px high).
      const smallest = await page.evaluate(() =>
        Math.min(
          ...[...document.querySelectorAll('figure svg text')].map((t) => t.getBoundingClientRect().height),
        ),
      );
      assert.ok(smallest >= 8, `a chart label is ${smallest.toFixed(1)}px high on a phone`);
      await page.close();
    });
  }
});
