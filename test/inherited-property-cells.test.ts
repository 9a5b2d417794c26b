import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { clearanceOf } from '../src/domain/sensitivity.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

/**
 * Cells whose words are also properties every JavaScript object inherits ("constructor",
 * "toString", "__proto__") are words like any other: not a date precision, a month, an event type
 * or a role. Looked up in plain objects they had come back as functions: the import stopped with
 * "internal error … this is a bug in Tandem", and a role so named read as the highest clearance.
 */

const ACLED = [
  'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,civilian_targeting,country,admin1,admin2,location,latitude,longitude,notes,fatalities',
  'OK1,2024-03-05,1,Violence against civilians,Attack,Militia X,Identity militia,Civilians (Mali),Civilians,Civilian targeting,Mali,Mopti,Bandiagara,Ogossagou,14.3,-3.6,Attack.,2',
  'BAD1,2024-03-06,constructor,Violence against civilians,Attack,Militia X,Identity militia,Civilians (Mali),Civilians,Civilian targeting,Mali,Mopti,Bandiagara,Ogossagou,14.3,-3.6,Attack.,1',
  'BAD2,2024-03-07,1,toString,Attack,Militia X,Identity militia,Civilians (Mali),Civilians,Civilian targeting,Mali,Mopti,Bandiagara,Ogossagou,14.3,-3.6,Attack.,1',
  'BAD3,7 constructor 2024,1,Violence against civilians,Attack,Militia X,Identity militia,Civilians (Mali),Civilians,Civilian targeting,Mali,Mopti,Bandiagara,Ogossagou,14.3,-3.6,Attack.,1',
  'ODD1,2024-03-08,1,Violence against civilians,constructor,Militia X,Identity militia,Civilians (Mali),Civilians,Civilian targeting,Mali,Mopti,Bandiagara,Ogossagou,14.3,-3.6,Attack.,1',
];

const GED = [
  'id,year,type_of_violence,conflict_name,side_a,side_b,adm_1,adm_2,where_coordinates,latitude,longitude,where_prec,country,date_start,date_end,date_prec,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,low,high',
  '1,2024,3,Mali: Government,Government of Mali,Civilians,Mopti region,Bandiagara cercle,Ogossagou,14.3,-3.6,1,Mali,2024-03-05,2024-03-05,1,0,0,2,0,2,2,2',
  '2,2024,constructor,Mali: Government,Government of Mali,Civilians,Mopti region,Bandiagara cercle,Ogossagou,14.3,-3.6,1,Mali,2024-03-06,2024-03-06,1,0,0,1,0,1,1,1',
  '3,2024,3,Mali: Government,Government of Mali,Civilians,Mopti region,Bandiagara cercle,Ogossagou,14.3,-3.6,1,Mali,2024-03-07,2024-03-07,toString,0,0,1,0,1,1,1',
];

const sqlite = DIALECTS.find((d) => d.name === 'sqlite')!;
let store: Store;
let drop: () => Promise<void>;
const dir = mkdtempSync(join(tmpdir(), 'tandem-inherited-'));
before(async () => {
  ({ store, drop } = await sqlite.open());
});
after(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

test('ACLED cells named like inherited properties are set aside or read as words, never a crash', async () => {
  const path = join(dir, 'acled.csv');
  writeFileSync(path, `${ACLED.join('\n')}\n`);
  const out = await importFiles(store, [path]);
  const f = out.files[0]!;
  // An unknown precision reads as unknown; an unknown event type and month are set aside; a sub-event
  // type is kept as written, with no kind of harm made of it.
  assert.deepEqual({ imported: f.imported, rejected: f.rejected }, { imported: 3, rejected: 2 });
  const call = { via: 'cli' as const, name: 'listEvents', requester: { name: 't', roles: ['admin'] }, store };
  const events = (await runOperation(operations.listEvents, { country: 'Mali' }, call)) as unknown as {
    sourceEventId: string;
    datePrecision: string;
    subEventType: string;
  }[];
  const byId = new Map(events.map((e) => [e.sourceEventId, e]));
  assert.equal(byId.get('BAD1')?.datePrecision, 'unknown');
  assert.equal(byId.get('ODD1')?.subEventType, 'constructor');
});

test('GED cells named like inherited properties: an unknown type is set aside, an unknown precision read as unknown', async () => {
  const path = join(dir, 'ged.csv');
  writeFileSync(path, `${GED.join('\n')}\n`);
  const f = (await importFiles(store, [path])).files[0]!;
  assert.deepEqual({ imported: f.imported, rejected: f.rejected }, { imported: 2, rejected: 1 });
});

test('a role named like an inherited property gives no clearance', () => {
  for (const role of ['constructor', 'toString', '__proto__'])
    assert.equal(clearanceOf([role]), 'public', role);
});
