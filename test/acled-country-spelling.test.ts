import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-acled-country-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ACLED = new URL('fixtures/good/acled-new-format.csv', import.meta.url).pathname;

test('an ACLED row whose country is written in lower case counts under the country, not beside it', async () => {
  const [header, ...rows] = readFileSync(ACLED, 'utf8').trimEnd().split('\n');
  const file = join(dir, 'mali.csv');
  // The first row as "mali", the others as "Mali".
  writeFileSync(
    file,
    [header, ...rows.map((r, i) => r.replace('Testland,', i === 0 ? 'mali,' : 'Mali,'))].join('\n'),
  );
  const db = join(dir, 'mali.db');
  assert.equal((await runCli(['import', file, '--db', db])).code, 0);
  const r = await runCli(['summary', '--by', 'country', '--json', '--db', db]);
  const out = (JSON.parse(r.stdout) as { rows: { key: string; events: number }[] }).rows;
  assert.deepEqual(
    out.map((x) => [x.key, x.events]),
    [['Mali', rows.length]],
  );
});
