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

    test('in French: the page, its refusal, and the way back to the workbench keep the language', async () => {
      // An app of its own, so that its failed sign-in does not count against the tests below.
      const app = createApp({ store, webRoot: null, log: () => {} });
      const page = await (await app.request('/sign-in?lang=fr')).text();
      assert.match(page, /<html lang="fr">/);
      assert.match(page, /Se connecter/);
      assert.match(page, /action="\/sign-in\?lang=fr"/);
      const browser = await (
        await app.request('/sign-in', { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } })
      ).text();
      assert.match(browser, /Mot de passe/);
      const wrong = await app.request(
        '/sign-in?lang=fr',
        form({ name: 'Fatou Field', password: 'not it at all' }),
      );
      assert.equal(wrong.status, 401);
      assert.match(await wrong.text(), /Ce nom et ce mot de passe ne correspondent à aucun compte/);
      const right = await app.request(
        '/sign-in?lang=fr',
        form({ name: 'Fatou Field', password: 'correct horse battery staple' }),
      );
      assert.equal(right.status, 303);
      assert.equal(right.headers.get('location'), '/?lang=fr');
      // A page asked for in French sends the signed-out reader to the French sign-in page.
      const away = await app.request('/?lang=fr');
      assert.equal(away.headers.get('location'), '/sign-in?lang=fr');
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

    test('guesses sent all at once get no more tries than guesses sent one by one', async () => {
      // An app of its own: a fresh throttle. Each check waits on scrypt, so a burst all passed the
      // limit before the first failure was counted (181 of 300 checked, in a probe).
      const app = createApp({ store, webRoot: null, log: () => {} });
      const burst = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          app.request('/sign-in', form({ name: 'Fatou Field', password: `burst guess ${i}` })),
        ),
      );
      const statuses = burst.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 401).length, 5, statuses.join(' '));
      assert.equal(statuses.filter((s) => s === 429).length, 15, statuses.join(' '));
      const right = await app.request(
        '/sign-in',
        form({ name: 'Fatou Field', password: 'correct horse battery staple' }),
      );
      assert.equal(right.status, 429);
    });

    test('behind a trusted proxy, one address’s failures do not lock out the others', async () => {
      const proxied = createApp({ store, webRoot: null, log: () => {}, trustProxy: true });
      const from = (address: string, fields: Record<string, string>) => ({
        ...form(fields),
        headers: { 'x-forwarded-for': `198.51.100.7, ${address}` },
      });
      // One person's typos lock their own account, not a colleague behind the same office router.
      for (let i = 0; i < 5; i++)
        await proxied.request(
          '/sign-in',
          from('203.0.113.9', { name: 'Other Person', password: `typo ${i}` }),
        );
      const colleague = await proxied.request(
        '/sign-in',
        from('203.0.113.9', { name: 'Fatou Field', password: 'correct horse battery staple' }),
      );
      assert.equal(colleague.status, 303);
      // Guesses at many names from one address: refused once that address has failed twenty times.
      const statuses: number[] = [];
      for (let i = 5; i < 21; i++)
        statuses.push(
          (await proxied.request('/sign-in', from('203.0.113.9', { name: `Nobody ${i}`, password: 'x' })))
            .status,
        );
      assert.deepEqual(statuses, [...Array(15).fill(401), 429]);
      // Another user, through the same proxy, still signs in.
      const other = await proxied.request(
        '/sign-in',
        from('203.0.113.20', { name: 'Fatou Field', password: 'correct horse battery staple' }),
      );
      assert.equal(other.status, 303);
    });

    test('a changed password ends the sessions and the old password; a removed one lets no one in', async () => {
      const { userOperations } = await import('../../src/app/user-operations.ts');
      const { runOperation } = await import('../../src/app/run-operation.ts');
      const admin = {
        via: 'cli' as const,
        name: 'users password',
        requester: { name: 'op', roles: ['admin'] },
        store,
      };
      await addUserAccount(store, 'Pat Change', ['political'], { password: 'the first passphrase' });
      // A server of its own: the throttle of the tests above does not carry over.
      const fresh = createApp({ store, webRoot: null, log: () => {} });
      const signIn = (password: string) => fresh.request('/sign-in', form({ name: 'Pat Change', password }));
      const first = await signIn('the first passphrase');
      assert.equal(first.status, 303);
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
      assert.equal((await fresh.request('/api/whoami', { headers: { cookie } })).status, 200);
      await runOperation(
        userOperations.setPassword,
        { name: 'Pat Change', password: 'the second passphrase' },
        admin,
      );
      assert.equal((await fresh.request('/api/whoami', { headers: { cookie } })).status, 401);
      assert.notEqual((await signIn('the first passphrase')).status, 303);
      assert.equal((await signIn('the second passphrase')).status, 303);
      await runOperation(userOperations.setPassword, { name: 'Pat Change', password: null }, admin);
      assert.notEqual((await signIn('the second passphrase')).status, 303);
    });

    test('a short password is refused when the account is made', async () => {
      await assert.rejects(
        addUserAccount(store, 'Short Pass', ['viewer'], { password: 'abc' }),
        /at least 12/,
      );
    });
  });
}
