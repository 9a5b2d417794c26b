import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';

/**
 * A partner's sheet that places its events by HXL's #geo+coord (latitude and longitude in one
 * cell) and has no #geo+lat or #geo+lon: its points were dropped without a word, the events
 * stored with none. They are read, and a cell that is not a point is set aside naming the column.
 */
test('a sheet placing events by #geo+coord keeps their points; a cell that is not one is set aside', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-hxl-point-'));
  const store = await openStore({ dbPath: ':memory:' });
  try {
    const file = join(dir, 'points.csv');
    writeFileSync(
      file,
      [
        'Pays,Date,Type,Tués,Lieu',
        '#country+name,#date,#event+type,#affected+killed,#geo+coord',
        'Mali,2023-03-15,Battles,3,"14.5,-6.0"',
        'Mali,2023-03-16,Battles,2,14.35 -3.61',
        'Mali,2023-03-17,Battles,1,"16,27; -0,05"',
        'Mali,2023-03-18,Battles,1,',
        'Mali,2023-03-19,Battles,1,"14.5,-6.0,2"',
        'Mali,2023-03-20,Battles,1,"95,-6"',
      ].join('\n'),
    );
    const r = await importFiles(store, [file]);
    assert.equal(r.files[0].imported, 4);
    const points = await store.db
      .selectFrom('events')
      .select(['date_start', 'latitude', 'longitude'])
      .orderBy('date_start')
      .execute();
    assert.deepEqual(
      points.map((p) => [p.date_start, p.latitude, p.longitude]),
      [
        ['2023-03-15', 14.5, -6],
        ['2023-03-16', 14.35, -3.61],
        ['2023-03-17', 16.27, -0.05],
        ['2023-03-18', null, null],
      ],
    );
    const problems = await store.db
      .selectFrom('problems')
      .select(['line', 'field', 'reason'])
      .orderBy('line')
      .execute();
    assert.deepEqual(
      problems.map((p) => [p.line, p.field]),
      [
        [7, '#geo+coord'],
        [8, '#geo+coord'],
      ],
    );
    assert.match(problems[0]!.reason, /not a latitude and a longitude; expected them as 14\.5,-6\.0/);
    assert.match(problems[1]!.reason, /latitude 95 is outside -90\.\.90/);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
