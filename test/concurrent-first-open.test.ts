import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

const DIR = mkdtempSync(join(tmpdir(), 'tandem-first-open-'));
after(() => rmSync(DIR, { recursive: true, force: true }));

/**
 * Commands started at the same moment on a new SQLite store (a script, a shell loop, a test run
 * with concurrency) each find it empty and migrate it; the later ones used to fail with
 * "could not bring the database schema up to date (migration …): table … already exists".
 */
test('commands started together on a new store all run', async () => {
  for (let round = 0; round < 5; round++) {
    const db = join(DIR, `new-${round}.db`);
    const runs = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() =>
        runCli(['summary', '--json', '--db', db], { env: { TANDEM_ROLES: 'admin' } }),
      ),
    );
    for (const r of runs) {
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).rows, []);
    }
  }
});
