import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isTandemError } from '../src/domain/tandem-error.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';
import { runCli } from './run-cli.ts';

// Fixtures written by test/fixtures/good/make-xlsx.mjs, as Excel saves them: date cells with a
// display format, numbers as numbers, a sheet of notes before the data.
const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;

describe('.xlsx workbooks', () => {
  let store: Store;
  before(async () => {
    store = await openStore({ dbPath: ':memory:' });
  });
  after(() => store.close());

  test('an ACLED export behind a sheet of notes is read; a bad row is set aside with its sheet row', async () => {
    const path = join(GOOD, 'acled-export.xlsx');
    const r = await importFiles(store, [path]);
    assert.deepEqual(
      [r.files[0].format, r.files[0].rows, r.files[0].imported, r.files[0].rejected],
      ['acled', 4, 3, 1],
    );
    const p = await store.db.selectFrom('problems').selectAll().where('file', '=', path).execute();
    assert.deepEqual(
      p.map((x) => [x.line, x.column, x.field]),
      [[6, 23, 'latitude']],
    );
    assert.match(p[0].reason, /latitude 200 is outside -90\.\.90/);
    const events = await store.db
      .selectFrom('events')
      .select([
        'source_event_id',
        'date_start',
        'latitude',
        'fatalities',
        'actor1_category',
        'civilian_targeting',
      ])
      .where('source', '=', 'acled')
      .orderBy('source_event_id')
      .execute();
    // Date cells of any display format, and a date typed as text, read as the same kind of date.
    assert.deepEqual(
      events.map((e) => [
        e.source_event_id,
        e.date_start,
        e.latitude,
        Number(e.fatalities),
        e.actor1_category,
      ]),
      [
        ['TSX1', '2023-05-01', 6.1, 3, 'identity-militia'],
        ['TSX2', '2023-05-02', 6.15, 4, 'state-forces'],
        ['TSX3', '2023-05-03', 7.5, 0, 'protesters'],
      ],
    );
    assert.deepEqual(
      events.map((e) => Number(e.civilian_targeting)),
      [1, 0, 0],
    );
    const again = await importFiles(store, [path]);
    assert.deepEqual([again.files[0].imported, again.files[0].unchanged], [0, 3]);
  });

  test('an HXL-tagged partner log reads the same as its CSV twin', async () => {
    const r = await importFiles(store, [join(GOOD, 'hxl-partner.xlsx'), join(GOOD, 'hxl-partner.csv')]);
    assert.deepEqual(
      r.files.map((f) => [f.format, f.rows, f.imported, f.rejected]),
      [
        ['hxl', 2, 2, 0],
        ['hxl', 2, 2, 0],
      ],
    );
    const rows = await store.db
      .selectFrom('events')
      .select(['source_event_id', 'date_start', 'admin1', 'latitude', 'fatalities', 'civilian_fatalities'])
      .where('source', '=', 'hxl')
      .orderBy('date_start')
      .orderBy('source_event_id')
      .execute();
    const pairs = rows.map((e) => [
      e.date_start,
      e.admin1,
      e.latitude,
      Number(e.fatalities),
      Number(e.civilian_fatalities),
    ]);
    assert.deepEqual(pairs[0], pairs[1], 'the first events of the two files');
    assert.deepEqual(pairs[2], pairs[3], 'the second events of the two files');
    assert.deepEqual(pairs[0], ['2022-03-05', 'Lakeside', 7.5, 3, 3]);
  });

  test('an HXL sheet with title lines above its header reads from its header, rows numbered as the sheet shows them', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const path = join(mkdtempSync(join(tmpdir(), 'tandem-xlsx-')), 'titled.xlsx');
    await writeXlsxFile([
      ['Partner incident log: Testland, March 2022'],
      ['Source: field partners'],
      [null],
      ['Incident ID', 'Date', 'Country', 'Region', 'Type', 'Killed'],
      ['#event+id', '#date+occurred', '#country+name', '#adm1+name', '#event+type', '#affected+killed'],
      ['X-1', '2022-03-05', 'Testland', 'Lakeside', 'Violence against civilians', 3],
      ['X-2', 'never', 'Testland', 'Hillside', 'Armed clash', 1],
    ] as never).toFile(path);
    const r = await importFiles(store, [path]);
    assert.deepEqual(
      [r.files[0].format, r.files[0].rows, r.files[0].imported, r.files[0].rejected],
      ['hxl', 2, 1, 1],
    );
    const p = await store.db.selectFrom('problems').select('line').where('file', '=', path).execute();
    assert.deepEqual(
      p.map((x) => x.line),
      [7],
    );
  });

  test('a workbook whose stray cell stands far beyond its data is refused before it is read as a grid', async () => {
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    const { default: JSZip } = await import('jszip');
    const path = join(mkdtempSync(join(tmpdir(), 'tandem-xlsx-')), 'sparse.xlsx');
    await writeXlsxFile([
      ['#event+id', '#date+occurred', '#country+name', '#event+type'],
      ['X-1', '2022-03-05', 'Testland', 'Armed clash'],
    ] as never).toFile(path);
    // One more cell at XFD1048576, as an attack probe's 1.5 kB file had: read as a grid of a
    // million rows by 16,384 columns, it took the server past 4 GB and down.
    const zip = await JSZip.loadAsync(readFileSync(path));
    const name = Object.keys(zip.files).find((n) => /^xl\/worksheets\/.+\.xml$/.test(n))!;
    const xml = await zip.file(name)!.async('string');
    zip.file(
      name,
      xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    );
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await assert.rejects(
      importFiles(store, [path]),
      (e) =>
        isTandemError(e) &&
        e.code === 'too-large' &&
        /sparse\.xlsx: .* has 9 cells but its last stands at row 1,048,576, column 16,384/.test(e.message),
    );
  });

  test('a zip that is not a workbook, and a workbook without an event sheet, are refused by name', async () => {
    await assert.rejects(
      importFiles(store, [new URL('./fixtures/agreements/testland.docx', import.meta.url).pathname]),
      (e) => isTandemError(e) && /testland\.docx: not a readable \.xlsx workbook/.test(e.message),
    );
    const cli = await runCli([
      'import',
      join(GOOD, 'acled-export.xlsx'),
      '--format',
      'hxl',
      '--db',
      join(mkdtempSync(join(tmpdir(), 'tandem-xlsx-')), 'x.db'),
    ]);
    assert.equal(cli.code, 2);
    assert.match(
      cli.stderr,
      /acled-export\.xlsx: --format hxl, but neither of the first two rows holds HXL hashtags/,
    );
    assert.doesNotMatch(cli.stderr, /\n\s+at /, 'no stack trace');
  });
});
