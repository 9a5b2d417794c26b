import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { DIALECTS } from './dialects.ts';
import { runCli } from './run-cli.ts';

const PG = DIALECTS.find((d) => d.name === 'postgres')!;
const FIXTURE = new URL('fixtures/good/acled-old-format.csv', import.meta.url).pathname;

// A PostgreSQL URL given to --db (or TANDEM_DB), where a SQLite file is expected, means that server:
// before, it was read as a file path and failed with "directory does not exist".
test('--db with a PostgreSQL URL imports into and reads from that server', { skip: PG.skip }, async () => {
  const { store, flags, drop } = await PG.open();
  try {
    const url = flags[1]!;
    const imported = await runCli(['import', FIXTURE, '--db', url, '--json']);
    assert.equal(imported.code, 0, imported.stderr);
    assert.doesNotMatch(imported.stderr, /named no store/);
    const { n } = await store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(n) > 0, 'the events are on the server');
    const viaEnv = await runCli(['summary', '--by', 'country', '--json'], { env: { TANDEM_DB: url } });
    assert.equal(viaEnv.code, 0, viaEnv.stderr);
    assert.ok(JSON.parse(viaEnv.stdout).rows.length > 0);
    assert.equal(existsSync('postgres:'), false, 'no folder named after the URL');
  } finally {
    await drop();
  }
});
