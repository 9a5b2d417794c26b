import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../store/store.ts';
import type { AppContext } from './operation.ts';
import { planAcknowledgementOperations } from './plan-acknowledgement-operations.ts';
import { planOperations } from './plan-operations.ts';
import { addUserAccount } from './user-accounts.ts';

const PLAN = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'plans', 'clean-plan.yaml'),
  'utf8',
);

let dir: string;
let store: Store;
let mission: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-acks-'));
  store = await openStore({ dbPath: join(dir, 'tandem.db') });
  await addUserAccount(store, 'Amina Admin', ['admin'], { offices: ['all-offices'] });
  await addUserAccount(store, 'Head Kessa', ['poc'], { offices: ['Kessa'] });
  await addUserAccount(store, 'Vic Viewer', ['viewer'], { offices: ['all-offices'] });
  const ctx = { store, requester: { name: 'Amina Admin', roles: ['admin'], offices: ['all-offices'] } };
  ({ mission } = await planOperations.importPlan.run(ctx, { plan: PLAN, name: 'clean-plan.yaml' }));
});
after(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Who the status lists as not yet acknowledged, as `requester` asks for it. */
async function notYet(requester: AppContext['requester']) {
  const status = await planAcknowledgementOperations.planAcknowledgements.run(
    { store, requester },
    { mission },
  );
  return { notYet: status.notYet, accounts: status.accounts };
}

test('a read-only account, which may never acknowledge, is not listed as not yet acknowledged', async () => {
  const { notYet: listed, accounts } = await notYet({
    name: 'Amina Admin',
    roles: ['admin'],
    offices: ['all-offices'],
  });
  assert.deepEqual(
    listed.map((n) => n.name),
    ['Amina Admin', 'Head Kessa'],
  );
  assert.equal(accounts, 3, 'the store still has three accounts');
});

test('accounts are listed by name alone, their roles only to an administrator', async () => {
  assert.deepEqual(
    (await notYet({ name: 'Amina Admin', roles: ['admin'], offices: ['all-offices'] })).notYet,
    [
      { name: 'Amina Admin', roles: ['admin'] },
      { name: 'Head Kessa', roles: ['poc'] },
    ],
  );
  for (const requester of [
    { name: 'Vic Viewer', roles: ['viewer'], offices: ['all-offices'] },
    { name: 'Head Kessa', roles: ['poc'], offices: ['Kessa'] },
  ]) {
    assert.deepEqual(
      (await notYet(requester)).notYet,
      [
        { name: 'Amina Admin', roles: [] },
        { name: 'Head Kessa', roles: [] },
      ],
      requester.name,
    );
  }
});
