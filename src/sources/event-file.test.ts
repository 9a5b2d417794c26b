import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { storedCountryName } from '../domain/country-names.ts';
import { type EventBatch, openEventFile } from './event-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-prop-'));
let n = 0;

const HEADER = [
  'event_id_cnty',
  'event_date',
  'event_type',
  'actor1',
  'inter1',
  'actor2',
  'inter2',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'notes',
  'fatalities',
];
const TYPES = [
  'Battles',
  'Violence against civilians',
  'Explosions/Remote violence',
  'Protests',
  'Riots',
  'Strategic developments',
];

// Text as people type it: accents, quotes, delimiters and line breaks inside fields.
const text = fc.string({ unit: fc.constantFrom(...'abcXYZ é,;"\n\r\t\'-()ñ'.split('')), maxLength: 30 });

const row = fc
  .record({
    id: fc.stringMatching(/^[A-Z]{3}\d{1,6}$/),
    day: fc.date({ min: new Date('1997-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
    type: fc.constantFrom(...TYPES),
    actor1: text,
    inter1: fc.integer({ min: 1, max: 8 }),
    actor2: text,
    inter2: fc.integer({ min: 0, max: 8 }),
    country: text.filter((s) => s.trim().length > 0),
    admin1: text,
    admin2: text,
    location: text,
    lat: fc.option(fc.double({ min: -90, max: 90, noNaN: true }), { nil: null }),
    lon: fc.option(fc.double({ min: -180, max: 180, noNaN: true }), { nil: null }),
    notes: text,
    fatalities: fc.nat(10_000),
  })
  // A point is given whole or not at all (half a point is set aside, tested apart).
  .map((r) => (r.lat === null || r.lon === null ? { ...r, lat: null, lon: null } : r));

const dialect = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  trailingNewline: fc.boolean(),
});

function quote(v: string): string {
  return /[",;\t\n\r]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v;
}

async function readAll(path: string) {
  const f = await openEventFile(path);
  const out: EventBatch = { records: [], problems: [] };
  for await (const b of f.batches()) {
    out.records.push(...b.records);
    out.problems.push(...b.problems);
  }
  return { format: f.format, ...out };
}

test('any ACLED file, in any dialect, reads back every row and every field as written', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(row, { minLength: 1, maxLength: 25, selector: (r) => r.id }),
      dialect,
      async (rows, d) => {
        const lines = [HEADER.join(d.delimiter)];
        const startLines: number[] = [];
        let line = 2;
        for (const r of rows) {
          const fields = [
            r.id,
            r.day.toISOString().slice(0, 10),
            r.type,
            r.actor1,
            String(r.inter1),
            r.actor2,
            r.inter2 ? String(r.inter2) : '',
            r.country,
            r.admin1,
            r.admin2,
            r.location,
            r.lat === null ? '' : String(r.lat),
            r.lon === null ? '' : String(r.lon),
            r.notes,
            String(r.fatalities),
          ];
          const written = fields.map((f) => quote(f)).join(d.delimiter);
          startLines.push(line);
          // A line is what ends in \n (CRLF included); a lone \r inside a quoted field is not.
          line += 1 + (written.match(/\n/g)?.length ?? 0);
          lines.push(written);
        }
        const body = lines.join(d.newline) + (d.trailingNewline ? d.newline : '');
        const path = join(dir, `p${n++}.csv`);
        writeFileSync(path, (d.bom ? '\ufeff' : '') + body);
        const got = await readAll(path);
        assert.equal(got.format, 'acled');
        assert.deepEqual(got.problems, []);
        assert.equal(got.records.length, rows.length);
        got.records.forEach(({ line: l, event: e }, i) => {
          const r = rows[i];
          assert.equal(e.sourceEventId, r.id);
          assert.equal(e.dateStart, r.day.toISOString().slice(0, 10));
          // A name the names table knows is stored under ACLED's: "aZé" folds to AZE, Azerbaijan.
          assert.equal(e.country, storedCountryName(r.country.trim()));
          assert.equal(e.admin1, r.admin1.trim());
          assert.equal(e.notes, r.notes.trim());
          assert.equal(e.fatalities, r.fatalities);
          assert.equal(e.latitude, r.lat === null ? null : Number(String(r.lat)));
          assert.equal(e.longitude, r.lon === null ? null : Number(String(r.lon)));
          assert.equal(e.actor2Category === null, r.inter2 === 0);
          assert.equal(l, startLines[i]);
        });
      },
    ),
    { numRuns: Number(process.env.TANDEM_PROPERTY_RUNS ?? 60) },
  );
});

