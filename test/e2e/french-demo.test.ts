import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { demoFile, demoTexts } from '../../src/app/demo/demo-texts.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { browserSkip, OUTPUT } from './workbench-session.ts';

/**
 * The demonstration mission loaded in French (`tandem serve --demo-lang fr`) and read with
 * `?lang=fr`: the plan, agreements, negotiations and local-processes pages show the mission's own
 * texts in French, and none of its English texts. Screenshots in test/output/french-demo/.
 */
const SHOTS = join(OUTPUT, 'french-demo');

/** The opening words of a text, as a graph node or a table cell shows it before cutting it short. */
const opening = (t: string) => t.slice(0, 24);

/** The mission's own texts in a language, by the page that shows them. */
function missionTexts(lang: 'en' | 'fr') {
  const texts = demoTexts(lang);
  const plan = parse(demoFile(lang, 'demo-plan.yaml'));
  const talks = parse(demoFile(lang, 'demo-negotiation.yaml'));
  const local = parse(demoFile(lang, 'demo-local-processes.yaml'));
  const agreement = demoFile(lang, 'demo-agreement.txt');
  return {
    plan: [
      plan.mission,
      ...plan.mandate.tasks.map((t: { text: string }) => opening(t.text)),
      ...plan.activities.map((a: { text: string }) => opening(a.text)),
    ],
    agreements: [
      texts.agreementTitle,
      // The first words of each article's first clause.
      ...[...agreement.matchAll(/^\d+\.1 (.{24})/gm)].map((m) => m[1]!),
    ],
    negotiations: [talks.process, ...talks.parties.map((p: { name: string }) => p.name)],
    local: local.processes.map((p: { name: string }) => p.name),
  };
}

describe('the French demonstration mission in the workbench', { skip: browserSkip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  const french = missionTexts('fr');
  const english = missionTexts('en');

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'tandem-french-demo-'));
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await loadDemoMission({ store, requester: { name: 'e2e', roles: ['admin'] } }, { lang: 'fr' });
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

  const PAGES: [keyof typeof french, string, string][] = [
    ['plan', '#/plan', '.findings .finding-button'],
    ['agreements', '#/agreements', '.provisions'],
    ['negotiations', '#/negotiations', '.negotiation .alerts > li'],
    ['local', '#/local', 'table a[href*="kessa-grazing-pact"]'],
  ];

  for (const [name, hash, ready] of PAGES) {
    test(`${name}: the mission's own texts are the French ones`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.goto(`http://127.0.0.1:${server.port}/?lang=fr${hash}`);
        await page.locator(ready).first().waitFor({ timeout: 30_000 });
        await page.waitForTimeout(1000);
        const text = (await page.locator('body').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
        assert.match(text, /Orvanie \(fictive\)/, 'the country as the French demonstration writes it');
        // The workbench knows the French country for the demonstration's, and says it is fictional.
        assert.match(text, /Mission de démonstration — fictive\./);
        assert.ok(french[name].length >= 3, `${name}: ${french[name].length} texts to look for`);
        for (const t of french[name])
          assert.ok(text.includes(t.replace(/\s+/g, ' ')), `${name} shows «${t}»`);
        for (const t of english[name])
          assert.ok(!text.includes(t.replace(/\s+/g, ' ')), `${name} still shows the English «${t}»`);
        assert.doesNotMatch(text, /Orvania|fictional/, `${name}: an English name of the mission is left`);
        await page.screenshot({ path: join(SHOTS, `${name}-1280x800.png`) });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(500);
        await page.screenshot({ path: join(SHOTS, `${name}-390x844.png`) });
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
  test('an area: the drivers by their French labels, the events that name no group as « Civils »', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    try {
      await page.goto(
        `http://127.0.0.1:${server.port}/?lang=fr#/area?country=${encodeURIComponent('Orvanie (fictive)')}&area=Selet%20Plateau`,
      );
      await page
        .locator('.drivers-suggested li, .drivers-joint li, .drivers-unconfirmed li')
        .first()
        .waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      const text = (await page.locator('body').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
      assert.match(text, /Bétail et transhumance/);
      assert.match(text, /→ Civils \(Orvanie \(fictive\)\)/);
      assert.doesNotMatch(text, /Cattle and transhumance|Land and resources|Civilians \(/);
    } finally {
      await page.close();
    }
  });
});
