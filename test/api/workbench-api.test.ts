import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { generateDemoEvents } from '../../src/app/demo/demo-events.ts';
import { eventsAsHxlCsv } from '../../src/app/demo/demo-hxl-file.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { defineOperation } from '../../src/app/operation.ts';
import { operations } from '../../src/app/operations.ts';
import { TandemError } from '../../src/domain/tandem-error.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';
import { runCli } from '../run-cli.ts';

const C = encodeURIComponent(DEMO_COUNTRY);
const requester = { name: 'api-test', roles: ['admin'] };

for (const dialect of DIALECTS) {
  describe(`the HTTP API on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let flags: string[];
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    const printed: string[] = [];

    before(async () => {
      ({ store, flags, drop } = await dialect.open());
      const loaded = await loadDemoMission({ store, requester }, { onlyIfEmpty: true });
      assert.ok(loaded.loaded);
      app = createApp({
        store,
        webRoot: null,
        log: () => {},
        printPdf: async (html) => {
          printed.push(html);
          return new TextEncoder().encode('%PDF-1.4 test');
        },
      });
    });
    after(async () => drop());

    const json = async (path: string, init?: RequestInit) => {
      const res = await app.request(path, init);
      return { status: res.status, body: await res.json() };
    };

    test('GET /api/health answers {"ok":true}', async () => {
      assert.deepEqual(await json('/api/health'), { status: 200, body: { ok: true } });
    });

    test('the OpenAPI document lists every operation of the table, with its input schema', async () => {
      const { status, body } = await json('/api/openapi.json');
      assert.equal(status, 200);
      assert.equal(body.openapi, '3.1.0');
      // The export writes to a stream: it is served at GET /api/export, not as an operation body.
      assert.equal(body.paths['/api/ops/exportEvents'], undefined);
      for (const [name, declared] of Object.entries(operations)) {
        const op = body.paths[`/api/ops/${name}`]?.post;
        // One served on a route of its own (its input is no JSON) is listed there, not here.
        if (declared.servedAt) {
          assert.equal(op, undefined, name);
          const [method, path] = declared.servedAt.split(' ');
          assert.ok(body.paths[path!]?.[method!.toLowerCase()], `${name} is listed at ${declared.servedAt}`);
          const res = await app.request(`/api/ops/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          });
          assert.equal(res.status, 404, name);
          assert.match(
            (await res.json()).error.message,
            new RegExp(`served over HTTP as ${declared.servedAt}`),
          );
          continue;
        }
        assert.ok(op, `missing /api/ops/${name}`);
        assert.equal(op.requestBody.content['application/json'].schema.type, 'object', name);
      }
      const params = body.paths['/api/summary'].get.parameters.map((p: { name: string }) => p.name);
      assert.ok(params.includes('by') && params.includes('country'));
      // The export's and the brief's query is the operation's own (exports probe: the export listed
      // five of its nine parameters, the brief none); what the brief route sets itself is not listed.
      const names = (path: string) => body.paths[path].get.parameters.map((p: { name: string }) => p.name);
      for (const name of ['format', 'violenceTypes', 'actorCategories', 'blurKm', 'excel'])
        assert.ok(names('/api/export').includes(name), `/api/export lists ${name}`);
      // Every parameter listed is one the route takes (API probe: the operation's inner `write`,
      // where the export streams to, was listed as a required query parameter the route refuses).
      for (const name of names('/api/export')) {
        const res = await app.request(`/api/export?format=csv&${name}=x`);
        const text = await res.text();
        assert.doesNotMatch(text, /does not take/, `/api/export documents ${name} but refuses it: ${text}`);
      }
      for (const path of ['/api/brief.html', '/api/brief.md', '/api/brief.pdf']) {
        assert.ok(
          ['country', 'from', 'to', 'lang'].every((n) => names(path).includes(n)),
          path,
        );
        assert.ok(!names(path).includes('format') && !names(path).includes('workbench'), path);
      }
      // Every error a caller can meet is documented: each code, and the status it answers with.
      const codes: string[] = body.components.schemas.Error.properties.error.properties.code.enum;
      for (const code of ['local-only', 'too-large', 'unsupported-media-type', 'unavailable', 'internal'])
        assert.ok(codes.includes(code), `the error codes list ${code}`);
      const refused = body.paths['/api/ops/importFiles'].post.responses;
      for (const status of ['401', '403', '413', '415'])
        assert.ok(refused[status], `importFiles documents ${status}`);
      assert.match(refused['403'].description, /local-only/);
    });

    test('GET /api/summary answers the same body as `tandem summary --json`', async () => {
      const api = await json(`/api/summary?by=admin1&country=${C}`);
      assert.equal(api.status, 200);
      const cli = await runCli(['summary', '--by', 'admin1', '--country', DEMO_COUNTRY, '--json', ...flags]);
      assert.equal(cli.code, 0, cli.stderr);
      assert.deepEqual(api.body, JSON.parse(cli.stdout));
      assert.equal(api.body.rows.length, 8);
      // The command line's "admin1,month" is refused here with where the second dimension goes.
      const joined = await json(`/api/summary?by=admin1,month&country=${C}`);
      assert.equal(joined.status, 400);
      assert.match(
        joined.body.error.message,
        /by: one dimension; a second goes in thenBy \(by=admin1&thenBy=month\)/,
      );
      assert.equal((await json(`/api/summary?by=admin1&thenBy=month&country=${C}`)).status, 200);
    });

    test('GET /api/analysis answers the same body as `tandem analyze --json`', async () => {
      const api = await json(`/api/analysis?country=${C}&from=2025-01-01&to=2025-12-31`);
      assert.equal(api.status, 200);
      const cli = await runCli([
        'analyze',
        '--country',
        DEMO_COUNTRY,
        '--from',
        '2025-01-01',
        '--to',
        '2025-12-31',
        '--json',
        ...flags,
      ]);
      assert.equal(cli.code, 0, cli.stderr);
      assert.deepEqual(api.body, JSON.parse(cli.stdout));
      assert.ok(
        api.body.alerts.some((a: { key: string }) => a.key === 'Lower Varo'),
        'the modelled 2025 escalation in Lower Varo is alerted',
      );
    });

    test('bad input answers 400 with code bad-input and names the field', async () => {
      const { status, body } = await json(`/api/summary?by=planet&country=${C}`);
      assert.equal(status, 400);
      assert.equal(body.error.code, 'bad-input');
      assert.match(body.error.message, /by/);
      assert.equal(body.error.details.issues[0].path, 'by');
    });

    test('a body that is not JSON, an unknown operation and an unknown path each get a clear error', async () => {
      const notJson = await json('/api/ops/summary', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{by:',
      });
      assert.equal(notJson.status, 400);
      assert.equal(notJson.body.error.code, 'bad-input');
      const unknownOp = await json('/api/ops/launchRockets', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(unknownOp.status, 404);
      assert.equal(unknownOp.body.error.code, 'not-found');
      // Names every object has are no operation either (they were a 500).
      for (const name of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
        const r = await json(`/api/ops/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        assert.equal(r.status, 404, name);
        assert.equal(r.body.error.code, 'not-found', name);
      }
      const unknownPath = await json('/api/nothing-here');
      assert.equal(unknownPath.status, 404);
    });

    test('a TandemError keeps its code and status; any other failure is a 500 with code internal and no stack', async () => {
      const failing = createApp({
        store,
        webRoot: null,
        log: () => {},
        operations: {
          refuse: defineOperation({
            summary: 'refuses',
            input: z.object({}),
            run: async () => {
              throw new TandemError('conflict', 'already there', { details: { id: 3 } });
            },
          }),
          crash: defineOperation({
            summary: 'crashes',
            input: z.object({}),
            run: async () => {
              throw new Error('secret internals at /srv/x.ts:10');
            },
          }),
        },
      });
      const refused = await failing.request('/api/ops/refuse', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(refused.status, 409);
      assert.deepEqual(await refused.json(), {
        error: { code: 'conflict', message: 'already there', details: { id: 3 } },
      });
      const crashed = await failing.request('/api/ops/crash', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(crashed.status, 500);
      const body = await crashed.json();
      assert.equal(body.error.code, 'internal');
      assert.doesNotMatch(JSON.stringify(body), /secret|\/srv/);
    });

    test('the area map is GeoJSON with the eight fictional regions, and its totals match the summary', async () => {
      const map = await json(`/api/areas?country=${C}`);
      assert.equal(map.status, 200);
      assert.equal(map.body.type, 'FeatureCollection');
      assert.equal(map.body.features.length, 8);
      assert.equal(map.body.features[0].geometry.type, 'Polygon');
      const summary = await json(`/api/summary?by=admin1&country=${C}`);
      const events = summary.body.rows.reduce((s: number, r: { events: number }) => s + r.events, 0);
      assert.equal(map.body.totals.events, events);
      const state = await json(`/api/areas?country=${C}&actorCategories=state-forces`);
      assert.ok(state.body.totals.events < map.body.totals.events);
      assert.equal(state.body.totals.civilianTargetingEvents, state.body.totals.stateCivilianTargetingEvents);
    });

    test('the stored plan, negotiation and agreement of the demonstration come back checked', async () => {
      const plan = await json('/api/plans/current');
      assert.equal(plan.status, 200);
      assert.ok(
        plan.body.check.findings.some(
          (f: { kind: string; subject: string }) =>
            f.kind === 'state-perpetrator-friction' && f.subject === 'a-fao-support',
        ),
      );
      const neg = await json(`/api/negotiations/current?country=${C}`);
      assert.equal(neg.status, 200);
      assert.ok(
        neg.body.check.alerts.some((a: { party: string }) => a.party === 'klf'),
        'the KLF raises violence before talks',
      );
      const agreement = await json('/api/agreements/review');
      assert.equal(agreement.status, 200);
      const gaps = agreement.body.gaps.map((g: { code: string }) => g.code);
      assert.ok(gaps.includes('GCh') && gaps.includes('SexViol'), `gaps: ${gaps}`);
      assert.equal(agreement.body.coverage.Ce, true);
      const varo = await json(`/api/analysis?country=${C}&admin1=Lower%20Varo`);
      const joint = varo.body.drivers
        .filter((d: { joint: boolean }) => d.joint)
        .map((d: { driver: string }) => d.driver);
      assert.deepEqual(joint, ['counter-insurgency-and-reprisal']);
    });

    test('forecasts come per admin-1 area with their history, and the brief states their backtest skill', async () => {
      const r = await json(`/api/forecast?country=${C}&level=admin1&horizon=2&history=12`);
      assert.equal(r.status, 200);
      assert.ok(r.body.forecasts.length > 0);
      const keys = new Set(r.body.forecasts.map((f: { key: string }) => f.key));
      assert.equal(r.body.forecasts.length, keys.size * 2 * 2, 'two horizons and two metrics per area');
      assert.ok(r.body.history.every((h: { values: number[] }) => h.values.length === 12));
      const late = await json(`/api/forecast?country=${C}&origin=2999-01`);
      assert.equal(late.status, 400);
      assert.match(late.body.error.message, /origin 2999-01 is after the last month with events/);
      const brief = await (await app.request(`/api/brief.html?country=${C}`)).text();
      assert.match(brief, /<h2>Forecast: /);
      assert.match(brief, /forecasts of violent events 1–3 months ahead were/);
    });

    test('a forecast of a country or mission not in the store is a 404 naming what is, never the store', async () => {
      const nowhere = await json('/api/forecast?country=Nowhere');
      assert.equal(nowhere.status, 404);
      assert.match(
        nowhere.body.error.message,
        /no events for country "Nowhere"; countries in the store: Orvania/,
      );
      assert.equal(nowhere.body.error.details.field, 'country');
      const mission = await json(`/api/forecast?country=${C}&mission=Nowhere`);
      assert.equal(mission.status, 404);
      assert.match(
        mission.body.error.message,
        /no stored plan for mission "Nowhere"; missions with a stored plan: /,
      );
      for (const { message } of [nowhere.body.error, mission.body.error]) {
        assert.ok(!message.includes(store.location), `the store's location in: ${message}`);
        assert.doesNotMatch(message, /\.db\b|postgres(ql)?:\/\//);
      }
    });

    test('a period that ends before it starts is refused in the query fields, not in CLI flags', async () => {
      for (const path of [
        `/api/analysis?country=${C}&from=2025-12-01&to=2025-01-01`,
        `/api/summary?by=admin1&from=2025-12-01&to=2025-01-01`,
        `/api/export?format=csv&from=2025-12-01&to=2025-01-01`,
      ]) {
        const r = await json(path);
        assert.equal(r.status, 400, path);
        assert.equal(r.body.error.message, 'from 2025-12-01 is after to 2025-01-01', path);
        assert.deepEqual(
          r.body.error.details.issues.map((i: { path: string }) => i.path),
          ['from'],
        );
      }
      const late = await json(`/api/analysis?country=${C}&from=2999-01-01`);
      assert.match(late.body.error.message, /^from 2999-01-01: no events on or after that day/);
      const cli = await runCli(['summary', '--from', '2025-12-01', '--to', '2025-01-01', ...flags]);
      assert.equal(cli.code, 2);
      assert.match(cli.stderr, /--from 2025-12-01 is after --to 2025-01-01/, 'the CLI keeps its flags');
    });

    test('the brief comes as HTML, and as PDF through the printer', async () => {
      const html = await app.request(`/api/brief.html?country=${C}`);
      assert.equal(html.status, 200);
      assert.match(await html.text(), /Orvania/);
      const pdf = await app.request(`/api/brief.pdf?country=${C}`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.match(printed.at(-1) ?? '', /<html/i);
    });

    test('an uploaded file is imported with progress lines, and the reads that follow count it', async () => {
      const before = await json(`/api/summary?by=country&country=${C}`);
      const extra = generateDemoEvents({ seed: 99, from: '2026-11-01', to: '2026-11-20' }).map((e, i) => ({
        ...e,
        sourceEventId: `UPLOAD${i}`,
      }));
      const res = await app.request('/api/imports?name=extra.csv', {
        method: 'POST',
        body: eventsAsHxlCsv(extra),
      });
      assert.equal(res.status, 200);
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        lines.map((l) => l.stage),
        ['received', 'importing', 'done'],
      );
      assert.equal(lines.at(-1).result.files[0].imported, extra.length);
      const afterwards = await json(`/api/summary?by=country&country=${C}`);
      assert.equal(afterwards.body.rows[0].events, before.body.rows[0].events + extra.length);
    });

    test('an upload is recorded under its own name, so its rows set aside are found by it and listed once however often it is sent', async () => {
      const [one] = generateDemoEvents({ seed: 5, from: '2026-11-01', to: '2026-11-03' });
      const bad = eventsAsHxlCsv([{ ...one!, sourceEventId: 'BADDAY1', dateStart: '2026-02-30' }]);
      for (let i = 0; i < 2; i++) {
        const res = await app.request('/api/imports?name=partner-week-48.csv', { method: 'POST', body: bad });
        assert.equal(res.status, 200);
        const last = JSON.parse((await res.text()).trim().split('\n').at(-1)!);
        assert.equal(last.stage, 'done', JSON.stringify(last));
      }
      const listed = await json('/api/problems?file=partner-week-48');
      assert.equal(listed.status, 200);
      assert.deepEqual(
        listed.body.problems.map((p: { file: string }) => p.file),
        ['partner-week-48.csv'],
      );
      const imports = await store.db
        .selectFrom('imports')
        .select('path')
        .where('path', 'like', '%upload%')
        .execute();
      assert.deepEqual(imports, [], 'no import is recorded under the server’s temporary path');
    });

    test('admin-1 boundaries upload as GeoJSON, and a feature without a name is refused with its path', async () => {
      const square = {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      };
      const good = {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: 'North' }, geometry: square }],
      };
      const res = await app.request('/api/imports?name=b.geojson&kind=boundaries&country=Testland', {
        method: 'POST',
        body: JSON.stringify(good),
      });
      const last = JSON.parse((await res.text()).trim().split('\n').at(-1)!);
      assert.equal(last.stage, 'done');
      assert.equal(last.result.loaded[0].areas, 1);
      assert.equal(last.result.loaded[0].country, 'Testland');
      const bad = {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: square }],
      };
      const res2 = await app.request('/api/imports?name=b.geojson&kind=boundaries&country=Testland', {
        method: 'POST',
        body: JSON.stringify(bad),
      });
      const last2 = JSON.parse((await res2.text()).trim().split('\n').at(-1)!);
      assert.equal(last2.stage, 'failed');
      assert.equal(last2.error.code, 'invalid-file');
      assert.match(last2.error.message, /feature 1 has no name/);
      // Without a country, one is looked for (a code in the name, the stored events inside the
      // shapes); a square with none of them inside is refused, asking for the country.
      const noCountry = await app.request('/api/imports?name=b.geojson&kind=boundaries', {
        method: 'POST',
        body: JSON.stringify(good),
      });
      const last3 = JSON.parse((await noCountry.text()).trim().split('\n').at(-1)!);
      assert.equal(last3.stage, 'failed');
      assert.equal(last3.error.code, 'bad-input');
      assert.match(last3.error.message, /^b\.geojson: cannot tell which country .*country= with an upload/);
    });

    test('an upload that is not an event file fails whole, with its code, and changes nothing', async () => {
      const before = await json(`/api/summary?by=country&country=${C}`);
      const res = await app.request('/api/imports?name=notes.csv', {
        method: 'POST',
        body: 'just one column\nhello\n',
      });
      const last = JSON.parse((await res.text()).trim().split('\n').at(-1)!);
      assert.equal(last.stage, 'failed');
      assert.equal(last.error.code, 'unknown-format');
      const afterwards = await json(`/api/summary?by=country&country=${C}`);
      assert.deepEqual(afterwards.body, before.body);
      const nameless = await json('/api/imports', { method: 'POST', body: 'x' });
      assert.equal(nameless.status, 400);
    });
  });
}
