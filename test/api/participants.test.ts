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

const REAL_NAME = 'Amina Kessa-Dore';
const ORGANISATION = 'Lakeside Women Union';
const ALIAS = 'Grey Heron';
const COUNTRY = 'Testland';

const NEGOTIATION = `process: Lakeside talks (fictional)
country: ${COUNTRY}
quota: { women: 0.3 }
parties:
  - { id: gov, name: Government, actors: [] }
  - { id: tlf, name: Testland Liberation Front, actors: [] }
rounds:
  - { id: R1, start: 2026-05-01, end: 2026-05-03, delegations: { gov: { women: 2, men: 8 }, tlf: { women: 1, men: 6 } } }
  - { id: R2, start: 2026-09-01, end: 2026-09-03, delegations: { gov: { women: 2, men: 9 }, tlf: { women: 1, men: 7 } } }
  - { id: R3, start: 2026-11-01, end: 2026-11-03, delegations: { gov: { women: 1, men: 9 }, tlf: { women: 1, men: 7 } } }
`;

const LOCAL = `processes:
  - id: lakeside-grazing
    name: Lakeside grazing corridor arrangement
    date: 2026-08-01
    # Across the border, as PA-X Local writes it: the process is Testland's too.
    country: ${COUNTRY}/Neighbourland
    latitude: 7.5
    longitude: 30.25
    mediators: [Port Lake elders council]
    office: Kessa
    status: signed
    meetings: [{ id: signing, date: 2026-08-01 }]
`;

