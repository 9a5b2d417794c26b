import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { generateAcled } from '../bench/generate-acled.ts';
import { importEvents } from '../src/app/import-events.ts';
import { summarizeEvents } from '../src/store/event-summary.ts';
import { openStore } from '../src/store/store.ts';
import { BIN, runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-large-'));
const medium = join(dir, 'medium.csv');
const large = join(dir, 'large.csv');

describe('large imports', () => {
  before(async () => {
    await generateAcled(medium, 40_000, 11);
    await generateAcled(large, 300_000, 12);
  });

  test('reading in a worker thread gives the same store as reading in this one', async () => {
    const a = await openStore({ dbPath: ':memory:' });
    const b = await openStore({ dbPath: ':memory:' });
    // readInWorker is the importer's own option, not the operation's: called directly.
    const ra = await importEvents(a, [medium], { readInWorker: true });
    const rb = await importEvents(b, [medium], { readInWorker: false });
    assert.deepEqual(ra, rb);
    assert.equal(ra.files[0].imported, 40_000);
    for (const by of ['admin1', 'month', 'actor-category'] as const) {
      assert.deepEqual(await summarizeEvents(a.db, by), await summarizeEvents(b.db, by), by);
    }
    const again = await importEvents(a, [medium], { readInWorker: true });
    assert.equal(again.files[0].unchanged, 40_000);
    assert.deepEqual(await summarizeEvents(a.db, 'admin1'), await summarizeEvents(b.db, 'admin1'));
    await a.close();
    await b.close();
  });

  test('a file refused while it is read in the worker thread is refused as a user’s error, and nothing is stored', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { TandemError } = await import('../src/domain/tandem-error.ts');
    // The medium file with its dates month first (US spreadsheets) from row 30,001 on.
    const lines = readFileSync(medium, 'utf8').split('\n');
    const date = lines[0]!.split(',').indexOf('event_date');
    const us = lines.map((l, i) => {
      if (i <= 30_000 || !l) return l;
      const f = l.split(',');
      const day = new Date(`${f[date]} UTC`);
      f[date] = `${day.getUTCMonth() + 1}/${Math.max(day.getUTCDate(), 13)}/${day.getUTCFullYear()}`;
      return f.join(',');
    });
    const usFile = join(dir, 'us-dates.csv');
    writeFileSync(usFile, us.join('\n'));
    const store = await openStore({ dbPath: ':memory:' });
    await assert.rejects(
      importEvents(store, [usFile], { readInWorker: true }),
      (e) =>
        e instanceof TandemError &&
        e.code === 'unreadable-file' &&
        /line 30002, column 5 \(event_date\): .* reads only month first/.test(e.message),
    );
    assert.equal((await summarizeEvents(store.db, 'country')).rows.length, 0);
    await store.close();
  });

  test('Ctrl-C in the middle of an import leaves the store as it was', async () => {
    const db = join(dir, 'interrupted.db');
    const first = await runCli(['import', '--json', medium, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    const child = spawn(process.execPath, [BIN, 'import', large, '--db', db], { stdio: 'ignore' });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const { code, signal } = await ended;
    assert.notEqual(code, 0, 'the import finished before it could be interrupted: make the file larger');
    assert.ok(signal === 'SIGINT' || code !== 0);
    const store = await openStore({ dbPath: db });
    const n = await store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 40_000);
    const imports = await store.db.selectFrom('imports').select('path').execute();
    assert.deepEqual(
      imports.map((i) => i.path),
      [medium],
    );
    const total = (await summarizeEvents(store.db, 'country')).rows.reduce((s, r) => s + r.events, 0);
    assert.equal(total, 40_000, 'the aggregates were not touched either');
    await store.close();
  });
});
