import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';

const PASSWORD = 'correct horse battery staple';

/**
 * The session cookie is HttpOnly and SameSite=Strict always, and Secure when the request came over
 * HTTPS: to the server itself, or through a proxy's X-Forwarded-Proto only when the operator said to
 * trust it (TANDEM_TRUST_PROXY=1); otherwise anyone could send that header.
 */
const dialect = DIALECTS[0]!;
describe('the session cookie and HTTPS', () => {
  let store: Store;
  let drop: () => Promise<void>;
  before(async () => {
    ({ store, drop } = await dialect.open());
    await addUserAccount(store, 'Fatou Field', ['poc'], { password: PASSWORD });
  });
  after(async () => drop());

  const cookieOf = async (url: string, trustProxy: boolean, headers: Record<string, string> = {}) => {
    const app = createApp({ store, webRoot: null, log: () => {}, trustProxy, oidc: null });
    const res = await app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ name: 'Fatou Field', password: PASSWORD }).toString(),
    });
    assert.equal(res.status, 303);
    return (res.headers.get('set-cookie') ?? '').split(';').map((p) => p.trim().toLowerCase());
  };

  test('over plain http the cookie is HttpOnly and SameSite=Strict, not Secure', async () => {
    const parts = await cookieOf('http://localhost/sign-in', false);
    assert.ok(parts.includes('httponly'));
    assert.ok(parts.includes('samesite=strict'));
    assert.ok(!parts.includes('secure'));
  });

  test('over https the cookie is Secure', async () => {
    const parts = await cookieOf('https://tandem.mission.example/sign-in', false, {
      host: 'tandem.mission.example',
    });
    assert.ok(parts.includes('secure'));
  });

  test("a proxy's X-Forwarded-Proto makes it Secure only when the proxy is trusted", async () => {
    const forwarded = { 'x-forwarded-proto': 'https' };
    assert.ok(!(await cookieOf('http://localhost/sign-in', false, forwarded)).includes('secure'));
    assert.ok((await cookieOf('http://localhost/sign-in', true, forwarded)).includes('secure'));
    assert.ok(
      !(await cookieOf('http://localhost/sign-in', true, { 'x-forwarded-proto': 'http' })).includes('secure'),
    );
  });
});
