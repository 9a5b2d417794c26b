import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { generateDemoEvents } from '../../src/app/demo/demo-events.ts';
import { eventsAsHxlCsv } from '../../src/app/demo/demo-hxl-file.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(ROOT, 'test', 'output');
const skip = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH}`;

describe('the web workbench in Chromium, on the demonstration mission', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) {
      const built = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(built.status, 0, built.stderr);
    }
    mkdirSync(OUTPUT, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
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
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const url = (hash: string) => `http://127.0.0.1:${server.port}/${hash}`;
  const shot = (name: string) => page.screenshot({ path: join(OUTPUT, `${name}.png`) });
  const figure = async (label: string) =>
    Number(
      (await page.locator('.figure', { hasText: label }).first().locator('.value').textContent())?.replace(
        /,/g,
        '',
      ),
    );

  test('the overview shows the map, headline figures, alerts, and says the mission is fictional', async () => {
    await page.goto(url('#/'));
    await page.locator('.maplibregl-canvas').waitFor();
    await page.locator('.figure').first().waitFor();
    await page.getByRole('heading', { name: 'Escalation alerts' }).waitFor();
    await page.locator('.alerts li').first().waitFor();
    assert.match((await page.locator('.fiction').textContent()) ?? '', /fictional/i);
    assert.ok((await figure('Events')) > 100);
    // The offline basemap's layers are added once the figures are drawn (the fictional country lies
    // in the open Atlantic, so none of them need show anything; test/e2e/basemap.test.ts checks
    // real countries).
    const basemap = await page.locator('.map-wrap[data-basemap*="="]').getAttribute('data-basemap');
    assert.deepEqual(
      basemap?.split(' ').map((layer) => layer.split('=')[0]),
      ['lakes', 'rivers', 'borders', 'towns'],
    );
    const legend = (await page.locator('.map-wrap .legend').textContent()) ?? '';
    assert.match(legend, /river/);
    assert.match(legend, /Natural Earth.*GeoNames \(CC BY 4\.0\)/);
    await page.waitForTimeout(800);
    await shot('overview');
  });

  test('filtering the map to state-force perpetrators narrows every figure to them', async () => {
    const all = await figure('Events');
    await page.locator('select[name=perpetrators]').selectOption('state');
    await page.waitForFunction((n) => {
      const v = document.querySelector('.figure .value')?.textContent?.replace(/,/g, '');
      return v !== undefined && Number(v) < n;
    }, all);
    const state = await figure('Events');
    assert.ok(state > 0 && state < all, `${state} of ${all}`);
    assert.equal(await figure('Attacks on civilians'), await figure('of which by state forces'));
    await page.locator('select[name=measure]').selectOption('stateCivilianTargetingEvents');
    await page.waitForTimeout(500);
    await shot('overview-state-forces');
    await page.locator('select[name=perpetrators]').selectOption('all');
  });

  test('opening an area shows its trend, perpetrators with state forces apart, and the plan there', async () => {
    await page.getByRole('link', { name: 'Lower Varo' }).first().click();
    await page.getByRole('heading', { name: /Lower Varo/, level: 1 }).waitFor();
    const stateTable = page.locator('table.perps', { hasText: 'State forces' });
    await stateTable.getByText('Orvanian Armed Forces (FAO)').waitFor();
    await page.getByText('a-fao-support').first().waitFor();
    await page
      .locator('.findings-inline', { hasText: 'State forces harm civilians where the mission backs them' })
      .waitFor();
    assert.match((await page.locator('.drivers-joint').textContent()) ?? '', /counter-insurgency/i);
    // Without accounts the tagging form says how to get a second analyst, its commands as code.
    const hint = page.locator('p.muted', { hasText: 'Without accounts everyone here is' });
    await hint.waitFor();
    assert.equal(await hint.locator('code', { hasText: 'tandem users add NAME --roles poc' }).count(), 1);
    assert.doesNotMatch((await hint.textContent()) ?? '', /`/);
    await shot('area');
  });

  test('the plan page draws the chain and opens a finding with its evidence and mitigations', async () => {
    await page.goto(url('#/plan'));
    await page.locator('svg.plan-graph').waitFor();
    assert.ok((await page.locator('svg.plan-graph .node').count()) >= 20);
    const finding = page.locator('.finding-button', { hasText: 'a-fao-support' });
    await finding.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('.finding-detail');
    await detail.waitFor();
    assert.match((await detail.textContent()) ?? '', /Mitigation options/);
    assert.ok((await page.locator('svg.plan-graph .node.lit').count()) >= 1);
    await detail.locator('summary').click();
    await shot('plan-finding');
  });

  test('the agreement review highlights coded provisions and lists the gaps', async () => {
    await page.goto(url('#/agreements'));
    await page.locator('.provision.coded').first().waitFor();
    const gaps = await page.locator('details.gap summary').allTextContents();
    assert.ok(
      gaps.some((g) => g.includes('SexViol')),
      gaps.join(' | '),
    );
    assert.ok((await page.locator('.provision mark').count()) > 3);
    // The heading "PREAMBLE" alone is not labelled "Preamble" above itself.
    assert.equal(await page.locator('.provision strong', { hasText: /^Preamble$/ }).count(), 1);
    await page
      .locator('.scorecard button.yes', { has: page.locator('.code-chip', { hasText: /^Ce$/ }) })
      .click();
    await page.getByRole('heading', { name: /coded Ce/ }).waitFor();
    await page.locator('details.gap', { hasText: 'SexViol' }).locator('summary').click();
    await shot('agreements');
  });

  test('the negotiations page shows rounds, delegations below quota, and pre-talks alerts', async () => {
    await page.goto(url('#/negotiations'));
    await page.getByRole('heading', { name: /Alerts: parties raising violence/ }).waitFor();
    assert.ok((await page.locator('.alerts li').count()) >= 1);
    assert.match((await page.locator('table').first().textContent()) ?? '', /below quota/);
    await shot('negotiations');
  });

  test('a small file imported from the page is counted in the store', async () => {
    await page.goto(url('#/import'));
    const countCell = page.locator('tr', { hasText: DEMO_COUNTRY }).locator('.store-count');
    const before = Number((await countCell.textContent())?.replace(/,/g, ''));
    const events = generateDemoEvents({ seed: 5, from: '2026-11-01', to: '2026-11-10' }).map((e, i) => ({
      ...e,
      sourceEventId: `E2E${i}`,
    }));
    const file = join(dir, 'small-hxl.csv');
    writeFileSync(file, eventsAsHxlCsv(events));
    await page.locator('input[name=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.locator('.done-box').waitFor();
    assert.match(
      (await page.locator('.imported-count').textContent()) ?? '',
      new RegExp(`^${events.length} imported`),
    );
    await page.waitForFunction(
      ([sel, n]) => Number(document.querySelector(sel as string)?.textContent?.replace(/,/g, '')) === n,
      ['tr .store-count', before + events.length] as const,
    );
    await shot('import');
  });

  test('the brief page shows the brief and links its PDF', async () => {
    await page.goto(url('#/brief'));
    const frame = page.frameLocator('iframe.brief-frame');
    await frame.getByRole('heading', { level: 1 }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Download as PDF' }).isVisible());
    await shot('brief');
    const pdf = await page.request.get(url(`api/brief.pdf?country=${encodeURIComponent(DEMO_COUNTRY)}`), {
      timeout: 120000,
    });
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const bytes = await pdf.body();
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    writeFileSync(join(OUTPUT, 'brief.pdf'), bytes);
  });

  test('the pages can be reached with the keyboard alone', async () => {
    // A fresh load, as a keyboard user arrives: focus starts at the top of the document.
    await page.goto('about:blank');
    await page.goto(url('#/'));
    await page.locator('.figure').first().waitFor();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Negotiations') break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Orvo talks/ }).waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
