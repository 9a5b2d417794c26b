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
const SOURCE = 'Informant GOLF-7 of the chief of Ndele';
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
  time: '14:30',
  victims: { women: 2, men: 3, girls: 1, boys: 0, unknown: 0 },
  killed: 4,
  injured: 2,
  targetedGroups: ['Displaced people'],
  sourceType: SOURCE,
  reliability: 'b',
  credibility: '2',
  verification: 'corroborated',
  office: 'Ndele',
  sensitivity: 'restricted',
  narrative: NARRATIVE,
};

for (const dialect of DIALECTS) {
  describe(`the incident log over HTTP on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    const tokens: Record<string, string> = {};
    const keyFile = () => join(dir, 'tandem.key');

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-incidents-'));
      process.env.TANDEM_KEY_FILE = keyFile();
      tokens.ndele = (await addUserAccount(store, 'Ndele Officer', ['poc'], { offices: ['Ndele'] })).token;
      tokens.bria = (await addUserAccount(store, 'Bria Officer', ['poc'], { offices: ['Bria'] })).token;
      tokens.viewer = (await addUserAccount(store, 'Vic Viewer', ['viewer'], { offices: ['Ndele'] })).token;
      tokens.admin = (
        await addUserAccount(store, 'Ada Admin', ['admin'], { offices: ['all-offices'] })
      ).token;
      app = createApp({ store, webRoot: null, log: () => {} });
    });
    after(async () => {
      delete process.env.TANDEM_KEY_FILE;
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const post = (who: string, body: unknown) =>
      app.request('/api/incidents', {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const list = async (who: string) =>
      (await (
        await app.request('/api/incidents?country=Central%20African%20Republic', {
          headers: { authorization: `Bearer ${tokens[who]}` },
        })
      ).json()) as { incidents: Record<string, unknown>[] };
    const stored = async () => (await store.db.selectFrom('incidents').select('id').execute()).length;

    test('without a master key a restricted incident is refused, saying what to do, and nothing is stored', async () => {
      const res = await post('ndele', incident);
      // The server lacks the key (503), which is not a refusal of the requester's right (403).
      assert.equal(res.status, 503);
      assert.equal((await res.clone().json()).error.code, 'unavailable');
      // The answer names no path on the server (the operator's log does).
      assert.doesNotMatch(
        (await res.clone().json()).error.message,
        new RegExp(keyFile().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      );
      assert.match((await res.clone().json()).error.message, /the server's key file/);
      assert.match((await res.json()).error.message, /tandem keys init/);
      assert.equal(await stored(), 0);
    });

    test('bad input is answered 400 naming the field, and nothing is stored', async () => {
      await initKeys(store.db, keyFile());
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ occurredOn: '2999-01-01' }, /occurredOn.*future/],
        [{ latitude: 200 }, /latitude/],
        [{ category: 'bad-weather' }, /category/],
        [{ perpetrator: { name: 'X', category: 'aliens' } }, /perpetrator\.category/],
        [{ office: 'Bria' }, /office/],
        [{ reliability: 'Q' }, /reliability/],
        // A field inside a group is refused like one beside it, never dropped (killed is the
        // incident's own field, not a victims' count: stored as asked, it would be 0 killed).
        [{ victims: { women: 3, killed: 3 } }, /victims\.killed/],
        [{ perpetrator: { name: 'X', kind: 'militia' } }, /perpetrator\.kind/],
      ];
      for (const [change, field] of cases) {
        const res = await post('ndele', { ...incident, ...change });
        assert.equal(res.status, 400, JSON.stringify(change));
        assert.match((await res.json()).error.message, field);
      }
      assert.equal(await stored(), 0);
    });

    test('the office that reports it reads it in full; another office and a viewer get counts and category only', async () => {
      const res = await post('ndele', incident);
      assert.equal(res.status, 201);
      const { id } = await res.json();
      assert.ok(Number.isInteger(id));
      const own = (await list('ndele')).incidents[0]!;
      assert.equal(own.withheld, false);
      assert.equal(own.narrative, NARRATIVE);
      assert.equal(own.sourceType, SOURCE);
      assert.equal(own.latitude, 8.40123);
      assert.deepEqual([own.time, (own.victims as { girls: number }).girls], ['14:30', 1]);
      for (const who of ['bria', 'viewer']) {
        const seen = (await list(who)).incidents[0]!;
        assert.equal(seen.withheld, true, who);
        assert.equal(seen.narrative, null, who);
        assert.equal(seen.sourceType, null, who);
        assert.equal(seen.latitude, null, who);
        assert.equal(seen.killed, 4, who);
        assert.equal(seen.category, 'killing', who);
        // The hour and the people harmed by sex and age stay with those who read it in full.
        assert.equal(seen.time, undefined, who);
        assert.deepEqual(seen.victims, { women: 0, men: 0, girls: 0, boys: 0, unknown: 6 }, who);
        // Who recorded it says which office and person handle the case.
        assert.equal(seen.createdBy, '(withheld)', who);
        assert.doesNotMatch(JSON.stringify(seen), /Mariam|GOLF|Tiri|8\.40/, who);
      }
      assert.equal((await list('admin')).incidents[0]!.narrative, NARRATIVE);
    });

    test('an incident counts in the summary for everyone who may see it; a rejected one counts nowhere', async () => {
      const summary = async (who: string) =>
        (await (
          await app.request('/api/summary?by=admin1&country=Central%20African%20Republic', {
            headers: { authorization: `Bearer ${tokens[who]}` },
          })
        ).json()) as { rows: { key: string; events: number; fatalities: number }[] };
      for (const who of ['ndele', 'viewer']) {
        const row = (await summary(who)).rows.find((r) => r.key === 'Bamingui-Bangoran');
        assert.deepEqual(
          { events: row?.events, fatalities: row?.fatalities },
          { events: 1, fatalities: 4 },
          who,
        );
      }
      const rejected = await post('ndele', {
        ...incident,
        verification: 'rejected',
        narrative: 'A false report',
      });
      assert.equal(rejected.status, 201);
      const after = (await summary('ndele')).rows.find((r) => r.key === 'Bamingui-Bangoran');
      assert.equal(after?.events, 1);
      // The event holds nothing that identifies: no place name, no notes, the point to 0.1° only.
      const event = await store.db
        .selectFrom('events')
        .selectAll()
        .where('source', '=', 'mission')
        .executeTakeFirstOrThrow();
      assert.deepEqual([event.location, event.notes, event.latitude, event.longitude], ['', '', 8.4, 20.7]);
    });

    test('every creation and release is in the audit chain, and the chain holds', async () => {
      const rows = await store.db.selectFrom('audit_log').select(['actor', 'action']).orderBy('id').execute();
      assert.deepEqual(
        rows.map((r) => `${r.actor}:${r.action}`),
        [
          // The attempt refused for want of a master key (above) is in the chain too.
          'Ndele Officer:refused',
          'Ndele Officer:created',
          'Ndele Officer:released',
          'Bria Officer:withheld',
          'Vic Viewer:withheld',
          'Ada Admin:released',
          'Ndele Officer:created',
        ],
      );
      assert.equal((await verifyAudit(store.db)).ok, true);
    });

    test('a read that is logged is logged again when repeated, not served unlogged from memory', async () => {
      const entries = async () =>
        (
          await store.db
            .selectFrom('audit_log')
            .select('id')
            .where('record_kind', '=', 'summary')
            .where('actor', '=', 'Ndele Officer')
            .execute()
        ).length;
      const before = await entries();
      for (let i = 0; i < 2; i++) {
        const res = await app.request('/api/summary?by=admin2&country=Central%20African%20Republic', {
          headers: { authorization: `Bearer ${tokens.ndele}` },
        });
        assert.equal(res.status, 200);
        const rows = ((await res.json()) as { rows: { key: string }[] }).rows;
        assert.ok(rows.some((r) => r.key.includes('Ndele')));
      }
      assert.equal((await entries()) - before, 2);
    });

    test('a reporter may file above their clearance; they then read it withheld and may not edit it', async () => {
      const res = await post('ndele', {
        ...incident,
        sensitivity: 'strictly-confidential',
        narrative: 'An account only protection staff may read',
      });
      assert.equal(res.status, 201);
      const { id } = (await res.json()) as { id: number };
      const seen = (await list('ndele')).incidents.find((i) => i.id === id);
      assert.equal(seen?.narrative ?? null, null);
      assert.equal(seen?.category, 'killing');
      const edit = await app.request(`/api/incidents/${id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${tokens.ndele}`, 'content-type': 'application/json' },
        body: JSON.stringify({ verification: 'rejected' }),
      });
      assert.equal(edit.status, 403);
      const admin = (await list('admin')).incidents.find((i) => i.id === id);
      assert.equal(admin?.narrative, 'An account only protection staff may read');
    });

    if (dialect.name === 'sqlite') {
      test('the database file and its journal hold no narrative, source, place or precise coordinate in plain text', async () => {
        const path = store.location;
        const bytes = [path, `${path}-wal`, `${path}-journal`]
          .filter((p) => existsSync(p))
          .map((p) => readFileSync(p).toString('latin1'))
          .join('');
        assert.ok(bytes.length > 0);
        for (const secret of ['Mariam', 'GOLF-7', 'Tiri village', '8.40123', '20.65377']) {
          assert.ok(!bytes.includes(secret), `"${secret}" is in the database file in plain text`);
        }
        // A coordinate stored as a number is 8 bytes, big-endian in SQLite's records.
        for (const v of [8.40123, 20.65377]) {
          const b = Buffer.alloc(8);
          b.writeDoubleBE(v);
          assert.ok(!bytes.includes(b.toString('latin1')), `${v} is in the database file as a number`);
        }
      });
    }
  });
}
