import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { importFiles } from '../import-files.ts';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

const GOOD = new URL('../fixtures/good/', import.meta.url).pathname;

/**
 * A store with the demonstration beside real data: the banner saying the mission is fictional
 * stands over the fictional country's pages only (a new user saw it over South Sudan's).
 */
describe('the fiction banner', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([], async (store) => {
      await importFiles(store, [join(GOOD, 'acled-new-format.csv')]);
    });
  });
  after(() => w?.close());

  for (const [country, shown] of [
    [DEMO_COUNTRY, true],
    ['Testland', false],
  ] as const) {
    test(`over ${country}: ${shown ? 'shown' : 'not shown'}`, async () => {
      const { page } = w;
      await page.goto(w.url(`#/?country=${encodeURIComponent(country)}`));
      await page.waitForFunction(
        (c) => (document.querySelector('.country-pick select') as HTMLSelectElement | null)?.value === c,
        country,
        { timeout: 30_000 },
      );
      assert.equal(await page.locator('p.fiction').count(), shown ? 1 : 0);
    });
  }
});
