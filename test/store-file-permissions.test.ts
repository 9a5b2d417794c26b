import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../src/store/store.ts';

/**
 * A new SQLite store is readable by its owner only, as the key file is (a security probe found the
 * store and its write-ahead log made 0644 beside a 0600 key: any local account could read the
 * fields held in clear). A file that exists keeps the permissions its owner gave it.
 */
test('a new store file, and its write-ahead log, are private to their owner', {
  skip: process.platform === 'win32' && 'POSIX permissions',
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-perm-'));
  try {
    const path = join(dir, 'tandem.db');
    const store = await openStore({ dbPath: path });
    try {
      for (const f of [path, `${path}-wal`]) assert.equal(statSync(f).mode & 0o777, 0o600, f);
    } finally {
      await store.close();
    }
    const shared = join(dir, 'shared.db');
    writeFileSync(shared, '');
    chmodSync(shared, 0o640);
    const again = await openStore({ dbPath: shared });
    await again.close();
    assert.equal(statSync(shared).mode & 0o777, 0o640);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
