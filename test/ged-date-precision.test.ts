import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

/**
 * GED's date_prec read as UCDP's codebook and its data mean it: 3 is the week (every code-3 event
 * of the CAR sample spans exactly seven days) and 4 the month (eight to 31 days), not the month and
 * the year, as an export had said of 187 CAR events (a probe's recount).
 */
const HEADER =
  'id,year,type_of_violence,conflict_name,side_a,side_b,adm_1,adm_2,where_coordinates,latitude,longitude,where_prec,country,date_start,date_end,date_prec,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high';
const row = (id: number, start: string, end: string, prec: number) =>
  `${id},2014,3,Orvania: Government,Government of Orvania,Civilians,Talu region,Vessk,Vessk,5.1,20.6,1,Orvania,${start},${end},${prec},0,0,1,0,1,1,1`;

test("GED's date precision: day, a few days, the week, the month, the year", async () => {
  const { store, drop } = await DIALECTS[0]!.open();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-ged-prec-'));
  try {
    const path = join(dir, 'ged.csv');
    writeFileSync(
      path,
      `${[
        HEADER,
        row(1, '2014-01-05', '2014-01-05', 1),
        row(2, '2014-01-05', '2014-01-08', 2),
        row(3, '2014-01-06', '2014-01-12', 3),
        row(4, '2014-01-01', '2014-01-31', 4),
        row(5, '2014-01-01', '2014-12-31', 5),
      ].join('\n')}\n`,
    );
    await importFiles(store, [path]);
    const events = (await runOperation(
      operations.listEvents,
      {},
      { via: 'cli', name: 'listEvents', requester: { name: 't', roles: ['admin'] }, store },
    )) as unknown as { sourceEventId: string; datePrecision: string }[];
    const precision = Object.fromEntries(events.map((e) => [e.sourceEventId, e.datePrecision]));
    assert.deepEqual(precision, { '1': 'day', '2': 'week', '3': 'week', '4': 'month', '5': 'year' });
  } finally {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
