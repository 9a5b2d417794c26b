import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isTandemError } from '../src/domain/tandem-error.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';
import { runCli } from './run-cli.ts';

const BAD = new URL('./fixtures/bad/', import.meta.url).pathname;
const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'tandem-bad-'));

// A 10 MB line: generated here rather than committed.
const tenMb = join(scratch, 'ten-mb-line.csv');
writeFileSync(
  tenMb,
  `event_id_cnty,event_date,event_type,actor1,inter1,actor2,inter2,country,admin1,fatalities,notes\nX1,2021-01-01,Battles,A,1,B,2,Testland,Lakeside,1,"${'x'.repeat(10 * 1024 * 1024)}"\nX2,2021-01-02,Battles,A,1,B,2,Testland,Lakeside,1,ok\n`,
);

/** Files that cannot be read at all: the import fails naming the file, and writes nothing. */
const UNREADABLE: [string, RegExp][] = [
  ['empty.csv', /empty\.csv: the file is empty/],
  ['binary-junk.csv', /binary-junk\.csv: not a text file \(a NUL byte at offset 0\)/],
  ['wrong-delimiter.csv', /wrong-delimiter\.csv: not a known event format.*separated by ";"/],
  ['one-column.csv', /one-column\.csv: not a known event format/],
  ['geojson-not-featurecollection.geojson', /is a GeoJSON Feature, not a GeoJSON FeatureCollection/],
  ['geojson-boundaries.geojson', /lack GED's type_of_violence, date_start, best, country/],
  ['geojson-truncated.geojson', /geojson-truncated\.geojson:4:\d+: not valid JSON/],
  ['acled-no-country-column.csv', /looks like ACLED but has no country column/],
  // The date column renamed: told which column is missing, not 'not a known event format' (probe).
  ['acled-no-event-date-column.csv', /looks like an ACLED export but has no event_date column/],
  ['ged-no-best-column.csv', /ged-no-best-column\.csv: looks like UCDP GED but has no best column/],
  ['hxl-without-date.csv', /HXL hashtag row has no #date/],
  // HDX's table of ACLED's counts per area and month, made up for this test: not events.
  [
    'hdx-counts-per-month.csv',
    /counts events per area and period \(#indicator\+events\), and Tandem imports one event per row/,
  ],
];

/** Files whose bad rows are set aside: [file, rows, rejected, line, reason]. */
const ROWS: [string, number, number, number, RegExp][] = [
  ['latitude-200.csv', 2, 1, 3, /latitude 200 is outside -90\.\.90/],
  ['date-32-13-2020.csv', 1, 1, 2, /"32\/13\/2020" is not a date/],
  ['date-feb-29-2021.csv', 1, 1, 2, /month 2 of 2021 has no day 29/],
  ['date-empty.csv', 1, 1, 2, /the date is empty/],
  ['negative-fatalities.csv', 1, 1, 2, /fatalities is -3; expected 0 or more/],
  ['fatalities-not-a-number.csv', 1, 1, 2, /fatalities "many" is not a whole number/],
  // Stored on SQLite, it failed a PostgreSQL import as a whole (integer out of range).
  ['fatalities-too-many.csv', 1, 1, 2, /fatalities is 3000000000; expected at most 10,000,000/],
  ['repeated-ids.csv', 3, 1, 4, /event id TST1 repeats the row at line 2/],
  ['truncated-last-line.csv', 2, 1, 3, /the row has \d+ fields, the header 31 \(is the line cut short\?\)/],
  // Its last line ends with a line break, which ends line 3 and begins no line 4.
  ['unclosed-quote.csv', 2, 1, 3, /quote that never closes; is the file cut short\?\)$/],
  ['unknown-event-type.csv', 1, 1, 2, /event_type "Cattle raid" is not one of ACLED's event types/],
  ['inter-9.csv', 1, 1, 2, /inter1 "9" is not an ACLED actor category/],
  ['empty-id.csv', 1, 1, 2, /event_id_cnty is empty/],
  ['empty-country.csv', 1, 1, 2, /country is empty/],
  ['longitude-not-a-number.csv', 1, 1, 2, /longitude "east" is not a number/],
  ['too-many-fields.csv', 1, 1, 2, /the row has 32 fields, the header 31 \(an unquoted "," in a field\?\)/],
  ['ged-end-before-start.csv', 1, 1, 2, /date_end 2020-12-01 is before date_start 2020-12-05/],
  ['ged-type-4.csv', 1, 1, 2, /type_of_violence "4" is not 1, 2 or 3/],
  ['ged-negative-best.csv', 1, 1, 2, /best is -1; expected 0 or more/],
  ['ged-bad-feature.geojson', 2, 1, 3, /feature 2: is not a GeoJSON Feature with properties/],
  ['hxl-unknown-type.csv', 1, 1, 2, /event type "Rumour" is not a kind of event Tandem knows/],
  ['latin1-bad-latitude.csv', 1, 1, 2, /latitude 91 is outside/],
  ['crlf-bad-date.csv', 2, 1, 3, /"2021-13-01" is not a date: there is no month 13/],
  ['bom-bad-fatalities.csv', 1, 1, 2, /fatalities "1\.5" is not a whole number/],
  ['quoted-newline-then-bad-row.csv', 2, 1, 5, /fatalities is -1/],
  ['header-only.csv', 0, 0, 0, /^$/],
];

describe('bad input', () => {
  let store: Store;
  before(async () => {
    store = await openStore({ dbPath: ':memory:' });
  });
  after(() => store.close());

  for (const [file, message] of UNREADABLE) {
    test(`${file} is refused with a message naming the file, and nothing is written`, async () => {
      await assert.rejects(importFiles(store, [join(BAD, file)]), (e) => {
        assert.ok(isTandemError(e), String(e));
        assert.match(e.message, message);
        return true;
      });
      const n = await store.db.selectFrom('imports').select('id').execute();
      assert.equal(n.length, 0);
    });
  }

  test('a folder and a missing file are refused by name', async () => {
    await assert.rejects(importFiles(store, [scratch]), /is a folder, not a file/);
    await assert.rejects(importFiles(store, [join(scratch, 'nope.csv')]), /nope\.csv: no such file/);
  });

  for (const [file, rows, rejected, line, reason] of ROWS) {
    test(`${file}: ${rejected} of ${rows} row(s) set aside, at line ${line}, saying why`, async () => {
      const path = join(BAD, file);
      const r = await importFiles(store, [path]);
      assert.equal(r.files[0].rows, rows);
      assert.equal(r.files[0].rejected, rejected);
      assert.equal(r.files[0].imported + r.files[0].unchanged + r.files[0].updated, rows - rejected);
      const p = await store.db.selectFrom('problems').selectAll().where('file', '=', path).execute();
      assert.equal(p.length, rejected);
      if (rejected) {
        assert.equal(p[0].line, line);
        assert.match(p[0].reason, reason);
      }
    });
  }

  test('a 10 MB line is set aside and the rows after it still read', async () => {
    const r = await importFiles(store, [tenMb]);
    assert.deepEqual([r.files[0].rows, r.files[0].rejected, r.files[0].imported], [2, 1, 1]);
    const p = await store.db.selectFrom('problems').selectAll().where('file', '=', tenMb).execute();
    assert.match(p[0].reason, /10\.5 million characters long/);
    assert.ok((p[0].raw ?? '').length < 3000, 'the raw row kept is cut short');
  });
});

describe('awkward but valid files', () => {
  let store: Store;
  before(async () => {
    store = await openStore({ dbPath: ':memory:' });
  });
  after(() => store.close());

  const CASES: [string, string, number][] = [
    ['acled-old-format.csv', 'acled', 3],
    ['acled-new-format.csv', 'acled', 2],
    ['acled-semicolon.csv', 'acled', 3],
    ['acled-crlf-bom.csv', 'acled', 3],
    ['acled-latin1.csv', 'acled', 1],
    ['acled-utf16.csv', 'acled', 3],
    ['ged-small.csv', 'ucdp', 3],
    ['hxl-partner.csv', 'hxl', 2],
    ['hxl-tags-only.csv', 'hxl', 2],
    ['hxl-date-parts.csv', 'hxl', 2],
    // Header and hashtags ending in CRLF, the rows in LF (a web probe's sheet): the rows ran together.
    ['hxl-mixed-line-endings.csv', 'hxl', 3],
  ];
  for (const [file, format, rows] of CASES) {
    test(`${file} reads as ${format}, every row`, async () => {
      const r = await importFiles(store, [join(GOOD, file)]);
      assert.equal(r.files[0].format, format);
      assert.equal(r.files[0].rows, rows);
      assert.equal(r.files[0].rejected, 0);
    });
  }

  // [file, what it shows, rows, imported, rejected, the bad row's place].
  const TITLED: [string, string, number, number, number, Record<string, unknown>][] = [
    [
      'hxl-titled-semicolon.csv',
      'title lines above its header (as HDX sheets have), separated by semicolons',
      3,
      2,
      1,
      { line: 8, column: 2, field: '#date+occurred' },
    ],
    [
      'hxl-titled-excel.csv',
      'title rows as Excel saves them (a title cell holding a line break, a row of empty cells)',
      2,
      1,
      1,
      { line: 7, column: 2, field: '#date+occurred' },
    ],
  ];
  for (const [name, shows, rows, imported, rejected, place] of TITLED) {
    test(`an HXL sheet with ${shows} reads from its header, no data row passed over; a bad row keeps its file line`, async () => {
      const file = join(GOOD, name);
      const r = await importFiles(store, [file]);
      assert.deepEqual(
        [r.files[0].format, r.files[0].rows, r.files[0].imported, r.files[0].rejected],
        ['hxl', rows, imported, rejected],
      );
      const p = await store.db
        .selectFrom('problems')
        .select(['line', 'column', 'field'])
        .where('file', '=', file)
        .execute();
      assert.deepEqual(p, [place]);
    });
  }

  test('an HXL #date is read as the date, not the #date+year or #date+timestamp before it', async () => {
    const dates = await store.db
      .selectFrom('events')
      .select('date_start')
      .where('import_id', 'in', (eb) =>
        eb.selectFrom('imports').select('id').where('path', 'like', '%hxl-date-parts.csv'),
      )
      .orderBy('date_start')
      .execute();
    assert.deepEqual(
      dates.map((d) => d.date_start),
      ['2022-04-14', '2022-04-15'],
    );
  });

  test('Latin-1 text is decoded, not mangled', async () => {
    const e = await store.db
      .selectFrom('events')
      .select(['admin1', 'notes'])
      .where('admin1', 'like', 'Ouham%')
      .executeTakeFirstOrThrow();
    assert.equal(e.admin1, 'Ouham-Pendé');
    assert.equal(e.notes, 'Déplacés à Bocaranga; élevage.');
  });

  test('the same events as GED CSV and as GeoJSON are one set of events', async () => {
    const r = await importFiles(store, [join(GOOD, 'ged-small.geojson')]);
    assert.deepEqual([r.files[0].imported, r.files[0].unchanged], [0, 3]);
  });

  test('ACLED without civilian_targeting derives it and says so; with it, takes it as given', async () => {
    const rows = await store.db
      .selectFrom('events')
      .select([
        'source_event_id',
        'civilian_targeting',
        'civilian_targeting_derived',
        'actor1_category',
        'actor2_category',
      ])
      .where('import_id', 'in', (eb) =>
        eb.selectFrom('imports').select('id').where('path', 'like', '%acled-new-format.csv'),
      )
      .orderBy('source_event_id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [
        r.civilian_targeting,
        r.civilian_targeting_derived,
        r.actor1_category,
        r.actor2_category,
      ]),
      [
        [1, 0, 'identity-militia', 'civilians'],
        [0, 0, 'identity-militia', 'state-forces'],
      ],
    );
    const old = await store.db
      .selectFrom('events')
      .select(['civilian_targeting', 'civilian_targeting_derived'])
      .where('source_event_id', '=', 'TST1')
      .where('event_type', '=', 'Violence against civilians')
      .execute();
    assert.ok(old.some((r) => r.civilian_targeting === 1 && r.civilian_targeting_derived === 1));
  });

  test('line numbers stay true after quoted newlines and blank lines', async () => {
    for (const [file, line] of [
      ['acled-quoted-newlines.csv', 6],
      ['acled-blank-lines.csv', 6],
    ] as const) {
      const path = join(GOOD, file);
      await importFiles(store, [path]);
      const p = await store.db.selectFrom('problems').select('line').where('file', '=', path).execute();
      assert.deepEqual(p, [{ line }], file);
    }
  });
});

describe('the CLI on bad input', () => {
  const db = join(scratch, 'cli.db');
  test('an unknown format exits 2 with one line naming the file, and no stack trace', async () => {
    const r = await runCli(['import', '--json', join(BAD, 'wrong-delimiter.csv'), '--db', db]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /wrong-delimiter\.csv: not a known event format/);
    assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/);
  });

  test('rows set aside are listed by `tandem problems`', async () => {
    const imp = await runCli(['import', '--json', join(BAD, 'latitude-200.csv'), '--db', db]);
    assert.equal(imp.code, 0);
    assert.equal(JSON.parse(imp.stdout).files[0].rejected, 1);
    const r = await runCli(['problems', '--db', db]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /latitude-200\.csv:3:23 \(latitude\): latitude 200 is outside -90\.\.90/);
  });

  test('a file imported again lists its rows set aside once, and none once it is corrected', async () => {
    const path = join(scratch, 'corrected-later.csv');
    const header =
      'event_id_cnty,event_date,event_type,actor1,inter1,actor2,inter2,country,admin1,latitude,longitude,fatalities';
    writeFileSync(path, `${header}\nXX1,2020-03-05,Battles,A,1,B,2,Mali,Ségou,13.4,-6.2,NA\n`);
    for (let i = 0; i < 2; i++) await runCli(['import', '--json', path, '--db', db]);
    const twice = await runCli(['problems', '--json', '--file', 'corrected-later', '--db', db]);
    assert.equal(JSON.parse(twice.stdout).problems.length, 1);
    writeFileSync(path, `${header}\nXX1,2020-03-05,Battles,A,1,B,2,Mali,Ségou,13.4,-6.2,3\n`);
    const fixed = await runCli(['import', '--json', path, '--db', db]);
    assert.equal(JSON.parse(fixed.stdout).files[0].imported, 1);
    const after = await runCli(['problems', '--json', '--file', 'corrected-later', '--db', db]);
    assert.deepEqual(JSON.parse(after.stdout).problems, []);
  });

  test('a place written with decomposed accents (as macOS writes them) is the same area as one written composed', async () => {
    const header =
      'event_id_cnty,event_date,event_type,actor1,inter1,actor2,inter2,country,admin1,latitude,longitude,fatalities';
    const composed = join(scratch, 'composed.csv');
    const decomposed = join(scratch, 'decomposed.csv');
    writeFileSync(composed, `${header}\nNFC1,2020-03-05,Battles,A,1,B,2,Maliland,S\u00e9gou,13.4,-6.2,1\n`);
    writeFileSync(
      decomposed,
      `${header}\nNFD1,2020-03-06,Battles,A,1,B,2,Maliland,Se\u0301gou,13.4,-6.2,2\n`,
    );
    assert.equal((await runCli(['import', composed, decomposed, '--db', db])).code, 0);
    const r = await runCli(['summary', '--by', 'admin1', '--country', 'Maliland', '--json', '--db', db]);
    assert.deepEqual(
      JSON.parse(r.stdout).rows.map((x: { key: string; events: number }) => [x.key, x.events]),
      [['S\u00e9gou', 2]],
    );
  });

  test('a bad --from is refused with what was expected', async () => {
    const r = await runCli(['summary', '--from', '2020-13-01', '--db', db]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--from: not a real day/);
  });
});
