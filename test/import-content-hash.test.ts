import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { COL, contentHash, EVENT_COLUMNS, type EventValues } from '../src/store/event-columns.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const fixture = new URL('./fixtures/good/acled-old-format.csv', import.meta.url).pathname;

describe('content hash', () => {
  const value = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.constant(null));
  const row = fc.array(value, { minLength: EVENT_COLUMNS.length, maxLength: EVENT_COLUMNS.length });

  test('the same values give the same hash, and changing any one value changes it', () => {
    fc.assert(
      fc.property(row, fc.nat(EVENT_COLUMNS.length - 1), value, (r: EventValues, i, x) => {
        fc.pre(i !== COL.content_hash && i !== COL.import_id);
        fc.pre(!Object.is(r[i], x) && !(r[i] === 0 && x === 0));
        const h = contentHash(r);
        assert.equal(contentHash(r.slice()), h);
        const changed = r.slice();
        changed[i] = x;
        assert.notEqual(contentHash(changed), h);
      }),
      { numRuns: 2000 },
    );
  });

  test('a number and the same digits as text hash apart, as do values that run together', () => {
    const base: EventValues = new Array(EVENT_COLUMNS.length).fill('');
    const a = base.slice();
    a[COL.fatalities] = 7;
    const b = base.slice();
    b[COL.fatalities] = '7';
    assert.notEqual(contentHash(a), contentHash(b));
    const c = base.slice();
    c[COL.notes] = 'ab';
    c[COL.source_text] = 'c';
    const d = base.slice();
    d[COL.notes] = 'a';
    d[COL.source_text] = 'bc';
    assert.notEqual(contentHash(c), contentHash(d));
  });
});

/** What stores written before the hash changed hold: MD5 of the row's values joined by U+001F. */
function olderHash(row: Record<string, unknown>): string {
  // The older importer knew no targets column, nor those of the actors acting with each side.
  const older = EVENT_COLUMNS.filter(
    (c) => !['targets', 'actor1_associated', 'actor2_associated'].includes(c),
  );
  const values = older.map((c) =>
    c === 'content_hash' ? '' : c === 'import_id' ? 0 : (row[c] as string | number | null),
  );
  return createHash('md5').update(values.join('\u001f')).digest('hex');
}

for (const dialect of DIALECTS) {
  describe(`a store made with the older hash, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [fixture]);
      // Turn the store into one written by the older importer: every event with its MD5 hash.
      const rows = await store.db.selectFrom('events').selectAll().execute();
      for (const r of rows) {
        await store.db
          .updateTable('events')
          .set({ content_hash: olderHash(r as never) })
          .where('id', '=', r.id)
          .execute();
      }
      const n = await sql<{
        n: number;
      }>`SELECT count(*) AS n FROM events WHERE content_hash NOT LIKE 'v2:%'`.execute(store.db);
      assert.equal(Number(n.rows[0].n), rows.length);
    });
    after(() => drop());

    test('re-importing the same file finds every row unchanged', async () => {
      const r = await importFiles(store, [fixture]);
      assert.deepEqual(
        [r.files[0].imported, r.files[0].updated, r.files[0].unchanged, r.files[0].rejected],
        [0, 0, r.files[0].rows, 0],
      );
    });

    test('a row changed since is updated, and the totals follow it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tandem-'));
      const lines = readFileSync(fixture, 'utf8').split('\n');
      // TST2: 5 fatalities in the file; say 9.
      lines[2] = lines[2].replace(/,5,1600000000,TST$/, ',9,1600000000,TST');
      const changed = join(dir, 'acled-changed.csv');
      writeFileSync(changed, lines.join('\n'));
      const before = await fatalities(store);
      const r = await importFiles(store, [changed]);
      assert.deepEqual([r.files[0].updated, r.files[0].unchanged], [1, r.files[0].rows - 1]);
      assert.equal(await fatalities(store), before + 4);
      const again = await importFiles(store, [changed]);
      assert.deepEqual([again.files[0].updated, again.files[0].unchanged], [0, again.files[0].rows]);
    });
  });
}

async function fatalities(store: Store): Promise<number> {
  const r = await sql<{ f: number }>`SELECT sum(fatalities) AS f FROM event_counts`.execute(store.db);
  return Number(r.rows[0].f);
}