test('no file content, however garbled, makes a reader throw anything but a clear refusal', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(text, fc.constantFrom(...HEADER)), { minLength: 1, maxLength: 40 }),
      async (parts) => {
        const path = join(dir, `g${n++}.csv`);
        writeFileSync(path, `${HEADER.join(',')}\n${parts.join(',')}\n`);
        try {
          const got = await readAll(path);
          for (const p of got.problems) assert.ok(p.reason.length > 0 && p.line >= 2);
        } catch (e) {
          assert.equal((e as Error).name, 'TandemError', String(e));
        }
      },
    ),
    { numRuns: 80 },
  );
});

test('a row with half a point (a longitude without its latitude) is set aside at the empty column', async () => {
  const acled = join(dir, 'half-point-acled.csv');
  writeFileSync(
    acled,
    `${HEADER.join(',')}\n` +
      'AAA1,2020-03-05,Battles,X,1,Y,2,Mali,Ségou,,,,-6.02,,1\n' +
      'AAA2,2020-03-05,Battles,X,1,Y,2,Mali,Ségou,,,13.4,,,1\n' +
      'AAA3,2020-03-05,Battles,X,1,Y,2,Mali,Ségou,,,,,,1\n',
  );
  const got = await readAll(acled);
  assert.deepEqual(
    got.records.map((r) => r.event.sourceEventId),
    ['AAA3'],
  );
  assert.deepEqual(
    got.problems.map((p) => [p.line, p.field, p.reason]),
    [
      [2, 'latitude', 'latitude is empty but longitude is given: a point needs both (or neither)'],
      [3, 'longitude', 'longitude is empty but latitude is given: a point needs both (or neither)'],
    ],
  );
});

test('a quote left open names the lines it ran together, so the event swallowed with it is said too', async () => {
  const acled = join(dir, 'open-quote-acled.csv');
  writeFileSync(
    acled,
    `${HEADER.join(',')}\n` +
      'AAA1,2020-03-05,Battles,X,1,Y,2,Mali,Ségou,,,13.4,-6.02,,1\n' +
      '"AAA2,"2020-03-05,Battles,X,1,Y,2,Mali,Ségou,,,13.4,-6.02,,1\n' +
      'AAA3,2020-03-05,Battles,X,1,Y,2,Mali,Ségou,,,13.4,-6.02,,1\n' +
      '"AAA4",2020-03-05,Battles,X,1,Y,2,Mali,Ségou,,,13.4,-6.02,,1\n',
  );
  const got = await readAll(acled);
  assert.deepEqual(
    got.records.map((r) => r.event.sourceEventId),
    ['AAA1'],
  );
  assert.deepEqual(
    got.problems.map((p) => [p.line, p.reason.replace(/^.*\(/, '(')]),
    [
      [
        3,
        // The quote closes only on line 5, before AAA4's comma: AAA3 and AAA4 went into the row.
        '(a quote that never closes: lines 3–5 were read as this one row, and the events written on lines 4–5 are set aside with it)',
      ],
    ],
  );
});

test('a Windows-1252 file keeps its curly quotes and dashes in the notes', async () => {
  const acled = join(dir, 'windows-1252-acled.csv');
  const line = Buffer.concat([
    Buffer.from(`${HEADER.join(',')}\nAAA1,2020-03-05,Battles,X,1,Y,2,Mali,S\xe9gou,,,13.4,-6.02,`, 'latin1'),
    Buffer.from([0x93]),
    Buffer.from('Attaque', 'latin1'),
    Buffer.from([0x94, 0x20, 0x96]),
    Buffer.from(' l', 'latin1'),
    Buffer.from([0x92]),
    Buffer.from('arm\xe9e,1\n', 'latin1'),
  ]);
  writeFileSync(acled, line);
  const got = await readAll(acled);
  assert.equal(got.records[0]?.event.admin1, 'Ségou');
  assert.equal(got.records[0]?.event.notes, '“Attaque” – l’armée');
});
