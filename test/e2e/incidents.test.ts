import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { initKeys } from '../../src/security/data-keys.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUTPUT = join(ROOT, 'test', 'output');
const skip = existsSync(join(ROOT, 'web', 'dist', 'index.html'))
  ? existsSync(CHROMIUM_PATH)
    ? false
    : `no Chromium at ${CHROMIUM_PATH}`
  : 'the workbench is not built (npm run build:web)';
const PASSWORD = 'a long enough passphrase';
const NARRATIVE = 'Witness saw the convoy burn the school at Kessa ford';

describe('the incident log in the workbench, in Chromium', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  const url = (path: string) => `http://localhost:${server.port}${path}`;

  before(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'tandem-incidents-e2e-'));
    process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await loadDemoMission({ store, requester: { name: 'e2e', roles: ['admin'] } }, { onlyIfEmpty: true });
    await initKeys(store.db);
    await addUserAccount(store, 'Kessa Officer', ['poc'], { offices: ['Kessa'], password: PASSWORD });
    await addUserAccount(store, 'Varo Officer', ['poc'], { offices: ['Varo'], password: PASSWORD });
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
    delete process.env.TANDEM_KEY_FILE;
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * A fresh load of `path`, from a blank page: no request of the page before can still be under
   * way, and no hash change races a reload (Chromium could reload the entry before it).
   */
  const load = async (path: string) => {
    await page.goto('about:blank');
    await page.goto(url(path));
  };
  const signIn = async (name: string) => {
    await load('/sign-out');
    await page.waitForURL(/\/sign-in$/);
    await page.fill('#name', name);
    await page.fill('#password', PASSWORD);
    await page.click('#password-form button');
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  };
  /** The deaths the overview's area table gives Kessa Highlands, on a freshly loaded overview. */
  const kessaDeaths = async () => {
    await load('/#/');
    const cell = page.locator('tr', { hasText: 'Kessa Highlands' }).first().locator('td').nth(1);
    await cell.waitFor();
    return Number((await cell.textContent())?.replace(/,/g, ''));
  };

  let deathsBefore = 0;

  test('an officer records an incident with the form; the map counts it; another office sees it withheld', async () => {
    await signIn('Kessa Officer');
    deathsBefore = await kessaDeaths();
    await load('/#/incidents');
    await page.getByRole('heading', { name: `Incidents: ${DEMO_COUNTRY}` }).waitFor();
    // The levels are offered in order, lowest first, restricted chosen (the form comes after the
    // heading, once the page knows who is signed in: waited for, not assumed).
    await page.locator('select[name=sensitivity] option[value=restricted]').waitFor({ state: 'attached' });
    assert.deepEqual(
      await page
        .locator('select[name=sensitivity] option')
        .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value)),
      ['public', 'internal', 'restricted', 'strictly-confidential'],
    );
    assert.equal(await page.inputValue('select[name=sensitivity]'), 'restricted');
    // A bad latitude is refused beside its field, and nothing is stored.
    await page.fill('input[name=occurredOn]', '2026-10-20');
    // The form offers the country's known areas; one written another way is filed under the known one.
    await page.locator('#f-admin1-known option[value="Kessa Highlands"]').waitFor({ state: 'attached' });
    assert.equal(await page.getAttribute('#f-admin1', 'list'), 'f-admin1-known');
    await page.fill('input[name=admin1]', 'kessa highlands province');
    await page.fill('input[name=latitude]', '200');
    // A longitude that is no number is refused too, not sent as nothing.
    await page.fill('input[name=longitude]', 'abc');
    // The account's one office is chosen already (it was typed, and refused only after submitting).
    assert.equal(await page.inputValue('select[name=office]'), 'Kessa');
    await page.click('button[type=submit]');
    await page.locator('.field-error').first().waitFor();
    const besideFields = (await page.locator('.field-error').allTextContents()).join(' | ');
    assert.match(besideFields, /latitude/i);
    assert.match(besideFields, /number/i, besideFields);
    assert.equal(await page.locator('.field-error').count(), 2, besideFields);
    await page.fill('input[name=latitude]', '6.25');
    // Written with a decimal comma, as French keyboards and spreadsheets write it.
    await page.fill('input[name=longitude]', '20,5');
    await page.selectOption('select[name=category]', 'looting-or-destruction');
    await page.fill('input[name=perpetratorName]', 'Convoy raiders');
    await page.selectOption('select[name=perpetratorCategory]', 'political-militia');
    await page.fill('input[name=girls]', '2');
    await page.fill('input[name=killed]', '1');
    await page.fill('textarea[name=narrative]', NARRATIVE);
    // The header's country selector counts the events: it counts the new one without another page opened.
    const headerCount = () =>
      page
        .locator('header select')
        .first()
        .evaluate((s) =>
          Number(
            /\(([^()]*)\)$/
              .exec((s as HTMLSelectElement).selectedOptions[0]?.textContent?.trim() ?? '')?.[1]
              ?.replace(/\D/g, ''),
          ),
        );
    const countBefore = await headerCount();
    assert.ok(Number.isFinite(countBefore), 'the header counts the events');
    await page.click('button[type=submit]');
    await page.getByText(/Incident \d+ recorded, under Kessa Highlands/).waitFor();
    await page.waitForFunction(
      (n) => {
        const s = document.querySelector('header select') as HTMLSelectElement | null;
        // The count is the last parenthesis: the country's name may hold one ("Orvania (fictional)").
        const m = /\(([^()]*)\)$/.exec(s?.selectedOptions[0]?.textContent?.trim() ?? '');
        return Number(m?.[1]?.replace(/\D/g, '')) === n + 1;
      },
      countBefore,
      { timeout: 10_000 },
    );
    await page.getByText(NARRATIVE).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'incidents.png'), fullPage: true });
    assert.equal(await kessaDeaths(), deathsBefore + 1, "the incident's one death is counted on the map");
    // As an event, it reads in words: its category's name, and the mission's log as its source.
    const event = await store.db
      .selectFrom('events')
      .select(['id', 'source_event_id'])
      .where('source', '=', 'mission')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await load(`/#/event?id=${event.id}`);
    const record = page.locator('dl.record');
    await record.waitFor();
    const read = (await record.textContent()) ?? '';
    assert.match(read, /Mission incident — Looting or destruction/);
    assert.match(read, new RegExp(`incident ${event.source_event_id} of the mission's log`));
    assert.doesNotMatch(read, /MISSION|looting-or-destruction/);

    await signIn('Varo Officer');
    await load('/#/incidents');
    await page
      .getByText(/withheld/)
      .first()
      .waitFor();
    assert.ok(!(await page.content()).includes('convoy burn'), 'another office read the narrative');
    assert.equal(await kessaDeaths(), deathsBefore + 1, 'another office still counts it');
  });

  test('the officer opens the incident, changes it, rejects it and takes it back; the map follows and the history says who changed what', async () => {
    await signIn('Kessa Officer');
    const open = async () => {
      await load('/#/incidents');
      await page
        .getByRole('button', { name: /Open incident/ })
        .first()
        .click();
      await page.locator('#e-killed').waitFor();
    };
    const save = async (what: RegExp) => {
      await page.getByRole('button', { name: 'Save the changes' }).click();
      await page.getByText(what).waitFor();
    };
    await open();
    assert.equal(await page.inputValue('#e-narrative'), NARRATIVE);
    await page.fill('#e-killed', '3');
    await page.fill('#e-occurredOn', '2999-01-01');
    await save(/Nothing was saved/);
    assert.match((await page.locator('.incident-editor .field-error').first().textContent()) ?? '', /future/);
    await page.fill('#e-occurredOn', '2026-10-20');
    await page.selectOption('#e-verification', 'corroborated');
    await save(/saved: Killed, Verification changed/);
    // In the page's words: the form's labels, the levels' names.
    await page.getByText('Killed: 1 → 3').waitFor();
    await page.getByText('Verification: Reported → Corroborated').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'incident-edit.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(OUTPUT, 'incident-edit-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await kessaDeaths(), deathsBefore + 3, 'the map moved with the edit');

    await open();
    await page.selectOption('#e-verification', 'rejected');
    await save(/saved: Verification changed/);
    assert.equal(await kessaDeaths(), deathsBefore, 'a rejected incident counts nowhere');
    await open();
    await page.selectOption('#e-verification', 'reported');
    await save(/saved: Verification changed/);
    assert.equal(await kessaDeaths(), deathsBefore + 3, 'taken back, it counts again');

    await signIn('Varo Officer');
    await load('/#/incidents');
    await page
      .getByRole('button', { name: /Open incident/ })
      .first()
      .click();
    await page.getByText('Killed: 1 → 3').waitFor();
    assert.equal(await page.locator('#e-killed').count(), 0, 'another office is offered no form');
    await page
      .getByText('Narrative: withheld')
      .or(page.getByText(/may not change it/))
      .first()
      .waitFor();
    assert.ok(!(await page.content()).includes('convoy burn'), 'another office read the narrative');
  });
});
