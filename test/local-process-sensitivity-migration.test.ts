import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrate, type Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { runCli } from './run-cli.ts';
import { sharedData } from './shared-data.ts';

const MISSION = new URL('fixtures/local/mission-local-processes.yaml', import.meta.url).pathname;
const PAX_LOCAL = sharedData('pax/pax_local_v8_1.csv');

/**
 * The content hashes the release before migration 025 stored for these records (commit 8ad0f2f,
 * `tandem local import` of each file into an empty store, no boundaries loaded). A store written
 * by it must find its records unchanged when the same files are imported again after the upgrade.
 */
const BEFORE_025: Record<string, string> = {
  'hillside-committee': 'b0019a685302ea22a06002b62c5262a589ea1ecb63bdfc1bc043893e63e696ed',
  'lakeside-grazing': 'c729a8c2db9a0383ce300414fb7afc5a5b2998649a72cbcc42a747a76d35e9fc',
  'pax-local:2197': 'aa921ad482d90ffdcbe460299d72cccc81606df67a71da1a641cb6dcc9287883',
  'pax-local:2417': '8057f2382c7bbb8b5d7ef281300386476566e361c1a53a87c815360d9cdfa7ad',
};

for (const dialect of DIALECTS) {
  describe(`migration 025 on a store with local processes already, on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let flags: string[];
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, flags, drop } = await dialect.open());
    });
    after(() => drop());

    test('older processes become public, and importing the same files again changes nothing', async () => {
      const files = [MISSION, ...(PAX_LOCAL.skip ? [] : [PAX_LOCAL.path])];
      for (const f of files) assert.equal((await runCli(['local', 'import', f, ...flags])).code, 0);
      const hashes = await store.db
        .selectFrom('local_processes')
        .select(['id', 'content_hash'])
        .where('id', 'in', Object.keys(BEFORE_025))
        .execute();
      assert.equal(hashes.length, PAX_LOCAL.skip ? 2 : 4);
      for (const h of hashes) assert.equal(h.content_hash, BEFORE_025[h.id], h.id);

      // Back to the schema before 025, as the older release left it.
      await sql`ALTER TABLE local_processes DROP COLUMN sensitivity`.execute(store.db);
      await sql`DELETE FROM kysely_migration WHERE name = '025-local-process-sensitivity'`.execute(store.db);
      await migrate(store.db);
      const levels = await store.db.selectFrom('local_processes').select('sensitivity').distinct().execute();
      assert.deepEqual(levels, [{ sensitivity: 'public' }]);
      for (const f of files) {
        const again = await runCli(['local', 'import', f, '--json', ...flags]);
        assert.equal(again.code, 0, again.stderr);
        const r = JSON.parse(again.stdout);
        assert.deepEqual([r.imported, r.updated], [0, 0], f);
      }
    });
  });
}
