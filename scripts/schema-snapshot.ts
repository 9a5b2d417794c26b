// The committed schema snapshots, test/schema/<dialect>.json: what a fresh store looks like after
// every migration, on SQLite and on PostgreSQL. test/schema-snapshot.test.ts compares with them and
// never writes them; this script is the one way to.
//
//   TANDEM_TEST_DATABASE_URL=postgres://… node --import tsx scripts/schema-snapshot.ts --write
//
// Run it after adding a migration (never after editing one that shipped), read the diff of
// test/schema/ and commit it with the migration. Without --write it only says what would change.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DIALECTS } from '../test/dialects.ts';
import { changedName, diffSummary } from '../test/golden.ts';
import { introspectSchema, SCHEMA_DIR, snapshotFile, snapshotText } from '../test/schema-snapshot.ts';

const write = process.argv.includes('--write');
// A snapshot of one dialect only would leave the other silently stale: both or neither.
for (const dialect of DIALECTS) {
  if (dialect.skip) {
    console.error(`${dialect.name}: ${dialect.skip}`);
    process.exit(2);
  }
}
let differs = false;
for (const dialect of DIALECTS) {
  const opened = await dialect.open();
  let text: string;
  try {
    text = snapshotText(await introspectSchema(opened.store));
  } finally {
    await opened.drop();
  }
  const path = join(SCHEMA_DIR, snapshotFile(dialect.name));
  const shown = relative(process.cwd(), path);
  let old: string | null = null;
  try {
    old = readFileSync(path, 'utf8');
  } catch {}
  if (old === text) {
    console.log(`${shown}: unchanged`);
  } else if (write) {
    writeFileSync(path, text);
    console.log(`${shown}: ${old === null ? 'written' : `rewritten\n${diffSummary(old, text, 40)}`}`);
  } else {
    differs = true;
    console.log(`${shown}: ${old === null ? 'missing' : `would change\n${diffSummary(old, text, 40)}`}`);
  }
  if (write) rmSync(join(SCHEMA_DIR, changedName(snapshotFile(dialect.name))), { force: true });
}
if (differs) {
  console.log('Run again with --write to update the snapshots.');
  process.exit(1);
}
