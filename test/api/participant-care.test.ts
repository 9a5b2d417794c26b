import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { verifyAudit } from '../../src/security/audit-chain.ts';
import { initKeys } from '../../src/security/data-keys.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';

const COUNTRY = 'Testland';

// Participation probe: a participant could not be corrected, a measure moved on, or a person
// erased when their consent was withdrawn; the only way out was SQL on the file.
for (const dialect of DIALECTS) {
  describe(`erasing a participant and moving a measure on (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    let id = 0;
    const tokens: Record<string, string> = {};
    const call = (who: string, op: string, body: unknown) =>
      app.request(`/api/ops/${op}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const list = async (who: string) =>
      (await (await call(who, 'listParticipants', { country: COUNTRY })).json()).participants as {
        id: number;
        measures: { status: string; reviewOn: string | null }[] | null;
      }[];

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-participant-care-'));
      process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
      await initKeys(store.db);
      tokens.kessa = (
        await addUserAccount(store, 'Kessa Protection', ['protection'], { offices: ['Kessa'] })
      ).token;
      tokens.varo = (
        await addUserAccount(store, 'Varo Protection', ['protection'], { offices: ['Varo'] })
      ).token;
      tokens.viewer = (await addUserAccount(store, 'Vi Viewer', ['viewer'], { offices: ['Kessa'] })).token;
      app = createApp({ store, webRoot: null, log: () => {} });
      const made = await app.request('/api/participants', {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.kessa}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          alias: 'Blue Crane',
          role: 'delegate',
          gender: 'female',
          organisation: 'Lakeside women',
          office: 'Kessa',
          country: COUNTRY,
          admin1: 'Lakeside',
          processes: [],
          consent: { given: true, on: '2026-07-01' },
          incidents: [],
          measures: [
            {
              kind: 'relocation to a safe house',
              owner: 'Kessa POC unit',
              status: 'planned',
              reviewOn: '2026-08-01',
            },
          ],
        }),
      });
      assert.equal(made.status, 201, await made.clone().text());
      id = (await made.json()).id;
    });
    after(async () => {
      delete process.env.TANDEM_KEY_FILE;
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the office moves a measure on; another office is answered as if there were no such person', async () => {
      const other = await call('varo', 'setParticipantMeasure', { id, measure: 1, status: 'closed' });
      assert.equal(other.status, 404);
      assert.equal(
        (await call('viewer', 'setParticipantMeasure', { id, measure: 1, status: 'closed' })).status,
        403,
      );
      const none = await call('kessa', 'setParticipantMeasure', { id, measure: 2, status: 'closed' });
      assert.equal(none.status, 400);
      assert.match(await none.text(), /has no measure 2/);
      const moved = await call('kessa', 'setParticipantMeasure', {
        id,
        measure: 1,
        status: 'in-place',
        reviewOn: '2026-12-01',
      });
      assert.equal(moved.status, 200, await moved.clone().text());
      const [p] = await list('kessa');
      assert.deepEqual(
        p?.measures?.map((m) => [m.status, m.reviewOn]),
        [['in-place', '2026-12-01']],
      );
    });

    test('the office erases the person: nothing of them is left but the audit line with the reason', async () => {
      assert.equal((await call('varo', 'eraseParticipant', { id, reason: 'consent withdrawn' })).status, 404);
      const refused = await call('kessa', 'eraseParticipant', { id, reason: '' });
      assert.equal(refused.status, 400);
      const erased = await call('kessa', 'eraseParticipant', {
        id,
        reason: 'consent withdrawn on 3 December',
      });
      assert.equal(erased.status, 200, await erased.clone().text());
      assert.deepEqual(await list('kessa'), []);
      for (const table of [
        'participants',
        'participant_measures',
        'participant_processes',
        'participant_incidents',
      ] as const)
        assert.deepEqual(await store.db.selectFrom(table).selectAll().execute(), [], table);
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'detail'])
        .where('record_kind', '=', 'participant')
        .where('action', 'in', ['erased', 'changed'])
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((r) => `${r.actor}: ${r.action}`),
        ['Kessa Protection: changed', 'Kessa Protection: erased'],
      );
      assert.match(String(audit[1]?.detail), /consent withdrawn on 3 December/);
      assert.equal((await verifyAudit(store.db)).ok, true);
      assert.equal((await call('kessa', 'eraseParticipant', { id, reason: 'again' })).status, 404);
    });
  });
}
