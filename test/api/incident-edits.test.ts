import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { verifyAudit } from '../../src/security/audit-chain.ts';
import { initKeys } from '../../src/security/data-keys.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';

const NARRATIVE = 'Witness Mariam K. saw the attackers leave towards the Ouham crossing at dawn';
const NEW_NARRATIVE = 'A second witness, Yusuf B., names the commander Kodro';
const incident = {
  occurredOn: '2026-11-02',
  country: 'Central African Republic',
  admin1: 'Bamingui-Bangoran',
  admin2: 'Ndele',
  place: 'Tiri village',
  latitude: 8.40123,
  longitude: 20.65377,
  category: 'killing',
  perpetrator: { name: 'FPRC', category: 'rebel-group' },
  killed: 4,
  sourceType: 'Informant GOLF-7',
  office: 'Ndele',
  narrative: NARRATIVE,
};

for (const dialect of DIALECTS) {
  describe(`editing an incident over HTTP on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    let id: number;
    const tokens: Record<string, string> = {};

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-incident-edits-'));
      process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
      await initKeys(store.db);
      tokens.ndele = (await addUserAccount(store, 'Ndele Officer', ['poc'], { offices: ['Ndele'] })).token;
      tokens.bria = (await addUserAccount(store, 'Bria Officer', ['poc'], { offices: ['Bria'] })).token;
      tokens.viewer = (await addUserAccount(store, 'Vic Viewer', ['viewer'], { offices: ['Ndele'] })).token;
      app = createApp({ store, webRoot: null, log: () => {} });
      const made = await app.request('/api/incidents', {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.ndele}`, 'content-type': 'application/json' },
        body: JSON.stringify(incident),
      });
      assert.equal(made.status, 201);
      id = (await made.json()).id;
    });
    after(async () => {
      delete process.env.TANDEM_KEY_FILE;
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const patch = (who: string, body: unknown, at = id) =>
      app.request(`/api/incidents/${at}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const get = async (who: string, path: string) => {
      const res = await app.request(path, { headers: { authorization: `Bearer ${tokens[who]}` } });
      assert.equal(res.status, 200, path);
      return res.json();
    };
    const admin1Row = async (who: string, admin1: string) =>
      (
        (await get(who, '/api/summary?by=admin1&country=Central%20African%20Republic')) as {
          rows: { key: string; events: number; fatalities: number }[];
        }
      ).rows.find((r) => r.key === admin1);
    const snapshot = async () => ({
      incident: await store.db.selectFrom('incidents').selectAll().execute(),
      history: await store.db.selectFrom('incident_history').selectAll().execute(),
      events: await store.db.selectFrom('events').selectAll().execute(),
      counts: await store.db.selectFrom('event_counts').selectAll().execute(),
    });

    test('bad input is answered 400 naming the field, and nothing is stored', async () => {
      const was = await snapshot();
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ occurredOn: '2999-01-01' }, /occurredOn.*future/],
        [{ latitude: 200 }, /latitude/],
        [{ category: 'bad-weather' }, /category/],
        [{ office: 'Bria' }, /office/],
        [{ verification: 'confirmed' }, /verification/],
        [{ kiled: 5 }, /kiled/],
        [{ latitude: null }, /latitude and longitude/],
        [{ sensitivity: 'public' }, /sensitivity.*never lowered/],
      ];
      for (const [change, field] of cases) {
        const res = await patch('ndele', change);
        assert.equal(res.status, 400, JSON.stringify(change));
        assert.match((await res.json()).error.message, field);
      }
      const res = await patch('ndele', { killed: 1 }, 999);
      assert.equal(res.status, 404);
      assert.deepEqual(await snapshot(), was);
    });

    test('another office and a viewer may not edit; nothing is stored', async () => {
      const was = await snapshot();
      for (const who of ['bria', 'viewer']) {
        const res = await patch(who, { killed: 9 });
        assert.equal(res.status, 403, who);
      }
      assert.deepEqual(await snapshot(), was);
    });

    test('an edit by the office moves the summary with it; rejected it counts nowhere, un-rejected it is back', async () => {
      assert.deepEqual(
        [
          (await admin1Row('viewer', 'Bamingui-Bangoran'))?.events,
          (await admin1Row('viewer', 'Bamingui-Bangoran'))?.fatalities,
        ],
        [1, 4],
      );
      const res = await patch('ndele', {
        admin1: 'Vakaga',
        killed: 6,
        verification: 'corroborated',
        narrative: NEW_NARRATIVE,
      });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { id, changed: ['admin1', 'killed', 'verification', 'narrative'] });
      for (const who of ['ndele', 'bria', 'viewer']) {
        assert.equal(await admin1Row(who, 'Bamingui-Bangoran'), undefined, who);
        const row = await admin1Row(who, 'Vakaga');
        assert.deepEqual([row?.events, row?.fatalities], [1, 6], who);
      }
      assert.equal((await patch('ndele', { verification: 'rejected' })).status, 200);
      for (const who of ['ndele', 'viewer']) assert.equal(await admin1Row(who, 'Vakaga'), undefined, who);
      assert.equal((await store.db.selectFrom('events').select('id').execute()).length, 0);
      assert.equal((await patch('ndele', { verification: 'verified' })).status, 200);
      assert.deepEqual((await admin1Row('viewer', 'Vakaga'))?.events, 1);
      const own = (await get('ndele', '/api/incidents')).incidents[0];
      assert.deepEqual([own.verification, own.narrative, own.killed], ['verified', NEW_NARRATIVE, 6]);
    });

    test('the history says who changed what and when; another office sees which fields, never the protected values', async () => {
      const own = await get('ndele', `/api/incidents/${id}/history`);
      assert.equal(own.withheld, false);
      assert.deepEqual(
        own.history.map((h: { change: string; by: string }) => `${h.by}:${h.change}`),
        ['Ndele Officer:created', 'Ndele Officer:edited', 'Ndele Officer:edited', 'Ndele Officer:edited'],
      );
      const first = own.history[1];
      assert.ok(!Number.isNaN(Date.parse(first.at)));
      assert.deepEqual(
        first.changes.find((c: { field: string }) => c.field === 'narrative'),
        {
          field: 'narrative',
          from: NARRATIVE,
          to: NEW_NARRATIVE,
        },
      );
      assert.deepEqual(
        own.history.slice(2).map((h: { changes: unknown[] }) => h.changes),
        [
          [{ field: 'verification', from: 'corroborated', to: 'rejected' }],
          [{ field: 'verification', from: 'rejected', to: 'verified' }],
        ],
      );
      for (const who of ['bria', 'viewer']) {
        const other = await get(who, `/api/incidents/${id}/history`);
        assert.equal(other.withheld, true, who);
        const changes = other.history[1].changes;
        assert.deepEqual(
          changes.find((c: { field: string }) => c.field === 'killed'),
          { field: 'killed', from: 4, to: 6 },
        );
        assert.deepEqual(
          changes.find((c: { field: string }) => c.field === 'narrative'),
          {
            field: 'narrative',
            from: null,
            to: null,
            withheld: true,
          },
        );
        assert.doesNotMatch(JSON.stringify(other), /Mariam|Yusuf|Kodro|Ouham/, who);
        // Who recorded and edited it is withheld, as the incident list withholds who recorded it.
        assert.deepEqual([...new Set(other.history.map((h: { by: string }) => h.by))], ['(withheld)'], who);
      }
    });

    test('every edit is in the audit chain, naming the fields and never their values, and the chain holds', async () => {
      const rows = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'detail'])
        .where('action', '=', 'edited')
        .orderBy('id')
        .execute();
      assert.equal(rows.length, 3);
      assert.match(rows[0]!.detail ?? '', /narrative/);
      assert.doesNotMatch(JSON.stringify(rows), /Mariam|Yusuf/);
      assert.equal((await verifyAudit(store.db)).ok, true);
    });

    if (dialect.name === 'sqlite') {
      test('the database file and its journal hold neither the old nor the new narrative in plain text', async () => {
        const path = store.location;
        const bytes = [path, `${path}-wal`, `${path}-journal`]
          .filter((p) => existsSync(p))
          .map((p) => readFileSync(p).toString('latin1'))
          .join('');
        for (const secret of ['Mariam', 'Yusuf', 'Kodro', 'GOLF-7', 'Tiri village', '8.40123'])
          assert.ok(!bytes.includes(secret), `"${secret}" is in the database file in plain text`);
      });
    }

    test('the history shows another office the people harmed together, never by sex and age, nor the hour (probe)', async () => {
      const res = await patch('ndele', { victims: { women: 1, girls: 2 }, time: '14:30' });
      assert.equal(res.status, 200);
      const own = await get('ndele', `/api/incidents/${id}/history`);
      const mine = own.history.at(-1).changes;
      assert.deepEqual(mine.find((c: { field: string }) => c.field === 'victims').to, {
        women: 1,
        men: 0,
        girls: 2,
        boys: 0,
        unknown: 0,
      });
      for (const who of ['bria', 'viewer']) {
        const other = await get(who, `/api/incidents/${id}/history`);
        const changes = other.history.at(-1).changes;
        const victims = changes.find((c: { field: string }) => c.field === 'victims');
        assert.deepEqual(victims.to, { women: 0, men: 0, girls: 0, boys: 0, unknown: 3 }, who);
        assert.equal(
          victims.from.unknown,
          Object.values(
            mine.find((c: { field: string }) => c.field === 'victims').from as Record<string, number>,
          ).reduce((a, b) => a + b, 0),
          who,
        );
        assert.deepEqual(
          changes.find((c: { field: string }) => c.field === 'time'),
          { field: 'time', from: null, to: null, withheld: true },
          who,
        );
      }
    });
  });
}
