import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;

// API probe: GET /api/events returned every event, with no way to page through a big store.
for (const dialect of DIALECTS) {
  describe(`events page by page (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [`${GOOD}acled-associated-categories.csv`]);
    });
    after(() => drop());
    const list = (input: Record<string, unknown>) =>
      runOperation(operations.listEvents, input as never, {
        via: 'http',
        name: 'listEvents',
        requester: { name: 'test', roles: ['admin'] },
        store,
      });

    test('limit and offset give consecutive pages of the same order, which together are all', async () => {
      const all = (await list({})).map((e) => e.id);
      assert.ok(all.length >= 3, `the fixture has ${all.length} events`);
      const pages: number[] = [];
      for (let offset = 0; offset < all.length; offset += 2)
        pages.push(...(await list({ limit: 2, offset })).map((e) => e.id));
      assert.deepEqual(pages, all);
      // An offset alone runs to the end.
      assert.deepEqual(
        (await list({ offset: 1 })).map((e) => e.id),
        all.slice(1),
      );
      assert.deepEqual(await list({ offset: all.length }), []);
    });
  });
}
