import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';

/**
 * Actors with as many events list in one order on every store and both dialects: by name, as code
 * points. A probe found three orders for South Sudan's 12-event actors (SQLite, and two PostgreSQL
 * stores of the same file).
 */
for (const dialect of DIALECTS) {
  test(`actors with as many events are listed by name (${dialect.name})`, {
    skip: dialect.skip,
  }, async () => {
    const { store, drop } = await dialect.open();
    const dir = mkdtempSync(join(tmpdir(), 'tandem-actor-order-'));
    try {
      const [header, row] = readFileSync(
        new URL('./fixtures/good/acled-new-format.csv', import.meta.url),
        'utf8',
      )
        .split('\n')
        .filter(Boolean);
      const names = ['beta Militia', 'Zulu Militia', 'Alpha Militia', 'Émeraude Militia'];
      const file = join(dir, 'ties.csv');
      writeFileSync(
        file,
        [
          header,
          ...names.map((n, i) => row!.replace('TSN1', `TIE${i}`).replaceAll('Hill Militia (Testland)', n)),
        ].join('\n'),
      );
      const requester = { name: 'test', roles: ['admin'] };
      await runOperation(
        operations.importFiles,
        { paths: [file] },
        { via: 'cli', name: 'importFiles', requester, store },
      );
      const listed = await runOperation(
        operations.listActors,
        { country: 'Testland' },
        { via: 'cli', name: 'listActors', requester, store },
      );
      const ties = listed.actors.filter((a) => names.includes(a.name)).map((a) => a.name);
      assert.deepEqual(ties, ['Alpha Militia', 'Zulu Militia', 'beta Militia', 'Émeraude Militia']);
    } finally {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
