import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields) });

for (const dialect of DIALECTS) {
  describe(`signing in with a name and password on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    before(async () => {
      ({ store, drop } = await dialect.open());
      await addUserAccount(store, 'Fatou Field', ['poc'], {
        offices: ['Bria', 'Kaga-Bandoro'],
        password: 'correct horse battery staple',
      });
      await addUserAccount(store, 'Other Person', ['analyst'], { password: 'another long passphrase' });
      app = createApp({ store, webRoot: null, log: () => {} });
    });
    after(async () => drop());

    test('the password is stored only as an scrypt hash', async () => {
      const row = await store.db
        .selectFrom('user_accounts')
        .selectAll()
        .where('name', '=', 'Fatou Field')
        .executeTakeFirstOrThrow();
      assert.match(row.password_hash ?? '', /^scrypt\$/);
      assert.doesNotMatch(JSON.stringify(row), /horse/);
    });

    test("the right password starts a session that acts with the account's roles and offices", async () => {
      const res = await app.request(
        '/sign-in',
        form({ name: 'Fatou Field', password: 'correct horse battery staple' }),
      );
      assert.equal(res.status, 303);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const me = await (await app.request('/api/whoami', { headers: { cookie } })).json();
      assert.equal(me.name, 'Fatou Field');
      assert.deepEqual(me.roles, ['poc']);
    });

    test('a wrong password is refused, then slowed, then refused with 429 for the account', async () => {
      const statuses: number[] = [];
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        const res = await app.request(
          '/sign-in',
          form({ name: 'Other Person', password: `guess number ${i}` }),
        );
        times.push(performance.now() - t0);
        statuses.push(res.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
      assert.ok(
        times[4]! > times[0]! + 500,
        `failures were not slowed: ${times.map(Math.round).join(', ')} ms`,
      );
      // Even the right password waits out the window now.
      const right = await app.request(
        '/sign-in',
        form({ name: 'Other Person', password: 'another long passphrase' }),
      );
      assert.equal(right.status, 429);
      assert.ok(Number(right.headers.get('retry-after')) > 0);
    });

    test('a short password is refused when the account is made', async () => {
      await assert.rejects(
        addUserAccount(store, 'Short Pass', ['viewer'], { password: 'abc' }),
        /at least 12/,
      );
    });
  });
}
