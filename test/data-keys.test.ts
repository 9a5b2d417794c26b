import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TandemError } from '../src/domain/tandem-error.ts';
import { currentDataKey, initKeys, rotateMasterKey } from '../src/security/data-keys.ts';
import { openField, sealField } from '../src/security/field-cipher.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

for (const dialect of DIALECTS) {
  describe(`keys on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-keys-'));
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('init writes a private key file, rotate re-wraps, and sealed fields still open after it', async () => {
      const file = join(dir, 'tandem.key');
      assert.equal(
        await currentDataKey(store.db, file),
        null,
        'no key yet: callers must say what is missing',
      );
      await initKeys(store.db, file);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const key = await currentDataKey(store.db, file);
      assert.ok(key);
      const sealed = sealField(key, 'a name', 'participant:1:realName');
      const wrappedBefore = (
        await store.db.selectFrom('data_keys').select('wrapped').executeTakeFirstOrThrow()
      ).wrapped;
      const fileBefore = readFileSync(file, 'utf8');
      await rotateMasterKey(store.db, file);
      assert.notEqual(readFileSync(file, 'utf8'), fileBefore);
      assert.notEqual(
        (await store.db.selectFrom('data_keys').select('wrapped').executeTakeFirstOrThrow()).wrapped,
        wrappedBefore,
      );
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const after = await currentDataKey(store.db, file);
      assert.equal(openField(after!, sealed, 'participant:1:realName'), 'a name');
      await assert.rejects(initKeys(store.db, join(dir, 'other.key')), /set up already/);
    });

    test('a second store set up beside the first uses its key file, and a rotation keeps the replaced key', async () => {
      const file = join(dir, 'shared.key');
      const first = await dialect.open();
      const second = await dialect.open();
      try {
        assert.equal((await initKeys(first.store.db, file)).keptKeyFile, false);
        const sealed = sealField((await currentDataKey(first.store.db, file))!, 'first', 'f:1');
        const fileBefore = readFileSync(file, 'utf8');
        // The French demonstration beside the English one: the file is used, never overwritten.
        assert.equal((await initKeys(second.store.db, file)).keptKeyFile, true);
        assert.equal(readFileSync(file, 'utf8'), fileBefore);
        assert.ok(await currentDataKey(second.store.db, file));
        assert.equal(openField((await currentDataKey(first.store.db, file))!, sealed, 'f:1'), 'first');
        // Rotating the second store leaves the first's key beside the new one.
        const { previousKeyFile } = await rotateMasterKey(second.store.db, file);
        assert.equal(readFileSync(previousKeyFile, 'utf8'), fileBefore);
        assert.equal(statSync(previousKeyFile).mode & 0o777, 0o600);
        // The first store's keys do not open with the second's new master key: the machine lacks
        // the right key (503 over HTTP), which is not a refusal of the requester (403).
        await assert.rejects(
          currentDataKey(first.store.db, file),
          (e: TandemError) =>
            e.code === 'unavailable' && /does not open this store's data keys/.test(e.message),
        );
        assert.equal(
          openField((await currentDataKey(first.store.db, previousKeyFile))!, sealed, 'f:1'),
          'first',
        );
      } finally {
        await first.drop();
        await second.drop();
      }
    });
  });
}
