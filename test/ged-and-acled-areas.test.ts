import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { summarizeEvents } from '../src/store/event-summary.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const good = (name: string) => new URL(`fixtures/good/${name}`, import.meta.url).pathname;

/**
 * The fixtures' ACLED event in Testland's "Hillside" and GED events in "River province": written
 * again so that both sources name one area, GED with the kind after the name as it does.
 */
function mixedFiles(dir: string): string[] {
  const acled = readFileSync(good('acled-new-format.csv'), 'utf8').replace(/,Hillside,/g, ',Ségou,');
  const ged = readFileSync(good('ged-small.csv'), 'utf8').replace(/River province/g, 'Ségou region');
  const paths = [join(dir, 'acled.csv'), join(dir, 'ged.csv')];
  writeFileSync(paths[0]!, acled);
  writeFileSync(paths[1]!, ged);
  return paths;
}

for (const dialect of DIALECTS) {
  describe(`one area named by ACLED and by GED, on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('GED\'s "Ségou region" and ACLED\'s "Ségou" are one row of the summary', async () => {
      const { store, drop } = await dialect.open();
      const dir = mkdtempSync(join(tmpdir(), 'tandem-areas-'));
      try {
        await importFiles(store, mixedFiles(dir));
        const rows = (await summarizeEvents(store.db, 'admin1')).rows.filter((r) => r.country === 'Testland');
        const segou = rows.filter((r) => r.key.startsWith('Ségou'));
        assert.deepEqual(
          segou.map((r) => r.key),
          ['Ségou'],
        );
        const acledRows =
          readFileSync(good('acled-new-format.csv'), 'utf8').match(/,Hillside,/g)?.length ?? 0;
        const gedRows = readFileSync(good('ged-small.csv'), 'utf8').match(/River province/g)?.length ?? 0;
        assert.ok(acledRows > 0 && gedRows > 0);
        assert.equal(segou[0]!.events, acledRows + gedRows);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await drop();
      }
    });
  });
}
