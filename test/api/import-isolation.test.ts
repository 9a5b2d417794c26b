import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateAcled } from '../../bench/generate-acled.ts';
import { createApp } from '../../src/server/create-app.ts';
import { openStore } from '../../src/store/store.ts';

test('while the workbench imports a file, other requests see the store as it was, then all of it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-isolation-'));
  const file = join(dir, 'events.csv');
  await generateAcled(file, 60_000, 21);
  const store = await openStore({ dbPath: join(dir, 'w.db') });
  const app = createApp({ store, webRoot: null, log: () => {}, cacheTtlMs: 0 });
  try {
    const imports = async () => {
      const res = await app.request('/api/ops/listImports', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return (await res.json()).imports as { rows: number; imported: number }[];
    };
    const res = await app.request('/api/imports?name=events.csv', {
      method: 'POST',
      body: readFileSync(file),
    });
    // Read the progress lines as they come; once the import has begun, ask what the store holds
    // until it ends: an import still under way must not show, not even its empty record.
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let importing = false;
    let ended = false;
    // What each request during the import saw: the imports recorded, by their imported rows.
    const during: number[][] = [];
    const polling = (async () => {
      while (!ended) {
        if (importing) {
          const list = (await imports()).map((i) => i.imported);
          if (!text.includes('"stage":"done"')) during.push(list);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (text.includes('"stage":"importing"')) importing = true;
    }
    ended = true;
    await polling;
    const last = JSON.parse(text.trim().split('\n').at(-1)!);
    assert.equal(last.stage, 'done', JSON.stringify(last));
    assert.ok(during.length >= 1, 'asked while the import ran');
    assert.ok(
      during.every((l) => l.length === 0),
      `a request saw an import in progress: ${JSON.stringify(during)}`,
    );
    assert.deepEqual(
      (await imports()).map((i) => i.imported),
      [60_000],
    );
    const summary = await (await app.request('/api/summary?by=country')).json();
    assert.equal(
      summary.rows.reduce((n: number, r: { events: number }) => n + r.events, 0),
      60_000,
    );
  } finally {
    await store.close();
  }
});
