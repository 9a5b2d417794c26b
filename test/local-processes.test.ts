import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Papa from 'papaparse';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { runCli } from './run-cli.ts';
import { sharedData } from './shared-data.ts';

const PAX_LOCAL = sharedData('pax/pax_local_v8_1.csv');
const GED_CAR = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');
const CAR_BOUNDARIES = sharedData('boundaries/ne10m_admin1_caf.geojson');
const fixture = (name: string) => new URL(`fixtures/local/${name}`, import.meta.url).pathname;

const csv = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

/** Distance by the spherical law of cosines: a different formula from the product's haversine. */
function cosineLawKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const c =
    Math.sin(lat1 * r) * Math.sin(lat2 * r) +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r);
  return 6371 * Math.acos(Math.min(1, Math.max(-1, c)));
}

/** A day shifted by n days, by milliseconds (independent of the product's calendar code). */
const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describe(`local processes on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let flags: string[];
    let drop: () => Promise<void>;
    let dir: string;
    const cli = async (args: string[]) => {
      const r = await runCli([...args, ...flags]);
      return { ...r, json: r.code === 0 && r.stdout.trim().startsWith('{') ? JSON.parse(r.stdout) : null };
    };
    const stored = async () => (await store.db.selectFrom('local_processes').select('id').execute()).length;

    before(async () => {
      ({ store, flags, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-local-'));
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('bad input is refused with a message naming the file and field, and nothing is stored', async () => {
      const noDate = await cli(['local', 'import', fixture('no-date.yaml')]);
      assert.equal(noDate.code, 2);
      assert.match(
        noDate.stderr,
        /no-date\.yaml:\d+:\d+.*processes\[0\]\.date|processes\[0\]\.date.*no-date\.yaml/s,
      );
      const far = await cli(['local', 'import', fixture('bad-coordinates.yaml')]);
      assert.equal(far.code, 2);
      assert.match(far.stderr, /latitude.*between -90 and 90/);
      const renamed = join(dir, 'renamed.csv');
      writeFileSync(
        renamed,
        'AgreementId,Name,Dat,Con,LocaleName,LatDec,LongDec,LinkNatProcess,Part,ThrdPart,Mediator,Cattle\n1,A,2020-01-01,Mali,Gao,16.2,0.0,N,x,y,N,0\n',
      );
      const r = await cli(['local', 'import', renamed, '--format', 'pax-local']);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /renamed\.csv:1: not a PA-X Local file: the header lacks the column\(s\) AgtId, Agt/,
      );
      assert.equal(await stored(), 0);
    });

    test('a PA-X Local file with one undated row and one row off the map is refused whole', {
      skip: PAX_LOCAL.skip,
    }, async () => {
      const rows = Papa.parse<string[]>(readFileSync(PAX_LOCAL.path, 'utf8').replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      }).data;
      const header = rows[0]!;
      rows[5]![header.indexOf('Dat')] = '';
      rows[9]![header.indexOf('LatDec')] = '123.4';
      const broken = join(dir, 'pax_local_broken.csv');
      writeFileSync(broken, Papa.unparse(rows));
      const r = await cli(['local', 'import', broken]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /pax_local_broken\.csv:\d+:\d+ \(Dat\): the agreement has no date/);
      assert.match(
        r.stderr,
        /pax_local_broken\.csv:\d+:\d+ \(LatDec\): a latitude is a number between -90 and 90, found "123\.4"/,
      );
      assert.equal(await stored(), 0);
    });

    test('PA-X Local imports as 349 processes; importing it again changes nothing', {
      skip: PAX_LOCAL.skip || CAR_BOUNDARIES.skip,
    }, async () => {
      assert.equal((await cli(['areas', 'load', CAR_BOUNDARIES.path])).code, 0);
      const first = await cli(['local', 'import', PAX_LOCAL.path, '--json']);
      assert.equal(first.code, 0, first.stderr);
      assert.deepEqual(
        [first.json.imported, first.json.updated, first.json.unchanged, first.json.setAside],
        [349, 0, 0, 0],
      );
      const again = await cli(['local', 'import', PAX_LOCAL.path, '--format', 'pax-local', '--json']);
      assert.deepEqual(
        [again.json.imported, again.json.updated, again.json.unchanged, again.json.setAside],
        [0, 0, 349, 0],
      );
      const source = csv(PAX_LOCAL.path).filter((r) => r.Con === 'South Sudan');
      const listed = (await cli(['local', 'list', '--country', 'South Sudan', '--json'])).json.processes;
      // The 39 rows written South Sudan, and the 13 "South Sudan/Sudan…" rows: no boundaries of
      // either are loaded, so they are listed under each country they name, as cross-border.
      assert.equal(source.length, 39);
      assert.equal(listed.length, 39 + 13);
      assert.equal(listed.filter((p: { crossBorder: boolean }) => p.crossBorder).length, 13);
      for (const row of source) {
        const p = listed.find((x: { id: string }) => x.id === `pax-local:${row.AgtId}`);
        assert.ok(p, `pax-local:${row.AgtId} is listed`);
        assert.equal(p.linkedToNational, row.LinkNatProcess === 'Y' || row.LinkNatProcess === 'T', p.id);
        assert.deepEqual(
          [p.date, p.latitude, p.longitude],
          [row.Dat, Number(row.LatDec), Number(row.LongDec)],
        );
      }
      // Admin-1 from the coordinates and the loaded polygons: a Bangui pact lies in Bangui.
      const car = (await cli(['local', 'list', '--country', 'Central African Republic', '--json'])).json
        .processes;
      // 35 rows written Central African Republic, and the CAR/Sudan row in Vakaga (in CAR).
      assert.equal(car.length, 36);
      const vakaga = car.find((p: { id: string }) => p.id === 'pax-local:2291');
      assert.deepEqual([vakaga.admin1, vakaga.crossBorder], ['Vakaga', false]);
      const bangui = car.find((p: { id: string }) => p.id === 'pax-local:2197');
      assert.deepEqual([bangui.admin1, bangui.admin1Source], ['Bangui', 'boundaries']);
      // Two CAR rows of PA-X Local carry slipped coordinates (0, 0 and latitude = longitude): they
      // lie in no CAR polygon, stay without admin-1, and the import says so.
      assert.deepEqual(
        car
          .filter((p: { admin1: string }) => !p.admin1)
          .map((p: { id: string }) => p.id)
          .sort(),
        ['pax-local:2349', 'pax-local:2371'],
      );
      assert.ok(
        first.json.outsideBoundaries.some((s: string) => s.startsWith('pax-local:2349 (Nana Gribizi): 0, 0')),
      );
    });

    test('before and after counts match an independent count of the GED events around each CAR process', {
      skip: PAX_LOCAL.skip || GED_CAR.skip,
    }, async () => {
      assert.equal((await cli(['import', GED_CAR.path])).code, 0);
      const r = await cli([
        'local',
        'check',
        '--country',
        'Central African Republic',
        '--radius-km',
        '50',
        '--window-days',
        '180',
        '--json',
      ]);
      assert.equal(r.code, 0, r.stderr);
      const events = csv(GED_CAR.path).map((e) => ({
        id: e.id,
        date: e.date_start!.slice(0, 10),
        lat: Number(e.latitude),
        lon: Number(e.longitude),
        best: Number(e.best),
      }));
      // The rows whose country names the CAR (the CAR/Sudan row in Vakaga lies in the CAR).
      const processes = csv(PAX_LOCAL.path).filter((p) =>
        p.Con!.split('/').includes('Central African Republic'),
      );
      assert.equal(r.json.processes.length, processes.length);
      let nonZero = 0;
      for (const p of processes) {
        const lat = Number(p.LatDec);
        const lon = Number(p.LongDec);
        const count = (from: string, to: string) => {
          const hit = events.filter(
            (e) => e.date >= from && e.date <= to && cosineLawKm(lat, lon, e.lat, e.lon) <= 50,
          );
          return {
            events: hit.length,
            fatalities: hit.reduce((n, e) => n + e.best, 0),
            ids: hit.map((e) => e.id).sort(),
          };
        };
        const want = {
          before: count(shift(p.Dat!, -180), shift(p.Dat!, -1)),
          after: count(shift(p.Dat!, 1), shift(p.Dat!, 180)),
        };
        const got = r.json.processes.find((x: { id: string }) => x.id === `pax-local:${p.AgtId}`);
        // At 0, 0 and at 8.579294, 8.579294 (in Nigeria) nothing is counted, and it is said.
        const slipped = { '2349': 'no-location', '2371': 'location-outside-country' }[p.AgtId!] ?? null;
        assert.equal(got.countsUnavailable, slipped, got.id);
        for (const side of ['before', 'after'] as const) {
          assert.equal(got[side].events, want[side].events, `${got.id} ${side} events`);
          assert.equal(got[side].fatalities, want[side].fatalities, `${got.id} ${side} fatalities`);
          assert.deepEqual(
            got[side].evidence.map((e: { sourceEventId: string }) => e.sourceEventId).sort(),
            want[side].ids,
          );
          if (want[side].events) nonZero++;
        }
        const disconnect = got.findings.some((f: { kind: string }) => f.kind === 'local-national-disconnect');
        assert.equal(disconnect, p.LinkNatProcess === 'N', got.id);
      }
      assert.ok(nonZero >= 10, `only ${nonZero} windows hold events: the comparison would prove little`);
    });

    test("a mission's own file: counts, breaking-down, disconnect, and a plan's objectives and field activities", async () => {
      assert.equal((await cli(['import', fixture('testland-events.csv')])).code, 0);
      const imp = await cli(['local', 'import', fixture('mission-local-processes.yaml'), '--json']);
      assert.equal(imp.code, 0, imp.stderr);
      assert.equal(imp.json.imported, 2);
      const check = async (extra: string[] = []) =>
        (await cli(['local', 'check', '--country', 'Testland', '--json', ...extra])).json;
      const plain = await check();
      const lake = plain.processes.find((p: { id: string }) => p.id === 'lakeside-grazing');
      assert.deepEqual(
        [lake.before.events, lake.before.fatalities, lake.after.events, lake.after.fatalities],
        [1, 3, 2, 6],
      );
      assert.deepEqual(
        lake.after.evidence.map((e: { sourceEventId: string }) => e.sourceEventId),
        ['TLP3', 'TLP4'],
      );
      const kinds = (p: { findings: { kind: string }[] }) => p.findings.map((f) => f.kind).sort();
      assert.deepEqual(kinds(lake), ['breaking-down', 'local-national-disconnect']);
      const hill = plain.processes.find((p: { id: string }) => p.id === 'hillside-committee');
      assert.deepEqual(kinds(hill), []);
      assert.equal(hill.office, null);

      const withPlan = await check(['--plan', fixture('testland-plan.yaml')]);
      const tied = withPlan.processes.find((p: { id: string }) => p.id === 'lakeside-grazing');
      assert.deepEqual(kinds(tied), ['breaking-down'], 'objective PO1 of the plan ties it');
      assert.deepEqual(tied.planObjectives, ['PO1']);
      assert.deepEqual(
        withPlan.officeFindings.map((f: { activity: string; evidence: { sourceEventId: string }[] }) => [
          f.activity,
          f.evidence.map((e) => e.sourceEventId),
        ]),
        [['A-R', ['TLP7', 'TLP8', 'TLP9']]],
      );
      assert.ok(!withPlan.notes.some((n: string) => /names a militia/.test(n)), withPlan.notes.join('\n'));
      // A plan period whose events name no militia (as with UCDP GED's actors): the check says it
      // could not look, rather than an empty list read as no gap.
      const quiet = join(mkdtempSync(join(tmpdir(), 'tandem-local-plan-')), 'plan.yaml');
      writeFileSync(
        quiet,
        readFileSync(fixture('testland-plan.yaml'), 'utf8').replace(
          /^period: .*$/m,
          'period: { from: 2019-01-01, to: 2019-12-31 }',
        ),
      );
      const none = await check(['--plan', quiet]);
      assert.deepEqual(none.officeFindings, []);
      assert.ok(
        none.notes.some((n: string) => /names a militia raised along community or political lines/.test(n)),
        none.notes.join('\n'),
      );
      const brief = await cli(['analyze', '--country', 'Testland', '--format', 'md']);
      assert.equal(brief.code, 0, brief.stderr);
      assert.match(
        brief.stdout,
        /## Local processes\n\n2 local processes recorded; 1 with no link to the national process or the plan \(local–national disconnect\); 1 whose parties fought more near them/,
      );
      assert.match(
        brief.stdout,
        /\| Lakeside grazing corridor arrangement \| 1 Mar 2021 \| Lakeside \| signed \| 1 \| 2 \| 6 \| ACLED TLP\d+, TLP\d+ \|/,
      );
      const narrower = await check(['--radius-km', '5']);
      const near = narrower.processes.find((p: { id: string }) => p.id === 'lakeside-grazing');
      assert.deepEqual([near.before.events, near.after.events], [1, 0]);
    });

    test('an admin-1 area the loaded boundaries contradict, or that the country does not have, is said at import (probe)', {
      skip: PAX_LOCAL.skip,
    }, async () => {
      const file = join(dir, 'bria.yaml');
      writeFileSync(
        file,
        [
          'processes:',
          '  - { id: bria-a, name: CLPR Bria, date: 2021-03-15, country: Central African Republic, admin1: Ouaka, latitude: 6.5423, longitude: 21.9863 }',
          '  - { id: bria-b, name: CLPR Bria, date: 2021-03-15, country: Central African Republic, admin1: Haute-Kotto, latitude: 6.5423, longitude: 21.9863 }',
        ].join('\n'),
      );
      const r = await cli(['local', 'import', file, '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.json.admin1Doubts, [
        'bria-a (CLPR Bria): the file says admin-1 "Ouaka", its point lies in Haute-Kotto',
      ]);
      const listed = (await cli(['local', 'list', '--country', 'Central African Republic', '--json'])).json
        .processes;
      assert.equal(
        listed.find((p: { id: string }) => p.id === 'bria-a').admin1,
        'Ouaka',
        'the source is kept',
      );
    });
  });
}
