import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
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
