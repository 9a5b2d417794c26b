import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResponseCache } from './response-cache.ts';

test('concurrent askers of one question share one computation', async () => {
  const cache = new ResponseCache(1000);
  let runs = 0;
  const compute = async () => {
    runs++;
    await new Promise((r) => setTimeout(r, 20));
    return 'answer';
  };
  const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get('q', compute)));
  assert.deepEqual(new Set(answers), new Set(['answer']));
  assert.equal(runs, 1);
});

test('a stale answer is served at once while a fresh one is computed, then replaced', async () => {
  const cache = new ResponseCache(10);
  let n = 0;
  const compute = async () => `v${++n}`;
  assert.equal(await cache.get('q', compute), 'v1');
  await new Promise((r) => setTimeout(r, 25));
  assert.equal(await cache.get('q', compute), 'v1');
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(await cache.get('q', compute), 'v2');
});

test('a write clears every answer, and a computation begun before it is not kept', async () => {
  const cache = new ResponseCache(60_000);
  let release: (v: string) => void = () => {};
  const slow = cache.get('q', () => new Promise<string>((r) => (release = r)));
  cache.clear();
  release('before the write');
  assert.equal(await slow, 'before the write');
  assert.equal(await cache.get('q', async () => 'after the write'), 'after the write');
});

test('with a time-to-live of 0 nothing is kept', async () => {
  const cache = new ResponseCache(0);
  let n = 0;
  await cache.get('q', async () => `v${++n}`);
  assert.equal(await cache.get('q', async () => `v${++n}`), 'v2');
});

test('an answer that keep refuses is served but computed again next time', async () => {
  const cache = new ResponseCache(60_000);
  let n = 0;
  const keep = (v: string) => !v.startsWith('logged');
  assert.equal(await cache.get('q', async () => `logged ${++n}`, keep), 'logged 1');
  assert.equal(await cache.get('q', async () => `logged ${++n}`, keep), 'logged 2');
  assert.equal(await cache.get('q', async () => `plain ${++n}`, keep), 'plain 3');
  assert.equal(await cache.get('q', async () => `plain ${++n}`, keep), 'plain 3');
});
