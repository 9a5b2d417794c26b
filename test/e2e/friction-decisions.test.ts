import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { operations } from '../../src/app/operations.ts';
import { runOperation } from '../../src/app/run-operation.ts';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

/**
 * A web probe: a political officer escalated a friction, and a POC adviser who had the page open
 * from before saved "mitigate" over it with no notice. The page now sends when it read the
 * friction; the later save is refused, said, and the form shows what was decided meanwhile.
 */
describe('deciding on a friction in Chromium, two people at once', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([
      { name: 'Ana Poc', roles: ['poc'] },
      { name: 'Ben Political', roles: ['political'] },
    ]);
  });
  after(async () => w?.close());

  test('a decision saved from a page read before another one is refused and the form shows the other', async () => {
    const { page } = w;
    await w.signIn('Ana Poc');
    await page.goto(w.url(`#/frictions?country=${encodeURIComponent(DEMO_COUNTRY)}`));
    const item = page.locator('.friction-list > li').first();
    const form = item.locator('form.friction-decision');
    await form.waitFor();
    const ref = (await form.locator('select[name="decision"]').getAttribute('id'))!.split('-')[1]!;
    // Ben decides while Ana's page is open.
    await runOperation(
      operations.editFriction,
      { ref, decision: 'escalate', note: 'for the SRSG' },
      {
        via: 'http',
        name: 'editFriction',
        requester: { name: 'Ben Political', roles: ['political'] },
        store: w.store,
      },
    );
    await form.locator('select[name="decision"]').selectOption('mitigate');
    await form.getByRole('button', { name: 'Save' }).click();
    const refusal = item.getByRole('alert');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /was changed by Ben Political .* nothing was saved/);
    // The form is filled anew with what Ben decided; saved again, Ana's decision now stands.
    await page.waitForFunction(
      (id) =>
        (document.getElementById(`friction-${id}-decision`) as HTMLSelectElement | null)?.value ===
        'escalate',
      ref,
    );
    assert.match(
      (await item.locator('.friction-decided').textContent()) ?? '',
      /escalate to leadership, by Ben Political/,
    );
    await item.locator('select[name="decision"]').selectOption('mitigate');
    await item.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() =>
      /mitigate, by Ana Poc/.test(
        document.querySelector('.friction-list > li .friction-decided')?.textContent ?? '',
      ),
    );
    assert.equal(await item.getByRole('alert').count(), 0, 'the refusal is gone once a save succeeds');
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
