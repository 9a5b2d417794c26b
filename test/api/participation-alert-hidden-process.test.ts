import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { initKeys } from '../../src/security/data-keys.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';

const COUNTRY = 'Testland';

// A confidential dialogue the office's POC officer may not read, and a participant in it (strictly
// confidential, as participants are by default) threatened two weeks before its meeting. The
// officer, who would arrange the protected travel, must still be told that an alert exists
// (participation probe: they got none, because the process they may not read had no rounds).
const LOCAL = `processes:
  - id: quiet-dialogue
    name: Quiet dialogue of the lakeside communities
    date: 2026-09-05
    country: ${COUNTRY}
    latitude: 7.5
    longitude: 30.25
    office: Kessa
    sensitivity: strictly-confidential
    meetings: [{ id: first-session, date: 2026-09-05 }]
`;

for (const dialect of DIALECTS) {
  describe(`an alert on a person in a process withheld from the reader (${dialect.name})`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    const tokens: Record<string, string> = {};
    const call = (who: string, method: string, path: string, body?: unknown) =>
      app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${tokens[who]}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-hidden-process-'));
      process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
      await initKeys(store.db);
      tokens.protection = (
        await addUserAccount(store, 'Kessa Protection', ['protection'], { offices: ['Kessa'] })
      ).token;
      tokens.poc = (await addUserAccount(store, 'Kessa POC', ['poc'], { offices: ['Kessa'] })).token;
      app = createApp({ store, webRoot: null, log: () => {} });
      const local = await call('protection', 'POST', '/api/ops/importLocalProcesses', {
        text: LOCAL,
        name: 'local.yaml',
      });
      assert.equal(local.status, 200, await local.clone().text());
      const inc = await call('protection', 'POST', '/api/incidents', {
        occurredOn: '2026-08-20',
        country: COUNTRY,
        admin1: 'Lakeside',
        category: 'threat-or-intimidation',
        targetedGroups: ['Lakeside women'],
        office: 'Kessa',
        sensitivity: 'restricted',
        narrative: 'Threatening calls to the delegate',
      });
      assert.equal(inc.status, 201, await inc.clone().text());
      const p = await call('protection', 'POST', '/api/participants', {
        alias: 'Blue Crane',
        role: 'delegate',
        gender: 'female',
        organisation: 'Lakeside women',
        office: 'Kessa',
        country: COUNTRY,
        admin1: 'Lakeside',
        processes: [{ process: 'quiet-dialogue' }],
        consent: { given: true, on: '2026-07-01' },
        incidents: [(await inc.json()).id],
        measures: [],
      });
      assert.equal(p.status, 201, await p.clone().text());
    });
    after(async () => {
      delete process.env.TANDEM_KEY_FILE;
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const alerts = async (who: string) => {
      const res = await call(who, 'GET', `/api/participation/check?country=${COUNTRY}`);
      assert.equal(res.status, 200);
      return (await res.json()).alerts as { kind: string; participant: number | null; process: string }[];
    };

    test('the officer cleared for neither the person nor the process is told an alert exists, and no more', async () => {
      const full = await alerts('protection');
      assert.deepEqual(
        full.filter((a) => a.kind === 'threat-before-round').map((a) => a.process),
        ['quiet-dialogue'],
      );
      const told = (await alerts('poc')).filter((a) => a.kind === 'threat-before-round');
      assert.deepEqual(
        told.map((a) => [a.participant, a.process]),
        [[null, '']],
      );
      assert.doesNotMatch(JSON.stringify(told), /quiet|Crane|delegate|first-session/);
    });
  });
}
