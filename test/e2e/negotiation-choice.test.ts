import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { browserSkip, openWorkbenchSession, ROOT, type WorkbenchSession } from './workbench-session.ts';

const TALKS = join(ROOT, 'test', 'fixtures', 'negotiations', 'hand-checked-talks.yaml');

describe('choosing and loading negotiation processes, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([{ name: 'Political Officer', roles: ['political'] }]);
  });
  after(async () => w?.close());

  test('a process file loaded in the browser is stored and laid beside the one already shown', async () => {
    const { page } = w;
    await w.signIn('Political Officer');
    await page.goto(w.url('#/negotiations'));
    const views = page.locator('article.negotiation');
    await views.first().locator('h2').waitFor();
    assert.equal(await views.count(), 1);

    await page.setInputFiles('.file-upload input[type=file]', TALKS);
    await page.getByText(/hand-checked-talks\.yaml stored: Hand-checked talks/).waitFor();
    await page.locator('article.negotiation h2', { hasText: 'Hand-checked talks' }).waitFor();
    assert.equal(await views.count(), 2);
    const stored = await w.store.db.selectFrom('negotiation_processes').select(['id', 'stored_by']).execute();
    assert.equal(stored.length, 2);
    assert.equal(stored.at(-1)!.stored_by, 'Political Officer', 'stored under the signed-in name');
    // Side by side at a laptop's width: the two columns start at the same height.
    await page.locator('article.negotiation table').nth(1).waitFor();
    const [a, b] = [await views.nth(0).boundingBox(), await views.nth(1).boundingBox()];
    assert.ok(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + 200, JSON.stringify({ a, b }));
    await w.shots('negotiations-side-by-side');

    // The choice is in the address: a reload keeps both; unticking one leaves the other.
    await page.reload();
    await page.locator('article.negotiation h2').nth(1).waitFor();
    await page.getByLabel(/Hand-checked talks/).uncheck();
    await page.waitForFunction(() => document.querySelectorAll('article.negotiation').length === 1);
    assert.match((await views.first().locator('h2').textContent()) ?? '', /Orvania|fictional/);
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
