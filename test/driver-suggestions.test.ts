import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { compileDriverRules, loadDriverTaxonomy } from '../src/analysis/driver-rules.ts';
import { DEMO_COUNTRY } from '../src/app/demo/demo-country.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importDemoEvents } from './import-files.ts';

for (const dialect of DIALECTS) {
  describe(`driver suggestions for a scope (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importDemoEvents(store, 7);
    });
    after(() => drop());

    const suggest = (input: Record<string, unknown>) =>
      runOperation(operations.suggestDrivers, input, {
        via: 'cli',
        name: 'suggestDrivers',
        requester: { name: 'test', roles: ['admin'] },
        store,
      });

    test('read the latest events of the scope only, newest first, and keep those the rules fire on', async () => {
      const matcher = compileDriverRules(loadDriverTaxonomy());
      for (const scope of [
        { country: DEMO_COUNTRY, limit: 40 },
        { country: DEMO_COUNTRY, limit: 100, from: '2024-01-01', to: '2024-12-31' },
        { country: DEMO_COUNTRY, admin1: 'Lower Varo', limit: 25 },
      ]) {
        // What the operation promises, worked out from every event of the scope.
        let q = store.db
          .selectFrom('events')
          .select(['id', 'date_start', 'notes'])
          .where('country', '=', scope.country);
        if (scope.admin1) q = q.where('admin1', '=', scope.admin1);
        if (scope.from) q = q.where('date_start', '>=', scope.from);
        if (scope.to) q = q.where('date_start', '<=', scope.to);
        const all = await q.execute();
        assert.ok(all.length > scope.limit, `the scope holds more events (${all.length}) than the limit`);
        const latest = all
          .sort((a, b) =>
            a.date_start === b.date_start ? b.id - a.id : a.date_start < b.date_start ? 1 : -1,
          )
          .slice(0, scope.limit);
        const expected = latest.filter((e) => matcher.suggest(e.notes).length > 0).map((e) => e.id);
        assert.ok(expected.length > 0, 'the rules fire on some of those events');
        const r = (await suggest(scope)) as { suggestions: { eventId: number }[] };
        assert.deepEqual(
          r.suggestions.map((s) => s.eventId),
          expected,
          JSON.stringify(scope),
        );
      }
    });
  });
}
