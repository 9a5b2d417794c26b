import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateAcled } from '../bench/generate-acled.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

// A file large enough to count as a large import (indexes dropped and rebuilt, rows streamed
// straight in on PostgreSQL), then the same file again (all unchanged) and a version with some
// rows changed, some new and some set aside: every dialect must end with the same events and the
// same aggregates as a store that imported the final rows once.
const dir = mkdtempSync(join(tmpdir(), 'tandem-merge-'));
const ROWS = 50_000;
const first = join(dir, 'first.csv');
const second = join(dir, 'second.csv');
const finalOnly = join(dir, 'final-only.csv');

/** What the store says, by every dimension the aggregates answer. */
async function aggregates(store: Store) {
  const out: Record<string, unknown> = {};
  for (const by of ['admin1', 'admin2', 'month', 'actor-category', 'violence-type'] as const)
    out[by] = (await summarizeEvents(store.db, by)).rows;
  // The aggregate tables themselves, row by row (a key whose count fell to zero is gone).
  for (const table of ['event_counts', 'actor_counts', 'area_month_counts', 'country_counts'] as const) {
    const rows = await store.db.selectFrom(table).selectAll().execute();
    out[table] = rows
      .map((r) =>
        JSON.stringify(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v : Number(v)])),
      )
      .sort();
  }
  return out;
}

async function indexNames(store: Store): Promise<string[]> {
  if (store.dialect === 'sqlite') {
    const rows = await store.db
      .selectFrom('sqlite_master' as never)
      .select('name' as never)
      .where('type' as never, '=', 'index' as never)
      .where('tbl_name' as never, '=', 'events' as never)
      .execute();
    return rows.map((r) => (r as { name: string }).name).filter((n) => !n.startsWith('sqlite_'));
  }
  const rows = await store.db
    .selectFrom('pg_indexes' as never)
    .select('indexname' as never)
    .where('tablename' as never, '=', 'events' as never)
    .execute();
  return rows.map((r) => (r as { indexname: string }).indexname).filter((n) => n !== 'events_pkey');
}

before(async () => {
  await generateAcled(first, ROWS, 21);
  // Every 10th row with more fatalities, every 1000th row unreadable, and 500 new rows.
  const lines = readFileSync(first, 'utf8').trimEnd().split('\n');
  const changed = lines.map((line, i) => {
    if (i === 0) return line;
    const f = line.split(',');
    if (i % 1000 === 0) f[4] = 'not a date';
    else if (i % 10 === 0) f[f.length - 3] = String(Number(f[f.length - 3]) + 2);
    return f.join(',');
  });
  const added = lines.slice(1, 501).map((line, k) => {
    const f = line.split(',');
    f[0] = String(ROWS + k + 1);
    f[2] = `NEW${k}`;
    return f.join(',');
  });
  writeFileSync(second, [...changed, ...added].join('\n'));
  // The rows a store importing `first` then `second` ends with: second's readable rows, and the
  // rows of `first` whose line in `second` could not be read.
  const unreadable = lines.filter((_, i) => i > 0 && i % 1000 === 0);
  writeFileSync(
    finalOnly,
    [...changed.filter((_, i) => i === 0 || i % 1000 !== 0), ...added, ...unreadable].join('\n'),
  );
});

for (const dialect of DIALECTS) {
  describe(`a large import and its re-imports, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let reference: Store;
    let dropReference: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      ({ store: reference, drop: dropReference } = await dialect.open());
    });
    after(async () => {
      await drop();
      await dropReference();
    });

    test('imported, re-imported unchanged, then changed: counts and aggregates exact, indexes back', async () => {
      const indexesBefore = (await indexNames(store)).sort();
      const a = await importFiles(store, [first]);
      assert.deepEqual(
        { imported: a.files[0].imported, rejected: a.files[0].rejected },
        { imported: ROWS, rejected: 0 },
      );
      assert.deepEqual(
        (await indexNames(store)).sort(),
        indexesBefore,
        'the dropped indexes are built again',
      );
      const afterFirst = await aggregates(store);

      const again = await importFiles(store, [first]);
      assert.equal(again.files[0].unchanged, ROWS);
      assert.equal(again.files[0].imported + again.files[0].updated, 0);
      assert.deepEqual(await aggregates(store), afterFirst, 'an unchanged re-import leaves the aggregates');

      const b = await importFiles(store, [second]);
      const f = b.files[0];
      assert.equal(f.rejected, ROWS / 1000);
      assert.equal(f.imported, 500);
      assert.equal(f.updated, ROWS / 10 - ROWS / 1000);
      assert.equal(f.unchanged, ROWS - f.updated - f.rejected);

      await importFiles(reference, [finalOnly]);
      assert.deepEqual(await aggregates(store), await aggregates(reference));
      const n = await store.db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n.n), ROWS + 500);
    });
  });
}

for (const dialect of DIALECTS) {
  describe(`text that COPY must escape, on ${dialect.name}`, { skip: dialect.skip }, () => {
    test('tabs, line breaks, backslashes and \\N in notes are stored as read', async () => {
      const { store, drop } = await dialect.open();
      try {
        const fixture = new URL('./fixtures/good/acled-old-format.csv', import.meta.url).pathname;
        const lines = readFileSync(fixture, 'utf8').trimEnd().split('\n');
        const notes = ['a\tb', 'line one\nline two\r\nthree', 'C:\\path\\N and \\\\ twice'];
        const rows = lines.slice(1, 4).map((line, k) => {
          const f = line.split(',');
          return [...f.slice(0, 27), `"${notes[k]}"`, ...f.slice(28)].join(',');
        });
        const path = join(dir, `escapes-${dialect.name}.csv`);
        writeFileSync(path, [lines[0], ...rows].join('\n'));
        const r = await importFiles(store, [path]);
        assert.equal(r.files[0].imported, 3, JSON.stringify(r));
        const stored = await store.db
          .selectFrom('events')
          .select('notes')
          .orderBy('source_event_id')
          .execute();
        assert.deepEqual(
          stored.map((e) => e.notes),
          notes,
        );
      } finally {
        await drop();
      }
    });
  });
}
