import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';

const skip = existsSync(CHROMIUM_PATH) ? false : `no Chromium at ${CHROMIUM_PATH}`;

/**
 * A page on another origin, as any website the user visits could serve, that tries to write to the
 * workbench on this machine: a text/plain form (a "simple" request, sent without a preflight) and a
 * no-cors fetch. The workbench has no accounts (the default `npm start`), so only the cross-site
 * check stands between that page and the store.
 */
function attackerPage(target: string): string {
  const threat = JSON.stringify({
    perpetrator: 'Forged',
    targetedPopulation: 'Forged',
    violenceType: 'violence-against-civilians',
    country: 'Forged',
  });
  const tag = JSON.stringify({
    driver: 'land-and-resources',
    country: 'Forged',
    admin1: 'Forged',
    unit: 'poc',
  });
  return `<!doctype html><html><body>
<iframe name="sink"></iframe>
<form id="f" method="post" enctype="text/plain" target="sink" action="${target}/api/ops/addThreat">
<input name='${threat.slice(0, -1)},"x":"' value='"}'>
</form>
<script>
document.getElementById('f').submit();
fetch('${target}/api/ops/tagDriver', { method: 'POST', mode: 'no-cors', body: ${JSON.stringify(tag)} })
  .then(() => { document.title = 'fetched'; }, () => { document.title = 'fetch failed'; });
</script></body></html>`;
}

describe('writes from another website, in Chromium', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let attacker: Server;
  let browser: BrowserContext;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-xsite-'));
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await loadDemoMission({ store, requester: { name: 'e2e', roles: ['admin'] } }, { onlyIfEmpty: true });
    server = await startServer({ store, port: 0, log: () => {}, warmUp: false });
    const target = `http://127.0.0.1:${server.port}`;
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(attackerPage(target));
    });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => attacker?.close(r));
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const forged = async () => ({
    threats: (await store.db.selectFrom('threats').select('id').where('country', '=', 'Forged').execute())
      .length,
    tags: (await store.db.selectFrom('driver_tags').select('id').where('country', '=', 'Forged').execute())
      .length,
  });

  test('a form and a no-cors fetch from another origin store nothing', async () => {
    const page = await browser.newPage();
    const seen: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/ops/')) seen.push(r.status());
    });
    // "localhost" and "127.0.0.1" are different sites to the browser: the page is foreign.
    await page.goto(`http://localhost:${(attacker.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => document.title !== '', null, { timeout: 10_000 });
    await page.waitForTimeout(500);
    assert.deepEqual(await forged(), { threats: 0, tags: 0 });
    assert.ok(
      seen.every((s) => s === 403),
      `answers: ${seen.join(', ')}`,
    );
  });

  test('the workbench itself, on its own origin, still writes', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    const status = await page.evaluate(async (country) => {
      const res = await fetch('/api/ops/tagDriver', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // The demonstration's own country: a tag on a country the store does not hold is refused.
        body: JSON.stringify({ driver: 'land-and-resources', country, unit: 'poc', note: 'own origin' }),
      });
      return res.status;
    }, DEMO_COUNTRY);
    assert.equal(status, 200);
    const own = await store.db
      .selectFrom('driver_tags')
      .select('id')
      .where('note', '=', 'own origin')
      .execute();
    assert.equal(own.length, 1);
  });
});

describe('signing in from the browser', { skip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: BrowserContext;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-signin-'));
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await addUserAccount(store, 'Fatou Field', ['poc'], {
      offices: ['Ndele'],
      password: 'correct horse battery staple',
    });
    server = await startServer({ store, port: 0, log: () => {}, warmUp: false });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the name-and-password form signs in, a wrong password says so, and signing out ends it', async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${server.port}/`);
    await page.waitForURL(/\/sign-in$/);
    await page.fill('#name', 'Fatou Field');
    await page.fill('#password', 'not the password at all');
    await page.click('#password-form button');
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /do not match/);
    await page.fill('#name', 'Fatou Field');
    await page.fill('#password', 'correct horse battery staple');
    await page.click('#password-form button');
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    const me = await page.evaluate(async () => (await fetch('/api/whoami')).json());
    assert.equal(me.name, 'Fatou Field');
    await page.goto(`http://localhost:${server.port}/sign-out`);
    await page.waitForURL(/\/sign-in$/);
    const after = await page.evaluate(async () => (await fetch('/api/status')).status);
    assert.equal(after, 401);
  });
});
