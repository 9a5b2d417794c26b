import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';

/**
 * "West Darfur state" in an HXL sheet was stored as its own area, beside GED's and ACLED's "West
 * Darfur", and had no polygon on the map. The HXL reader now writes admin-1 names as the GED reader
 * does (gedAreaName): a trailing kind in lower case is dropped, a name that merely contains such a
 * word, or capitalises it as part of the name, stays as it is.
 */

const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(GOOD, name), 'utf8');

/** Runs `fn` on a new in-memory store, `write` putting a file in a folder of its own. */
async function withStore(
  fn: (store: Store, write: (name: string, text: string) => string) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-hxl-names-'));
  const store = await openStore({ dbPath: ':memory:' });
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  try {
    await fn(store, write);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('HXL admin-1 names', () => {
  let store: Store;
  before(async () => {
    store = await openStore({ dbPath: ':memory:' });
  });
  after(() => store.close());

  test('an HXL admin-1 name loses the kind GED writes after it, and only that', async () => {
    const r = await importFiles(store, [join(GOOD, 'hxl-ged-style-names.csv')]);
    assert.equal(r.files[0].rejected, 0);
    const rows = await store.db
      .selectFrom('events')
      .select(['source_event_id', 'admin1', 'admin2'])
      .where('source', '=', 'hxl')
      .orderBy('source_event_id')
      .execute();
    assert.deepEqual(
      rows.map((e) => [e.source_event_id, e.admin1]),
      [
        ['HN1', 'West Darfur'],
        ['HN2', 'North Darfur'],
        // Capitalised, "State" is part of the name, as the GED reader reads it too.
        ['HN3', 'Red Sea State'],
        ['HN4', 'North Darfur'],
        ['HN5', 'Khartoum'],
        ['HN6', 'Upper Nile'],
        ['HN7', 'Central Equatoria'],
        ['HN8', 'Unity'],
      ],
    );
    // Admin-2 names are kept as written.
    assert.equal(rows[0]?.admin2, 'El Geneina district');
  });

  test('the same area from GED and from HXL is one area', async () => {
    await importFiles(store, [join(GOOD, 'ged-small.csv'), join(GOOD, 'hxl-ged-small.csv')]);
    const areas = await store.db
      .selectFrom('events')
      .select('admin1')
      .distinct()
      .where('country', '=', 'Testland')
      .execute();
    assert.deepEqual(
      areas.map((a) => a.admin1),
      ['River'],
    );
  });
});

test('a p-code column is not taken for the area’s name: #adm1+code beside #adm1+name, or alone', () =>
  withStore(async (store, write) => {
    const both = write(
      'both.csv',
      'Code,Région,Date,Pays,Type\n#adm1+code,#adm1+name,#date,#country+name,#event+type\nML04,Mopti,2025-03-02,Mali,Affrontements\n',
    );
    const alone = write(
      'alone.csv',
      'Code,Date,Pays,Type\n#adm1+code,#date,#country+name,#event+type\nML06,2025-03-03,Mali,Affrontements\n',
    );
    await importFiles(store, [both, alone]);
    const rows = await store.db.selectFrom('events').select('admin1').orderBy('date_start').execute();
    assert.deepEqual(
      rows.map((r) => r.admin1),
      ['Mopti', ''],
      'ML06 is no area name: the event stays in the country, placed in no area',
    );
  }));

test('GED’s "DR Congo (Zaire)" and ACLED’s "Democratic Republic of Congo" are one country, whose own government is its state forces', () =>
  withStore(async (store, write) => {
    const ged = write('ged.csv', fixture('ged-small.csv').replaceAll('Testland', 'DR Congo (Zaire)'));
    const acled = write(
      'acled.csv',
      fixture('acled-new-format.csv').replaceAll('Testland', 'Democratic Republic of Congo'),
    );
    await importFiles(store, [ged, acled]);
    const rows = await store.db
      .selectFrom('events')
      .select(['source', 'country', 'actor1', 'actor1_category'])
      .where('actor1', 'like', 'Government of%')
      .execute();
    assert.ok(rows.length > 0);
    for (const r of rows) assert.equal(r.actor1_category, 'state-forces', r.actor1);
    const countries = await store.db.selectFrom('events').select('country').distinct().execute();
    assert.deepEqual(
      countries.map((c) => c.country),
      ['Democratic Republic of Congo'],
    );
    // Asked for by the name a user's GED file uses, or the French initials, the store answers.
    const total = (await store.db.selectFrom('events').select('id').execute()).length;
    for (const asked of ['DR Congo (Zaire)', 'RDC']) {
      const s = await runOperation(
        operations.summary,
        { by: 'country', country: asked },
        { via: 'cli', name: 'summary', requester: { name: 't', roles: ['admin'] }, store },
      );
      assert.deepEqual(
        s.rows.map((r) => [r.key, r.events]),
        [['Democratic Republic of Congo', total]],
        asked,
      );
    }
  }));

test('an area ACLED writes "Segou" and a French sheet "Ségou" is one area, under the spelling stored first, in this import and the next', () =>
  withStore(async (store, write) => {
    const acled = write(
      'acled.csv',
      fixture('acled-new-format.csv').replaceAll('Testland', 'Mali').replaceAll('Hillside', 'Segou'),
    );
    const sheet = (id: string, area: string) =>
      `Id,Date,Pays,Région,Type\n#event+id,#date,#country+name,#adm1+name,#event+type\n${id},2023-05-03,Mali,${area},Affrontements\n`;
    const french = write('fr.csv', sheet('FR-1', 'Ségou'));
    await importFiles(store, [acled, french]);
    await importFiles(store, [write('later.csv', sheet('FR-2', 'SÉGOU'))]);
    const areas = await store.db.selectFrom('events').select('admin1').distinct().execute();
    assert.deepEqual(
      areas.map((a) => a.admin1),
      ['Segou'],
    );
    const again = await importFiles(store, [french]);
    assert.equal(again.files[0].unchanged, 1, 'the same file again changes nothing');
  }));

test('a sheet that gives the country only by its code (#country+code) is read, under the country’s name', () =>
  withStore(async (store, write) => {
    const sheet = write(
      'iso.csv',
      'Pays,Date,Type\n#country+code,#date,#event+type\nMLI,2025-03-02,Affrontements\n',
    );
    const r = await importFiles(store, [sheet]);
    assert.equal(r.files[0]!.imported, 1);
    const rows = await store.db.selectFrom('events').select('country').execute();
    assert.deepEqual(
      rows.map((x) => x.country),
      ['Mali'],
    );
  }));
