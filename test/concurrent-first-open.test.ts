import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from './run-cli.ts';

const DIR = mkdtempSync(join(tmpdir(), 'tandem-first-open-'));
after(() => rmSync(DIR, { recursive: true, force: true }));

const FIXTURE = new URL('fixtures/good/acled-old-format.csv', import.meta.url).pathname;

/**
 * Commands started at the same moment on a new SQLite store (a script, a shell loop, a test run
 * with concurrency) each find it empty and migrate it; the later ones used to fail with
 * "could not bring the database schema up to date (migration …): table … already exists". (A
 * command that only reads refuses a store that is not there, so the ones that make it are imports.)
 */
test('commands started together on a new store all run', async () => {
  for (let round = 0; round < 3; round++) {
    const db = join(DIR, `new-${round}.db`);
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() =>
        runCli(['import', FIXTURE, '--json', '--db', db], { env: { TANDEM_ROLES: 'admin' } }),
      ),
    );
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const summary = await runCli(['summary', '--json', '--db', db], { env: { TANDEM_ROLES: 'admin' } });
    assert.equal(summary.code, 0, summary.stderr);
    assert.ok(JSON.parse(summary.stdout).rows.length > 0);
  }
});
