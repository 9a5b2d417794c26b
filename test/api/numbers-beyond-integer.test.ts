import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';
import { importFiles } from '../import-files.ts';

// Numbers beyond PostgreSQL's integer: a probe found ids and death counts that SQLite answered
// (not found; stored) failing on PostgreSQL with "internal error … out of range for type integer"
// (HTTP 500, exit 1, and a whole import lost). Both dialects now answer the same, as bad input.

const JSON_TYPE = { 'content-type': 'application/json' };
const tooMany = new URL('../fixtures/bad/fatalities-too-many.csv', import.meta.url).pathname;

for (const dialect of DIALECTS) {
  describe(`numbers beyond a store's integers, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      app = createApp({ store, webRoot: null, log: () => {} });
    });
    after(async () => drop());

    test('an id above 2,147,483,647 is refused as input, never sent to the store', async () => {
      const requests: [string, RequestInit?][] = [
        ['/api/event?id=3000000000'],
        ['/api/agreements/review?id=99999999999'],
        ['/api/negotiations/current?id=99999999999'],
        ['/api/plans/current?mission=UNSMO&version=99999999999'],
        ['/api/incidents/99999999999/history'],
        [
          '/api/ops/confirmDriver',
          { method: 'POST', headers: JSON_TYPE, body: '{"tagId":99999999999,"unit":"poc"}' },
        ],
        ['/api/ops/editThreat', { method: 'POST', headers: JSON_TYPE, body: '{"id":99999999999}' }],
      ];
      for (const [path, init] of requests) {
        const res = await app.request(path, init);
        const body = await res.json();
        assert.equal(res.status, 400, `${path}: ${res.status} ${JSON.stringify(body)}`);
        assert.equal(body.error.code, 'bad-input', path);
        assert.match(JSON.stringify(body), /no record has an id above 2,147,483,647/, path);
      }
    });

    test('a death count of extra digits is set aside, and the rest of the import kept', async () => {
      const r = await importFiles(store, [tooMany]);
      assert.equal(r.files[0].rejected, 1);
      assert.equal(r.files[0].imported, 0);
      const problems = await store.db.selectFrom('problems').select('reason').execute();
      assert.match(problems[0]?.reason ?? '', /fatalities is 3000000000; expected at most 10,000,000/);
    });
  });
}
