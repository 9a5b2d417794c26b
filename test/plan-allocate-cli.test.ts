import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadDemoMission } from '../src/app/demo/load-demo-mission.ts';
import { openStore } from '../src/store/store.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-allocate-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const PLAN = new URL('../examples/unsmo-plan.yaml', import.meta.url).pathname;

test('plan allocate says why a proposal covers less than now: the plan as it stands cannot be kept', async () => {
  const db = join(dir, 'demo.db');
  const store = await openStore({ dbPath: db });
  try {
    await loadDemoMission({ store, requester: { name: 'test', roles: ['admin'] } });
  } finally {
    await store.close();
  }
  // The example plan uses four helicopters of three, and gives to an activity the check flags.
  const r = await runCli(['plan', 'allocate', PLAN, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const [covered, why] = r.stdout.split('\n');
  const [, now, proposed] = /risk covered: ([\d.]+) now → ([\d.]+) proposed/.exec(covered ?? '') ?? [];
  assert.ok(Number(proposed) < Number(now), covered);
  assert.match(why ?? '', /^lower than now, because the plan as it stands cannot be kept/);
  assert.match(r.stdout, /the plan uses 4 but only 3 are available/);
});

test('plan allocate on a store without the plan’s country says so, as the plan check does, not that the period was quiet', async () => {
  const db = join(dir, 'other.db');
  const store = await openStore({ dbPath: db });
  try {
    await loadDemoMission({ store, requester: { name: 'test', roles: ['admin'] } });
    await store.db.updateTable('events').set({ country: 'Elsewhere' }).execute();
  } finally {
    await store.close();
  }
  const r = await runCli(['plan', 'allocate', PLAN, '--db', db, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const notes: string[] = JSON.parse(r.stdout).notes;
  assert.ok(
    notes.some((n) => /^no events for Orvania \(fictional\) in the store: every area weighs 0/.test(n)),
    notes.join('\n'),
  );
  assert.ok(!notes.some((n) => /no civilian-targeting events in the plan period/.test(n)));
  const fr = await runCli(['plan', 'allocate', PLAN, '--db', db, '--json', '--lang', 'fr']);
  assert.match(
    JSON.parse(fr.stdout).notes.join('\n'),
    /aucun événement pour Orvania \(fictional\) dans la base/,
  );
});
