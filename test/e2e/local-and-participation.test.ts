import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { operations } from '../../src/app/operations.ts';
import { runOperation } from '../../src/app/run-operation.ts';
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
const REAL_NAME = 'Sefa Mirembe-Oduya';

describe('local processes and the participation register in the workbench, in Chromium', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let participantId = 0;
  let threatId = 0;
  let eldersId = 0;
  const url = (path: string) => `http://localhost:${server.port}${path}`;

  before(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'tandem-local-e2e-'));
    process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    const requester = { name: 'e2e', roles: ['admin'] };
    await loadDemoMission({ store, requester }, { onlyIfEmpty: true });
    await initKeys(store.db);
    const call = { via: 'cli' as const, requester, store };
    const [neg] = await store.db.selectFrom('negotiation_processes').select('id').execute();
    const threat = await runOperation(
      operations.recordIncident,
      {
        occurredOn: '2026-03-20',
        country: DEMO_COUNTRY,
        admin1: 'Kessa Highlands',
        category: 'threat-or-intimidation',
        office: 'fo-kessa',
        narrative: 'Warned not to travel to the talks',
      },
      { ...call, name: 'incidents add' },
    );
    threatId = threat.id;
    // Against the pact's mediators, six weeks after it was signed: the pact's page lists it.
    const elders = await runOperation(
      operations.recordIncident,
      {
        occurredOn: '2025-07-10',
        country: DEMO_COUNTRY,
        admin1: 'Kessa Highlands',
        category: 'threat-or-intimidation',
        targetedGroups: ['Kessa elders council'],
        office: 'fo-kessa',
        narrative: 'Elders told to stop meeting the herders',
      },
      { ...call, name: 'incidents add' },
    );
    eldersId = elders.id;
    participantId = (
      await runOperation(
        operations.recordParticipant,
        {
          alias: 'Kingfisher',
          realName: REAL_NAME,
          role: 'youth representative',
          gender: 'female',
          organisation: 'Kessa Youth Forum',
          office: 'fo-kessa',
          country: DEMO_COUNTRY,
          admin1: 'Kessa Highlands',
          processes: [{ process: neg!.id, rounds: ['round-3'] }, { process: 'kessa-grazing-pact' }],
          consent: { given: true, on: '2025-05-01' },
          incidents: [threat.id, elders.id],
          measures: [
            {
              kind: 'safe house on call',
              owner: 'Kessa POC unit',
              status: 'in-place',
              reviewOn: '2025-01-01',
            },
          ],
        },
        { ...call, name: 'participants add' },
      )
    ).id;
    await addUserAccount(store, 'Kessa Protection', ['protection'], {
      offices: ['fo-kessa'],
      password: PASSWORD,
    });
    await addUserAccount(store, 'Varo Protection', ['protection'], {
      offices: ['fo-varo'],
      password: PASSWORD,
    });
    await addUserAccount(store, 'Vi Viewer', ['viewer'], { offices: ['fo-kessa'], password: PASSWORD });
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

  test('the local-processes page maps and lists the processes, and a process page shows its figures and findings', async () => {
    await signIn('Kessa Protection');
    await page.goto(url('/#/local'));
    await page.getByRole('heading', { name: `Local processes in ${DEMO_COUNTRY}` }).waitFor();
    await page.locator('.local-map-canvas[data-drawn=true]').waitFor({ timeout: 30_000 });
    // The offline basemap's layers are added under the processes (test/e2e/basemap.test.ts checks
    // that they show something in real countries; the fictional one lies in the open Atlantic).
    const basemap = await page.locator('.local-map-canvas[data-basemap*="="]').getAttribute('data-basemap');
    assert.match(basemap ?? '', /^lakes=\d+ rivers=\d+ borders=\d+ towns=\d+$/);
    const rows = page.locator('table.local-list tbody tr');
    assert.equal(await rows.count(), 3, 'the three local processes of the demonstration mission');
    // The Dunmarch dialogue has no national link but serves the stored plan's poc-1: no disconnect.
    const dunmarch = page.locator('tr', { hasText: 'Dunmarch herders and farmers dialogue' });
    assert.equal((await dunmarch.locator('td').last().textContent())?.trim(), '—');
    const kessa = page.locator('tr', { hasText: 'Kessa Highlands grazing pact' });
    assert.match((await kessa.locator('td').last().textContent()) ?? '', /Local–national disconnect/);
    await page.screenshot({ path: join(OUTPUT, 'local-processes.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(OUTPUT, 'local-processes-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('link', { name: 'Kessa Highlands grazing pact (fictional)' }).click();
    await page.getByRole('heading', { name: 'Kessa Highlands grazing pact (fictional)' }).waitFor();
    const facts = (await page.locator('dl.facts').textContent()) ?? '';
    assert.match(facts, /Kessa Highlands/, 'admin-1 found from the demo boundaries');
    assert.match((await page.locator('.findings-inline').textContent()) ?? '', /Local–national disconnect/);
    const chart = (await page.locator('svg.before-after').getAttribute('aria-label')) ?? '';
    const [, eventsBefore] = /Before: (\d+) events/.exec(chart) ?? [];
    assert.ok(Number(eventsBefore) > 0, 'the demo events near the pact are counted');
    const caption = (await page.locator('table.events caption').first().textContent()) ?? '';
    assert.equal(caption, `Before (${eventsBefore} events)`);
    assert.equal(
      await page.locator('table.events').first().locator('tbody tr').count(),
      Number(eventsBefore),
    );
    // Who of the pact was touched: Kingfisher (linked to both incidents), and its mediators.
    const touched = page.locator('table.people-touched tbody tr');
    assert.deepEqual(await touched.allTextContents(), [
      `10 Jul 2025incident #${eldersId}Threat or intimidationparticipant Kingfisher`,
      `10 Jul 2025incident #${eldersId}Threat or intimidationmediator Kessa elders council`,
    ]);
    await page.screenshot({ path: join(OUTPUT, 'local-process.png'), fullPage: true });
  });

  test("a participant's page is read in full by its office; another office sees it withheld", async () => {
    await page.goto(url(`/#/participation/${participantId}`));
    await page.getByRole('heading', { name: 'Kingfisher' }).waitFor();
    assert.match((await page.locator('dl.facts').textContent()) ?? '', new RegExp(REAL_NAME));
    // The processes by their names, not the store's ids ("1, kessa-grazing-pact"; web probe).
    await page.getByRole('link', { name: 'Kessa Highlands grazing pact (fictional)' }).waitFor();
    await page.getByText(/negotiation: Orvo talks on the cessation of hostilities \(fictional\)/).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'participant.png'), fullPage: true });
    await page.goto(url('/#/participation'));
    await page.getByRole('heading', { name: `Participation in ${DEMO_COUNTRY}` }).waitFor();
    await page.getByText('safe house on call').waitFor();
    // Threatened three weeks before round 3, which she attends: an alert, with the incident.
    await page.getByText('Threat before a round').first().waitFor();
    await page.getByText(`#${threatId} 20 Mar 2026 Threat or intimidation`).first().waitFor();
    await page.screenshot({ path: join(OUTPUT, 'participation.png'), fullPage: true });

    await signIn('Varo Protection');
    await page.goto(url(`/#/participation/${participantId}`));
    await page.getByRole('heading', { name: `Participant ${participantId}` }).waitFor();
    const html = await page.content();
    assert.ok(!html.includes('Kingfisher') && !html.includes(REAL_NAME) && !html.includes('Youth Forum'));
    await page.screenshot({ path: join(OUTPUT, 'participant-withheld.png'), fullPage: true });
    // The pact's page tells Varo that a participant was targeted, never who (not even by the id the
    // register lists with a role and an office), and not the group
    // named by an incident of another office.
    await page.goto(url('/#/local/kessa-grazing-pact'));
    await page.locator('table.people-touched').waitFor();
    assert.deepEqual(await page.locator('table.people-touched tbody tr').allTextContents(), [
      `10 Jul 2025incident #${eldersId}Threat or intimidationa participant (withheld)`,
    ]);
    assert.ok(!(await page.content()).includes('Kingfisher'));
  });

  test('a participant is added through the form, with the errors beside their fields, and appears in the register', async () => {
    await signIn('Kessa Protection');
    await page.goto(url('/#/participation'));
    const form = page.locator('form.participant-form');
    await form.waitFor();
    await form.locator('input[name="local"][value="dunmarch-herders-dialogue"]').waitFor();
    // Nothing filled in: the server's word on the alias shows beside the alias.
    await form.getByRole('button', { name: 'Add to the register' }).click();
    const aliasError = form.locator('#p-alias-error');
    await aliasError.waitFor();
    assert.match((await aliasError.textContent()) ?? '', /alias/);
    assert.equal(await form.locator('#p-alias').getAttribute('aria-invalid'), 'true');

    await form.locator('#p-alias').fill('Osprey');
    await form.locator('#p-realName').fill('Tomas Ilunga-Varre');
    await form.locator('#p-role').fill('traditional authority');
    await form.locator('#p-gender').selectOption('male');
    await form.locator('#p-organisation').fill('Hallow Ford elders');
    await form.locator('#p-admin1').fill('Kessa Highlands');
    await form.locator('input[name="local"][value="dunmarch-herders-dialogue"]').check();
    await form.getByLabel('session-2').check();
    await form.locator('#p-consentGiven').check();
    assert.equal(await form.locator('#p-sensitivity').inputValue(), 'strictly-confidential');
    // Consent ticked with no date: refused, and said beside the date.
    await form.getByRole('button', { name: 'Add to the register' }).click();
    const consentError = form.locator('#p-consentOn-error');
    await consentError.waitFor();
    assert.match((await consentError.textContent()) ?? '', /when consent was given/);
    assert.equal(await form.locator('#p-alias-error').count(), 0, 'the alias is no longer at fault');
    await page.setViewportSize({ width: 390, height: 844 });
    await form.screenshot({ path: join(OUTPUT, 'participant-form-phone.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    await form.locator('#p-consentOn').fill('2026-11-02');
    await form.getByRole('button', { name: 'Add to the register' }).click();
    const done = form.locator('p.done-box');
    await done.waitFor();
    const [, newId] = /Participant (\d+) added/.exec((await done.textContent()) ?? '') ?? [];
    assert.ok(Number(newId) > participantId);
    const row = page.locator('table.register tbody tr', { hasText: 'Osprey' });
    await row.waitFor();
    assert.match(
      (await row.textContent()) ?? '',
      /traditional authority.*Male.*Hallow Ford elders.*fo-kessa/,
    );
    // The process by its name in the register (its id is what the form stored).
    assert.match((await row.textContent()) ?? '', /Dunmarch herders and farmers dialogue \(fictional\)/);
    await page.screenshot({ path: join(OUTPUT, 'participation-form.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(OUTPUT, 'participation-form-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Stored as the form said, through the register's own operation.
    const [stored] = (
      await runOperation(
        operations.listParticipants,
        { id: Number(newId) },
        { via: 'cli', requester: { name: 'e2e', roles: ['admin'] }, store, name: 'participants list' },
      )
    ).participants;
    assert.deepEqual(
      [stored?.alias, stored?.realName, stored?.sensitivity, stored?.consent, stored?.processes],
      [
        'Osprey',
        'Tomas Ilunga-Varre',
        'strictly-confidential',
        { given: true, on: '2026-11-02' },
        [{ process: 'dunmarch-herders-dialogue', kind: 'local', rounds: ['session-2'] }],
      ],
    );

    // The form speaks French to a French reader.
    await page.goto(url('/?lang=fr#/participation'));
    await page.getByRole('heading', { name: 'Ajouter un participant' }).waitFor();
    assert.equal(await page.locator('label[for="p-alias"]').textContent(), 'Pseudonyme');
    await page.locator('form.participant-form').screenshot({ path: join(OUTPUT, 'participant-form-fr.png') });
    await page.goto(url('/?lang=en#/participation'));

    // A viewer may read, not write: no form.
    await signIn('Vi Viewer');
    await page.goto(url('/#/participation'));
    await page.getByRole('heading', { name: `Participation in ${DEMO_COUNTRY}` }).waitFor();
    await page.getByRole('heading', { name: 'Participation at risk' }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('form.participant-form').count(), 0);
    // Nor does the viewer get the controls that change a measure or erase a record.
    await page.goto(url(`/#/participation/${participantId}`));
    await page.getByRole('heading', { name: `Participant ${participantId}` }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByRole('button', { name: 'Erase…' }).count(), 0);
  });

  test('the office moves a measure on and erases a record whose consent was withdrawn', async () => {
    await signIn('Kessa Protection');
    await page.goto(url(`/#/participation/${participantId}`));
    await page.getByRole('heading', { name: 'Kingfisher' }).waitFor();
    const status = page.getByRole('combobox', { name: 'Status of measure 1' });
    await status.selectOption('in-place');
    await page.waitForFunction(
      () =>
        (document.querySelector('select[aria-label="Status of measure 1"]') as HTMLSelectElement)?.value ===
        'in-place',
    );
    await page.getByRole('button', { name: 'Erase…' }).click();
    await page.getByLabel('Why the record is erased').fill('Consent withdrawn at the meeting of 3 December.');
    await page.screenshot({ path: join(OUTPUT, 'participant-erase.png'), fullPage: true });
    await page.getByRole('button', { name: 'Erase the record' }).click();
    await page.getByRole('heading', { name: `Participation in ${DEMO_COUNTRY}` }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.ok(!(await page.content()).includes('Kingfisher'), 'the register no longer lists her');
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('record_kind', '=', 'participant')
      .where('record_id', '=', String(participantId))
      .where('action', 'in', ['changed', 'erased'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((r) => r.action),
      ['changed', 'erased'],
    );
  });
});
