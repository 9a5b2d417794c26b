import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Provider from 'oidc-provider';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';

/**
 * Sign-in through the mission's identity provider (issue 13.2), against a real OpenID Connect
 * provider (the `oidc-provider` package) on loopback: a browser-less client follows every redirect
 * with its own cookie jar, fills the provider's login and consent forms, and ends with a Tandem
 * session cookie that reaches /api/. A person the provider knows but Tandem does not is refused.
 */

/** Cookies by origin, as a browser would keep them (paths and expiry beyond deletion ignored). */
class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.byOrigin.get(url.origin) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(url: URL, res: Response): void {
    let jar = this.byOrigin.get(url.origin);
    if (!jar) {
      jar = new Map();
      this.byOrigin.set(url.origin, jar);
    }
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
  }

  get(origin: string, name: string): string | undefined {
    return this.byOrigin.get(origin)?.get(name);
  }
}

/** The first form of an HTML page: where it posts, and its named inputs with their values. */
function formOf(html: string, base: URL): { action: URL; fields: URLSearchParams } {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  assert.ok(form, `no form on the page:\n${html.slice(0, 500)}`);
  const fields = new URLSearchParams();
  for (const m of form[2]!.matchAll(/<input([^>]*)>/gi)) {
    const name = /name="([^"]+)"/.exec(m[1]!)?.[1];
    if (name) fields.set(name, /value="([^"]*)"/.exec(m[1]!)?.[1] ?? '');
  }
  return { action: new URL(form[1]!.replaceAll('&amp;', '&'), base), fields };
}

/**
 * A person signing in as a browser would, from Tandem's button to the page after: each redirect
 * followed, the provider's login form filled with `login`, its consent form confirmed. Returns the
 * last response and the jar.
 */
async function signInThroughProvider(start: URL, login: string) {
  const jar = new CookieJar();
  let url = start;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) },
    });
    jar.take(url, res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url);
      init = {};
      continue;
    }
    const isProvider = !url.pathname.startsWith('/auth/') && url.pathname.startsWith('/interaction/');
    if (res.status === 200 && isProvider) {
      const { action, fields } = formOf(await res.text(), url);
      if (fields.has('login')) {
        fields.set('login', login);
        fields.set('password', 'any password: the provider is a stand-in');
      }
      url = action;
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
      };
      continue;
    }
    return { res, url, jar };
  }
  throw new Error('the sign-in did not end within 20 steps');
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}

