import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { DIALECTS } from './dialects.ts';
import { assertGolden } from './golden.ts';
import {
  introspectSchema,
  SCHEMA_DIR,
  type SchemaSnapshot,
  schemaChanges,
  snapshotFile,
  snapshotText,
} from './schema-snapshot.ts';

/**
 * A fresh store, migrated, has exactly the schema of the committed snapshot test/schema/<dialect>.json
 * (tables, columns with type, nullability and default, primary keys, indexes, foreign keys, and the
 * migrations applied). A shipped migration edited in place, or a schema change without a new
 * migration and snapshot, fails here. This test never writes the snapshot: on a difference it
 * leaves the new one in test/schema/<dialect>.changed.json.
 */
const REGENERATE =
  'If the change is intended and comes with its own new migration, regenerate the snapshots:\n' +
  '  TANDEM_TEST_DATABASE_URL=postgres://… node --import tsx scripts/schema-snapshot.ts --write\n' +
  'and commit them with the migration. A migration that has shipped is never edited.';

for (const dialect of DIALECTS) {
  describe(`the schema of a fresh store (${dialect.name})`, { skip: dialect.skip }, () => {
    let snapshot: SchemaSnapshot;
    before(async () => {
      const opened = await dialect.open();
      try {
        snapshot = await introspectSchema(opened.store);
      } finally {
        await opened.drop();
      }
    });

    test('matches the committed schema snapshot', () => {
      const file = snapshotFile(dialect.name);
      const path = join(SCHEMA_DIR, file);
      const changes = existsSync(path)
        ? schemaChanges(JSON.parse(readFileSync(path, 'utf8')) as SchemaSnapshot, snapshot)
        : [];
      const hint = `${changes.length ? `In short:\n${changes.map((c) => `  ${c}`).join('\n')}\n` : ''}${REGENERATE}`;
      assertGolden(file, snapshotText(snapshot), { dir: SCHEMA_DIR, hint });
    });

    test('the snapshot reads what the migrations made: keys, unique indexes, nullability, defaults', () => {
      // Guards the reading itself: a reader that saw nothing would match a snapshot of nothing.
      const events = snapshot.tables.events!;
      assert.equal(events.primaryKey, 'id');
      assert.equal(events.indexes.events_source_id, 'unique (source, source_event_id)');
      assert.equal(
        events.indexes.events_country_date,
        '(country, date_start, violence_type, actor1_category)',
      );
      assert.equal(events.indexes.events_import, undefined, 'dropped by migration 011');
      assert.match(events.columns.latitude!, / null$/);
      assert.match(events.columns.country!, /^text not null$/);
      assert.match(events.columns.sensitivity!, /^text not null default 'public'/);
      assert.equal(snapshot.tables.event_counts!.primaryKey.split(', ').slice(0, 2).join(), 'country,month');
      assert.match(snapshot.tables.agreements!.indexes['unique(content_hash)']!, /^unique \(content_hash\)$/);
      assert.equal(snapshot.migrations[0], '001-evidence');
      assert.equal(snapshot.tables.kysely_migration, undefined);
    });
  });
}

test('a schema change is named by table and column in the failure message', () => {
  const before: SchemaSnapshot = {
    dialect: 'sqlite',
    migrations: ['001-a'],
    tables: {
      t: { columns: { a: 'text not null' }, primaryKey: 'a', indexes: { t_a: '(a)' }, foreignKeys: [] },
      gone: { columns: {}, primaryKey: '', indexes: {}, foreignKeys: [] },
    },
  };
  const after: SchemaSnapshot = {
    dialect: 'sqlite',
    migrations: ['001-a', '002-b'],
    tables: {
      t: {
        columns: { a: 'text null', b: 'integer not null' },
        primaryKey: 'a',
        indexes: { t_a: 'unique (a)' },
        foreignKeys: [],
      },
    },
  };
  assert.deepEqual(schemaChanges(before, after), [
    'migrations added: 002-b',
    'column t.a: text not null → text null',
    'column t.b: (none) → integer not null',
    'index t.t_a: (a) → unique (a)',
    'table gone: dropped',
  ]);
});
