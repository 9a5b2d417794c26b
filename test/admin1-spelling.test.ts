import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { TandemError } from '../src/domain/tandem-error.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-admin1-spelling-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,notes,fatalities';
const row = (id: string, admin1: string) =>
  `${id},2023-05-01,2023,1,Violence against civilians,Attack,Militia,,4,Civilians (Mali),,7,47,Mali,${admin1},,,Town,14,-5,1,src,note,2`;

for (const dialect of DIALECTS) {
  describe(`an admin-1 area written differently from the store (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    test('is answered for the area the store spells so; an unknown one is still refused', async () => {
      const file = join(dir, `mali-${dialect.name}.csv`);
      writeFileSync(file, [HEADER, row('M1', 'Ségou'), row('M2', 'Ségou'), row('M3', 'Mopti')].join('\n'));
      const { store, drop } = await dialect.open();
      try {
        await importFiles(store, [file]);
        const call = {
          via: 'cli' as const,
          name: 'analyze',
          requester: { name: 'test', roles: ['admin'] },
          store,
        };
        for (const written of ['ségou', 'SEGOU', 'Segou', 'Ségou region']) {
          const a = await runOperation(operations.analyze, { country: 'mali', admin1: written }, call);
          assert.equal(a.scope.admin1, 'Ségou', written);
          assert.equal(a.headline.events, 2, written);
        }
        await assert.rejects(
          runOperation(operations.analyze, { country: 'Mali', admin1: 'Kayes' }, call),
          (e: unknown) => e instanceof TandemError && e.code === 'not-found',
        );
      } finally {
        await drop();
      }
    });
  });
}
