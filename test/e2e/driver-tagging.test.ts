import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { areaHash, browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

const AREA = 'Kessa Highlands';

describe('tagging and confirming drivers on the area page, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([
      { name: 'Ana Poc', roles: ['poc'] },
      { name: 'Ben Political', roles: ['political'] },
      { name: 'Cara Both', roles: ['poc', 'political'] },
      { name: 'Pia Planner', roles: ['planner'] },
    ]);
  });
  after(async () => w?.close());

  const tagItem = () => w.page.locator('.driver-tagging li', { hasText: 'tagged by Ana Poc' });

  test('a POC analyst tags a driver, a political analyst confirms it, and it becomes joint under their two names', async () => {
    const { page } = w;
    await w.signIn('Ana Poc');
    await page.goto(w.url(areaHash(DEMO_COUNTRY, AREA)));
    const form = page.getByRole('form', { name: 'Tag a driver' });
    await form.waitFor();
    assert.match((await form.textContent()) ?? '', /as Ana Poc, POC unit/);
    const driver = await form.locator('select option').first().textContent();
    await form.getByLabel('Why (optional)').fill('Cattle raids follow the dry-season routes');
    await form.getByRole('button', { name: 'Tag driver' }).click();
    await tagItem().waitFor();
    assert.match((await tagItem().textContent()) ?? '', new RegExp(`${driver}`));
    assert.deepEqual(
      await tagItem().getByRole('button').allTextContents(),
      ['Withdraw…'],
      'the tagger may not confirm their own tag, only withdraw it',
    );
    assert.equal(await tagItem().locator('.code-chip').count(), 0, 'not joint with one person behind it');

    // The same person cannot stand in for the other unit under another name: the server refuses it.
    const refused = await page.evaluate(async (country) => {
      const res = await fetch('/api/ops/tagDriver', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          driver: 'land-and-resources',
          country,
          admin1: 'Kessa Highlands',
          analyst: 'Ben Political',
        }),
      });
      return { status: res.status, body: await res.text() };
    }, DEMO_COUNTRY);
    assert.equal(refused.status, 400, refused.body);
    assert.match(refused.body, /analyst: this is recorded under the name you act as/);

    await w.signIn('Ben Political');
    await page.goto(w.url(areaHash(DEMO_COUNTRY, AREA)));
    await tagItem().getByRole('button', { name: 'Confirm as Ben Political' }).click();
    await tagItem().locator('.code-chip', { hasText: 'joint' }).waitFor();
    assert.match((await tagItem().textContent()) ?? '', /confirmed by Ben Political \(political\)/);
    // Tagged on the area, on no event: the area's joint drivers list it all the same, with its tag,
    // at once, without reloading the page (the summary read the tags before the confirmation).
    const listed = page.locator('ul.drivers-joint li', { hasText: driver ?? '' });
    await listed.waitFor();
    assert.match((await listed.textContent()) ?? '', /analyst’s tags? \(joint: [1-9]\d*\), on the area/);
    // The word rules' events are said as hints, never as "0 tagged" beside a joint tag (browser probe).
    assert.doesNotMatch((await listed.textContent()) ?? '', /0 tagged by analysts/);
    await tagItem().scrollIntoViewIfNeeded();
    await w.shots('driver-tagging');

    const audit = await w.store.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('record_kind', '=', 'driver-tag')
      .where('actor', 'in', ['Ana Poc', 'Ben Political'])
      .orderBy('id')
      .execute();
    assert.deepEqual(audit, [
      { actor: 'Ana Poc', action: 'tagged' },
      { actor: 'Ben Political', action: 'confirmed' },
    ]);
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });

  test('one who works in both units says which unit confirms, the one that makes the tag joint offered first', async () => {
    const { page } = w;
    const area = 'Dunmarch';
    await w.signIn('Ana Poc');
    await page.goto(w.url(areaHash(DEMO_COUNTRY, area)));
    const form = page.getByRole('form', { name: 'Tag a driver' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Tag driver' }).click();
    const item = page.locator('.driver-tagging li', { hasText: 'tagged by Ana Poc' });
    await item.waitFor();
    await w.signIn('Cara Both');
    await page.goto(w.url(areaHash(DEMO_COUNTRY, area)));
    await item.waitFor();
    assert.deepEqual(await item.getByRole('button').allTextContents(), [
      'Confirm as Cara Both, political unit',
      'Confirm as Cara Both, POC unit',
      'Dispute…',
    ]);
    await item.getByRole('button', { name: 'Confirm as Cara Both, political unit' }).click();
    await item.locator('.code-chip', { hasText: 'joint' }).waitFor();
    assert.match((await item.textContent()) ?? '', /confirmed by Cara Both \(political\)/);
    assert.deepEqual(
      await item.getByRole('button').allTextContents(),
      ['Dispute…'],
      'a joint tag offers no further confirmation',
    );
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });

  test('a political officer disputes a joint tag with a reason, and its maker withdraws it', async () => {
    const { page } = w;
    const item = page.locator('.driver-tagging li', { hasText: 'tagged by Ana Poc' });
    await w.signIn('Ben Political');
    await page.goto(w.url(areaHash(DEMO_COUNTRY, 'Dunmarch')));
    await item.locator('.code-chip', { hasText: 'joint' }).waitFor();
    await item.getByRole('button', { name: 'Dispute…' }).click();
    const send = item.getByRole('button', { name: 'Dispute the tag' });
    assert.equal(await send.isDisabled(), true, 'no dispute without a reason');
    await item
      .getByLabel('Why you do not stand behind this tag')
      .fill('The clashes follow the succession dispute.');
    await send.click();
    await item.locator('.code-chip', { hasText: 'disputed' }).waitFor();
    assert.equal(await item.locator('.code-chip', { hasText: 'joint' }).count(), 0, 'no longer joint');
    assert.match(
      (await item.textContent()) ?? '',
      /disputed by Ben Political \(political\).*The clashes follow the succession dispute\./,
    );
    await item.scrollIntoViewIfNeeded();
    await w.shots('driver-disputed');

    await w.signIn('Ana Poc');
    await page.goto(w.url(areaHash(DEMO_COUNTRY, 'Dunmarch')));
    await item.getByRole('button', { name: 'Withdraw…' }).click();
    await item
      .getByLabel('Why you withdraw your tag')
      .fill('Tagged before the assessment mission; not borne out.');
    await item.getByRole('button', { name: 'Withdraw the tag' }).click();
    await item.waitFor({ state: 'detached' });
    const audit = await w.store.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('record_kind', '=', 'driver-tag')
      .where('action', 'in', ['disputed', 'withdrawn'])
      .orderBy('id')
      .execute();
    assert.deepEqual(audit, [
      { actor: 'Ben Political', action: 'disputed' },
      { actor: 'Ana Poc', action: 'withdrawn' },
    ]);
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
  test('a planner, who acts for neither unit, reads the tags and is offered no form or button the server would refuse', async () => {
    const { page } = w;
    await w.signIn('Pia Planner');
    await page.goto(w.url(areaHash(DEMO_COUNTRY, AREA)));
    const section = page.locator('.driver-tagging');
    await section.getByText('Pia Planner reads the tags').waitFor();
    assert.equal(await page.getByRole('form', { name: 'Tag a driver' }).count(), 0);
    assert.equal(await section.getByRole('button').count(), 0, 'no confirm button');
    assert.match((await section.textContent()) ?? '', /tagged by Ana Poc/, 'the tags are there to read');
  });
});
