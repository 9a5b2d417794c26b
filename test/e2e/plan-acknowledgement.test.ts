import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

describe('acknowledging a plan on the Plan page, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([
      { name: 'Head Kessa', roles: ['poc'] },
      { name: 'Deputy Varo', roles: ['political'] },
      { name: 'Vic Viewer', roles: ['viewer'] },
    ]);
  });
  after(async () => w?.close());

  const section = () => w.page.locator('.plan-acknowledgements');
  const names = (column: 'Acknowledged' | 'Not yet') =>
    section()
      .locator('div', { has: w.page.getByRole('heading', { name: new RegExp(`^${column}`) }) })
      .last()
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => li.firstChild?.textContent?.trim()));

  test('a head of office acknowledges the current version as themself; a new version starts again', async () => {
    const { page } = w;
    await w.signIn('Head Kessa');
    await page.goto(w.url('#/plan'));
    // A read-only account never acknowledges, so it is not waited for.
    await section().getByRole('heading', { name: 'Not yet (2)' }).waitFor();
    assert.deepEqual(await names('Not yet'), ['Deputy Varo', 'Head Kessa']);

    await section().getByLabel('Your post (optional)').fill('Head of Office, Kessa');
    await section()
      .getByRole('button', { name: /^Acknowledge version 1 as Head Kessa$/ })
      .click();
    await section()
      .getByText(/You acknowledged version 1/)
      .waitFor();
    assert.deepEqual(await names('Acknowledged'), ['Head Kessa']);
    assert.deepEqual(await names('Not yet'), ['Deputy Varo']);
    assert.match((await section().textContent()) ?? '', /Head of Office, Kessa/);
    await section().scrollIntoViewIfNeeded();
    await w.shots('plan-acknowledgement');

    // Nobody acknowledges for someone else, whatever the request says.
    const refused = await page.evaluate(async () => {
      const plan = await (await fetch('/api/plans/current')).json();
      const res = await fetch('/api/ops/acknowledgePlan', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mission: plan.mission, version: plan.version, by: 'Deputy Varo' }),
      });
      return { status: res.status, body: await res.text() };
    });
    assert.equal(refused.status, 400, refused.body);
    assert.match(refused.body, /by: an acknowledgement is recorded under the name you act as/);
    const audit = await w.store.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('record_kind', '=', 'plan-version')
      .execute();
    assert.deepEqual(audit, [{ actor: 'Head Kessa', action: 'acknowledged' }]);

    // A revised plan is a new version: its acknowledgements start from nobody.
    const demo = await w.store.db.selectFrom('plan_versions').select('source_text').executeTakeFirstOrThrow();
    const revised = join(w.dir, 'demo-plan-revised.yaml');
    writeFileSync(revised, `${demo.source_text}\n# revised after the mid-term review\n`);
    await page.setInputFiles('.file-upload input[type=file]', revised);
    await section().getByRole('heading', { name: 'Acknowledgements of version 2' }).waitFor();
    await section().getByRole('heading', { name: 'Not yet (2)' }).waitFor();
    assert.deepEqual(await names('Acknowledged'), []);
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
