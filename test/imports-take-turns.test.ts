import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateAcled } from '../bench/generate-acled.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { assertAggregatesMatchEvents } from './aggregate-recount.ts';
import { DIALECTS } from './dialects.ts';

/**
 * Two imports that change the same events at once, as two analysts on a shared server may: each
 * takes its rows' old values off the counts, so each must read them after the other has committed.
 * On PostgreSQL both read the same old values, both changes were counted, and the count tables no
 * longer summed the events (a probe: 29,011 deaths counted where the events held 26,421).
 */
for (const dialect of DIALECTS) {
  describe(`imports at once take turns (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    const requester = { name: 'test', roles: ['admin'] };
    const importFile = (path: string) =>
      runOperation(
        operations.importFiles,
        { paths: [path] },
        { via: 'cli', name: 'importFiles', requester, store },
      );

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-import-turns-'));
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('two imports changing the same events at once leave the counts equal to the events', async () => {
      const base = join(dir, 'base.csv');
      await generateAcled(base, 3000, 5);
      await importFile(base);
      // The same events, their deaths raised by one in one file and by two in the other.
      const lines = readFileSync(base, 'utf8').split('\n');
      const header = lines[0]!.split(',');
      const deaths = header.indexOf('fatalities');
      const raised = (by: number) =>
        lines
          .map((l, i) => {
            if (i === 0 || !l) return l;
            const cells = l.match(/("[^"]*"|[^,]*)(,|$)/g)!.slice(0, -1);
            const at = cells[deaths]!;
            cells[deaths] = `${Number(at.replace(/,$/, '')) + by}${at.endsWith(',') ? ',' : ''}`;
            return cells.join('');
          })
          .join('\n');
      const a = join(dir, 'a.csv');
      const b = join(dir, 'b.csv');
      writeFileSync(a, raised(1));
      writeFileSync(b, raised(2));
      const [ra, rb] = await Promise.all([importFile(a), importFile(b)]);
      assert.equal(ra.files[0]!.updated + rb.files[0]!.updated > 0, true);
      await assertAggregatesMatchEvents(store, 'after two imports at once');
    });
  });
}
