import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { operations } from '../../src/app/operations.ts';
import { runOperation } from '../../src/app/run-operation.ts';
import { areaHash, browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

const AREA = 'Dunmarch';
const READ_ONLY = 'Your account may read but not change the store.';
const READ_ONLY_FR = 'Votre compte peut lire la base mais pas la modifier.';

/** A figure as the page prints it ("1,453", "1 453") as a number. */
const figure = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

describe('read-only accounts, clearing a friction, and exporting events, in Chromium', {
  skip: browserSkip,
}, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([
      { name: 'Vic Viewer', roles: ['viewer'] },
      { name: 'Ana Poc', roles: ['poc'] },
    ]);
    // A public incident, which the viewer reads in full: opened, it shows its history, not a form.
    const requester = { name: 'e2e', roles: ['admin'] };
    await runOperation(
      operations.recordIncident,
      {
        occurredOn: '2026-03-20',
        country: DEMO_COUNTRY,
        admin1: AREA,
        category: 'threat-or-intimidation',
        office: 'fo-kessa',
        sensitivity: 'public',
        narrative: 'Traders warned off the Dunmarch road',
      },
      { via: 'cli', requester, store: w.store, name: 'incidents add' },
    );
  });
  after(async () => w?.close());

  /** Opens a page and waits for the read-only sentence (said once whoami has answered). */
  const openReadOnly = async (page: Page, hash: string, sentence = READ_ONLY) => {
    await page.goto(w.url(hash));
    await page.getByText(sentence).first().waitFor();
  };

  test('a viewer is offered no form that changes the store, and is told why', async () => {
    const { page } = w;
    // A writer first: the same pages offer the forms, so that their absence below means something.
    await w.signIn('Ana Poc');
    await page.goto(w.url(areaHash(DEMO_COUNTRY, AREA)));
    await page.getByRole('form', { name: 'Tag a driver' }).waitFor();
    assert.ok((await page.getByRole('button', { name: /^Confirm as Ana Poc/ }).count()) > 0);
    assert.equal(await page.getByText(READ_ONLY).count(), 0);
    await page.goto(w.url('#/frictions'));
    await page.locator('form.friction-decision').first().waitFor();

    await w.signIn('Vic Viewer');
    await openReadOnly(page, areaHash(DEMO_COUNTRY, AREA));
    // The tags are still read; confirming one and tagging are not offered.
    await page.locator('.driver-tagging li').first().waitFor();
    assert.equal(await page.getByRole('form', { name: 'Tag a driver' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Confirm as/ }).count(), 0);
    assert.equal(
      await page.locator('.threat-editing details').count(),
      0,
      'no threat is offered for editing',
    );
    await w.shots('read-only-area');

    await openReadOnly(page, '#/incidents');
    assert.equal(await page.locator('form.incident-form').count(), 0);
    await page
      .getByRole('button', { name: /Open incident/ })
      .first()
      .click();
    await page.locator('.incident-editor').getByText(READ_ONLY).waitFor();
    await page.locator('.incident-history li').first().waitFor();
    assert.equal(await page.locator('form.incident-form').count(), 0, 'an opened incident offers no form');

    await openReadOnly(page, '#/frictions');
    await page.locator('.friction-list > li').first().waitFor();
    assert.equal(await page.locator('form.friction-decision').count(), 0);
    assert.equal(await page.getByText(READ_ONLY).count(), 1, 'said once, not under every friction');
    await w.shots('read-only-frictions');

    await openReadOnly(page, '#/import');
    assert.equal(await page.locator('input[type=file]').count(), 0, 'no upload: events or boundaries');
    assert.equal(await page.getByText(READ_ONLY).count(), 2);
    await w.shots('read-only-import');

    await openReadOnly(page, '#/plan');
    assert.equal(await page.locator('.file-upload').count(), 0);
    await page.locator('.plan-acknowledgements').waitFor();
    assert.equal(await page.getByRole('form', { name: 'Acknowledge this plan version' }).count(), 0);

    await openReadOnly(page, '#/negotiations');
    assert.equal(await page.locator('.file-upload').count(), 0);

    await openReadOnly(page, '#/participation');
    assert.equal(await page.locator('form.participant-form').count(), 0);

    // In French, the same sentence in French.
    await openReadOnly(page, '?lang=fr#/frictions', READ_ONLY_FR);
    assert.equal(await page.locator('form.friction-decision').count(), 0);
    await page.goto(w.url('?lang=en#/'));

    // The server refuses what the page no longer offers, whatever is sent.
    const refused = await page.evaluate(async () => {
      const res = await fetch('/api/ops/editFriction', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ref: '00000000', owner: 'x' }),
      });
      return res.status;
    });
    assert.equal(refused, 403);
  });

  test('an owner, decision, review date and note cleared in the form stay cleared after a reload', async () => {
    const { page } = w;
    await w.signIn('Ana Poc');
    await page.goto(w.url('#/frictions'));
    const firstOwner = page.locator('form.friction-decision input[name=owner]').first();
    await firstOwner.waitFor();
    const ref = (await firstOwner.getAttribute('id'))!.replace(/^friction-|-owner$/g, '');
    const field = (name: string) => page.locator(`#friction-${ref}-${name}`);
    const item = page.locator('.friction-list > li', { has: field('owner') });
    const values = async () => [
      await field('owner').inputValue(),
      await field('decision').inputValue(),
      await field('reviewDate').inputValue(),
      await field('note').inputValue(),
    ];

    await field('owner').fill('Head of Office, Dunmarch');
    await field('decision').selectOption('mitigate');
    await field('reviewDate').fill('2026-12-31');
    await field('note').fill('Share the patrols by week');
    await item.getByRole('button', { name: 'Save' }).click();
    await item.getByText(/Decision: mitigate, by Ana Poc/).waitFor();
    await page.reload();
    await field('owner').waitFor();
    assert.deepEqual(await values(), [
      'Head of Office, Dunmarch',
      'mitigate',
      '2026-12-31',
      'Share the patrols by week',
    ]);
    // Said beside the decision, not only in the form: a reader who may not edit sees them too.
    await item.getByText('Owner: Head of Office, Dunmarch').waitFor();
    await item.getByText('Note: Share the patrols by week').waitFor();
    await item.scrollIntoViewIfNeeded();
    await w.shots('friction-saved');

    await field('owner').fill('');
    await field('decision').selectOption('');
    await field('reviewDate').fill('');
    await field('note').fill('');
    await item.getByRole('button', { name: 'Save' }).click();
    await item.getByText('No decision yet.').waitFor();
    await page.reload();
    await field('owner').waitFor();
    assert.deepEqual(await values(), ['', '', '', '']);
    assert.doesNotMatch((await item.textContent()) ?? '', /review on/);
    const row = await w.store.db
      .selectFrom('frictions')
      .select(['owner', 'decision', 'review_date', 'note', 'decided_by', 'decided_at'])
      .where('ref', '=', ref)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      owner: '',
      decision: null,
      review_date: null,
      note: '',
      decided_by: null,
      decided_at: null,
    });
    // The register keeps the latest; the friction's history keeps the decision taken and withdrawn.
    await item.getByText('History', { exact: true }).click();
    const entries = item.locator('.friction-history li');
    await entries.nth(1).waitFor();
    const history = await entries.allTextContents();
    assert.equal(history.length, 2, history.join('\n'));
    assert.match(history[0]!, /Ana Poc: owner: none → Head of Office, Dunmarch; decision: none → mitigate; /);
    assert.match(history[1]!, /decision: mitigate → none; review date: 31 Dec 2026 → none/);
    await item.scrollIntoViewIfNeeded();
    await w.shots('friction-cleared');
  });

  /** Clicks a download link and returns the file's text. */
  const download = async (page: Page, name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name }).click(),
    ]);
    return readFileSync((await file.path())!, 'utf8');
  };

  test('the overview and an area page export the events they count, as CSV, HXL for Excel and GeoJSON', async () => {
    const { page } = w;
    await w.signIn('Vic Viewer');
    await page.goto(w.url('#/'));
    const exportBox = page.locator('.event-export');
    const count = figure(await page.locator('.headline .figure .value').first().textContent());
    await exportBox.getByText(new RegExp(`: ${count.toLocaleString('en-GB')} events$`)).waitFor();
    assert.ok(count > 0);
    const href = (await exportBox.getByRole('link', { name: 'Download CSV' }).getAttribute('href'))!;
    const q = new URL(href, w.url('')).searchParams;
    const shown = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
    assert.deepEqual(
      [q.get('format'), q.get('country'), q.get('from'), q.get('to'), q.get('excel')],
      ['csv', DEMO_COUNTRY, shown.get('from'), shown.get('to'), null],
    );
    const csv = await download(page, 'Download CSV');
    assert.notEqual(csv[0], '\ufeff');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    assert.equal(rows.length, count, 'one row for each event the overview counts');
    assert.deepEqual([...new Set(rows.map((r) => r.country))], [DEMO_COUNTRY]);

    await exportBox.getByLabel('File format').selectOption('hxl');
    await exportBox.getByLabel('For Excel').check();
    const hxl = await download(page, 'Download HXL');
    assert.equal(hxl[0], '\ufeff', 'for Excel: the byte-order mark that keeps accents');
    const hxlRows = Papa.parse<string[]>(hxl.slice(1), { skipEmptyLines: true }).data;
    assert.equal(hxlRows[1]![0], '#meta+dataset');
    assert.equal(hxlRows.length, count + 2, 'header, hashtags, then the events');

    await exportBox.getByLabel('File format').selectOption('geojson');
    assert.ok(await exportBox.getByLabel('For Excel').isDisabled(), 'GeoJSON is not for Excel');
    const geojson = JSON.parse(await download(page, 'Download GeoJSON')) as { features: unknown[] };
    assert.equal(geojson.features.length, count);
    await exportBox.getByLabel('File format').selectOption('csv');
    await exportBox.scrollIntoViewIfNeeded();
    await w.shots('export-overview');

    // A violence type ticked and state forces chosen narrow the export as they narrow the figures.
    const civilians = page.locator('fieldset.types input[name=violence-against-civilians]');
    await civilians.check();
    await page.selectOption('select[name=perpetrators]', 'state');
    await exportBox.getByText(/pass this page’s violence-type and perpetrator filters/).waitFor();
    const type = new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('type');
    // The headline moves off the unfiltered count once the filtered figures are in.
    await page.waitForFunction(
      (all) =>
        Number((document.querySelector('.headline .figure .value')?.textContent ?? '').replace(/\D/g, '')) !==
        all,
      count,
    );
    const narrowed = figure(await page.locator('.headline .figure .value').first().textContent());
    await exportBox.getByText(new RegExp(`: ${narrowed.toLocaleString('en-GB')} events?$`)).waitFor();
    const narrowedRows = Papa.parse<Record<string, string>>(await download(page, 'Download CSV'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    assert.ok(narrowed > 0 && narrowed < count, `${narrowed} of ${count}`);
    assert.equal(narrowedRows.length, narrowed, 'one row for each event the filtered overview counts');
    assert.deepEqual(
      [...new Set(narrowedRows.map((r) => `${r.violence_type} ${r.actor1_category}`))],
      [`${type} state-forces`],
    );
    await exportBox.scrollIntoViewIfNeeded();
    await w.shots('export-overview-filtered');
    await civilians.uncheck();
    await page.selectOption('select[name=perpetrators]', 'all');

    // A period within months: the map's figures take whole months and say so; the export counts
    // the days chosen, as its box does.
    const shownNow = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
    const within = {
      from: `${shownNow.get('from')!.slice(0, 7)}-15`,
      to: `${shownNow.get('to')!.slice(0, 7)}-10`,
    };
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/areas/events') && r.url().includes(`to=${within.to}`),
    );
    await page.fill('input[name=from]', within.from);
    await page.fill('input[name=to]', within.to);
    await page
      .getByText(/The figures and the map count whole months, .* the export count the days chosen/)
      .waitFor();
    const days = ((await (await answered).json()) as { total: number }).total;
    await exportBox.getByText(new RegExp(`: ${days.toLocaleString('en-GB')} events?$`)).waitFor();
    const dayRows = Papa.parse<Record<string, string>>(await download(page, 'Download CSV'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    assert.equal(dayRows.length, days, 'the box counts the days the export holds');
    assert.ok(dayRows.every((r) => r.date_start! >= within.from && r.date_start! <= within.to));
    await page.goto(w.url('#/'));

    await page.goto(w.url(areaHash(DEMO_COUNTRY, AREA)));
    await page.locator('section.area .headline').waitFor();
    const areaCount = figure(await page.locator('.headline .figure .value').first().textContent());
    await exportBox.getByText(new RegExp(`^${AREA}, ${DEMO_COUNTRY.replace(/[()]/g, '\\$&')}, `)).waitFor();
    assert.ok(areaCount > 0 && areaCount < count, `${areaCount} of ${count}`);
    const areaRows = Papa.parse<Record<string, string>>(await download(page, 'Download CSV'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    assert.equal(areaRows.length, areaCount, "one row for each event the area's page counts");
    assert.deepEqual([...new Set(areaRows.map((r) => r.admin1))], [AREA]);
    await exportBox.scrollIntoViewIfNeeded();
    await w.shots('export-area');

    // The list's filters narrow the export; the headline still counts the whole period, and says so.
    await page.selectOption('select[name=type]', 'violence-against-civilians');
    await page.getByText(/These figures count every event of the period/).waitFor();
    await page.waitForFunction((all) => {
      const m = /: ([\d,]+) events?$/.exec(
        document.querySelector('.event-export .export-what')?.textContent ?? '',
      );
      return m !== null && m[1] !== all;
    }, areaCount.toLocaleString('en-GB'));
    const listed = figure(
      (await exportBox.locator('.export-what').textContent())?.replace(/^.*to [^:]*: /, '') ?? '',
    );
    const vac = Papa.parse<Record<string, string>>(await download(page, 'Download CSV'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    assert.ok(listed > 0 && listed < areaCount, `${listed} of ${areaCount}`);
    assert.equal(vac.length, listed, 'the export holds the events the list counts');
    assert.deepEqual([...new Set(vac.map((r) => r.violence_type))], ['violence-against-civilians']);
    assert.equal(figure(await page.locator('.headline .figure .value').first().textContent()), areaCount);
    await page.selectOption('select[name=type]', '');

    await page.goto(w.url(`?lang=fr${areaHash(DEMO_COUNTRY, AREA)}`));
    await page.locator('.event-export').getByRole('link', { name: 'Télécharger en CSV' }).waitFor();
    await exportBox.scrollIntoViewIfNeeded();
    await w.shots('export-area-fr');
    await page.goto(w.url('?lang=en#/'));
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });
});
