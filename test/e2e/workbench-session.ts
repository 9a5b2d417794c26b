import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { initKeys } from '../../src/security/data-keys.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUTPUT = join(ROOT, 'test', 'output');
export const PASSWORD = 'a long enough passphrase';

/** Why a browser test cannot run here, or false when it can. */
export const browserSkip = existsSync(join(ROOT, 'web', 'dist', 'index.html'))
  ? existsSync(CHROMIUM_PATH)
    ? false
    : `no Chromium at ${CHROMIUM_PATH}`
  : 'the workbench is not built (npm run build:web)';

export interface Account {
  name: string;
  roles: string[];
  offices?: string[];
}

export interface WorkbenchSession {
  store: Store;
  page: Page;
  dir: string;
  url(hash: string): string;
  /** Signs in as one of the accounts (all share PASSWORD). */
  signIn(name: string): Promise<void>;
  /** Screenshots the page at a laptop's and a phone's size: `NAME-1280.png`, `NAME-390.png`. */
  shots(name: string): Promise<void>;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A Tandem server on the demonstration mission with the given accounts, and a fresh Chromium
 * profile on it: what every workbench task test starts from.
 */
export async function openWorkbenchSession(
  accounts: Account[],
  /** More for the store to hold before the server starts (another country's events, say). */
  prepare?: (store: Store) => Promise<void>,
): Promise<WorkbenchSession> {
  mkdirSync(OUTPUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'tandem-task-e2e-'));
  process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
  const store = await openStore({ dbPath: join(dir, 'tandem.db') });
  await loadDemoMission({ store, requester: { name: 'e2e', roles: ['admin'] } }, { onlyIfEmpty: true });
  await initKeys(store.db);
  for (const a of accounts)
    await addUserAccount(store, a.name, a.roles, {
      offices: a.offices ?? ['all-offices'],
      password: PASSWORD,
    });
  await prepare?.(store);
  const server: RunningServer = await startServer({ store, port: 0, log: () => {}, warmUp: false });
  const { chromium } = await import('playwright-core');
  const browser: BrowserContext = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const url = (hash: string) => `http://localhost:${server.port}/${hash}`;
  return {
    store,
    page,
    dir,
    errors,
    url,
    async signIn(name) {
      // From a blank page: a request of the page before, refused once signed out, would go to
      // the sign-in page itself and cut this navigation short.
      await page.goto('about:blank');
      await page.goto(url('sign-out'));
      await page.waitForURL(/\/sign-in$/);
      await page.fill('#name', name);
      await page.fill('#password', PASSWORD);
      await page.click('#password-form button');
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    },
    async shots(name) {
      await page.screenshot({ path: join(OUTPUT, `${name}-1280.png`), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUTPUT, `${name}-390.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
    },
    async close() {
      delete process.env.TANDEM_KEY_FILE;
      await browser.close();
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The address of an area's page (one place to change if the workbench's routes change). */
export function areaHash(country: string, admin1: string): string {
  return `#/area/${encodeURIComponent(country)}/${encodeURIComponent(admin1)}`;
}
