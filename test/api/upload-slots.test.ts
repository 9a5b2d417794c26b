import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { createApp } from '../../src/server/create-app.ts';
import { DIALECTS } from '../dialects.ts';

const ACLED = readFileSync(new URL('../fixtures/good/acled-new-format.csv', import.meta.url));

test('one account trickling an upload holds one slot: its second upload waits, another person’s goes through', async () => {
  const { store, drop } = await DIALECTS[0]!.open();
  try {
    const slow = (await addUserAccount(store, 'Slow Sender', ['analyst'])).token;
    const other = (await addUserAccount(store, 'Other Analyst', ['analyst'])).token;
    const app = createApp({ store, webRoot: null, log: () => {}, cacheTtlMs: 0 });
    const upload = (token: string, body: BodyInit) =>
      app.request('/api/imports?name=events.csv', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body,
        duplex: 'half',
      } as RequestInit);
    // A body that sends its first bytes and then waits, as a trickling client does.
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    const trickle = new ReadableStream<Uint8Array>({
      async start(c) {
        c.enqueue(ACLED.subarray(0, 20));
        await held;
        c.enqueue(ACLED.subarray(20));
        c.close();
      },
    });
    const first = await upload(slow, trickle);
    assert.equal(first.status, 200);
    const second = await upload(slow, ACLED);
    assert.equal(second.status, 429);
    assert.match((await second.json()).error.message, /an upload of yours is being received already/);
    const theirs = await upload(other, ACLED);
    assert.equal(theirs.status, 200);
    assert.match(await theirs.text(), /"stage":"done"/);
    finish();
    assert.match(await first.text(), /"stage":"done"/);
    // The slot is free again.
    const again = await upload(slow, ACLED);
    assert.equal(again.status, 200);
    await again.text();
  } finally {
    await drop();
  }
});

test('an upload or a JSON body that stalls is given up with a timeout (408), the upload’s slot freed and its file gone', async () => {
  const { store, drop } = await DIALECTS[0]!.open();
  try {
    const { token } = await addUserAccount(store, 'Slow Sender', ['analyst']);
    const app = createApp({
      store,
      webRoot: null,
      log: () => {},
      cacheTtlMs: 0,
      bodyPace: { windowMs: 300, minBytes: 1024 },
    });
    // Sends its first bytes and then nothing more, never closing.
    const stalling = () =>
      new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(ACLED.subarray(0, 20));
        },
      });
    const post = (path: string, body: BodyInit, type?: string) =>
      app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
        body,
        duplex: 'half',
      } as RequestInit);
    const started = Date.now();
    const first = await post('/api/imports?name=events.csv', stalling());
    const lines = (await first.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const last = lines.at(-1);
    assert.equal(last.stage, 'failed');
    assert.equal(last.error.code, 'timeout');
    assert.match(last.error.message, /the request body stalled: under 1 KB arrived in 0 s/);
    assert.ok(Date.now() - started < 5000, 'given up after its window, not at the request limit');
    const mine = readdirSync(tmpdir()).filter((n) => n.startsWith(`tandem-upload-${process.pid}-`));
    assert.deepEqual(mine, [], 'the received bytes are deleted');
    // Nothing was imported, and the slot is free again.
    const again = await post('/api/imports?name=events.csv', ACLED);
    assert.match(await again.text(), /"stage":"done"/);
    // An operation's JSON body that stalls is answered 408.
    const op = await post('/api/ops/summary', stalling(), 'application/json');
    assert.equal(op.status, 408);
    assert.equal((await op.json()).error.code, 'timeout');
  } finally {
    await drop();
  }
});

test('an upload of a kind the server does not import is refused (400), not read as events', async () => {
  const { store, drop } = await DIALECTS[0]!.open();
  try {
    const { token } = await addUserAccount(store, 'An Analyst', ['analyst']);
    const app = createApp({ store, webRoot: null, log: () => {}, cacheTtlMs: 0 });
    const res = await app.request('/api/imports?name=events.csv&kind=weird', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: ACLED,
    });
    assert.equal(res.status, 400);
    const { error } = await res.json();
    assert.equal(error.code, 'bad-input');
    assert.match(error.message, /kind: must be events or boundaries; got "weird"/);
    assert.equal((await store.db.selectFrom('events').select('id').execute()).length, 0);
    // Events named as such are imported as without the parameter.
    const events = await app.request('/api/imports?name=events.csv&kind=events', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: ACLED,
    });
    assert.match(await events.text(), /"stage":"done"/);
    // The query is checked whole before the body is read (API probe): a misspelt level or a
    // parameter the route does not take is a 400 naming it, not a 200 whose last line failed.
    for (const [query, words] of [
      [
        'name=e2.csv&sensitivity=secret',
        /sensitivity: must be one of public, internal, restricted, strictly-confidential; got "secret"/,
      ],
      ['name=e2.csv&bogus=1', /does not take bogus; it takes kind, name, sensitivity/],
      ['name=b.geojson&kind=boundaries&sensitivity=public', /does not take sensitivity/],
    ] as const) {
      const res = await app.request(`/api/imports?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: ACLED,
      });
      assert.equal(res.status, 400, query);
      assert.match((await res.json()).error.message, words, query);
    }
  } finally {
    await drop();
  }
});
