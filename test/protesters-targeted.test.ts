import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-protesters-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
const row = (
  id: string,
  type: string,
  sub: string,
  a1: string,
  i1: string,
  a2: string,
  i2: string,
  deaths: number,
) =>
  `${id},2023-05-0${id.slice(-1)},2023,1,Political violence,${type},${sub},${a1},,${i1},${a2},,${i2},,Civilian targeting,999,Western Africa,Testland,Hillside,,,Peak Town,6.1,31.2,1,Radio,National,note,${deaths},,1690000000`;

// Mali probe: police firing on protesters, which ACLED flags as civilian targeting, were counted
// under "Civilians (Mali)" in the targets and the threat register, losing the group the source names.
test('protesters targeted are their own group in the targets, not civilians in general', async () => {
  const file = join(dir, 'acled.csv');
  writeFileSync(
    file,
    [
      HEADER,
      row(
        'TST1',
        'Protests',
        'Excessive force against protesters',
        'Police Forces of Testland (2019-)',
        'State forces',
        'Protesters (Testland)',
        'Protesters',
        2,
      ),
      row(
        'TST2',
        'Violence against civilians',
        'Attack',
        'Hill Militia (Testland)',
        'Identity militia',
        'Civilians (Testland)',
        'Civilians',
        3,
      ),
      '',
    ].join('\n'),
  );
  const db = join(dir, 'store.db');
  assert.equal((await runCli(['import', file, '--db', db])).code, 0);
  const r = await runCli(['summary', '--by', 'target', '--json', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const rows = (JSON.parse(r.stdout) as { rows: { key: string; events: number }[] }).rows;
  assert.deepEqual(rows.map((x) => [x.key, x.events]).sort(), [
    ['Civilians (Testland)', 1],
    ['Protesters (Testland)', 1],
  ]);
});
