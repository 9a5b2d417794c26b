import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

// An export with accents, then one without (a Windows-1252 sheet, an older export): each district
// is one area, under the spelling the store holds first, within its own province.
const dir = mkdtempSync(join(tmpdir(), 'tandem-admin2-spelling-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities';
const row = (id: string, admin1: string, admin2: string) =>
  `${id},2023-05-01,2023,1,Violence against civilians,Attack,Militia,,4,Civilians (Mali),,7,47,Mali,${admin1},${admin2},,Town,14,-5,1,src,note,2`;

for (const dialect of DIALECTS) {
  test(`an admin-2 area written without its accents joins the stored one of its province (${dialect.name})`, {
    skip: dialect.skip,
  }, async () => {
    const first = join(dir, `accents-${dialect.name}.csv`);
    const second = join(dir, `plain-${dialect.name}.csv`);
    writeFileSync(first, [HEADER, row('M1', 'Ségou', 'Ségou'), row('M2', 'Ménaka', 'Ménaka')].join('\n'));
    // A second Ségou district of another province stays apart.
    writeFileSync(
      second,
      [HEADER, row('M3', 'SEGOU', 'Segou'), row('M4', 'Menaka', 'MENAKA'), row('M5', 'Mopti', 'Segou')].join(
        '\n',
      ),
    );
    const { store, drop } = await dialect.open();
    try {
      await importFiles(store, [first]);
      await importFiles(store, [second]);
      const areas = await store.db
        .selectFrom('events')
        .select(['admin1', 'admin2', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['admin1', 'admin2'])
        .execute();
      assert.deepEqual(areas.map((a) => [a.admin1, a.admin2, Number(a.n)]).sort(), [
        ['Mopti', 'Segou', 1],
        ['Ménaka', 'Ménaka', 2],
        ['Ségou', 'Ségou', 2],
      ]);
    } finally {
      await drop();
    }
  });
}

test('a summary by admin-2 area keeps districts of one name in two provinces apart, each with its province', async () => {
  const { runOperation } = await import('../src/app/run-operation.ts');
  const { operations } = await import('../src/app/operations.ts');
  const file = join(dir, 'tessalit.csv');
  writeFileSync(
    file,
    [
      HEADER,
      row('T1', 'Gao', 'Tessalit'),
      row('T2', 'Kidal', 'Tessalit'),
      row('T3', 'Kidal', 'Tessalit'),
    ].join('\n'),
  );
  const { store, drop } = await DIALECTS[0]!.open();
  try {
    await importFiles(store, [file]);
    const call = {
      via: 'cli' as const,
      name: 'summary',
      requester: { name: 'test', roles: ['admin'] },
      store,
    };
    const s = await runOperation(operations.summary, { by: 'admin2', country: 'Mali' }, call);
    assert.deepEqual(
      s.rows.map((r) => [r.key, r.admin1, r.events]),
      [
        ['Tessalit', 'Kidal', 2],
        ['Tessalit', 'Gao', 1],
      ],
    );
    const crossed = await runOperation(
      operations.summary,
      { by: 'admin1', thenBy: 'admin2', country: 'Mali' },
      call,
    );
    assert.deepEqual(crossed.rows.map((r) => [r.key, r.key2, r.events]).sort(), [
      ['Gao', 'Tessalit', 1],
      ['Kidal', 'Tessalit', 2],
    ]);
  } finally {
    await drop();
  }
});