for (const dialect of DIALECTS) {
  describe(`the protection–participation register over HTTP on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    const tokens: Record<string, string> = {};
    let negotiationId = 0;
    let incidentId = 0;
    let participantId = 0;

    const call = (who: string, method: string, path: string, body?: unknown) =>
      app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${tokens[who]}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const participant = () => ({
      alias: ALIAS,
      realName: REAL_NAME,
      role: "women's group leader",
      gender: 'female',
      organisation: ORGANISATION,
      office: 'Kessa',
      country: COUNTRY,
      admin1: 'Lakeside',
      processes: [{ process: negotiationId, rounds: ['R2'] }, { process: 'lakeside-grazing' }],
      consent: { given: true, on: '2026-04-20' },
      incidents: [incidentId],
      measures: [
        { kind: 'protected travel', owner: 'Kessa POC unit', status: 'planned', reviewOn: '2026-12-10' },
      ],
    });
    const stored = async () => (await store.db.selectFrom('participants').select('id').execute()).length;

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-participants-'));
      process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
      await initKeys(store.db);
      tokens.kessa = (
        await addUserAccount(store, 'Kessa Protection', ['protection'], { offices: ['Kessa'] })
      ).token;
      tokens.varo = (
        await addUserAccount(store, 'Varo Protection', ['protection'], { offices: ['Varo'] })
      ).token;
      tokens.viewer = (await addUserAccount(store, 'Vi Viewer', ['viewer'], { offices: ['Kessa'] })).token;
      tokens.admin = (await addUserAccount(store, 'Ad Min', ['admin'], { offices: ['all-offices'] })).token;
      app = createApp({ store, webRoot: null, log: () => {} });
      const neg = await call('kessa', 'POST', '/api/ops/storeNegotiation', {
        process: NEGOTIATION,
        name: 'talks.yaml',
      });
      assert.equal(neg.status, 200, await neg.clone().text());
      negotiationId = (await neg.json()).id;
      const local = await call('kessa', 'POST', '/api/ops/importLocalProcesses', {
        text: LOCAL,
        name: 'local.yaml',
      });
      assert.equal(local.status, 200, await local.clone().text());
      const inc = await call('kessa', 'POST', '/api/incidents', {
        occurredOn: '2026-08-20',
        country: COUNTRY,
        admin1: 'Lakeside',
        category: 'threat-or-intimidation',
        targetedGroups: ['Displaced people'],
        office: 'Kessa',
        sensitivity: 'restricted',
        narrative: 'Threatening calls to the union',
      });
      assert.equal(inc.status, 201, await inc.clone().text());
      incidentId = (await inc.json()).id;
    });
    after(async () => {
      delete process.env.TANDEM_KEY_FILE;
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('a participant in a round, process or incident that does not exist is refused naming the field; nothing is stored', async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [
          { processes: [{ process: negotiationId, rounds: ['R9'] }] },
          /processes\.0\.rounds\.0: .*no round "R9" \(its rounds: R1, R2, R3\)/,
        ],
        [
          { processes: [{ process: 'no-such-process' }] },
          /processes\.0\.process: no local process or stored negotiation process "no-such-process"/,
        ],
        [
          { processes: [{ process: 'lakeside-grazing', rounds: ['first-session'] }] },
          /processes\.0\.rounds\.0/,
        ],
        [{ incidents: [99999] }, /incidents\.0: no incident 99999/],
        [{ gender: 'woman' }, /gender/],
        [{ alias: '' }, /alias/],
        [{ office: 'Varo' }, /office/],
        // A country very like the one the store holds is a likely slip, unless said to be new.
        [{ country: `${COUNTRY}x` }, /country: ".*x" is not a country the store holds; did you mean/],
      ];
      for (const [change, message] of cases) {
        const res = await call('kessa', 'POST', '/api/participants', { ...participant(), ...change });
        assert.equal(res.status, 400, JSON.stringify(change));
        assert.match((await res.json()).error.message, message);
      }
      assert.equal(await stored(), 0);
    });

    test('another office may not link an incident it may not read, and is told no more than of one that does not exist (probe)', async () => {
      const theirs = await call('varo', 'POST', '/api/participants', {
        ...participant(),
        office: 'Varo',
        incidents: [incidentId],
      });
      assert.equal(theirs.status, 400);
      const none = await call('varo', 'POST', '/api/participants', {
        ...participant(),
        office: 'Varo',
        incidents: [99999],
      });
      const said = (r: { error: { message: string } }, id: number) =>
        r.error.message.replace(String(id), 'N');
      assert.equal(said(await theirs.json(), incidentId), said(await none.json(), 99999));
      assert.equal(await stored(), 0);
    });

    test('a participant is created strictly confidential, read in full only by its office and an all-offices admin', async () => {
      const res = await call('kessa', 'POST', '/api/participants', participant());
      assert.equal(res.status, 201, await res.clone().text());
      participantId = (await res.json()).id;
      assert.ok(Number.isInteger(participantId));
      const list = async (who: string) =>
        (await (await call(who, 'GET', `/api/participants?country=${COUNTRY}`)).json()).participants;
      for (const who of ['kessa', 'admin']) {
        const [p] = await list(who);
        assert.equal(p.sensitivity, 'strictly-confidential');
        assert.deepEqual(
          [p.withheld, p.alias, p.realName, p.role, p.organisation],
          [false, ALIAS, REAL_NAME, "women's group leader", ORGANISATION],
          who,
        );
        assert.deepEqual(p.processes, [
          { process: String(negotiationId), kind: 'negotiation', rounds: ['R2'] },
          { process: 'lakeside-grazing', kind: 'local', rounds: [] },
        ]);
        assert.deepEqual(p.measures, [
          { kind: 'protected travel', owner: 'Kessa POC unit', status: 'planned', reviewOn: '2026-12-10' },
        ]);
      }
      // Sealed at rest, as the alias is: a copied store file does not give it away.
      const stored = await store.db.selectFrom('participants').select('role').execute();
      assert.doesNotMatch(JSON.stringify(stored), /group leader/);
      for (const who of ['varo', 'viewer']) {
        const [p] = await list(who);
        assert.deepEqual(
          [p.withheld, p.alias, p.realName, p.organisation, p.processes, p.createdBy],
          [true, null, null, null, null, '(withheld)'],
          who,
        );
        // The role is free text that can name a person ("chair of the Kessa peace committee").
        assert.equal(p.role, null, who);
        assert.doesNotMatch(JSON.stringify(p), /Amina|Heron|Women Union|group leader/, who);
      }
    });

    test('every read of the register is in the audit chain, and the chain holds', async () => {
      const rows = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action'])
        .where('record_kind', '=', 'participant')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        rows.map((r) => `${r.actor}:${r.action}`),
        [
          'Kessa Protection:created',
          'Kessa Protection:released',
          'Ad Min:released',
          'Varo Protection:withheld',
          'Vi Viewer:withheld',
        ],
      );
      assert.equal((await verifyAudit(store.db)).ok, true);
    });

    test('participation check raises each kind of alert with its incidents and suggested measures', async () => {
      const res = await call('kessa', 'GET', `/api/participation/check?country=${COUNTRY}`);
      assert.equal(res.status, 200);
      const { alerts } = await res.json();
      const of = (kind: string) => alerts.filter((a: { kind: string }) => a.kind === kind);
      const [threat] = of('threat-before-round');
      assert.deepEqual(
        [threat.participant, threat.process, threat.round, threat.incidents.map((i: { id: number }) => i.id)],
        [participantId, String(negotiationId), 'R2', [incidentId]],
      );
      assert.ok(threat.measures.some((m: { id: string }) => m.id === 'protected-travel'));
      const [quota] = of('below-quota-trend');
      assert.equal(quota.process, String(negotiationId));
      assert.equal(quota.round, 'R3');
      assert.deepEqual(
        quota.shares.map((s: { share: number }) => Math.round(s.share * 100)),
        [18, 16, 11],
      );
      const [attacked] = of('local-mediators-attacked');
      assert.deepEqual([attacked.participant, attacked.process], [participantId, 'lakeside-grazing']);
      assert.deepEqual(
        attacked.incidents.map((i: { id: number }) => i.id),
        [incidentId],
      );
      // The check read the register: that read is audited too.
      const last = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'detail'])
        .where('record_kind', '=', 'participant')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual([last.actor, last.action], ['Kessa Protection', 'released']);
      assert.match(last.detail, /checkParticipation/);
      // And so is each restricted incident its alerts list, with the groups it harmed.
      const incidentReads = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'record_id', 'detail'])
        .where('record_kind', '=', 'incident')
        .where('actor', '=', 'Kessa Protection')
        .execute();
      assert.ok(
        incidentReads.some(
          (r) =>
            r.action === 'released' &&
            r.record_id === String(incidentId) &&
            /checkParticipation/.test(r.detail),
        ),
        JSON.stringify(incidentReads),
      );
    });

    test('the check tells another office and a viewer that an alert exists, never who, where or which incidents', async () => {
      for (const who of ['varo', 'viewer']) {
        const res = await call(who, 'GET', `/api/participation/check?country=${COUNTRY}`);
        assert.equal(res.status, 200);
        const { alerts } = await res.json();
        const onPeople = alerts.filter((a: { kind: string }) => a.kind !== 'below-quota-trend');
        assert.deepEqual(
          onPeople.map(
            (a: { kind: string; participant: number | null; process: string; incidents: unknown[] }) => [
              a.kind,
              a.participant,
              a.process,
              a.incidents.length,
            ],
          ),
          [
            ['threat-before-round', null, '', 0],
            ['local-mediators-attacked', null, '', 0],
          ],
          who,
        );
        assert.doesNotMatch(JSON.stringify(onPeople), /lakeside|R2|Amina|Heron|Women Union/, who);
        assert.match(onPeople[0].message, /may not read in full/);
      }
    });

    test("the brief's participation section gives counts, never who, and incident ids to those who may read them", async () => {
      const res = await call('varo', 'GET', `/api/brief.html?country=${COUNTRY}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(
        html,
        /<h2>Participation at risk<\/h2>\s*<p>1 person or group in the protection–participation register for this scope \(1 of them withheld from the reader of this brief\)/,
      );
      // The alert is counted; which incident lies behind it is withheld with the participant.
      assert.match(html, /<td>threat before round<\/td><td class="num">1<\/td><td>–<\/td>/);
      // It counts a strictly confidential record: its marking says so, whoever reads it.
      assert.match(html, /<p class="marking"[^>]*>STRICTLY CONFIDENTIAL<\/p>/);
      assert.doesNotMatch(html, /Amina|Heron|Women Union/);
      const own = await (await call('kessa', 'GET', `/api/brief.html?country=${COUNTRY}`)).text();
      assert.match(
        own,
        new RegExp(`<td>threat before round</td><td class="num">1</td><td>#${incidentId}</td>`),
      );
    });

    if (dialect.name === 'sqlite') {
      test('the database file and its journal hold no alias, real name, organisation or protective measure in plain text', async () => {
        const path = store.location;
        const bytes = [path, `${path}-wal`, `${path}-journal`]
          .filter((p) => existsSync(p))
          .map((p) => readFileSync(p).toString('latin1'))
          .join('');
        assert.ok(bytes.length > 0);
        for (const secret of [REAL_NAME, ALIAS, ORGANISATION, 'protected travel', 'Kessa POC unit']) {
          assert.ok(!bytes.includes(secret), `"${secret}" is in the database file in plain text`);
        }
        const row = await store.db.selectFrom('participants').selectAll().executeTakeFirstOrThrow();
        for (const sealed of [row.alias_sealed, row.real_name_sealed, row.organisation_sealed])
          assert.ok(!sealed.includes('Amina') && !sealed.includes('Heron') && !sealed.includes('Union'));
      });
    }
  });
}
