import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';
import { importFiles } from '../import-files.ts';

const ACLED = new URL('../fixtures/good/acled-old-format.csv', import.meta.url).pathname;

/**
 * GET /api/export refuses before its first byte, as JSON naming the parameter: a parameter it does
 * not take (`blur` for `blurKm` would otherwise export every point at full precision) and a country
 * or area with no events (which used to answer 200 with an empty file).
 */
for (const dialect of DIALECTS) {
  describe(`GET /api/export on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [ACLED]);
      app = createApp({ store, webRoot: null, log: () => {} });
    });
    after(async () => drop());

    test('streams the events of a country it holds', async () => {
      const res = await app.request('/api/export?format=geojson&country=Testland&blurKm=10');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /geo\+json/);
      const body = await res.json();
      assert.equal(body.features.length, 3);
      assert.ok(
        body.features.every(
          (f: { properties: { location: string; notes: string } }) =>
            f.properties.location === '' && f.properties.notes === '',
        ),
        'blurred: no place name, no notes (which name the village)',
      );
    });

    test("the workbench's filters narrow the export: violence types and perpetrator categories", async () => {
      const ids = async (q: string) => {
        const res = await app.request(`/api/export?format=geojson&country=Testland${q}`);
        assert.equal(res.status, 200, q);
        const body = await res.json();
        return body.features.map(
          (f: { properties: { source_event_id: string } }) => f.properties.source_event_id,
        );
      };
      assert.deepEqual(await ids(''), ['TST1', 'TST2', 'TST3']);
      assert.deepEqual(await ids('&violenceTypes=battles&violenceTypes=violence-against-civilians'), [
        'TST1',
        'TST2',
      ]);
      assert.deepEqual(await ids('&violenceTypes=battles,protests'), ['TST2', 'TST3']);
      assert.deepEqual(await ids('&actorCategories=protesters'), ['TST3']);
      assert.deepEqual(await ids('&actorCategories=state-forces&violenceTypes=violence-against-civilians'), [
        'TST1',
      ]);
      const bad = await app.request('/api/export?format=csv&country=Testland&actorCategories=army');
      assert.equal(bad.status, 400);
      assert.match((await bad.json()).error.message, /actorCategories/);
    });

    test('a parameter the export does not take is refused by name, nothing exported', async () => {
      const res = await app.request('/api/export?format=csv&country=Testland&blur=10');
      assert.equal(res.status, 400);
      const { error } = await res.json();
      assert.equal(error.code, 'bad-input');
      assert.match(error.message, /does not take blur; it takes .*blurKm/);
      assert.deepEqual(
        error.details.issues.map((i: { path: string }) => i.path),
        ['blur'],
      );
    });

    test('a country or area with no events is a 404 naming the field, not an empty file', async () => {
      const country = await app.request('/api/export?format=csv&country=Testlnd');
      assert.equal(country.status, 404);
      const c = (await country.json()).error;
      assert.match(c.message, /no events for country "Testlnd" \(did you mean "Testland"\?\)/);
      assert.equal(c.details.field, 'country');
      const area = await app.request('/api/export?format=csv&country=Testland&admin1=Nowhere');
      assert.equal(area.status, 404);
      assert.equal((await area.json()).error.details.field, 'admin1');
    });
  });
}
