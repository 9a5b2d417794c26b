import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { browserSkip, openWorkbenchSession, ROOT, type WorkbenchSession } from './workbench-session.ts';

const EXAMPLE_MISSION = 'UN Stabilization Mission in Orvania (UNSMO, fictional) - example plan';

describe('choosing and loading plans on the Plan page, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  let demoMission: string;

  before(async () => {
    w = await openWorkbenchSession([{ name: 'Planner', roles: ['poc'] }]);
    const row = await w.store.db.selectFrom('plan_versions').select('mission').executeTakeFirstOrThrow();
    demoMission = row.mission;
  });
  after(async () => w?.close());

  const heading = () => w.page.locator('section.plan h1').first();

  test('a plan file loaded in the browser becomes the plan shown, and the demonstration plan stays reachable', async () => {
    const { page } = w;
    await w.signIn('Planner');
    await page.goto(w.url('#/plan'));
    await heading().waitFor();
    assert.ok(((await heading().textContent()) ?? '').startsWith(demoMission));

    // A file that is not a plan is refused whole, its problems named with their line.
    const bad = join(w.dir, 'broken-plan.yaml');
    writeFileSync(bad, 'mission: Broken\ncountry: Orvania\nperiod: {from: 2026-01-01}\n');
    await page.setInputFiles('.file-upload input[type=file]', bad);
    const refusal = page.locator('.file-upload [role=alert]');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /broken-plan\.yaml/);
    assert.equal(
      (await w.store.db.selectFrom('plan_versions').select('id').execute()).length,
      1,
      'a refused plan was stored',
    );

    await page.setInputFiles('.file-upload input[type=file]', join(ROOT, 'examples', 'unsmo-plan.yaml'));
    await page.getByText(/unsmo-plan\.yaml stored as version 1/).waitFor();
    await page.waitForFunction(
      (m) => document.querySelector('section.plan h1')?.textContent?.includes(m),
      EXAMPLE_MISSION,
    );
    assert.match(page.url(), /#\/plan\?.*mission=.*&version=1/);

    // The demonstration plan is still one choice away, and the choice survives a reload.
    const options = await page.locator('.task-bar select option').allTextContents();
    assert.ok(
      options.some((o) => o.startsWith(`${demoMission}, version`)),
      options.join(' | '),
    );
    const demoValue = await page
      .locator('.task-bar select option', { hasText: `${demoMission}, version` })
      .first()
      .getAttribute('value');
    await page.selectOption('.task-bar select', demoValue!);
    await page.waitForFunction(
      (m) => document.querySelector('section.plan h1')?.textContent?.startsWith(m),
      demoMission,
    );
    await page.reload();
    await page.waitForFunction(
      (m) => document.querySelector('section.plan h1')?.textContent?.startsWith(m),
      demoMission,
    );
    await w.shots('plan-choice');
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
