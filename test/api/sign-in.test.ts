import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { defineOperation } from '../../src/app/operation.ts';
import { operations } from '../../src/app/operations.ts';
import { addUserAccount, reissueUserToken } from '../../src/app/user-accounts.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { OperationTable } from '../../src/server/operation-table.ts';
import { warmingRequesters, warmOverview } from '../../src/server/warm-overview.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';
import { importFiles } from '../import-files.ts';

const fixture = new URL('../fixtures/good/acled-old-format.csv', import.meta.url).pathname;

// `summary` is a cached read; this one says who asked, so a shared answer would show.
const whoAsked = defineOperation({
  summary: 'who asked',
  input: z.object({}),
  run: async (ctx) => ({ name: ctx.requester.name, roles: ctx.requester.roles }),
});

for (const dialect of DIALECTS) {
  describe(`sign-in on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    let viewer: string;
    let poc: string;

    before(async () => {
      ({ store, drop } = await dialect.open());
      await importFiles(store, [fixture], { sensitivity: 'restricted' });
      app = createApp({
        store,
        webRoot: null,
        log: () => {},
        operations: { ...(operations as OperationTable), summary: whoAsked },
      });
    });
    after(async () => drop());

    test('without accounts the API answers as before, for the server operator', async () => {
      const res = await app.request('/api/summary');
      assert.equal(res.status, 200);
      assert.equal((await res.json()).name, process.env.TANDEM_USER ?? 'workbench');
      const me = await (await app.request('/api/whoami')).json();
      assert.equal(me.signInRequired, false);
    });

    test('without accounts, a server listening beyond this machine lets nobody in', async () => {
      // A probe found the opposite: serve --host 0.0.0.0 on a store without accounts (or whose
      // last account was removed while it ran) let every visitor act as admin.
      const networked = createApp({ store, webRoot: null, log: () => {}, networked: true });
      for (const path of ['/api/summary', '/api/whoami', '/api/events']) {
        const res = await networked.request(path);
        assert.equal(res.status, 401, path);
        assert.match((await res.json()).error.message, /has no accounts, so nobody can sign in: create one/);
      }
      assert.equal((await networked.request('/sign-in')).status, 200);
      const page = await networked.request('/');
      assert.equal(page.status, 302);
      assert.match(page.headers.get('location') ?? '', /\/sign-in/);
      assert.equal((await networked.request('/api/health')).status, 200);
    });

    test('once an account exists, a request without a valid token is refused with 401 and a reason', async () => {
      viewer = (await addUserAccount(store, 'Vera Viewer', ['viewer'])).token;
      poc = (await addUserAccount(store, 'Paul POC', ['poc'])).token;
      await new Promise((r) => setTimeout(r, 2100)); // the server re-checks for accounts every 2 s
      const none = await app.request('/api/events');
      assert.equal(none.status, 401);
      const body = await none.json();
      assert.equal(body.error.code, 'unauthenticated');
      assert.match(body.error.message, /Authorization: Bearer/);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="tandem"', 'a 401 names its scheme');
      const wrong = await app.request('/api/events', { headers: { authorization: 'Bearer tdm_nope' } });
      assert.equal(wrong.status, 401);
      assert.match((await wrong.json()).error.message, /matches no account/);
      assert.equal((await app.request('/api/health')).status, 200, 'the health check stays open');
    });

    test('each account reads with its own clearance, and the access log names the person', async () => {
      const asViewer = await app.request('/api/events?limit=10', {
        headers: { authorization: `Bearer ${viewer}` },
      });
      assert.equal(asViewer.status, 200);
      const seen = await asViewer.json();
      assert.ok(seen.length > 0);
      assert.ok(
        seen.every((e: { notes: string }) => e.notes === '[withheld: above your clearance or need-to-know]'),
      );
      const asPoc = await app.request('/api/events?limit=10', {
        headers: { authorization: `Bearer ${poc}` },
      });
      assert.ok((await asPoc.json()).some((e: { notes: string }) => e.notes.length > 40));
      const log = await store.db.selectFrom('audit_log').select(['actor', 'action']).execute();
      assert.ok(log.some((l) => l.actor === 'Vera Viewer' && l.action === 'withheld'));
      assert.ok(log.some((l) => l.actor === 'Paul POC' && l.action === 'released'));
    });

    test('the page can ask who it is signed in as', async () => {
      const res = await app.request('/api/whoami', { headers: { authorization: `Bearer ${poc}` } });
      assert.deepEqual(await res.json(), {
        name: 'Paul POC',
        roles: ['poc'],
        signInRequired: true,
        mayWrite: true,
        offices: [],
      });
    });

    test('a cached answer is never shared across clearances', async () => {
      const ask = async (token: string) =>
        (await (await app.request('/api/summary', { headers: { authorization: `Bearer ${token}` } })).json())
          .name;
      assert.equal(await ask(viewer), 'Vera Viewer');
      assert.equal(await ask(poc), 'Paul POC');
    });

    test("the API's answers tell browsers and proxies to keep no copy", async () => {
      const res = await app.request('/api/summary', { headers: { authorization: `Bearer ${viewer}` } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'no-store');
    });

    test('the sign-in form sets a session cookie that later requests carry', async () => {
      const page = await app.request('/sign-in');
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form method="post" action="\/sign-in" id="password-form">/);
      const bad = await app.request('/sign-in', {
        method: 'POST',
        body: new URLSearchParams({ token: 'x' }),
      });
      assert.equal(bad.status, 401);
      const ok = await app.request('/sign-in', { method: 'POST', body: new URLSearchParams({ token: poc }) });
      assert.equal(ok.status, 303);
      const cookie = ok.headers.get('set-cookie') ?? '';
      assert.match(cookie, /tandem_session=.*HttpOnly/i);
      assert.match(cookie, /SameSite=Strict/i);
      const res = await app.request('/api/events?limit=1', { headers: { cookie: cookie.split(';')[0]! } });
      assert.equal(res.status, 200);
      // A page without a session goes to the sign-in page rather than to an empty workbench.
      const redirected = await app.request('/overview');
      assert.equal(redirected.status, 302);
      assert.equal(redirected.headers.get('location'), '/sign-in');
    });

    test('a read-only account may not change the store; an analyst may', async () => {
      const body = JSON.stringify({
        driver: 'land-and-resources',
        country: 'Testland',
        unit: 'poc',
        note: 'viewer test',
      });
      const post = (token: string) =>
        app.request('/api/ops/tagDriver', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
        });
      const refused = await post(viewer);
      assert.equal(refused.status, 403);
      const err = (await refused.json()).error;
      assert.equal(err.code, 'forbidden');
      assert.match(err.message, /Vera Viewer may read but not change the store/);
      // What was refused by its first clause, not the operation's whole description (Nigeria probe).
      assert.ok(err.message.length < 160, err.message);
      const notes = async () =>
        (await store.db.selectFrom('driver_tags').select('note').where('note', '=', 'viewer test').execute())
          .length;
      assert.equal(await notes(), 0);
      const allowed = await post(poc);
      assert.equal(allowed.status, 200, await allowed.text());
      assert.equal(await notes(), 1);
    });

    test('operations that read files on the server are refused over HTTP, whoever asks', async () => {
      for (const [name, input] of [
        ['importFiles', { paths: ['/etc/passwd'] }],
        ['loadBoundaries', { paths: ['/etc/passwd'], country: 'X' }],
        ['loadActorList', { path: '/etc/passwd' }],
        ['loadActorPeriods', { path: '/etc/passwd' }],
      ] as const) {
        const res = await app.request(`/api/ops/${name}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${poc}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        assert.equal(res.status, 403, name);
        const text = await res.text();
        assert.equal(JSON.parse(text).error.code, 'local-only', name);
        assert.doesNotMatch(text, /passwd|root:/, name);
        // The way round is offered only where there is one: events and boundaries upload, the
        // actor lists do not (API probe: all four were told to upload).
        if (name === 'importFiles' || name === 'loadBoundaries')
          assert.match(text, /upload the file instead/, name);
        else assert.match(text, /ask the server's administrator/, name);
      }
    });

    test('with accounts, the start-up warming reads once per clearance, under its own name', async () => {
      const stand = await warmingRequesters(store);
      assert.deepEqual(stand.map((r) => r.name).sort(), [
        'tandem start-up (overview for public clearance)',
        'tandem start-up (overview for restricted clearance)',
      ]);
      const lines: string[] = [];
      await warmOverview(app, { log: (l) => lines.push(l), requesters: () => warmingRequesters(store) });
      assert.equal(lines.filter((l) => /ready for tandem start-up/.test(l)).length, 2, lines.join('\n'));
      assert.ok(!lines.some((l) => /HTTP/.test(l)), lines.join('\n'));
      // The key the warming uses cannot come from outside: a request with no token is still refused.
      assert.equal((await app.request('/api/status')).status, 401);
    });

    test('a new token replaces the old one at once', async () => {
      const fresh = (await reissueUserToken(store, 'Vera Viewer')).token;
      const old = await app.request('/api/events', { headers: { authorization: `Bearer ${viewer}` } });
      assert.equal(old.status, 401);
      const now = await app.request('/api/events', { headers: { authorization: `Bearer ${fresh}` } });
      assert.equal(now.status, 200);
    });
  });
}
