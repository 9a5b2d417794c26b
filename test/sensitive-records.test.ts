import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../src/store/store.ts';
import { runCli } from './run-cli.ts';

const fixture = new URL('./fixtures/good/acled-old-format.csv', import.meta.url).pathname;

test('restricted events are withheld from those not cleared for them, and every read is logged', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-sensitive-'));
  const db = join(dir, 'a.db');
  const imp = await runCli(['import', fixture, '--sensitivity', 'restricted', '--db', db]);
  assert.equal(imp.code, 0, imp.stderr);

  const asViewer = await runCli(['export', '--format', 'geojson', '--db', db], {
    env: { TANDEM_ROLES: 'viewer', TANDEM_USER: 'v1' },
  });
  const seen = JSON.parse(asViewer.stdout).features;
  assert.equal(seen.length, 3, 'withheld records are still counted, not dropped');
  for (const f of seen) {
    assert.equal(f.properties.notes, '[withheld: above your clearance or need-to-know]');
    assert.equal(f.geometry, null);
    assert.equal(f.properties.location, '');
  }

  const asProtection = await runCli(['export', '--format', 'geojson', '--db', db], {
    env: { TANDEM_ROLES: 'protection', TANDEM_USER: 'p1' },
  });
  assert.match(JSON.parse(asProtection.stdout).features[0].properties.notes, /Soldiers raided a village/);

  const log = JSON.parse((await runCli(['access-log', '--json', '--db', db])).stdout).entries;
  const byUser = (u: string) => log.filter((e: { requester: string }) => e.requester === u);
  assert.equal(byUser('v1').length, 3);
  assert.ok(
    byUser('v1').every(
      (e: { granted: number; sensitivity: string }) => e.granted === 0 && e.sensitivity === 'restricted',
    ),
  );
  assert.equal(byUser('p1').length, 3);
  assert.ok(byUser('p1').every((e: { granted: number }) => e.granted === 1));

  // A protection officer cleared for the log sees their own reads, not everyone's (who read which
  // record of which office is the auditor's, the administrator's).
  const own = JSON.parse(
    (
      await runCli(['access-log', '--json', '--db', db], {
        env: { TANDEM_ROLES: 'protection', TANDEM_USER: 'p1' },
      })
    ).stdout,
  ).entries;
  assert.ok(own.length >= 3, JSON.stringify(own));
  assert.deepEqual([...new Set(own.map((e: { requester: string }) => e.requester))], ['p1']);

  const denied = await runCli(['access-log', '--db', db], { env: { TANDEM_ROLES: 'analyst' } });
  assert.equal(denied.code, 2);
  // The refusal names the clearance wanted (runOperation words it from the operation's summary).
  assert.match(denied.stderr, /this is for those cleared for strictly-confidential records/);

  const sum = JSON.parse(
    (await runCli(['summary', '--json', '--db', db], { env: { TANDEM_ROLES: 'viewer' } })).stdout,
  );
  assert.equal(
    sum.rows.reduce((n: number, r: { events: number }) => n + r.events, 0),
    3,
    'counts are not sensitive',
  );
});

test('a sensitivity level that does not exist is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-sensitive-'));
  const r = await runCli(['import', fixture, '--sensitivity', 'secret', '--db', join(dir, 'a.db')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--sensitivity: /);
});

test('a stored negotiation process keeps counts of women and men, never the delegates’ names', async () => {
  const { openStore } = await import('../src/store/store.ts');
  const { operations } = await import('../src/app/operations.ts');
  const store = await openStore({ dbPath: ':memory:' });
  const ctx = { store, requester: { name: 't', roles: ['admin'] } };
  const text = [
    'process: Named talks',
    'country: Testland',
    'parties:',
    '  - { id: GOV, name: Government, actors: ["Military Forces of Testland (2019-)"] }',
    'rounds:',
    '  - id: R1',
    '    start: 2021-05-01',
    '    end: 2021-05-03',
    '    venue: Port Lake',
    '    delegations:',
    '      GOV:',
    '        members:',
    '          - { name: Amina Yusuf, gender: woman, role: head of delegation }',
    '          - { name: John Garang Deng, gender: man, role: adviser }',
    '          - { name: Rose Akol, gender: woman, role: legal adviser }',
    'quota: { women: 0.3 }',
  ].join('\n');
  await operations.storeNegotiation.run(ctx, { process: text, name: 'named.yaml' });
  const row = await store.db.selectFrom('negotiation_processes').selectAll().executeTakeFirstOrThrow();
  for (const name of ['Amina', 'Garang', 'Rose Akol', 'head of delegation'])
    assert.ok(!row.source_text.includes(name), name);
  const current = await operations.currentNegotiation.run(ctx, {});
  const inclusion = JSON.stringify(current);
  assert.match(inclusion, /"women":2/);
  assert.match(inclusion, /"total":3/);
  await store.close();
});

test('a read-only role may read but not import', async () => {
  const db = join(mkdtempSync(join(tmpdir(), 'tandem-readonly-')), 'a.db');
  const refused = await runCli(['import', fixture, '--db', db], {
    env: { TANDEM_ROLES: 'viewer', TANDEM_USER: 'v1' },
  });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /v1 may read but not change the store/);
  // The refused import leaves no store; a read-only command is then refused for want of one.
  assert.equal(existsSync(db), false);
  await (await openStore({ dbPath: db })).close();
  const summary = await runCli(['summary', '--by', 'country', '--db', db, '--json'], {
    env: { TANDEM_ROLES: 'viewer' },
  });
  assert.equal(summary.code, 0, summary.stderr);
  assert.deepEqual(JSON.parse(summary.stdout).rows, []);
});
