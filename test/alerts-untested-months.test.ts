import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Requester } from '../src/app/operation.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';

const admin: Requester = { name: 'test-admin', roles: ['admin'] };

/**
 * A held-out probe: Sudan's record from April 2023, analysed to December, said "No alerts in the
 * period." though a sustained rise could only be tested from October (six months of record). The
 * analysis says from when it could test, and the brief says it, in English and French.
 */
for (const dialect of DIALECTS) {
  test(`a record too short to test its first months says so (${dialect.name})`, {
    skip: dialect.skip,
  }, async () => {
    const { store, drop } = await dialect.open();
    const dir = mkdtempSync(join(tmpdir(), 'tandem-untested-'));
    try {
      const ctx = { via: 'cli' as const, name: 'test', requester: admin, store };
      const [header, row] = readFileSync(
        new URL('./fixtures/good/acled-new-format.csv', import.meta.url),
        'utf8',
      )
        .split('\n')
        .filter(Boolean);
      const rows = Array.from({ length: 9 }, (_, m) =>
        row!.replace('TSN1', `SHORT${m}`).replace('2023-05-01', `2023-${String(m + 4).padStart(2, '0')}-05`),
      );
      writeFileSync(join(dir, 'short.csv'), [header, ...rows].join('\n'));
      await runOperation(operations.importFiles, { paths: [join(dir, 'short.csv')] }, ctx);
      const a = await runOperation(operations.analyze, { country: 'Testland' }, ctx);
      assert.deepEqual([a.period.dataFirstMonth, a.period.alertsTestedFrom], ['2023-04', '2023-10']);
      const en = await runOperation(operations.brief, { country: 'Testland', format: 'md' }, ctx);
      assert.match(en.content, /begins in Apr 2023; .* none before Oct 2023 could be found/);
      const fr = await runOperation(operations.brief, { country: 'Testland', format: 'md', lang: 'fr' }, ctx);
      assert.match(fr.content, /commencent en avr\. 2023 ; .* avant oct\. 2023/);
      // A period that starts once the record is long enough tests every month: nothing is said.
      const later = await runOperation(operations.analyze, { country: 'Testland', from: '2023-10-01' }, ctx);
      assert.equal(later.period.alertsTestedFrom, undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await drop();
    }
  });
}
