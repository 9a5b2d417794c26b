import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tandem-driver-confirm-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('drivers confirm says where the tag is, and does not call a joint tag newly joint', async () => {
  const db = join(dir, 'store.db');
  assert.equal((await runCli(['import', join(GOOD, 'acled-new-format.csv'), '--db', db])).code, 0);
  const as = (user: string) => ({ env: { TANDEM_USER: user } });
  const tagged = await runCli(
    [
      'drivers',
      'tag',
      '--driver',
      'land-and-resources',
      '--unit',
      'poc',
      '--country',
      'Testland',
      '--admin1',
      'Hillside',
      '--json',
      '--db',
      db,
    ],
    as('Ana Poc'),
  );
  assert.equal(tagged.code, 0, tagged.stderr);
  const id = String(JSON.parse(tagged.stdout).id);
  const confirm = (user: string) =>
    runCli(['drivers', 'confirm', id, '--unit', 'political', '--db', db], as(user));
  assert.match(
    (await confirm('Ben Political')).stdout,
    new RegExp(`^tag ${id}: land-and-resources in Hillside, Testland is now joint`),
  );
  // A second political analyst adds a confirmation to a tag that was joint already.
  assert.match((await confirm('Cleo Political')).stdout, /was joint already; this confirmation is added/);
});
