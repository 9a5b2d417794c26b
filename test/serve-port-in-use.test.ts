import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../src/store/store.ts';
import { runCli } from './run-cli.ts';

test('serve on a port already taken says so and exits 2, not "a bug in Tandem"', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-port-'));
  try {
    const r = await runCli(
      ['serve', '--port', String(port), '--host', '127.0.0.1', '--no-demo', '--db', join(dir, 't.db')],
      {
        env: { TANDEM_WARM_UP: '0' },
      },
    );
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*--port`));
    assert.doesNotMatch(r.stderr, /internal error|bug in Tandem|at .*\.ts:\d+/);
  } finally {
    taken.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve --demo on a new store makes the demonstration a master key, so a restricted incident can be recorded; never over a kept one', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-demo-key-'));
  const keyFile = join(dir, 'demo.key');
  const db = join(dir, 'demo.db');
  try {
    // The port is taken, so serve stops after loading the demonstration: enough to see its key.
    const args = ['serve', '--demo', '--port', String(port), '--host', '127.0.0.1', '--db', db];
    const env = { TANDEM_WARM_UP: '0', TANDEM_KEY_FILE: keyFile };
    const first = await runCli(args, { env });
    assert.match(first.stderr, /made a master key for the demonstration store at .*demo\.key/);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    const store = await openStore({ dbPath: db });
    try {
      assert.equal((await store.db.selectFrom('data_keys').select('id').execute()).length, 1);
    } finally {
      await store.close();
    }
    const again = await runCli(args, { env });
    assert.doesNotMatch(again.stderr, /made a master key/);
  } finally {
    taken.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
