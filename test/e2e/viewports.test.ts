import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(ROOT, 'test', 'output', 'viewports');
const skip = !existsSync(join(ROOT, 'web', 'dist', 'index.html'))
  ? 'the workbench is not built (npm run build:web)'
  : existsSync(CHROMIUM_PATH)
    ? false
    : `no Chromium at ${CHROMIUM_PATH}`;

const country = encodeURIComponent(DEMO_COUNTRY);
/**
 * Every page of the workbench, as the navigation and the links reach it, and what shows it is
 * drawn. The event and actor pages name a record of the demonstration mission, read once it is
 * loaded.
 */
const record = { eventId: 0, actor: '' };
const PAGES: [name: string, hash: () => string, ready: string][] = [
  ['overview', () => `#/?country=${country}`, '.alerts li, .alerts + .empty, p.empty'],
  ['area', () => `#/area?country=${country}&area=Kessa%20Highlands`, 'table.events caption'],
  ['plan', () => '#/plan', 'h1'],
  ['agreements', () => '#/agreements', 'h1'],
  ['negotiations', () => '#/negotiations', 'h1'],
  ['incidents', () => '#/incidents', 'h1'],
  ['local', () => `#/local?country=${country}`, 'table.local-list'],
  ['participation', () => `#/participation?country=${country}`, 'section.participation'],
  ['frictions', () => '#/frictions', 'h1'],
  ['problems', () => '#/problems', 'h1'],
  ['event', () => `#/event?id=${record.eventId}`, 'dl.record'],
  ['actor', () => `#/actor?name=${encodeURIComponent(record.actor)}&country=${country}`, 'dl.record'],
  ['import', () => '#/import', 'h1'],
  ['brief', () => '#/brief', 'iframe'],
];
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

describe('every page at 390×844 (a phone) and 1280×800 (a small laptop)', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'tandem-viewports-'));
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await loadDemoMission({ store, requester: { name: 'e2e', roles: ['admin'] } }, { onlyIfEmpty: true });
    const event = await store.db
      .selectFrom('events')
      .select(['id', 'actor1'])
      .where('country', '=', DEMO_COUNTRY)
      .where('sensitivity', '=', 'public')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    record.eventId = event.id;
    record.actor = event.actor1;
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

  for (const size of SIZES) {
    for (const [name, hash, ready] of PAGES) {
      test(`${name} at ${size.width}×${size.height}: no sideways scrolling, no console error`, async () => {
        const page = await browser.newPage({ viewport: size });
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          await page.goto(`http://127.0.0.1:${server.port}/${hash()}`);
          await page.locator(ready).first().waitFor({ timeout: 20_000 });
          // Charts and the map draw after their data: give them a moment before measuring.
          await page.waitForTimeout(1500);
          const wide = await page.evaluate(() => ({
            page: document.documentElement.scrollWidth,
            window: window.innerWidth,
            widest: [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
              .filter((e) => !e.closest('main table, .table-scroll, .graph-wrap, .provisions'))
              .slice(0, 3)
              .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
          }));
          await page.screenshot({
            path: join(OUTPUT, `${name}-${size.width}x${size.height}.png`),
            fullPage: true,
          });
          assert.ok(
            wide.page <= wide.window,
            `${name} is ${wide.page}px wide in a ${wide.window}px window (${wide.widest.join(', ')})`,
          );
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
        }
      });
    }
  }

  test('on a phone the navigation folds behind a button that opens it', async () => {
    const page = await browser.newPage({ viewport: SIZES[0] });
    try {
      await page.goto(`http://127.0.0.1:${server.port}/#/?country=${country}`);
      const menu = page.getByRole('button', { name: 'Menu' });
      await menu.waitFor();
      assert.equal(await page.getByRole('link', { name: 'Brief' }).isVisible(), false);
      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await page.getByRole('link', { name: 'Brief' }).click();
      await page.waitForFunction(() => location.hash.startsWith('#/brief'));
      const mapHeight = await page.evaluate(async () => {
        location.hash = location.hash.replace('#/brief', '#/');
        await new Promise((r) => setTimeout(r, 1500));
        return document.querySelector('.map')?.getBoundingClientRect().height ?? 0;
      });
      assert.ok(mapHeight >= 300, `the map is ${mapHeight}px high on a phone`);
    } finally {
      await page.close();
    }
  });

  test('on a phone no two area names shown on the overview map overlap', async () => {
    const page = await browser.newPage({ viewport: SIZES[0] });
    try {
      await page.goto(`http://127.0.0.1:${server.port}/#/?country=${country}`);
      await page.locator('.map-label').first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(1500);
      const boxes = await page.locator('.map-label').evaluateAll((els) =>
        els
          .filter((e) => getComputedStyle(e).visibility !== 'hidden')
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { name: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
          }),
      );
      assert.ok(boxes.length >= 3, `names shown: ${boxes.map((b) => b.name).join(', ')}`);
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1))
          assert.ok(
            !(a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top),
            `${a.name} overlaps ${b.name}`,
          );
    } finally {
      await page.close();
    }
  });

  test('on a phone the area’s events are cards: every value of an event in view, each under its column’s name', async () => {
    const page = await browser.newPage({ viewport: SIZES[0] });
    try {
      await page.goto(`http://127.0.0.1:${server.port}/#/area?country=${country}&area=Kessa%20Highlands`);
      const row = page.locator('table.events tbody tr').first();
      await row.waitFor({ timeout: 20_000 });
      const cells = await row.locator('td').evaluateAll((tds) =>
        tds.map((td) => {
          const r = td.getBoundingClientRect();
          return { label: getComputedStyle(td, '::before').content, right: r.right, width: r.width };
        }),
      );
      assert.equal(cells.length, 7);
      for (const c of cells) {
        assert.ok(c.right <= 390 && c.width > 0, `a cell runs off the screen: ${JSON.stringify(c)}`);
        assert.match(c.label, /^"(Date|Type|Perpetrator|Against|Deaths|Place|Notes)/, c.label);
      }
    } finally {
      await page.close();
    }
  });

  test('the keyboard reaches the navigation, the filters and the map, each visibly focused', async () => {
    const page = await browser.newPage({ viewport: SIZES[1] });
    try {
      await page.goto(`http://127.0.0.1:${server.port}/#/?country=${country}`);
      await page.locator('.figure').first().waitFor();
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement | null;
          if (!e || e === document.body) return null;
          const style = getComputedStyle(e);
          return {
            what:
              e.getAttribute('name') ||
              e.getAttribute('aria-label') ||
              e.textContent?.trim().slice(0, 20) ||
              `${e.tagName.toLowerCase()}.${e.className}`,
            outlined:
              (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none',
          };
        });
        if (!f) continue;
        assert.ok(f.outlined, `${f.what} has focus but no visible outline`);
        seen.add(f.what);
      }
      for (const want of ['Overview', 'Brief', 'from', 'to', 'perpetrators'])
        assert.ok(seen.has(want), `Tab never reached ${want}: ${[...seen].join(', ')}`);
    } finally {
      await page.close();
    }
  });
});
