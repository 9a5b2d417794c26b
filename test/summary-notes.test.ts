import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

const GOOD = new URL('./fixtures/good/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tandem-summary-notes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function summaryOf(file: string): Promise<string> {
  const db = join(dir, `${file}.db`);
  assert.equal((await runCli(['import', join(GOOD, file), '--db', db])).code, 0);
  const r = await runCli(['summary', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

test('the summary explains "–" for civilian deaths only where a row shows it', async () => {
  // UCDP GED gives every event's civilian deaths: nothing to explain.
  assert.doesNotMatch(await summaryOf('ged-small.csv'), /civilian deaths: –/);
  // ACLED gives none.
  assert.match(
    await summaryOf('acled-new-format.csv'),
    /civilian deaths: – where the source gives no such figure/,
  );
});
