import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tandem-drivers-suggest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('drivers suggest names each event by its source id, day and area too, and says how many it read', async () => {
  const db = join(dir, 'store.db');
  assert.equal((await runCli(['import', join(GOOD, 'acled-new-format.csv'), '--db', db])).code, 0);
  const r = await runCli(['drivers', 'suggest', '--country', 'Testland', '--limit', '5', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  // "Militia attacked herders at a water point." names herders: a driver word.
  assert.match(r.stdout, /^event \d+ \(TSN\d, 2023-05-0\d, Hillside\): /m);
  assert.match(
    r.stdout,
    /\n\d+ of the \d+ most recent events read suggest a driver \(--limit 5 reads more or fewer\)\n$/,
  );
  const json = JSON.parse(
    (await runCli(['drivers', 'suggest', '--country', 'Testland', '--json', '--db', db])).stdout,
  );
  assert.ok(json.examined >= json.suggestions.length);
});
