import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

describe('the proposed allocation of scarce resources on the Plan page, in Chromium', {
  skip: browserSkip,
}, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([{ name: 'Plan Officer', roles: ['viewer'] }]);
  });
  after(async () => w?.close());

  const section = () => w.page.locator('.plan-allocation');
  /** Each area's units now → proposed in a resource's table, as the page shows them. */
  const units = (resource: string) =>
    section()
      .getByRole('region', { name: resource })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((r) => [
            r.querySelector('th')?.textContent?.trim(),
            r.querySelector('td.units')?.textContent?.replace(/\s+/g, ' ').trim(),
          ]),
        ),
      );

  test('a planner (read-only) sees where each asset would go and why, and what allowing flagged activities changes', async () => {
    const { page } = w;
    await w.signIn('Plan Officer');
    await page.goto(w.url('#/plan'));
    await section().getByRole('heading', { name: 'Where the scarce resources would go' }).waitFor();
    await section()
      .getByText(/^Risk covered: /)
      .waitFor();
    // The demonstration plan flies helicopters for a-fao-support in Lower Varo, an activity the
    // check flags for supporting an army that harms civilians there: the proposal takes them away.
    const helicopters = 'Utility helicopters (flight hours per week, in tens)';
    const before = await units(helicopters);
    assert.equal(before['Lower Varo'], '2 → 0');
    assert.equal(before['Kessa Highlands'], '2 → 2');
    const lowerVaro = section()
      .getByRole('region', { name: helicopters })
      .getByRole('row', { name: /Lower Varo/ });
    assert.match((await lowerVaro.textContent()) ?? '', /a-fao-support flagged by the plan check/);
    assert.match(
      (await section().getByRole('region', { name: helicopters }).textContent()) ?? '',
      /Move 1 unit from Talu Lakes to Dunmarch: /,
    );
    // The page's figures are the engine's: the same as `tandem plan allocate` on the stored plan.
    const engine = await page.evaluate(async () => (await fetch('/api/plans/current/allocation')).json());
    const heli = engine.resources.find((r: { resource: string }) => r.resource === 'helicopters');
    assert.deepEqual(
      Object.fromEntries(
        heli.areas.map((a: { area: string; current: number; proposed: number }) => [
          a.area,
          `${a.current} → ${a.proposed}`,
        ]),
      ),
      before,
    );
    await section().scrollIntoViewIfNeeded();
    await w.shots('plan-allocation');

    // Allowing flagged activities is a decision the reader takes here, as --allow-flagged does.
    await section()
      .getByLabel(/Let units go to activities the check flags/)
      .check();
    await section()
      .getByText(/resources may go to a-fao-support\b.*, flagged by the plan check/)
      .waitFor();
    const allowed = await units(helicopters);
    assert.notEqual(allowed['Lower Varo'], '2 → 0');

    await page.goto(w.url('?lang=fr#/plan'));
    await section().getByRole('heading', { name: 'Où iraient les moyens rares' }).waitFor();
    await section()
      .getByText(/^Risque couvert\s*:/)
      .waitFor();
    assert.deepEqual(w.errors, []);
  });
});
