import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

describe('choosing what the brief covers, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([{ name: 'Ana Poc', roles: ['poc'] }]);
  });
  after(async () => w?.close());

  test('an area and a period chosen on the Brief page scope the brief; a reversed period is refused beside its field', async () => {
    const { page } = w;
    await w.signIn('Ana Poc');
    await page.goto(w.url(`#/brief?country=${encodeURIComponent(DEMO_COUNTRY)}`));
    const form = page.getByRole('form', { name: 'What the brief covers' });
    await form
      .getByLabel('Area')
      .locator('option', { hasText: 'Kessa Highlands' })
      .waitFor({ state: 'attached' });
    const frame = page.locator('iframe.brief-frame');
    const whole = await frame.getAttribute('src');

    // A period that ends before it starts is never sent.
    await form.getByLabel('From').fill('2026-06-01');
    await form.getByLabel('To').fill('2026-01-31');
    await form.getByRole('button', { name: 'Show the brief' }).click();
    const refusal = form.locator('.field-error');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /ends \(2026-01-31\) before it starts \(2026-06-01\)/);
    assert.equal(await frame.getAttribute('src'), whole, 'a refused period reached the brief');

    await form.getByLabel('Area').selectOption('Kessa Highlands');
    await form.getByLabel('From').fill('2026-01-01');
    await form.getByLabel('To').fill('2026-03-31');
    await form.getByRole('button', { name: 'Show the brief' }).click();
    await page
      .getByRole('heading', { name: `Joint analysis brief: Kessa Highlands (${DEMO_COUNTRY})` })
      .waitFor();
    const src = new URL((await frame.getAttribute('src'))!, 'http://x');
    assert.deepEqual(
      [
        src.pathname,
        src.searchParams.get('country'),
        src.searchParams.get('admin1'),
        src.searchParams.get('from'),
        src.searchParams.get('to'),
      ],
      ['/api/brief.html', DEMO_COUNTRY, 'Kessa Highlands', '2026-01-01', '2026-03-31'],
    );
    // The scope is in the address (in whatever order the shell writes its parameters).
    const scope = new URLSearchParams(page.url().split('#/brief?')[1] ?? '');
    assert.deepEqual(
      [scope.get('area'), scope.get('from'), scope.get('to')],
      ['Kessa Highlands', '2026-01-01', '2026-03-31'],
    );
    const brief = page.frameLocator('iframe.brief-frame');
    await brief.locator('h1').first().waitFor({ timeout: 60_000 });
    assert.match((await brief.locator('body').textContent()) ?? '', /Kessa Highlands/);
    // The frame is as tall as the brief: the page scrolls, not a box inside it.
    const fits = async () =>
      frame.evaluate((f: HTMLIFrameElement) => {
        const doc = f.contentDocument!.documentElement;
        return { frame: f.clientHeight, brief: doc.scrollHeight };
      });
    await page.waitForFunction(() => {
      const f = document.querySelector<HTMLIFrameElement>('iframe.brief-frame');
      return !!f && f.clientHeight >= f.contentDocument!.documentElement.scrollHeight;
    });
    const fit = await fits();
    assert.ok(
      fit.frame >= fit.brief && fit.brief > 800,
      `frame ${fit.frame} px for a brief of ${fit.brief} px`,
    );
    const pdf = await page.getByRole('link', { name: 'Download as PDF' }).getAttribute('href');
    assert.match(pdf ?? '', /admin1=Kessa\+Highlands&from=2026-01-01&to=2026-03-31/);

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: /Kessa Highlands/ }).waitFor();
    assert.equal(await form.getByLabel('From').inputValue(), '2026-01-01');
    await w.shots('brief-options');
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });

  test('a brief the server refuses (an area with no events) is said as a refusal, in French on French pages, not shown as raw JSON', async () => {
    const { page } = w;
    await page.goto(w.url(`?lang=fr#/brief?country=${encodeURIComponent(DEMO_COUNTRY)}&area=Nowhere`));
    const box = page.locator('.error-box');
    await box.waitFor();
    assert.match(
      ((await box.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' '),
      /aucun événement pour la région \(admin-1\) « Nowhere »/,
    );
    assert.equal(await page.locator('iframe.brief-frame').isVisible(), false);
    await page.goto(w.url(`?lang=en#/brief?country=${encodeURIComponent(DEMO_COUNTRY)}`));
    await page.frameLocator('iframe.brief-frame').locator('h1').first().waitFor({ timeout: 60_000 });
    assert.equal(await box.count(), 0, 'a brief that loads shows no refusal');
  });
});
