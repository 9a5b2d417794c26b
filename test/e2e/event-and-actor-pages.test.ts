import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analysisOperations } from '../../src/app/analysis-operations.ts';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { evidenceOperations } from '../../src/app/evidence-operations.ts';
import { browserSkip, openWorkbenchSession, ROOT, type WorkbenchSession } from './workbench-session.ts';

const NOTE = 'Soldiers raided a village; two people were killed.';
const SOLDIERS = 'Military Forces of Testland (2019-)';

describe('the event and actor pages, in Chromium', { skip: browserSkip }, () => {
  let w: WorkbenchSession;
  let restrictedId: number;
  before(async () => {
    w = await openWorkbenchSession([
      { name: 'Ana Poc', roles: ['poc'] },
      { name: 'Vic Viewer', roles: ['viewer'] },
    ]);
    // A restricted field report of one event, to see what stays withheld.
    const lines = readFileSync(join(ROOT, 'test/fixtures/bad/fatalities-not-a-number.csv'), 'utf8').split(
      '\n',
    );
    const file = join(w.dir, 'restricted-report.csv');
    writeFileSync(file, `${lines[0]}\n${lines[1]!.replace(',many,', ',2,')}\n`);
    await evidenceOperations.importFiles.run(
      { store: w.store, requester: { name: 'importer', roles: ['admin'] } },
      { paths: [file], format: 'auto', sensitivity: 'restricted' },
    );
    restrictedId = Number(
      (
        await w.store.db
          .selectFrom('events')
          .select('id')
          .where('sensitivity', '=', 'restricted')
          .executeTakeFirstOrThrow()
      ).id,
    );
  });
  after(async () => w?.close());

  test("an actor page's heading names the country once: not again after a name that says it", async () => {
    const { page } = w;
    await w.signIn('Ana Poc');
    const open = async (name: string) => {
      await page.goto(w.url(`#/actor?${new URLSearchParams({ name, country: DEMO_COUNTRY })}`));
      // The page is a hash route: wait for this actor's heading, not the last one's.
      const heading = page.locator('.actor-page h1', { hasText: name });
      await heading.waitFor();
      return ((await heading.textContent()) ?? '').trim();
    };
    assert.equal(await open('Civilians (Orvania)'), 'Civilians (Orvania)');
    await w.shots('actor-page-named-country');
    assert.equal(
      await open('Kessa Liberation Front (KLF)'),
      `Kessa Liberation Front (KLF) (${DEMO_COUNTRY})`,
    );
  });

  test('an event page shows its fields, source and alerts, and leads to its perpetrator and back', async () => {
    const { page } = w;
    const row = await w.store.db
      .selectFrom('events')
      .select(['id', 'actor1', 'source_event_id'])
      .where('country', '=', DEMO_COUNTRY)
      .where('admin1', '=', 'Kessa Highlands')
      .where('civilian_targeting', '=', 1)
      .where('actor1', 'like', 'Kessa Liberation%')
      .orderBy('date_start', 'desc')
      .executeTakeFirstOrThrow();
    await w.signIn('Ana Poc');
    // A period other than the default, which the links from the event on must keep.
    await page.goto(w.url(`#/event?id=${row.id}&from=2025-01-01&to=2025-06-30`));
    const record = page.locator('dl.record');
    await record.waitFor();
    assert.match((await record.textContent()) ?? '', new RegExp(row.source_event_id));
    assert.match((await record.textContent()) ?? '', /civilians targeted/);
    await page.getByRole('heading', { name: /Escalation alerts that count it/ }).waitFor();
    await page.getByRole('heading', { name: /Threats it stands behind/ }).waitFor();
    await w.shots('event-page');

    await record.getByRole('link', { name: new RegExp(row.actor1.replace(/[()]/g, '\\$&')) }).click();
    await page
      .getByRole('heading', { name: new RegExp(`^${row.actor1.replace(/[()]/g, '\\$&')}`) })
      .waitFor();
    const profile = (await page.locator('dl.record').textContent()) ?? '';
    assert.match(profile, /State forceno/);
    assert.match(profile, /Rebel group/);
    assert.match(profile, /\d+% of all recorded attacks on civilians in the country/);
    // The actor's name and country, and the period the reader chose, which the next page keeps.
    const actorQuery = new URLSearchParams(page.url().split('#/actor?')[1]);
    assert.equal(actorQuery.get('name'), row.actor1);
    assert.ok(actorQuery.get('country'), page.url());
    assert.equal(actorQuery.get('from'), '2025-01-01', page.url());
    assert.equal(actorQuery.get('to'), '2025-06-30', page.url());
    await w.shots('actor-page');
    await page.locator('.actor-page li a').first().click();
    await page.locator('.event-page dl.record').waitFor();
    assert.match(page.url(), /#\/event\?(.*&)?id=\d+/);
    assert.deepEqual(
      w.errors.filter((e) => !/status of 4\d\d/.test(e)),
      [],
    );
  });

  test('a restricted event keeps its withheld fields withheld, on its page and through its actor', async () => {
    const { page } = w;
    await w.signIn('Ana Poc');
    await page.goto(w.url(`#/event?id=${restrictedId}`));
    await page.locator('dl.record').waitFor();
    assert.match(
      (await page.locator('dl.record').textContent()) ?? '',
      new RegExp(NOTE.replace(/[.;]/g, '.')),
    );

    await w.signIn('Vic Viewer');
    await page.goto(w.url(`#/event?id=${restrictedId}`));
    await page.locator('dl.record').waitFor();
    await page.getByText(/its place, actors, notes and source are withheld from you/).waitFor();
    const html = await page.content();
    assert.ok(!html.includes('Soldiers raided'), 'the viewer read the notes');
    assert.ok(!html.includes(SOLDIERS), "the viewer read the perpetrator's name");
    const actor = await page.evaluate(async (name) => {
      const res = await fetch(`/api/actor?name=${encodeURIComponent(name)}`);
      return { status: res.status, body: await res.text() };
    }, SOLDIERS);
    assert.equal(actor.status, 404, actor.body);
    const reads = await w.store.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('record_kind', '=', 'event')
      .where('record_id', '=', String(restrictedId))
      .execute();
    assert.ok(
      reads.some((r) => r.actor === 'Ana Poc' && r.action === 'released'),
      JSON.stringify(reads),
    );
    assert.ok(
      reads.some((r) => r.actor === 'Vic Viewer' && r.action === 'withheld'),
      JSON.stringify(reads),
    );
  });

  test('an event behind an escalation alert lists that alert on its page', async () => {
    const { page } = w;
    const analysis = await analysisOperations.analyze.run(
      { store: w.store, requester: { name: 'e2e', roles: ['admin'] } },
      { country: DEMO_COUNTRY },
    );
    const alert = analysis.alerts.find((a) => a.evidence.length > 0);
    assert.ok(alert, 'the demonstration mission has an escalation alert with its events');
    await w.signIn('Ana Poc');
    await page.goto(w.url(`#/event?id=${alert.evidence[0]!.id}`));
    const heading = page.getByRole('heading', { name: /Escalation alerts that count it \([1-9]\d*\)/ });
    await heading.waitFor();
    const listed = await page.locator('.event-page ul').first().textContent();
    assert.match(listed ?? '', new RegExp(`${alert.key.replace(/[()]/g, '\\$&')} \\(${alert.level}\\)`));
    // Months read as months in the reader's language: "from October 2025, alarm in December 2025".
    const month = (ym: string) =>
      new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${ym}-01T00:00:00Z`),
      );
    assert.match(listed ?? '', new RegExp(`from ${month(alert.start)}, alarm in ${month(alert.alarm)}`));
  });
});
