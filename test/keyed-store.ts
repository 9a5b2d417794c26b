import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { initKeys } from '../src/security/data-keys.ts';
import type { Store } from '../src/store/store.ts';
import type { TestDialect } from './dialects.ts';

/**
 * For the tests of one describe block: a fresh store of the dialect with a master key (in a
 * folder of its own, named by TANDEM_KEY_FILE), opened before them and dropped after, as a store
 * that holds the mission's own records needs. `dir` is that folder, for the tests' files.
 */
export function keyedStore(
  dialect: TestDialect,
  prefix: string,
): { readonly store: Store; readonly dir: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let opened: { store: Store; drop(): Promise<void> } | undefined;
  before(async () => {
    opened = await dialect.open();
    process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
    await initKeys(opened.store.db);
  });
  after(async () => {
    delete process.env.TANDEM_KEY_FILE;
    await opened?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get store() {
      if (!opened) throw new Error('keyedStore: the store opens before the tests');
      return opened.store;
    },
    dir,
  };
}

/** How a test calls operations as an administrator of every office, named `name` in the audit. */
export function adminCall(name: string) {
  return (store: Store) => ({
    via: 'cli' as const,
    name: 'test',
    requester: { name, roles: ['admin'], offices: ['all-offices'] },
    store,
  });
}
