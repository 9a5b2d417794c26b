import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { browserSkip, openWorkbenchSession, ROOT, type WorkbenchSession } from './workbench-session.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'boundaries');

describe('a new store: events, then their boundaries, on the Import page in Chromium', {
  skip: browserSkip,
}, () => {
  let w: WorkbenchSession;
  before(async () => {
    // A store that holds no country yet, as a mission's first day: the status counts none.
    w = await openWorkbenchSession([{ name: 'Ada Admin', roles: ['admin'] }], async (store) => {
      await store.db.deleteFrom('event_counts').execute();
    });
  });
  after(async () => w?.close());

  test('the boundaries can be stored for the country just imported, without reloading the page', async () => {
    const { page } = w;
    await w.signIn('Ada Admin');
    await page.goto(w.url('#/import'));
    const store = page.getByRole('button', { name: 'Store boundaries' });
    await store.waitFor();
    assert.equal(await store.isDisabled(), true, 'no country to store them for yet');
    await page.setInputFiles('input[name=file]', join(FIXTURES, 'acled-new-provinces_testland.csv'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.import-status .imported-count').waitFor();
    await page.setInputFiles('input[name=boundaries]', join(FIXTURES, 'old-provinces_testland.geojson'));
    assert.equal(await store.isDisabled(), false, 'the country just imported is chosen');
    await store.click();
    await page.getByText(/admin-1 boundar(y|ies) stored for Testland/).waitFor();
    assert.deepEqual(w.errors, []);
  });
});
