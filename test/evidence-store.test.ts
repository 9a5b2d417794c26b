import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Papa from 'papaparse';
import { isTandemError } from '../src/domain/tandem-error.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { runCli } from './run-cli.ts';
import { sharedData } from './shared-data.ts';

const acled = sharedData('acled/acled_south_sudan_2011-2015.csv');
const gedCsv = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');
const gedJson = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.geojson');
const samplesMissing = acled.skip || gedCsv.skip || gedJson.skip;

type Tally = Map<string, { events: number; fatalities: number; civ: number | null }>;

/** Totals per (country, admin1) computed straight from the files, independently of Tandem's readers. */
function independentTotals(filter: (date: string) => boolean = () => true): Tally {
  const t: Tally = new Map();
  const add = (country: string, admin1: string, fat: number, civ: number | null) => {
    const k = `${country}|${admin1}`;
    const v = t.get(k) ?? { events: 0, fatalities: 0, civ: civ === null ? null : 0 };
    v.events++;
    v.fatalities += fat;
    if (civ !== null) v.civ = (v.civ ?? 0) + civ;
    t.set(k, v);
  };
  const a = Papa.parse<Record<string, string>>(readFileSync(acled.path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  for (const r of a.data) {
    const d = new Date(`${r.event_date} UTC`).toISOString().slice(0, 10);
    if (filter(d)) add(r.country, r.admin1, Number(r.fatalities), null);
  }
  const g = Papa.parse<Record<string, string>>(readFileSync(gedCsv.path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  // GED writes the area's kind after its name ("Bangui province"); Tandem stores the name alone.
  for (const r of g.data)
    if (filter(r.date_start))
      add(r.country, r.adm_1.replace(/ province$/, ''), Number(r.best), Number(r.deaths_civilians));
  return t;
}

function tallyOf(rows: Awaited<ReturnType<typeof summarizeEvents>>['rows']): Tally {
  return new Map(
    rows.map((r) => [
      `${r.country}|${r.key}`,
      { events: r.events, fatalities: r.fatalities, civ: r.civilianFatalities },
    ]),
  );
}

async function eventCount(store: Store): Promise<number> {
  const r = await store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

for (const dialect of DIALECTS) {
  describe(`evidence store on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
    });
    after(() => drop());

    test('the ACLED and GED samples import every row, once', { skip: samplesMissing }, async () => {
      const r = await importFiles(store, [acled.path, gedCsv.path]);
      assert.deepEqual(
        r.files.map((f) => [f.format, f.rows, f.imported, f.updated, f.unchanged, f.rejected]),
        [
          ['acled', 2590, 2590, 0, 0, 0],
          ['ucdp', 1848, 1848, 0, 0, 0],
        ],
      );
    });

    test('totals per admin1 match an independent count of the files', { skip: samplesMissing }, async () => {
      const got = tallyOf((await summarizeEvents(store.db, 'admin1')).rows);
      assert.deepEqual(got, independentTotals());
    });

    test('a period cut mid-month counts exactly the days inside it', { skip: samplesMissing }, async () => {
      for (const [from, to] of [
        ['2013-12-15', '2014-02-10'],
        ['2014-01-05', '2014-01-20'],
        ['2013-12-01', '2014-03-31'],
        ['2020-12-02', '2021-01-31'],
      ]) {
        const got = tallyOf((await summarizeEvents(store.db, 'admin1', { from, to })).rows);
        assert.deepEqual(
          got,
          independentTotals((d) => d >= from && d <= to),
          `${from}..${to}`,
        );
      }
    });

    test('every dimension adds up to the same totals', { skip: samplesMissing }, async () => {
      for (const by of ['country', 'admin2', 'year', 'month', 'actor-category', 'violence-type'] as const) {
        const rows = (await summarizeEvents(store.db, by, { country: 'South Sudan' })).rows;
        assert.equal(
          rows.reduce((n, r) => n + r.events, 0),
          2590,
          by,
        );
        assert.ok(
          rows.every((r) => r.civilianFatalities === null),
          `${by}: ACLED has no civilian deaths figure`,
        );
      }
    });

    test('the actor and area registers follow the events, host-state forces apart from foreign ones', {
      skip: samplesMissing,
    }, async () => {
      const actors = await store.db.selectFrom('actors').selectAll().execute();
      const get = (n: string) => actors.find((a) => a.name === n);
      assert.deepEqual(
        [
          get('Military Forces of South Sudan (2011-)')?.category,
          get('Military Forces of South Sudan (2011-)')?.is_state,
        ],
        ['state-forces', 1],
      );
      assert.equal(get('Government of Central African Republic')?.is_state, 1);
      assert.deepEqual(
        [get('Government of Uganda')?.category, get('Government of Uganda')?.is_state],
        ['external-forces', 0],
      );
      const jonglei = await store.db
        .selectFrom('areas')
        .selectAll()
        .where('admin1', '=', 'Jonglei')
        .where('admin2', '=', '')
        .executeTakeFirstOrThrow();
      assert.ok(jonglei.latitude && jonglei.latitude > 5 && jonglei.latitude < 10, String(jonglei.latitude));
    });

    test('importing the same events again, even as GeoJSON, adds nothing', {
      skip: samplesMissing,
    }, async () => {
      const r = await importFiles(store, [gedJson.path, acled.path]);
      assert.deepEqual(
        r.files.map((f) => [f.imported, f.updated, f.unchanged]),
        [
          [0, 0, 1848],
          [0, 0, 2590],
        ],
      );
      assert.equal(await eventCount(store), 4438);
    });

    test('a changed row is updated and counted, and the totals follow it', {
      skip: samplesMissing,
    }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tandem-'));
      const lines = readFileSync(acled.path, 'utf8').split('\n');
      // SSD2555, Western Bahr el Ghazal: 0 fatalities in the file; say 7.
      lines[1] = lines[1].replace(/,0,1572403723,SSD$/, ',7,1572403723,SSD');
      const changed = join(dir, 'acled-changed.csv');
      writeFileSync(changed, lines.slice(0, 3).join('\n'));
      const r = await importFiles(store, [changed]);
      assert.deepEqual([r.files[0].updated, r.files[0].unchanged], [1, 1]);
      const wbg = (await summarizeEvents(store.db, 'admin1', { country: 'South Sudan' })).rows.find(
        (x) => x.key === 'Western Bahr el Ghazal',
      );
      const before = independentTotals().get('South Sudan|Western Bahr el Ghazal');
      assert.equal(wbg?.fatalities, (before?.fatalities ?? 0) + 7);
      assert.equal(wbg?.events, before?.events);
    });

    test('a command with one unreadable file writes nothing at all', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tandem-'));
      const good = join(dir, 'good.csv');
      copyFileSync(new URL('./fixtures/good/acled-new-format.csv', import.meta.url), good);
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, 'alpha;beta\n1;2\n');
      const n = await eventCount(store);
      await assert.rejects(
        importFiles(store, [good, bad]),
        (e) => isTandemError(e) && /bad\.csv/.test(e.message),
      );
      assert.equal(await eventCount(store), n);
      const imports = await store.db.selectFrom('imports').select('path').execute();
      assert.ok(!imports.some((i) => i.path === good));
    });

    test('rows set aside are kept with their reason and can be listed', async () => {
      const r = await importFiles(store, [
        new URL('./fixtures/bad/latitude-200.csv', import.meta.url).pathname,
      ]);
      assert.equal(r.files[0].rejected, 1);
      const p = await store.db
        .selectFrom('problems')
        .selectAll()
        .where('file', 'like', '%latitude-200.csv')
        .execute();
      assert.equal(p.length, 1);
      assert.equal(p[0].line, 3);
      assert.match(p[0].reason, /latitude 200 is outside -90\.\.90/);
      assert.ok(p[0].raw?.includes('200'));
    });
  });
}

describe('exports', () => {
  test('an HXL export reads back as the same events, and GeoJSON and CSV exports hold every event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-export-'));
    const db = join(dir, 'a.db');
    const fixture = new URL('./fixtures/good/acled-old-format.csv', import.meta.url).pathname;
    assert.equal((await runCli(['import', fixture, '--db', db])).code, 0);
    const hxl = join(dir, 'out.csv');
    const r = await runCli(['export', '--format', 'hxl', '--out', hxl, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const lines = readFileSync(hxl, 'utf8').trim().split(/\r?\n/);
    assert.equal(lines.length, 2 + 3);
    assert.match(lines[1], /^#meta\+dataset,#event\+id,#date\+start/);
    const back = await runCli(['import', '--json', hxl, '--db', join(dir, 'b.db')]);
    assert.deepEqual(
      JSON.parse(back.stdout).files.map((f: { format: string; imported: number }) => [f.format, f.imported]),
      [['hxl', 3]],
    );
    const a = JSON.parse((await runCli(['summary', '--by', 'admin1', '--json', '--db', db])).stdout);
    const b = JSON.parse(
      (await runCli(['summary', '--by', 'admin1', '--json', '--db', join(dir, 'b.db')])).stdout,
    );
    assert.deepEqual(
      b.rows.map((x: { key: string; events: number; fatalities: number }) => [x.key, x.events, x.fatalities]),
      a.rows.map((x: { key: string; events: number; fatalities: number }) => [x.key, x.events, x.fatalities]),
    );
    const geo = JSON.parse((await runCli(['export', '--format', 'geojson', '--db', db])).stdout);
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, 3);
    assert.deepEqual(geo.features[0].geometry, { type: 'Point', coordinates: [30.25, 7.5] });
    const csv = (
      await runCli(['export', '--format', 'csv', '--country', 'Testland', '--from', '2021-03-15', '--db', db])
    ).stdout;
    assert.equal(csv.trim().split(/\r?\n/).length, 1 + 2);
    // The workbench's filters, as flags: violence types and the perpetrator's category.
    const narrowed = async (...flags: string[]) =>
      JSON.parse((await runCli(['export', '--format', 'geojson', ...flags, '--db', db])).stdout).features.map(
        (f: { properties: { source_event_id: string } }) => f.properties.source_event_id,
      );
    assert.deepEqual(await narrowed('--violence-type', 'battles,protests'), ['TST2', 'TST3']);
    assert.deepEqual(await narrowed('--perpetrator-category', 'state-forces', '--violence-type', 'battles'), [
      'TST2',
    ]);
    const bad = await runCli(['export', '--format', 'csv', '--violence-type', 'massacre', '--db', db]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--violence-type: must be one of battles, .*; got "massacre"/);
  });
});
