import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-threat-self-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ARMY = 'Military Forces of Testland (2019-)';
const HEADER =
  'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities';
// The army attacks civilians; ACLED lists the army beside the civilians too, as it does where
// soldiers were among those hit.
const row = (id: string, day: string) =>
  `${id},2023-05-${day},2023,1,Violence against civilians,Attack,${ARMY},,1,Civilians (Testland),${ARMY}; Traders (Testland),7,17,Testland,North,,,Town,1,1,1,src,note,2`;

for (const dialect of DIALECTS) {
  describe(`threat proposals (${dialect.name})`, { skip: dialect.skip }, () => {
    test('never name the perpetrator as the population it threatens', async () => {
      const file = join(dir, `army-${dialect.name}.csv`);
      writeFileSync(file, [HEADER, row('T1', '01'), row('T2', '08'), row('T3', '15')].join('\n'));
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [file]);
        const { threats } = await runOperation(
          operations.proposeThreats,
          { country: 'Testland' },
          { via: 'cli', name: 'test', requester: { name: 'test', roles: ['admin'] }, store },
        );
        const pairs = threats.map((t) => [t.perpetrator, t.targetedPopulation]);
        assert.deepEqual(pairs, [[ARMY, 'Traders (Testland)']]);
      } finally {
        await drop();
      }
    });
  });
}
