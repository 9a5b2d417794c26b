import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

const C = encodeURIComponent(DEMO_COUNTRY);
const SLUG = 'orvania-fictional';

/**
 * What a probe of the workbench found: downloads named tandem-brief.pdf and tandem-events.csv
 * whatever they held (and the brief opened, not saved), viewers listed as owing an acknowledgement
 * they may never give, everyone's roles shown to anyone, a reporting office typed in and refused
 * only once the form was sent, fractions of events in the map's legend, and a plan graph cut off
 * on a phone with nothing saying it scrolls.
 */
describe('downloads, offices, the legend and the plan on a phone, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([
      { name: 'Amina Admin', roles: ['admin'] },
      { name: 'Kessa Officer', roles: ['poc'], offices: ['Kessa'] },
      { name: 'Tess Two', roles: ['poc'], offices: ['Kessa', 'Varo'] },
      { name: 'Nora Nooffice', roles: ['poc'], offices: [] },
      { name: 'Vic Viewer', roles: ['viewer'] },
    ]);
  });
  after(async () => w?.close());

  /** Clicks a download link; the file's name as the browser saves it, and its text. */
  const download = async (page: Page, name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).click(),
    ]);
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'latin1') };
  };

  test('the brief downloads as a PDF named for its country and period', async () => {
    const { page } = w;
    await w.signIn('Vic Viewer');
    await page.goto(w.url(`#/brief?country=${C}&from=2026-01-01&to=2026-03-31`));
    const link = page.getByRole('link', { name: 'Download as PDF' });
    const expected = `tandem-brief-${SLUG}-2026-01-01-2026-03-31.pdf`;
    assert.equal(await link.getAttribute('download'), expected);
    assert.equal(await link.getAttribute('target'), null, 'saved, not opened in another tab');
    const pdf = await download(page, 'Download as PDF');
    assert.equal(pdf.name, expected);
    assert.equal(pdf.text.slice(0, 5), '%PDF-');
    // Anyone following the address gets the same: a file to save, under that name.
    const res = await page.request.get(w.url(`api/brief.pdf?country=${C}&from=2026-01-01&to=2026-03-31`));
    assert.equal(res.headers()['content-disposition'], `attachment; filename="${expected}"`);
  });

  test('the events export is named for its place, period and format', async () => {
    const { page } = w;
    await w.signIn('Vic Viewer');
    await page.goto(w.url(`#/?country=${C}&from=2026-01-01&to=2026-06-30`));
    const box = page.locator('.event-export');
    await box.getByText(/: [\d,]+ events$/).waitFor();
    const csv = await download(page, 'Download CSV');
    assert.equal(csv.name, `tandem-events-${SLUG}-2026-01-01-2026-06-30.csv`);
    assert.ok(csv.text.split('\n').length > 2 && !csv.text.startsWith('{'), 'the events, not a refusal');
    await box.getByLabel('File format').selectOption('hxl');
    assert.equal(
      (await download(page, 'Download HXL')).name,
      `tandem-events-${SLUG}-2026-01-01-2026-06-30-hxl.csv`,
    );
    await box.getByLabel('File format').selectOption('geojson');
    const geojson = await download(page, 'Download GeoJSON');
    assert.equal(geojson.name, `tandem-events-${SLUG}-2026-01-01-2026-06-30.geojson`);
    assert.equal(JSON.parse(geojson.text).type, 'FeatureCollection');

    await page.goto(w.url(`#/area?country=${C}&area=Kessa%20Highlands&from=2026-01-01&to=2026-06-30`));
    await page
      .locator('.event-export')
      .getByText(/^Kessa Highlands, /)
      .waitFor();
    const area = await download(page, 'Download CSV');
    assert.equal(area.name, `tandem-events-${SLUG}-kessa-highlands-2026-01-01-2026-06-30.csv`);
    await w.shots('export-file-name');
  });

  test('the map legend counts in whole events, each step once', async () => {
    const { page } = w;
    await w.signIn('Vic Viewer');
    // Two attacks by state forces at most in one area that month: the legend read "0 · 0.5 · 1.2 · 2".
    for (const q of ['', '&from=2026-10-01&to=2026-10-31&measure=stateCivilianTargetingEvents']) {
      await page.goto('about:blank');
      await page.goto(w.url(`#/?country=${C}${q}`));
      await page.locator('.map-wrap[data-drawn=yes]').waitFor({ timeout: 30_000 });
      const steps = (await page.locator('.map-wrap .legend .scale span').allTextContents()).map((s) =>
        s.trim(),
      );
      assert.ok(
        steps.every((s) => /^\d{1,3}(,\d{3})*$/.test(s)),
        `whole numbers: ${steps.join(' · ')}`,
      );
      const values = steps.map((s) => Number(s.replace(/,/g, '')));
      assert.ok(
        values.every((v, i) => i === 0 || v > values[i - 1]!),
        `increasing: ${steps.join(' · ')}`,
      );
      assert.equal(values[0], 0);
    }
    await page.locator('.map-wrap .legend').scrollIntoViewIfNeeded();
    await w.shots('legend-whole-numbers');
  });

  test('the plan lists who may acknowledge and has not, by name; their roles only to an administrator', async () => {
    const { page } = w;
    const section = page.locator('.plan-acknowledgements');
    const notYet = () =>
      section
        .locator('div', { has: page.getByRole('heading', { name: /^Not yet/ }) })
        .last()
        .locator('li')
        .allTextContents();
    await w.signIn('Vic Viewer');
    await page.goto(w.url('#/plan'));
    await section.getByRole('heading', { name: 'Not yet (4)' }).waitFor();
    assert.deepEqual(await notYet(), ['Amina Admin', 'Kessa Officer', 'Nora Nooffice', 'Tess Two']);
    await w.signIn('Amina Admin');
    await page.goto(w.url('#/plan'));
    await section.getByRole('heading', { name: 'Not yet (4)' }).waitFor();
    assert.deepEqual(await notYet(), [
      'Amina Admin (admin)',
      'Kessa Officer (poc)',
      'Nora Nooffice (poc)',
      'Tess Two (poc)',
    ]);
  });

  test("the reporting office is chosen among the account's offices, and an account with none is told before it fills the form", async () => {
    const { page } = w;
    const offices = () =>
      page
        .locator('select[name=office] option')
        .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    const form = page.locator('form.incident-form');

    await w.signIn('Kessa Officer');
    await page.goto(w.url('#/incidents'));
    await page.locator('select[name=office]').waitFor();
    assert.deepEqual(await offices(), ['Kessa']);
    assert.equal(await page.inputValue('select[name=office]'), 'Kessa', 'its one office, chosen');
    await page.fill('input[name=occurredOn]', '2026-10-20');
    await page.fill('input[name=admin1]', 'Kessa Highlands');
    await form.getByRole('button', { name: 'Record the incident' }).click();
    await form.getByText(/^Incident \d+ recorded\.$/).waitFor();

    await w.signIn('Tess Two');
    await page.goto(w.url('#/incidents'));
    await page.locator('select[name=office]').waitFor();
    assert.deepEqual(await offices(), ['', 'Kessa', 'Varo']);
    assert.equal(await page.inputValue('select[name=office]'), '', 'two offices: one to choose');

    await w.signIn('Nora Nooffice');
    await page.goto(w.url('#/incidents'));
    const note = form.getByRole('note');
    await note.waitFor();
    assert.match(
      (await note.textContent()) ?? '',
      /has no field office.*tandem users add "Nora Nooffice" --roles poc --offices OFFICE/,
    );
    assert.ok(await form.getByRole('button', { name: 'Record the incident' }).isDisabled());
    await w.shots('incident-no-office');
    await page.goto(w.url('?lang=fr#/incidents'));
    await form.getByText(/Votre compte n’a aucun bureau de terrain/).waitFor();
    await page.goto(w.url('?lang=en#/incidents'));

    // An account of every office writes the office in.
    await w.signIn('Amina Admin');
    await page.goto(w.url('#/incidents'));
    await page.locator('input[name=office]').waitFor();
    assert.equal(await form.getByRole('note').count(), 0);
  });

  test('on a phone the plan graph says that it scrolls sideways', async () => {
    const { page } = w;
    await w.signIn('Vic Viewer');
    await page.goto(w.url('#/plan'));
    await page.locator('.plan-graph').waitFor();
    assert.equal(await page.locator('.graph-hint').count(), 0, 'a laptop sees the four columns');
    await page.setViewportSize({ width: 390, height: 844 });
    const hint = page.locator('.graph-hint');
    await hint.waitFor();
    assert.match((await hint.textContent()) ?? '', /swipe it sideways/);
    const box = await page.locator('.graph-wrap').evaluate((e) => [e.scrollWidth, e.clientWidth]);
    assert.ok(box[0]! > box[1]!, `the graph is wider than its box: ${box}`);
    await page.goto(w.url('?lang=fr#/plan'));
    await page
      .locator('.graph-hint')
      .getByText(/faites-le glisser sur le côté/)
      .waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(w.url('?lang=en#/plan'));
    await page.locator('.plan-graph').waitFor();
    await w.shots('plan-graph-hint');
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
