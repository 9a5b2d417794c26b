import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
