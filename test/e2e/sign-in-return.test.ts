import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const skip = !existsSync(join(ROOT, 'web', 'dist', 'index.html'))
  ? 'the workbench is not built (npm run build:web)'
  : existsSync(CHROMIUM_PATH)
    ? false
    : `no Chromium at ${CHROMIUM_PATH}`;
const PASSWORD = 'a long enough passphrase';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'tandem-sign-in-return-'));
  store = await openStore({ dbPath: join(dir, 'tandem.db') });
  await loadDemoMission({ store, requester: { name: 'e2e', roles: ['admin'] } }, { onlyIfEmpty: true });
  await addUserAccount(store, 'Amina Diallo', ['poc'], { password: PASSWORD });
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

test('a link to a page (#/plan) lands on that page after signing in', { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(`http://localhost:${server.port}/#/plan`);
  await page.waitForURL(/\/sign-in#\/plan$/);
  await page.fill('#name', 'Amina Diallo');
  await page.fill('#password', PASSWORD);
  await page.click('#password-form button');
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
  assert.match(new URL(page.url()).hash, /^#\/plan/);
  await page
    .getByRole('link', { name: 'Plan', exact: true })
    .and(page.locator('[aria-current=page]'))
    .waitFor();
  await page.close();
});
