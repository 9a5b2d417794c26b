import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runJointAnalysis } from '../src/analysis/joint-analysis.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

/**
 * A country recorded by UCDP GED (which gives civilian deaths) and by ACLED (which does not): a
 * perpetrator known only from ACLED has no civilian death figure ("–" in the brief), not 0.
 */
const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;

for (const dialect of DIALECTS) {
  describe(`perpetrators' civilian deaths in a scope of mixed sources (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    test('GED perpetrators keep their figure; one known only from ACLED has none', async () => {
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [join(GOOD, 'ged-small.csv'), join(GOOD, 'acled-new-format.csv')]);
        const a = await runJointAnalysis(store.db, { country: 'Testland' });
        const figure = Object.fromEntries(a.perpetrators.map((p) => [p.actor, p.civilianFatalities]));
        assert.equal(figure['Government of Testland'], 4, JSON.stringify(figure));
        assert.equal(figure['Hill Militia'], 1, JSON.stringify(figure));
        assert.equal(figure['Hill Militia (Testland)'], null, JSON.stringify(figure));
      } finally {
        await drop();
      }
    });
  });
}
