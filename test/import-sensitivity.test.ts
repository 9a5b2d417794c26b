import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Sensitivity } from '../src/domain/sensitivity.ts';
import { TandemError } from '../src/domain/tandem-error.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const fixture = new URL('./fixtures/good/acled-old-format.csv', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tandem-import-sensitivity-'));

/** The fixture with one new row added: a refused import must not write it either. */
const withNewRow = join(dir, 'with-new-row.csv');
{
  const lines = readFileSync(fixture, 'utf8').trimEnd().split('\n');
  const last = lines[lines.length - 1].split(',');
  last[0] = '9999';
  last[2] = 'TST999';
  writeFileSync(withNewRow, [...lines, last.join(',')].join('\n'));
}

/** The fixture with a row that cannot be read and a row repeating an id: two rows set aside. */
const withBadRows = join(dir, 'with-bad-rows.csv');
{
  const lines = readFileSync(fixture, 'utf8').trimEnd().split('\n');
  const bad = lines[1].split(',');
  bad[0] = '8888';
  bad[2] = 'TST888';
  bad[4] = 'the day after';
  writeFileSync(withBadRows, [...lines, bad.join(','), lines[2]].join('\n'));
}

/** Imports through the operation, as every front end does. */
function importAs(store: Store, roles: string[], paths: string[], sensitivity: Sensitivity) {
  return importFiles(store, paths, { roles, sensitivity });
}

async function levels(store: Store): Promise<string[]> {
  const rows = await store.db.selectFrom('events').select('sensitivity').orderBy('source_event_id').execute();
  return rows.map((r) => r.sensitivity);
}

async function totalEvents(store: Store): Promise<number> {
  return (await summarizeEvents(store.db, 'country')).rows.reduce((n, r) => n + r.events, 0);
}

for (const dialect of DIALECTS) {
  describe(`a record's sensitivity is never lowered, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
    });
    after(() => drop());

    test('re-importing restricted records as public is refused as a whole, naming the records and levels', async () => {
      const first = await importAs(store, ['admin'], [fixture], 'restricted');
      assert.equal(first.files[0].imported, 3);
      await assert.rejects(importAs(store, ['admin'], [withNewRow], 'public'), (e) => {
        assert.ok(e instanceof TandemError);
        assert.equal(e.code, 'conflict');
        assert.match(e.message, /nothing was written/);
        assert.match(e.message, /lower 3 records stored as restricted to public/);
        return true;
      });
      assert.deepEqual(await levels(store), ['restricted', 'restricted', 'restricted']);
      assert.equal(await totalEvents(store), 3, 'the new row was not written, nor counted');
      const imports = await store.db.selectFrom('imports').select('id').execute();
      assert.equal(imports.length, 1);
    });

    test('raising the level is an update; the same file at the same level is unchanged', async () => {
      const raised = await importAs(store, ['admin'], [fixture], 'strictly-confidential');
      assert.equal(raised.files[0].updated, 3);
      assert.deepEqual(await levels(store), Array(3).fill('strictly-confidential'));
      const again = await importAs(store, ['admin'], [fixture], 'strictly-confidential');
      assert.equal(again.files[0].unchanged, 3);
    });

    test('an analyst cannot overwrite strictly-confidential records, at any level', async () => {
      for (const level of ['public', 'internal'] as const) {
        await assert.rejects(importAs(store, ['analyst'], [fixture], level), (e) => {
          assert.ok(e instanceof TandemError);
          assert.equal(e.code, 'forbidden');
          assert.match(
            e.message,
            /3 records stored as strictly-confidential, above your clearance \(internal\)/,
          );
          return true;
        });
      }
      // The same values at the records' own level change nothing, but answering "unchanged" would
      // confirm a guess at what the analyst may not read (a probe did so, with no audit entry).
      await assert.rejects(importAs(store, ['analyst'], [fixture], 'strictly-confidential'), (e) => {
        assert.ok(e instanceof TandemError);
        assert.equal(e.code, 'forbidden');
        assert.match(
          e.message,
          /its rows name 3 records stored as strictly-confidential, above your clearance \(internal\)/,
        );
        return true;
      });
      const viewer = importAs(store, ['viewer'], [fixture], 'public');
      await assert.rejects(viewer, (e) => e instanceof TandemError && e.code === 'forbidden');
      assert.deepEqual(await levels(store), Array(3).fill('strictly-confidential'));
      assert.equal(await totalEvents(store), 3);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`rows set aside carry a sensitivity, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
    });
    after(() => drop());

    test('a row set aside is at least as sensitive as its import', async () => {
      const r = await importAs(store, ['admin'], [withBadRows], 'restricted');
      assert.equal(r.files[0].rejected, 2);
      const rows = await store.db
        .selectFrom('problems')
        .select(['line', 'sensitivity'])
        .orderBy('line')
        .execute();
      assert.deepEqual(
        rows.map((p) => p.sensitivity),
        ['restricted', 'restricted'],
      );
    });
  });
}