const dialect = DIALECTS[0]!;
describe('signing in through an OpenID Connect provider on loopback', () => {
  let store: Store;
  let drop: () => Promise<void>;
  let idp: Server;
  let tandem: RunningServer;
  let byEmail: RunningServer;
  let base: URL;
  let emailBase: URL;
  let issuer: string;

  before(async () => {
    ({ store, drop } = await dialect.open());
    await addUserAccount(store, 'fatou.field', ['poc'], { offices: ['Ndele'] });
    // Tandem listens first: the provider must know its callback address.
    idp = createServer();
    const idpPort = await listen(idp);
    issuer = `http://127.0.0.1:${idpPort}`;
    /** A Tandem server of the store, signing in through the provider by `claim`. */
    const serve = (claim: string) =>
      startServer({
        store,
        port: 0,
        hostname: '127.0.0.1',
        webRoot: null,
        log: () => {},
        warmUp: false,
        oidc: {
          issuer: new URL(issuer),
          clientId: 'tandem-workbench',
          clientSecret: 'a client secret for the test',
          claim,
          label: 'Mission ID',
        },
      });
    tandem = await serve('preferred_username');
    base = new URL(`http://127.0.0.1:${tandem.port}`);
    // A second server of the same store, naming accounts by the e-mail claim.
    await addUserAccount(store, 'root@mission.example', ['admin'], { offices: ['all-offices'] });
    byEmail = await serve('email');
    emailBase = new URL(`http://127.0.0.1:${byEmail.port}`);
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'tandem-workbench',
          client_secret: 'a client secret for the test',
          redirect_uris: [new URL('/auth/callback', base).href, new URL('/auth/callback', emailBase).href],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: {
        openid: ['sub'],
        profile: ['preferred_username', 'name'],
        email: ['email', 'email_verified'],
      },
      // "root.typed" set root's address as their own, and the provider never confirmed it.
      findAccount: async (_ctx: unknown, sub: string) => ({
        accountId: sub,
        claims: async () => ({
          sub,
          preferred_username: sub,
          name: sub,
          email: sub === 'root.typed' || sub === 'root' ? 'root@mission.example' : `${sub}@mission.example`,
          email_verified: sub !== 'root.typed',
        }),
      }),
      cookies: { keys: ['a cookie key for the test provider'] },
    });
    idp.on('request', provider.callback());
  });

  after(async () => {
    await tandem?.close();
    await byEmail?.close();
    await new Promise((done) => idp?.close(done));
    await drop?.();
  });

  test('the sign-in page offers the provider when it is configured', async () => {
    const page = await (await fetch(new URL('/sign-in', base))).text();
    assert.match(
      page,
      /<a class="button" id="oidc-sign-in" href="\/auth\/sign-in">Sign in with Mission ID<\/a>/,
    );
  });

  test('the button sends the browser to the provider with PKCE, state and nonce', async () => {
    const res = await fetch(new URL('/auth/sign-in', base), { redirect: 'manual' });
    assert.equal(res.status, 302);
    const to = new URL(res.headers.get('location') ?? '');
    assert.equal(to.origin, issuer);
    assert.equal(to.searchParams.get('code_challenge_method'), 'S256');
    for (const p of ['code_challenge', 'state', 'nonce']) assert.ok(to.searchParams.get(p), p);
    assert.equal(to.searchParams.get('redirect_uri'), new URL('/auth/callback', base).href);
  });

  test("a person with a Tandem account signs in at the provider and gets a session that reaches /api/ with the account's rights", async () => {
    const { res, url, jar } = await signInThroughProvider(new URL('/auth/sign-in', base), 'fatou.field');
    assert.equal(url.origin, base.origin);
    assert.equal(url.pathname, '/', await res.clone().text());
    assert.ok(res.status < 400, `ended with ${res.status}`);
    const session = jar.get(base.origin, 'tandem_session');
    assert.ok(session, 'a Tandem session cookie was set');
    const me = await (
      await fetch(new URL('/api/whoami', base), { headers: { cookie: `tandem_session=${session}` } })
    ).json();
    assert.deepEqual([me.name, me.roles], ['fatou.field', ['poc']]);
    const incidents = await fetch(new URL('/api/incidents', base), {
      headers: { cookie: `tandem_session=${session}` },
    });
    assert.equal(incidents.status, 200);
    const without = await fetch(new URL('/api/incidents', base));
    assert.equal(without.status, 401);
  });

  test('a person the provider knows but Tandem does not is refused with a clear page, and no account is made', async () => {
    const { res, jar } = await signInThroughProvider(new URL('/auth/sign-in', base), 'mallory');
    assert.equal(res.status, 403);
    const page = await res.text();
    assert.match(page, /no account of that name/);
    assert.match(page, /gives no rights of its own/);
    assert.equal(jar.get(base.origin, 'tandem_session'), undefined);
    const accounts = await store.db.selectFrom('user_accounts').select('name').execute();
    assert.deepEqual(accounts.map((a) => a.name).sort(), ['fatou.field', 'root@mission.example']);
  });

  test('a callback that this server did not start (no state of its own) is refused', async () => {
    const res = await fetch(new URL('/auth/callback?code=stolen&state=guess', base), { redirect: 'manual' });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /not started here/);
  });

  test('a callback whose state is not the one this browser was given is refused, and no session starts', async () => {
    const start = await fetch(new URL('/auth/sign-in', base), { redirect: 'manual' });
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
    const forged = new URL('/auth/callback', base);
    forged.search = new URLSearchParams({ code: 'stolen', state: 'guess', iss: issuer }).toString();
    const res = await fetch(forged, {
      redirect: 'manual',
      headers: { cookie },
    });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /&#34;state&#34;/);
    assert.equal(res.headers.getSetCookie().filter((c) => c.startsWith('tandem_session=')).length, 0);
  });

  test('an e-mail address the provider has not confirmed names no account; a confirmed one does', async () => {
    const typed = await signInThroughProvider(new URL('/auth/sign-in', emailBase), 'root.typed');
    assert.equal(typed.res.status, 403);
    assert.match(await typed.res.text(), /has not confirmed the e-mail address/);
    assert.equal(typed.jar.get(emailBase.origin, 'tandem_session'), undefined);
    const confirmed = await signInThroughProvider(new URL('/auth/sign-in', emailBase), 'root');
    assert.ok(confirmed.jar.get(emailBase.origin, 'tandem_session'), 'the confirmed address signs in');
  });

  test('after signing out, the next sign-in asks the provider to sign the person in again', async () => {
    const { jar } = await signInThroughProvider(new URL('/auth/sign-in', base), 'fatou.field');
    const before = await fetch(new URL('/auth/sign-in', base), {
      redirect: 'manual',
      headers: { cookie: jar.header(base) },
    });
    assert.equal(new URL(before.headers.get('location') ?? '').searchParams.get('prompt'), null);
    const out = await fetch(new URL('/sign-out', base), {
      redirect: 'manual',
      headers: { cookie: jar.header(base) },
    });
    jar.take(base, out);
    const again = await fetch(new URL('/auth/sign-in', base), {
      redirect: 'manual',
      headers: { cookie: jar.header(base) },
    });
    assert.equal(new URL(again.headers.get('location') ?? '').searchParams.get('prompt'), 'login');
  });
});
