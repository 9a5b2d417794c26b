import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { WITHHELD_KEY } from '../src/app/access-control.ts';
import type { Requester } from '../src/app/operation.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

const admin: Requester = { name: 'test-admin', roles: ['admin'] };
const viewer: Requester = { name: 'test-viewer', roles: ['viewer'] };

/**
 * Two public events in a district everyone may name, and two restricted ones in a small place
 * whose district and perpetrator, named together, would point at the victims.
 */
function files(dir: string): { open: string; restricted: string } {
  const [header, row] = readFileSync(new URL('./fixtures/good/acled-new-format.csv', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean);
  const make = (id: string, admin2: string, actor: string) =>
    row!.replace('TSN1', id).replace('Hillside East', admin2).replaceAll('Hill Militia (Testland)', actor);
  const open = join(dir, 'open.csv');
  const restricted = join(dir, 'restricted.csv');
  writeFileSync(
    open,
    [
      header,
      make('OPEN1', 'Hillside East', 'Hill Militia (Testland)'),
      make('OPEN2', 'Hillside East', 'Hill Militia (Testland)'),
    ].join('\n'),
  );
  writeFileSync(
    restricted,
    [
      header,
      make('HID1', 'Secret Valley', 'Night Riders'),
      make('HID2', 'Secret Valley', 'Night Riders'),
      // A row set aside (its date cannot be read) whose raw text names an informant, and whose
      // reason quotes the unreadable cell, which names a witness.
      make('HID3', 'Secret Valley', 'Night Riders')
        .replace('2023-05-01', 'seen by witness Amina')
        .replace('Militia attacked herders at a water point.', 'Safehouse of informant Joseph near the mill'),
    ].join('\n'),
  );
  return { open, restricted };
}

for (const dialect of DIALECTS) {
  describe(`what a viewer sees of records above its clearance, on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    const run = <I, O>(
      name: string,
      op: Parameters<typeof runOperation<I, O>>[0],
      input: unknown,
      who: Requester,
    ) => runOperation(op, input, { via: 'cli', name, requester: who, store });

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-viewer-'));
      const f = files(dir);
      await run('importFiles', operations.importFiles, { paths: [f.open] }, admin);
      await run(
        'importFiles',
        operations.importFiles,
        { paths: [f.restricted], sensitivity: 'restricted' },
        admin,
      );
    });
    after(async () => {
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a summary by admin-2 counts restricted events under "(withheld)", never under their district', async () => {
      const asViewer = await run(
        'summary',
        operations.summary,
        { by: 'admin2', country: 'Testland' },
        viewer,
      );
      const keys = asViewer.rows.map((r) => r.key);
      assert.ok(!keys.includes('Secret Valley'), `a viewer was shown the district: ${keys.join(', ')}`);
      const withheld = asViewer.rows.find((r) => r.key === WITHHELD_KEY);
      assert.equal(withheld?.events, 2);
      assert.equal(asViewer.rows.find((r) => r.key === 'Hillside East')?.events, 2);
      // Totals stay true: what is withheld is still counted.
      assert.equal(
        asViewer.rows.reduce((n, r) => n + r.events, 0),
        4,
      );
      const asAdmin = await run('summary', operations.summary, { by: 'admin2', country: 'Testland' }, admin);
      assert.equal(asAdmin.rows.find((r) => r.key === 'Secret Valley')?.events, 2);
      assert.ok(!asAdmin.rows.some((r) => r.key === WITHHELD_KEY));
    });

    test("events above a viewer's clearance come without district, place, actors' names or notes", async () => {
      const events = await run('listEvents', operations.listEvents, { country: 'Testland' }, viewer);
      const hidden = events.filter((e) => e.sourceEventId.startsWith('HID'));
      assert.equal(hidden.length, 2);
      for (const e of hidden) {
        assert.equal(e.admin2, '');
        assert.equal(e.location, '');
        assert.equal(e.latitude, null);
        assert.notEqual(e.actor1, 'Night Riders');
        assert.doesNotMatch(JSON.stringify(e), /Night Riders|Secret Valley|water point/);
        // What analysis needs stays: the admin-1 area, the kind of violence, the actor's category.
        assert.equal(e.admin1, 'Hillside');
        assert.equal(e.actor1Category, 'identity-militia');
      }
      const asAdmin = await run('listEvents', operations.listEvents, { country: 'Testland' }, admin);
      assert.ok(asAdmin.some((e) => e.actor1 === 'Night Riders' && e.admin2 === 'Secret Valley'));
    });

    test('actors known only from restricted records are not named to a viewer, in the actor list or the analysis', async () => {
      const actors = await run('listActors', operations.listActors, { country: 'Testland' }, viewer);
      assert.doesNotMatch(JSON.stringify(actors), /Night Riders/);
      assert.ok(actors.actors.some((a) => a.name === 'Hill Militia (Testland)'));
      const analysis = await run('analyze', operations.analyze, { country: 'Testland' }, viewer);
      assert.doesNotMatch(JSON.stringify(analysis), /Night Riders|Secret Valley/);
      const asAdmin = await run('analyze', operations.analyze, { country: 'Testland' }, admin);
      assert.match(JSON.stringify(asAdmin), /Night Riders/);
    });

    test('naming an actor known only from restricted records writes those records to the audit as released', async () => {
      const released = async (purpose: string) => {
        const rows = await store.db
          .selectFrom('audit_log')
          .innerJoin('events', (j) => j.on(sql`events.id`, '=', sql`cast(audit_log.record_id as integer)`))
          .select(['events.source_event_id', 'audit_log.detail'])
          .where('audit_log.actor', '=', 'test-admin')
          .where('audit_log.action', '=', 'released')
          .where('audit_log.record_kind', '=', 'event')
          .execute();
        return rows
          .filter((r) => (JSON.parse(r.detail) as { purpose?: string }).purpose === purpose)
          .map((r) => r.source_event_id)
          .sort();
      };
      const actors = await run('listActors', operations.listActors, { country: 'Testland' }, admin);
      assert.ok(actors.actors.some((a) => a.name === 'Night Riders'));
      assert.deepEqual(await released('actors'), ['HID1', 'HID2']);
      // A list that names only what public records carry reads none of them.
      await run('listActors', operations.listActors, { country: 'Testland' }, viewer);
      const byViewer = await store.db
        .selectFrom('audit_log')
        .select('record_id')
        .where('actor', '=', 'test-viewer')
        .where('action', '=', 'released')
        .where('record_kind', '=', 'event')
        .execute();
      assert.deepEqual(byViewer, []);
    });

    test("an account of the server sees each import's file by its name, never the folders it was read from", async () => {
      const signedIn: Requester = { name: 'office-viewer', roles: ['viewer'], offices: ['North'] };
      const seen = await run('listImports', operations.listImports, {}, signedIn);
      assert.deepEqual(seen.imports.map((i) => i.path).sort(), ['open.csv', 'restricted.csv']);
      const problems = await run('listProblems', operations.listProblems, {}, signedIn);
      assert.ok(problems.problems.length > 0);
      assert.deepEqual([...new Set(problems.problems.map((p) => p.file))], ['restricted.csv']);
      // The person at the terminal, and an administrator, see where the file was.
      const local = await run('listImports', operations.listImports, {}, admin);
      assert.ok(local.imports.every((i) => i.path.startsWith(dir)));
    });

    test('rows set aside from a restricted import keep its level: their raw text is withheld from a viewer, and read in the audit', async () => {
      const seen = await run('listProblems', operations.listProblems, {}, viewer);
      const row = seen.problems.find((p) => p.file.endsWith('restricted.csv'));
      assert.ok(row, 'the row set aside is still listed, with where and why');
      assert.equal(row.sensitivity, 'restricted');
      assert.doesNotMatch(JSON.stringify(seen), /Joseph|Safehouse|Amina/);
      assert.match(row.reason, /^"…" is not a date/);
      const full = await run('listProblems', operations.listProblems, {}, admin);
      assert.match(JSON.stringify(full), /informant Joseph/);
      assert.ok(full.problems.some((p) => p.reason.startsWith('"seen by witness Amina" is not a date')));
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action'])
        .where('record_kind', '=', 'problem')
        .execute();
      assert.ok(audit.some((a) => a.actor === 'test-viewer' && a.action === 'withheld'));
      assert.ok(audit.some((a) => a.actor === 'test-admin' && a.action === 'released'));
    });
  });
}
