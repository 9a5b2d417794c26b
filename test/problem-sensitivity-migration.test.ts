import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrate, type Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

for (const dialect of DIALECTS) {
  describe(`migration 012 on a store with rows already set aside, on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
    });
    after(() => drop());

    test('older rows take the highest level their import wrote, or the most sensitive when it wrote none', async () => {
      const db = store.db;
      // Back to the schema before 012, with two imports' rows set aside.
      await sql`ALTER TABLE problems DROP COLUMN sensitivity`.execute(db);
      await sql`DELETE FROM kysely_migration WHERE name = '012-problem-sensitivity'`.execute(db);
      const imports = [];
      for (const path of ['mixed.csv', 'all-bad.csv']) {
        const { id } = await db
          .insertInto('imports')
          .values({
            path,
            format: 'acled',
            started_at: '',
            rows: 0,
            imported: 0,
            updated: 0,
            unchanged: 0,
            rejected: 0,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        imports.push(id);
        await sql`INSERT INTO problems (import_id, file, line, ${sql.ref('column')}, reason) VALUES (${id}, ${path}, 2, 0, 'bad date')`.execute(
          db,
        );
      }
      for (const [k, level] of (['public', 'restricted', 'internal'] as const).entries()) {
        await sql`INSERT INTO events (source, source_event_id, content_hash, import_id, date_start, date_end,
          date_precision, month, country, admin1, admin2, location, violence_type, event_type, sub_event_type,
          actor1, actor2, civilian_targeting, civilian_targeting_derived, fatalities, notes, source_text, sensitivity)
          VALUES ('acled', ${`E${k}`}, '', ${imports[0]}, '2020-01-01', '2020-01-01', 'day', '2020-01', 'A', '', '',
          '', 'state-based', '', '', '', '', 0, 0, 0, '', '', ${level})`.execute(db);
      }
      await migrate(db);
      const rows = await db.selectFrom('problems').select(['file', 'sensitivity']).orderBy('file').execute();
      assert.deepEqual(rows, [
        { file: 'all-bad.csv', sensitivity: 'strictly-confidential' },
        { file: 'mixed.csv', sensitivity: 'restricted' },
      ]);
    });
  });
}
