import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Requester } from '../src/app/operation.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { TandemError } from '../src/domain/tandem-error.ts';
import { verifyAudit } from '../src/security/audit-chain.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';

// FICTIONAL: Orvania, its offices and its people do not exist.
const SECRET_NAME = 'Quiet talks with the Brekmoor commander';
const SECRET_PLACE = 'Vessk ferry landing';

const hrNdele: Requester = { name: 'hrNdele', roles: ['human-rights'], offices: ['Ndele'] };
const analyst1: Requester = { name: 'analyst1', roles: ['analyst'], offices: ['Kessa'] };
const protectionKessa: Requester = { name: 'protKessa', roles: ['protection'], offices: ['Kessa'] };
const viewer: Requester = { name: 'viewer1', roles: ['viewer'], offices: ['Kessa'] };

/** A mission file of local processes, one per entry. */
function file(...processes: Record<string, string | number>[]): string {
  const lines = ['processes:'];
  for (const p of processes) {
    lines.push(`  - id: ${p.id}`);
    for (const [k, v] of Object.entries({
      name: SECRET_NAME,
      kind: 'dialogue',
      date: '2026-10-01',
      country: 'Orvania',
      admin1: 'Talu Lakes',
      place: SECRET_PLACE,
      latitude: -5.2,
      longitude: -20.6,
      status: 'negotiating',
      ...p,
    }))
      if (k !== 'id') lines.push(`    ${k}: ${JSON.stringify(v)}`);
  }
  return `${lines.join('\n')}\n`;
}

const secret = { id: 'ndele-secret-talks', office: 'Ndele', sensitivity: 'strictly-confidential' };

for (const dialect of DIALECTS) {
  describe(`an import of local processes never overwrites what its writer may not, on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      ({ store, drop } = await dialect.open());
    });
    after(() => drop());

    const importAs = (requester: Requester, text: string) =>
      runOperation(
        operations.importLocalProcesses,
        { text, name: 'local.yaml' },
        { via: 'http', name: 'importLocalProcesses', requester, store },
      );
    const listAs = (requester: Requester) =>
      runOperation(
        operations.listLocalProcesses,
        {},
        { via: 'http', name: 'listLocalProcesses', requester, store },
      );
    const storedRow = () =>
      store.db
        .selectFrom('local_processes')
        .select(['id', 'name', 'place', 'office', 'sensitivity', 'status'])
        .where('id', '=', secret.id)
        .executeTakeFirst();
    const audits = () =>
      store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'record_id', 'sensitivity', 'detail'])
        .where('record_kind', '=', 'local-process')
        .where('action', 'in', ['created', 'edited'])
        .orderBy('id')
        .execute();
    /** Refused whole as forbidden, with a message that gives away nothing of the stored process. */
    const refused = async (requester: Requester, text: string, message: RegExp) => {
      const before = await storedRow();
      const count = (await store.db.selectFrom('local_processes').select('id').execute()).length;
      await assert.rejects(importAs(requester, text), (e) => {
        assert.ok(e instanceof TandemError, String(e));
        assert.equal(e.code, 'forbidden');
        assert.match(e.message, /^import refused, nothing was written: /);
        assert.match(e.message, message);
        assert.doesNotMatch(e.message, /Quiet talks|Brekmoor|Vessk|ndele-secret/i);
        return true;
      });
      assert.deepEqual(await storedRow(), before, 'the stored process is as it was');
      const after = (await store.db.selectFrom('local_processes').select('id').execute()).length;
      assert.equal(after, count, 'nothing else of the file was written either');
    };

    test('a strictly confidential process is created with an audit row', async () => {
      const r = await importAs(hrNdele, file(secret));
      assert.deepEqual([r.imported, r.updated, r.unchanged], [1, 0, 0]);
      const rows = await audits();
      assert.deepEqual(
        rows.map((a) => [a.actor, a.action, a.record_id, a.sensitivity]),
        [['hrNdele', 'created', secret.id, 'strictly-confidential']],
      );
      assert.equal(JSON.parse(rows[0].detail).office, 'Ndele');
    });

    test('another office may not overwrite it, make it public, or learn that a guess is right', async () => {
      const hijack = file({ id: secret.id, office: 'Kessa', sensitivity: 'public', name: 'Hijacked' });
      const notReadable =
        /it would change 1 local process stored as strictly-confidential that you may not read in full/;
      // The analyst of another office, as the probe did; a new process in the same file goes nowhere.
      await refused(
        analyst1,
        `${hijack}${file({ id: 'kessa-new', office: 'Kessa' }).replace('processes:\n', '')}`,
        notReadable,
      );
      // The same file word for word is refused too: "unchanged" would confirm the guess.
      await refused(analyst1, file(secret), notReadable);
      // Cleared for the level but of another office: need-to-know still refuses.
      await refused(protectionKessa, hijack, notReadable);
      assert.deepEqual(await storedRow(), {
        id: secret.id,
        name: SECRET_NAME,
        place: SECRET_PLACE,
        office: 'Ndele',
        sensitivity: 'strictly-confidential',
        status: 'negotiating',
      });
      const seen = await listAs(viewer);
      assert.deepEqual([seen.processes.length, seen.withheld], [0, 1]);
      assert.doesNotMatch(JSON.stringify(seen), /Quiet talks|Vessk|Hijacked/);
    });

    test('its own office may not lower it or move it to an office not theirs', async () => {
      await refused(
        hrNdele,
        file({ ...secret, sensitivity: 'internal' }),
        /it would lower 1 local process stored as strictly-confidential to internal; a record's sensitivity is never lowered/,
      );
      await refused(
        hrNdele,
        file({ ...secret, office: 'Kessa' }),
        /it would move 1 local process to office "Kessa", not one of yours \(Ndele\)/,
      );
    });

    test("a new process is recorded for one of its writer's own offices only", async () => {
      await refused(
        analyst1,
        file({ id: 'kessa-new-talks', office: 'Ndele', sensitivity: 'restricted' }),
        /it would record 1 local process for office "Ndele", not one of yours \(Kessa\)/,
      );
    });

    test('its own office may change it, and the change is audited', async () => {
      const r = await importAs(hrNdele, file({ ...secret, status: 'holding' }));
      assert.deepEqual([r.imported, r.updated, r.unchanged], [0, 1, 0]);
      const again = await importAs(hrNdele, file({ ...secret, status: 'holding' }));
      assert.deepEqual([again.imported, again.updated, again.unchanged], [0, 0, 1]);
      const rows = await audits();
      assert.deepEqual(
        rows.map((a) => [a.actor, a.action, a.record_id]),
        [
          ['hrNdele', 'created', secret.id],
          ['hrNdele', 'edited', secret.id],
        ],
      );
      assert.deepEqual(JSON.parse(rows[1].detail), { office: 'Ndele', fields: ['status'] });
      assert.equal((await verifyAudit(store.db)).ok, true);
    });

    test('a public process stays open to change by anyone who may write, and is not audited', async () => {
      const open = {
        id: 'kessa-market-dialogue',
        office: '',
        sensitivity: 'public',
        name: 'Market dialogue',
      };
      assert.equal((await importAs(analyst1, file(open))).imported, 1);
      assert.equal((await importAs(hrNdele, file({ ...open, status: 'signed' }))).updated, 1);
      assert.equal((await audits()).filter((a) => a.record_id === open.id).length, 0);
    });
  });
}
