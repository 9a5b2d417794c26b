import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPaxLocal } from './pax-local-reader.ts';

// A PA-X Local file of three fictional agreements, in the columns the reader needs.
const HEADER = 'AgtId,Agt,Dat,Con,LocaleName,LatDec,LongDec,LinkNatProcess,Part,ThrdPart,Mediator,Cattle';
const row = (id: number, name: string) =>
  `${id},${name},2019-05-0${id},Testland,Lakeside,1.5,30.2,N,Elders of A; Elders of B,,Church,1`;

test('a row cut short is a problem of its line, never stored with its columns empty', () => {
  const text = [
    HEADER,
    row(1, 'Lake accord'),
    row(2, 'Hill accord'),
    row(3, 'River accord').split(',').slice(0, 9).join(','),
  ].join('\n');
  const read = readPaxLocal(text, 'local.csv');
  assert.deepEqual(
    read.records.map((r) => r.name),
    ['Lake accord', 'Hill accord'],
  );
  assert.deepEqual(
    read.problems.map((p) => [p.line, p.reason]),
    [[4, 'the row has 9 fields, the header 12 (cut short, or a quote or a comma out of place?)']],
  );
});

test('a quote left open is said as such, at the row that opens it', () => {
  const text = [HEADER, row(1, '"Lake accord'), row(2, 'Hill accord'), row(3, 'River accord')].join('\n');
  const read = readPaxLocal(text, 'local.csv');
  assert.equal(read.records.length, 0);
  assert.deepEqual(
    read.problems.map((p) => [p.line, p.reason]),
    [
      [
        2,
        'a quoted field opened in this row is never closed: the rows after it are read into it (a quote left open?)',
      ],
    ],
  );
});
