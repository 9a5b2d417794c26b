import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { operations } from '../../src/app/operations.ts';
import { runOperation } from '../../src/app/run-operation.ts';
import { browserSkip, openWorkbenchSession, type WorkbenchSession } from './workbench-session.ts';

/**
 * A local process whose violence could not be counted (at 0, 0; its point outside the country's
 * loaded boundaries) shows "–" with the reason on the local-processes page and on its own page,
 * never 0 before and 0 after, with the check's notes under the table, in English and in French;
 * a process listed under each country its source names is marked cross-border; the brief leaves
 * them out of its figures and carries the notes. Screenshots: test/output/local-uncounted-*.png.
 */

// FICTIONAL, beside the demonstration mission's own processes.
const PROCESSES = `processes:
  - id: orvania-null-island
    name: Dialogue whose place was not recorded (fictional)
    kind: dialogue
    date: 2025-06-01
    country: ${DEMO_COUNTRY}
    admin1: Kessa Highlands
    latitude: 0
    longitude: 0
  - id: orvania-slipped
    name: Pact whose latitude was repeated as its longitude (fictional)
    date: 2025-06-01
    country: ${DEMO_COUNTRY}
    latitude: -21
    longitude: -21
  - id: orvania-border-talks
    name: Border talks with Farland (fictional)
    date: 2025-06-01
    country: ${DEMO_COUNTRY}/Farland (fictional)
    latitude: -4.2
    longitude: -30
`;

describe('local processes not counted, in the workbench, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  before(async () => {
    w = await openWorkbenchSession([{ name: 'Ana Admin', roles: ['admin'] }]);
    const r = await runOperation(
      operations.importLocalProcesses,
      { text: PROCESSES, name: 'uncounted.yaml' },
      { via: 'cli', requester: { name: 'e2e', roles: ['admin'] }, store: w.store, name: 'local import' },
    );
    assert.equal(r.imported, 3);
  });
  after(async () => w?.close());

  test('the list and a process page show "–" and the reason, and the notes, in English and French', async () => {
    const { page } = w;
    await w.signIn('Ana Admin');
    await page.goto(w.url('?lang=en#/local'));
    await page.getByRole('heading', { name: `Local processes in ${DEMO_COUNTRY}` }).waitFor();
    const row = (state: string) => page.locator(`table.local-list tr[data-counts-unavailable="${state}"]`);
    await row('no-location').waitFor();
    for (const [state, reason] of [
      ['no-location', 'no usable location (0, 0)'],
      ['location-outside-country', 'its coordinates lie outside the country'],
    ] as const) {
      const cells = await row(state).locator('td').allInnerTexts();
      assert.deepEqual(cells.slice(4, 7), ['–', '–', reason], state);
    }
    // The demonstration's own processes are still counted (their figures are numbers).
    const counted = page.locator('table.local-list tbody tr:not([data-counts-unavailable])');
    assert.ok((await counted.count()) >= 3);
    const border = page.locator('table.local-list tbody tr', { hasText: 'Border talks with Farland' });
    assert.match(
      (await border.textContent()) ?? '',
      /\(cross-border: Orvania \(fictional\)\/Farland \(fictional\)\)/,
    );
    const notes = page.locator('.local-notes');
    await notes.getByRole('heading', { name: 'What could not be counted' }).waitFor();
    const noteText = (await notes.textContent()) ?? '';
    assert.match(noteText, /Local processes with no usable location .*: orvania-null-island/);
    assert.match(noteText, /outside the loaded boundaries of Orvania \(fictional\) .*: orvania-slipped/);
    assert.match(noteText, /Cross-border .*: orvania-border-talks/);
    await page.locator('.local-map-canvas[data-drawn=true]').waitFor({ timeout: 30_000 });
    await w.shots('local-uncounted-list');

    await page.goto(w.url('?lang=en#/local/orvania-slipped'));
    const reason = page.locator('p.not-counted-reason');
    await reason.waitFor();
    assert.equal((await reason.textContent()) ?? '', 'Not counted: its coordinates lie outside the country');
    assert.equal(await page.locator('svg.before-after').count(), 0);
    assert.match((await page.locator('.local-notes').textContent()) ?? '', /orvania-slipped/);
    assert.doesNotMatch((await page.locator('.local-notes').textContent()) ?? '', /orvania-null-island/);
    await w.shots('local-uncounted-process');

    await page.goto(w.url('?lang=fr#/local'));
    await page.getByRole('heading', { name: `Processus locaux — ${DEMO_COUNTRY}` }).waitFor();
    await row('no-location').waitFor();
    const fr = await row('no-location').locator('td').allInnerTexts();
    assert.deepEqual(fr.slice(4, 7), ['–', '–', 'pas d’emplacement utilisable (0, 0)']);
    const frNotes = (await page.locator('.local-notes').textContent()) ?? '';
    assert.match(frNotes, /Ce qui n’a pas pu être compté/);
    assert.match(frNotes, /sans emplacement utilisable .*: orvania-null-island/);
    assert.match(frNotes, /hors des limites chargées .*: orvania-slipped/);
    await w.shots('local-uncounted-list-fr');
    assert.deepEqual(w.errors, []);
  });

  test("an area's page says a process there was not counted, not '0 events before, 0 after'", async () => {
    const { page } = w;
    await page.goto(
      w.url(`?lang=en#/area?country=${encodeURIComponent(DEMO_COUNTRY)}&area=Kessa%20Highlands`),
    );
    const item = page.locator('.area-local-work li', { hasText: 'Dialogue whose place was not recorded' });
    await item.waitFor({ timeout: 30_000 });
    const text = (await item.textContent()) ?? '';
    assert.match(text, /not counted: no usable location \(0, 0\)/);
    assert.doesNotMatch(text, /events before/);
  });

  test('the brief leaves uncounted processes out of its figures and carries the notes', async () => {
    const brief = async (lang: string) => {
      const r = await w.page.request.get(
        w.url(`api/brief.html?country=${encodeURIComponent(DEMO_COUNTRY)}&lang=${lang}`),
      );
      assert.equal(r.status(), 200);
      return r.text();
    };
    const en = await brief('en');
    assert.match(en, /Violence around 2 of these \d+ processes could not be counted/);
    assert.match(en, /no usable location .*: orvania-null-island/);
    assert.match(en, /outside the loaded boundaries of Orvania \(fictional\) .*: orvania-slipped/);
    const fr = await brief('fr');
    assert.match(fr, /La violence autour de 2 de ces \d+ processus n’a pas pu être comptée/);
    assert.match(fr, /hors des limites chargées .*orvania-slipped/);
  });
});
