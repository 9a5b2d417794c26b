import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateAcled } from '../bench/generate-acled.ts';
import { openStore } from '../src/store/store.ts';
import { importFiles } from './import-files.ts';

// Users run the compiled CLI (dist/, built by `npm ci`), while the other tests run src/ through
// tsx. A worker thread starts from a launcher file beside its module, which the build rewrites for
// dist/: here each launcher is started from dist/ as `tandem serve` and `tandem import` start them.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const launchers = files(src).filter((f) => f.endsWith('-worker.mjs'));
const built = join(dist, '.built');
const stale = !existsSync(built)
  ? 'dist/ is not built (npm run build:cli; `npm ci` builds it)'
  : statSync(built).mtimeMs < Math.max(...files(src).map((f) => statSync(f).mtimeMs))
    ? 'dist/ is older than src/ (npm run build:cli)'
    : undefined;
if (stale) console.log(`# compiled workers skipped: ${stale}`);

/** Runs a compiled worker until it posts `until` or fails; returns the messages it posted. */
function runWorker(
  launcher: string,
  workerData: unknown,
  until: (m: unknown) => boolean,
): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(dist, relative(src, launcher)), { workerData });
    const seen: unknown[] = [];
    worker.on('message', (m) => {
      seen.push(m);
      if (until(m)) {
        void worker.terminate();
        resolve(seen);
      }
    });
    worker.on('error', reject);
    worker.on('exit', () => reject(new Error(`the worker stopped after ${seen.length} messages`)));
  });
}

describe('the compiled workers', { skip: stale }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-compiled-workers-'));
  const csv = join(dir, 'events.csv');
  const dbPath = join(dir, 'store.db');
  before(async () => {
    await generateAcled(csv, 500, 7);
    const store = await openStore({ dbPath });
    try {
      await importFiles(store, [csv]);
    } finally {
      await store.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('there is one launcher per worker, and dist/ has each', () => {
    assert.deepEqual(
      launchers.map((f) => relative(src, f)).sort(),
      ['app/import-worker.mjs', 'store/event-index-worker.mjs'],
      'a new worker needs its case below',
    );
  });

  test("the event index's worker reads the store's events", async () => {
    const launcher = launchers.find((f) => f.endsWith('event-index-worker.mjs'))!;
    const [message] = (await runWorker(launcher, { dbPath }, () => true)) as {
      data?: { id: ArrayLike<number> };
      notBuilt?: string;
    }[];
    assert.equal(message?.notBuilt, undefined);
    assert.equal(message?.data?.id.length, 500);
  });

  test("the import's reading worker prepares the file's rows", async () => {
    const launcher = launchers.find((f) => f.endsWith('import-worker.mjs'))!;
    const messages = (await runWorker(
      launcher,
      { path: csv, format: 'acled', ahead: 1_000, sensitivity: 'public' },
      (m) => (m as { type: string }).type === 'done',
    )) as { type: string; batch?: { rows: { count: number } } }[];
    assert.ok(messages.some((m) => m.type === 'batch'));
  });
});
