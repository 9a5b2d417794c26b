import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { createApp } from '../../src/server/create-app.ts';
import { inputJsonSchema } from '../../src/server/openapi-document.ts';
import { type OperationTable, READ_ROUTES } from '../../src/server/operation-table.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';

const requester = { name: 'hostile-test', roles: ['admin'] };
const JSON_TYPE = { 'content-type': 'application/json' };

/** Names and bodies an attacker sends: each must get a 4xx, never a 500 or a dead process. */
const HOSTILE_NAMES = [
  'a'.repeat(300),
  'evil\u0000.csv',
  '../../etc/passwd',
  '..',
  'x\r\nSet-Cookie: a=b',
  '%00',
];
const HOSTILE_QUERIES = ['\u0000', 'a'.repeat(5000), "'; DROP TABLE events; --", '<script>alert(1)</script>'];

for (const dialect of DIALECTS) {
  describe(`hostile requests on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;
    const logged: string[] = [];

    before(async () => {
      ({ store, drop } = await dialect.open());
      await loadDemoMission({ store, requester }, { onlyIfEmpty: true });
      app = createApp({ store, webRoot: null, log: (l) => logged.push(l), loopbackOnly: true });
    });
    after(async () => drop());

    test('an upload with a long, NUL-bearing or path-like name is refused or stored safely, never a 500', async () => {
      for (const name of HOSTILE_NAMES) {
        const res = await app.request(`/api/imports?name=${encodeURIComponent(name)}`, {
          method: 'POST',
          body: 'event_id_cnty,event_date\n',
        });
        assert.ok(res.status < 500, `${JSON.stringify(name)}: ${res.status}`);
        const text = await res.text();
        assert.doesNotMatch(
          text,
          /tandem-upload-|\/tmp\//,
          `a temporary path leaked for ${JSON.stringify(name)}`,
        );
        if (res.status === 200) {
          const last = JSON.parse(text.trim().split('\n').at(-1)!);
          assert.equal(last.stage, 'failed');
          assert.notEqual(last.error.code, 'internal', JSON.stringify(last));
        }
      }
      // The 300-character name used to crash the process (ENAMETOOLONG, uncaught): still answering.
      assert.equal((await app.request('/api/health')).status, 200);
      assert.ok(!logged.some((l) => /internal error/.test(l)), logged.join('\n'));
    });

    test('every read route answers hostile query values with a 2xx or 4xx, never a 500', async () => {
      const operations: OperationTable = (await import('../../src/app/operations.ts')).operations;
      for (const route of READ_ROUTES) {
        // Only the fields the route takes, so that each value reaches its operation.
        const takes = Object.keys(inputJsonSchema(operations[route.operation]!.input).properties ?? {});
        const fields = ['country', 'admin1', 'from', 'by', 'limit'].filter((f) => takes.includes(f));
        for (const v of HOSTILE_QUERIES) {
          const q = new URLSearchParams(fields.map((f) => [f, v]));
          const res = await app.request(`${route.path}?${q}`);
          assert.ok(res.status < 500, `${route.path} with ${JSON.stringify(v.slice(0, 20))}: ${res.status}`);
        }
      }
      assert.ok(!logged.some((l) => /internal error/.test(l)), logged.join('\n'));
    });

    test('every operation answers hostile JSON bodies with a 4xx, never a 500', async () => {
      const names = Object.keys((await import('../../src/app/operations.ts')).operations);
      const bodies = [
        '[]',
        'null',
        '"x"',
        '{"__proto__":{"admin":true}}',
        JSON.stringify({ country: '\u0000' }),
      ];
      for (const name of names) {
        for (const body of bodies) {
          const res = await app.request(`/api/ops/${name}`, { method: 'POST', headers: JSON_TYPE, body });
          assert.ok(res.status < 500, `${name} with ${body}: ${res.status} ${await res.text()}`);
        }
      }
      assert.ok(!logged.some((l) => /internal error/.test(l)), logged.join('\n'));
    });

    test('a list of more event ids than the map can ask for is refused as bad input, not a 500', async () => {
      const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
      const res = await app.request('/api/ops/mapEvents', {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ ids }),
      });
      assert.equal(res.status, 400);
      assert.match((await res.json()).error.message, /ids/);
    });

    test('a field a route does not take is refused by name, not dropped: a query parameter, a body field', async () => {
      const misspelt = await app.request('/api/areas?countyr=Orvania');
      assert.equal(misspelt.status, 400);
      const q = (await misspelt.json()).error;
      assert.equal(q.code, 'bad-input');
      assert.match(q.message, /^GET \/api\/areas does not take countyr; it takes country, /);
      assert.deepEqual(
        q.details.issues.map((i: { path: string }) => i.path),
        ['countyr'],
      );
      const body = await app.request('/api/ops/summary', {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ by: 'admin1', counrty: 'Orvania' }),
      });
      assert.equal(body.status, 400);
      assert.match(
        (await body.json()).error.message,
        /POST \/api\/ops\/summary does not take counrty; it takes /,
      );
      const brief = await app.request('/api/brief.html?contry=Orvania');
      assert.equal(brief.status, 400);
      assert.match(
        (await brief.json()).error.message,
        /GET \/api\/brief\.html does not take contry; it takes /,
      );
      // A body operation's fields in its query string are refused, not dropped (the summary had
      // answered for every country).
      const queried = await app.request('/api/ops/summary?country=Orvania%20(fictional)', {
        method: 'POST',
        headers: JSON_TYPE,
        body: '{}',
      });
      assert.equal(queried.status, 400);
      assert.match(
        (await queried.json()).error.message,
        /POST \/api\/ops\/summary takes its fields in the JSON body, not the query string \(country\)/,
      );
      // Spelt right, both are answered.
      assert.equal((await app.request('/api/areas?country=Orvania%20(fictional)')).status, 200);
      const ok = await app.request('/api/ops/summary', {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ by: 'admin1', country: 'Orvania (fictional)' }),
      });
      assert.equal(ok.status, 200, await ok.text());
    });

    test('a query value given twice, or a number not written in decimal digits, is refused by name', async () => {
      const twice = await app.request('/api/forecast?country=Orvania%20(fictional)&horizon=3&horizon=4');
      assert.equal(twice.status, 400);
      assert.match((await twice.json()).error.message, /horizon: given 2 times; give it once/);
      const hex = await app.request('/api/forecast?country=Orvania%20(fictional)&horizon=0x6');
      assert.equal(hex.status, 400);
      assert.match((await hex.json()).error.message, /horizon: expected a number; got "0x6"/);
      assert.equal((await app.request('/api/forecast?country=Orvania%20(fictional)&horizon=3')).status, 200);
    });

    test('a body over the limit is refused with 413 before it is read, for JSON and for sign-in', async () => {
      const big = 'x'.repeat(5 * 1024 * 1024);
      const ops = await app.request('/api/ops/summary', {
        method: 'POST',
        headers: { ...JSON_TYPE, 'content-length': String(300 * 1024 * 1024) },
        body: '{}',
      });
      assert.equal(ops.status, 413);
      const streamed = await app.request('/api/ops/summary', {
        method: 'POST',
        headers: JSON_TYPE,
        body: new Blob([big]).stream(),
        duplex: 'half',
      } as RequestInit);
      assert.equal(streamed.status, 413);
      const signIn = await app.request('/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=${'y'.repeat(100_000)}`,
      });
      assert.equal(signIn.status, 413);
    });

    test('a write from another site is refused, by form or by no-cors fetch, and nothing is stored', async () => {
      const threats = async () => (await store.db.selectFrom('threats').select('id').execute()).length;
      const before = await threats();
      const attempts: RequestInit[] = [
        // A cross-site form: text/plain, with the browser's Origin.
        {
          method: 'POST',
          headers: {
            'content-type': 'text/plain',
            origin: 'http://evil.example',
            'sec-fetch-site': 'cross-site',
          },
          body: '{"country":"X","admin1":"Y","perpetrator":"Z"}',
        },
        // A no-cors fetch from a page on another port of this machine ("same-site", another origin).
        {
          method: 'POST',
          headers: { ...JSON_TYPE, origin: 'http://localhost:9999', 'sec-fetch-site': 'same-site' },
          body: '{}',
        },
        // A form without Sec-Fetch-Site (an older browser): its Origin still gives it away.
        { method: 'POST', headers: { ...JSON_TYPE, origin: 'null' }, body: '{}' },
        { method: 'POST', headers: { ...JSON_TYPE, origin: 'http://evil.example' }, body: '{}' },
      ];
      for (const init of attempts) {
        const res = await app.request('http://localhost/api/ops/addThreat', init);
        assert.equal(res.status, 403, JSON.stringify(init.headers));
      }
      // The same JSON with the wrong type, from no browser at all: refused for its type.
      const plain = await app.request('http://localhost/api/ops/addThreat', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      });
      assert.equal(plain.status, 415);
      assert.equal(await threats(), before);
      // The workbench itself (same origin) still writes.
      const own = await app.request('http://localhost/api/ops/listImports', {
        method: 'POST',
        headers: { ...JSON_TYPE, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
        body: '{}',
      });
      assert.equal(own.status, 200);
      // A browser that says same-origin is believed even where it hides the Origin ("null").
      const hidden = await app.request('http://localhost/api/ops/listImports', {
        method: 'POST',
        headers: { ...JSON_TYPE, origin: 'null', 'sec-fetch-site': 'same-origin' },
        body: '{}',
      });
      assert.equal(hidden.status, 200);
    });

    test('a foreign Host is refused on loopback (DNS rebinding), and every answer carries the security headers', async () => {
      const rebound = await app.request('http://attacker.example/api/status', {
        headers: { host: 'attacker.example' },
      });
      assert.equal(rebound.status, 403);
      // A name that only begins like a loopback address is the attacker's own.
      const lookalike = await app.request('http://127.0.0.1.attacker.example:7400/api/status', {
        headers: { host: '127.0.0.1.attacker.example:7400' },
      });
      assert.equal(lookalike.status, 403);
      const numeric = await app.request('http://127.0.0.2:7400/api/status', {
        headers: { host: '127.0.0.2:7400' },
      });
      assert.equal(numeric.status, 200);
      const ok = await app.request('http://localhost:7400/api/status', {
        headers: { host: 'localhost:7400' },
      });
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);
      assert.equal(ok.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(ok.headers.get('x-content-type-options'), 'nosniff');
    });

    test('the session cookie is not the token, and signing out ends the session for good', async () => {
      const { token } = await addUserAccount(store, 'Sam Signout', ['analyst']);
      // A fresh app: the one above remembers for a moment that the store had no accounts.
      const app = createApp({ store, webRoot: null, log: () => {} });
      const signIn = await app.request('/sign-in', {
        method: 'POST',
        body: new URLSearchParams({ token }),
      });
      assert.equal(signIn.status, 303);
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      assert.ok(!cookie.includes(token), 'the cookie carries the long-lived token');
      assert.equal((await app.request('/api/whoami', { headers: { cookie } })).status, 200);
      assert.equal((await app.request('/sign-out', { headers: { cookie } })).status, 302);
      const afterwards = await app.request('/api/status', { headers: { cookie } });
      assert.equal(afterwards.status, 401);
      // A form signs out with POST as well (API probe: 404).
      const again = await app.request('/sign-in', { method: 'POST', body: new URLSearchParams({ token }) });
      const second = (again.headers.get('set-cookie') ?? '').split(';')[0]!;
      assert.equal(
        (await app.request('/sign-out', { method: 'POST', headers: { cookie: second } })).status,
        302,
      );
      assert.equal((await app.request('/api/status', { headers: { cookie: second } })).status, 401);
      // The token itself still works for scripts.
      const script = await app.request('/api/status', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(script.status, 200);
      await store.db.deleteFrom('user_accounts').execute();
    });

    test('no upload leaves its temporary folder behind', () => {
      const mine = readdirSync(tmpdir()).filter((n) => n.startsWith(`tandem-upload-${process.pid}-`));
      assert.deepEqual(mine, []);
    });
  });
}
