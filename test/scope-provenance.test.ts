import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateAcled } from '../bench/generate-acled.ts';
import { SENSITIVITY_LEVELS, sensitivityRank } from '../src/domain/sensitivity.ts';
import { applyEventFilter, type EventFilter } from '../src/store/event-repository.ts';
import { scopeProvenance } from '../src/store/scope-provenance.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const GOOD = fileURLToPath(new URL('./fixtures/good/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tandem-provenance-'));
const acled = join(dir, 'acled.csv');
before(() => generateAcled(acled, 1500, 31));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const dialect of DIALECTS) {
  describe(`where a scope's records come from, and how sensitive they are (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      // Three sources at three levels, in two countries of the generated file and Testland.
      await importFiles(store, [acled]);
      await importFiles(store, [join(GOOD, 'ged-small.csv')], { sensitivity: 'restricted' });
      await importFiles(store, [join(GOOD, 'hxl-partner.csv')], { format: 'hxl', sensitivity: 'internal' });
    });
    after(() => drop());

    test('equal what every event of the scope says, for countries, areas and periods', async () => {
      const places = await store.db.selectFrom('events').select(['country', 'admin1']).distinct().execute();
      const scopes: EventFilter[] = [{}, { country: 'Nowhere' }];
      // Every place of Testland (where the two sensitive files are), a few of the generated file's.
      const testland = places.filter((p) => p.country === 'Testland');
      for (const p of [...testland, ...places.filter((p) => p.country !== 'Testland').slice(0, 8)]) {
        scopes.push({ country: p.country });
        scopes.push({ country: p.country, admin1: p.admin1 });
        scopes.push({ country: p.country, from: '2020-01-01', to: '2020-12-31' });
        scopes.push({ country: p.country, admin1: p.admin1, from: '2022-03-10', to: '2022-03-20' });
      }
      const levels = new Set<string>();
      for (const scope of scopes) {
        const rows = await applyEventFilter(
          store.db.selectFrom('events').select(['source', 'sensitivity']),
          scope,
        ).execute();
        let rank = 0;
        for (const r of rows) rank = Math.max(rank, sensitivityRank(r.sensitivity));
        const got = await scopeProvenance(store.db, scope);
        assert.deepEqual(
          { sources: [...got.sources].sort(), sensitivity: got.sensitivity },
          { sources: [...new Set(rows.map((r) => r.source))].sort(), sensitivity: SENSITIVITY_LEVELS[rank] },
          JSON.stringify(scope),
        );
        levels.add(got.sensitivity);
      }
      // The scopes reach every level imported, so a level missed would show.
      assert.deepEqual([...levels].sort(), ['internal', 'public', 'restricted']);
    });
  });
}
