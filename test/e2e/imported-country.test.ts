import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operations } from '../../src/app/operations.ts';
import { runOperation } from '../../src/app/run-operation.ts';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

/**
 * The workbench on a store of a real country's events and no plan, as a mission starting from its
 * own data has it: the plan page says there is none without a failed request in the console, and
 * French pages name the country in French wherever they name it (Sudan: "Soudan").
 */
describe('pages on a store of imported events and no plan', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  let area = '';

  before(async () => {
    w = await openWorkbenchSession([{ name: 'Analyst', roles: ['analyst'] }], async (store) => {
      const requester = { name: 'e2e', roles: ['admin'] };
      const fixture = new URL('../fixtures/good/hxl-ged-style-names.csv', import.meta.url).pathname;
      await runOperation(
        operations.importFiles,
        { paths: [fixture] },
        { via: 'cli', name: 'importFiles', requester, store },
      );
      await store.db.deleteFrom('plan_acknowledgements').execute();
      await store.db.deleteFrom('plan_versions').execute();
      const byArea = await runOperation(
        operations.summary,
        { by: 'admin1', country: 'Sudan' },
        { via: 'cli', name: 'summary', requester, store },
      );
      area = byArea.rows[0]!.key;
    });
  });
  after(async () => w?.close());

  test('the plan page of a store without a plan says so, and logs no failed request', async () => {
    await w.signIn('Analyst');
    w.errors.length = 0;
    await w.page.goto(w.url('#/plan?country=Sudan'));
    await w.page.locator('section.plan .empty').first().waitFor();
    assert.match((await w.page.locator('section.plan').textContent()) ?? '', /tandem plan import/);
    await w.page.waitForTimeout(500);
    assert.deepEqual(w.errors, []);
  });

  test("French pages name the country in French: the area's heading, the frictions and the brief", async () => {
    const country = encodeURIComponent('Sudan');
    const pages: [string, string][] = [
      [`#/area?country=${country}&area=${encodeURIComponent(area)}`, 'section.area h1'],
      [`#/frictions?country=${country}`, 'section.frictions-page h1'],
      [`#/brief?country=${country}`, 'section.brief h1'],
    ];
    for (const [hash, heading] of pages) {
      await w.page.goto(w.url(`?lang=fr${hash}`));
      const h1 = w.page.locator(heading).first();
      await h1.waitFor();
      const text = (await h1.textContent()) ?? '';
      assert.match(text, /Soudan/, `${hash}: «${text}»`);
      assert.doesNotMatch(text, /Sudan/, `${hash}: «${text}»`);
    }
  });
});
