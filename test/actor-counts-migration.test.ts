import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { down, up } from '../src/store/migrations/029-actor-counts-once-per-event.ts';
import { assertAggregatesMatchEvents } from './aggregate-recount.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';

const HEADER =
  'event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,interaction,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities';
const ROWS = [
  // A clash within one militia: the militia on both sides.
  'TST1,14 March 2021,2021,1,Battles,Armed clash,Hill Militia,4,Hill Militia,4,44,Testland,Lakeside,North,Port Lake,7.5,30.25,1,Monitor,Two factions fought.,3',
  'TST2,15 March 2021,2021,1,Battles,Armed clash,Hill Militia,4,Military Forces of Testland,1,14,Testland,Lakeside,North,Port Lake,7.5,30.25,1,Monitor,A clash.,1',
  'TST3,16 April 2021,2021,1,Battles,Armed clash,Hill Militia,4,Hill Militia,4,44,Testland,Hills,,Ridge,7.9,30.5,1,Monitor,Again.,0',
];

/**
 * Migration 029 on a store whose actor counts still count an event naming one actor on both sides
 * twice (as `down` leaves them): afterwards every count table equals its recount from the events.
 */
for (const dialect of DIALECTS) {
  describe(`actor counts once per event (${dialect.name})`, { skip: dialect.skip }, () => {
    test('the migration takes the second count out, and down puts it back', async () => {
      const { store, drop } = await dialect.open();
      const dir = mkdtempSync(join(tmpdir(), 'tandem-029-'));
      try {
        const file = join(dir, 'acled.csv');
        writeFileSync(file, `${HEADER}\n${ROWS.join('\n')}\n`);
        await importFiles(store, [file]);
        await assertAggregatesMatchEvents(store, 'after the import');
        const hill = async () =>
          (
            await store.db
              .selectFrom('actor_counts')
              .select((eb) => eb.fn.sum<number>('events').as('n'))
              .where('actor', '=', 'Hill Militia')
              .executeTakeFirstOrThrow()
          ).n;
        assert.equal(Number(await hill()), 3);
        await down(store.db as never);
        assert.equal(Number(await hill()), 5);
        await assert.rejects(assertAggregatesMatchEvents(store, 'as before the migration'));
        await up(store.db as never);
        assert.equal(Number(await hill()), 3);
        await assertAggregatesMatchEvents(store, 'after the migration');
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await drop();
      }
    });
  });
}
