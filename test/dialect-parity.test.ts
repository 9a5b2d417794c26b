import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { addUserAccount, listUserAccounts } from '../src/app/user-accounts.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importText } from './import-files.ts';

// Answers a probe found differing between SQLite and PostgreSQL on the same data: the rows set
// aside of a file named in another case, the order of the status's imports, the order of accounts.
const ACLED =
  'event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,actor2,inter2,country,admin1,location,notes,fatalities\n' +
  'TST1,2021-03-10,Battles,Armed clash,Army,State forces,Rebels,Rebel group,Testland,North,Town,Clash.,oops\n';
const GED =
  'id,relid,year,active_year,type_of_violence,conflict_new_id,dyad_new_id,side_a_new_id,side_a,side_b_new_id,side_b,number_of_sources,source_article,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,country,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low\n' +
  '1,R1,2021,1,1,1,1,1,Government of Testland,2,Rebels,1,src,1,Town,North,,1.0,30.0,Testland,1,2021-03-10,2021-03-10,0,0,0,1,1,1,1\n';
const as = (store: Store) => ({
  via: 'cli' as const,
  name: 'test',
  requester: { name: 't', roles: ['admin'] },
  store,
});

for (const dialect of DIALECTS) {
  describe(`the same answers on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      // The UCDP file first: imports in the order of their formats would hide an unordered list.
      await importText(store, 'ged_testland.csv', GED);
      await importText(store, 'Bad_Rows_100%.csv', ACLED);
    });
    after(() => drop());

    test('rows set aside are found by part of the file name in any case, % and _ as themselves', async () => {
      const find = async (file: string) =>
        (await runOperation(operations.listProblems, { file }, as(store))).problems.length;
      assert.equal(await find('bad_rows'), 1);
      assert.equal(await find('BAD_ROWS_100%'), 1);
      assert.equal(await find('bad%rows'), 0);
      assert.equal(await find('bad_rows_1000'), 0);
    });

    test('the status lists imports by format and boundaries by country, in that order', async () => {
      const status = await runOperation(operations.workbenchStatus, {}, as(store));
      const formats = status.imports.map((i: { format: string }) => i.format);
      assert.deepEqual(formats, [...formats].sort());
    });

    test('accounts are listed in one order whatever the server collates by', async () => {
      for (const name of ['amina', 'Émile', 'bob', 'Bob'])
        await addUserAccount(store, name, ['poc'], { offices: ['Paoua'] });
      assert.deepEqual(
        (await listUserAccounts(store)).map((a) => a.name),
        ['amina', 'bob', 'Bob', 'Émile'],
      );
    });
  });
}
