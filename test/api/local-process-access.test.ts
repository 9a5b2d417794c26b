import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { verifyAudit } from '../../src/security/audit-chain.ts';
import { initKeys } from '../../src/security/data-keys.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';
import { runCli } from '../run-cli.ts';

// FICTIONAL: Testland and its people do not exist.
const COUNTRY = 'Testland';
const ALIAS = 'Grey Heron';
const QUIET = 'Quiet elders dialogue on the abductions';

const LOCAL = `processes:
  - id: lakeside-grazing
    name: Lakeside grazing corridor arrangement
    date: 2026-08-01
    country: ${COUNTRY}
    admin1: Lakeside
    latitude: 7.5
    longitude: 30.25
    mediators: [Port Lake elders council]
    thirdParties: [Lakeside Women Union]
    office: Kessa
    status: signed
  - id: quiet-dialogue
    name: ${QUIET}
    kind: dialogue
    date: 2026-07-01
    country: ${COUNTRY}
    admin1: Lakeside
    latitude: 7.6
    longitude: 30.3
    office: Kessa
    status: negotiating
    sensitivity: restricted
`;

/** Two ACLED rows: one whose civilian side names the mediators (its targets), one that names no one. */
function eventsCsv(dir: string): string {
  const fixture = new URL('../fixtures/local/testland-events.csv', import.meta.url);
  const header = readFileSync(fixture, 'utf8').split('\n', 1)[0];
  const rows = [
    '901,999,TLA1,901,2026-07-20,2026,1,Violence against civilians,Attack,Unidentified Armed Group (Testland),,3,Civilians (Testland),Port Lake elders council,7,37,Eastern Africa,Testland,Lakeside,Lakeside North,,Port Lake,7.5,30.25,1,Test Monitor,National,Elders attacked on the road.,1,1700000000,TST',
    '902,999,TLA2,902,2026-07-22,2026,1,Battles,Armed clash,Military Forces of Testland (2019-),,1,Testland Liberation Front,,2,12,Eastern Africa,Testland,Lakeside,Lakeside North,,Port Lake,7.5,30.25,1,Test Monitor,National,A clash.,2,1700000000,TST',
  ];
  const path = join(dir, 'events.csv');
  writeFileSync(path, `${header}\n${rows.join('\n')}\n`);
  return path;
}

interface Touching {
  kind: string;
  id: number;
  via: string;
  participant: number | null;
  alias: string | null;
  named: string | null;
  sourceEventId?: string;
}
interface Checked {
  id: string;
  findings: { kind: string; incidents?: number[] }[];
  incidentsTouchingParticipants: Touching[];
}

for (const dialect of DIALECTS) {
  describe(`local processes and who may know of them, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let flags: string[];
    let drop: () => Promise<void>;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    const tokens: Record<string, string> = {};
    let threatId = 0;
    let unionId = 0;
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
    const json = async (who: string, path: string) => {
      const res = await call(who, 'GET', path);
      assert.equal(res.status, 200, `${who} ${path}: ${await res.clone().text()}`);
      return res.json();
    };
    const check = (who: string, extra = '') =>
      json(who, `/api/local-processes/check?country=${COUNTRY}${extra}`) as Promise<{
        processes: Checked[];
        withheld: number;
      }>;
    const incident = async (body: Record<string, unknown>) => {
      const res = await call('kessa', 'POST', '/api/incidents', {
        country: COUNTRY,
        admin1: 'Lakeside',
        category: 'threat-or-intimidation',
        office: 'Kessa',
        sensitivity: 'restricted',
        narrative: 'Threatening calls',
        ...body,
      });
      assert.equal(res.status, 201, await res.clone().text());
      return (await res.json()).id as number;
    };

    before(async () => {
      ({ store, flags, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-local-access-'));
      process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
      await initKeys(store.db);
      const imported = await runCli(['import', eventsCsv(dir), ...flags]);
      assert.equal(imported.code, 0, imported.stderr);
      for (const [key, name, roles, offices] of [
        ['kessa', 'Kessa Protection', ['protection'], ['Kessa']],
        ['varo', 'Varo Protection', ['protection'], ['Varo']],
        ['viewer', 'Vi Viewer', ['viewer'], ['Kessa']],
        ['admin', 'Ad Min', ['admin'], ['all-offices']],
      ] as const)
        tokens[key] = (await addUserAccount(store, name, [...roles], { offices: [...offices] })).token;
      app = createApp({ store, webRoot: null, log: () => {} });
      const local = await call('kessa', 'POST', '/api/ops/importLocalProcesses', {
        text: LOCAL,
        name: 'local.yaml',
      });
      assert.equal(local.status, 200, await local.clone().text());
      threatId = await incident({ occurredOn: '2026-07-15' });
      unionId = await incident({ occurredOn: '2026-08-10', targetedGroups: ['Lakeside Women Union'] });
      const res = await call('kessa', 'POST', '/api/participants', {
        alias: ALIAS,
        realName: 'Amina Kessa-Dore',
        role: 'delegate',
        gender: 'female',
        organisation: 'Lakeside Women Union',
        office: 'Kessa',
        country: COUNTRY,
        admin1: 'Lakeside',
        processes: [{ process: 'lakeside-grazing' }],
        consent: { given: true, on: '2026-04-20' },
        incidents: [threatId],
      });
      assert.equal(res.status, 201, await res.clone().text());
      participantId = (await res.json()).id;
    });
    after(async () => {
      delete process.env.TANDEM_KEY_FILE;
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the check lists the incidents and events that touched a process’s participant, mediators and third parties', async () => {
      const { processes } = await check('kessa');
      const lake = processes.find((p) => p.id === 'lakeside-grazing')!;
      const seen = lake.incidentsTouchingParticipants.map((t) => [
        t.kind,
        t.kind === 'event' ? t.sourceEventId : t.id,
        t.via,
        t.participant,
        t.alias,
        t.named,
      ]);
      assert.deepEqual(seen, [
        ['incident', threatId, 'participant', participantId, ALIAS, null],
        ['event', 'TLA1', 'mediator', null, null, 'Port Lake elders council'],
        ['incident', unionId, 'third-party', null, null, 'Lakeside Women Union'],
      ]);
      const finding = lake.findings.find((f) => f.kind === 'participants-or-mediators-targeted');
      assert.deepEqual(finding?.incidents, [threatId, unionId]);
      // The quiet dialogue names no one and has no participant: nothing touches it.
      const quiet = processes.find((p) => p.id === 'quiet-dialogue')!;
      assert.deepEqual(quiet.incidentsTouchingParticipants, []);
      assert.ok(!quiet.findings.some((f) => f.kind === 'participants-or-mediators-targeted'));
    });

    test('another office learns neither the participant’s alias or id nor a group it may not read', async () => {
      for (const who of ['varo', 'viewer']) {
        const { processes } = await check(who);
        const lake = processes.find((p) => p.id === 'lakeside-grazing')!;
        assert.deepEqual(
          lake.incidentsTouchingParticipants.map((t) => [t.kind, t.via, t.participant, t.alias]),
          [
            // Touched "a participant": not even the id, which the register lists with a role.
            ['incident', 'participant', null, null],
            ['event', 'mediator', null, null],
          ],
          who,
        );
        assert.doesNotMatch(JSON.stringify(processes), /Grey Heron|Amina|Women Union/, who);
      }
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'record_kind', 'detail'])
        .where('detail', 'like', '%checkLocalProcesses%')
        .where('record_kind', '=', 'participant')
        .execute();
      assert.deepEqual(audit.map((r) => `${r.actor}:${r.action}`).sort(), [
        'Kessa Protection:released',
        'Varo Protection:withheld',
        'Vi Viewer:withheld',
      ]);
    });

    test('an incident near a process is neither listed nor counted for another office: its distance, or the radius it appears at, would place it', async () => {
      const id = await incident({
        occurredOn: '2026-07-25',
        category: 'killing',
        killed: 1,
        latitude: 7.51,
        longitude: 30.26,
        perpetrator: { name: 'Night Riders of the Lake', category: 'political-militia' },
      });
      const evidence = async (who: string) => {
        const { processes } = await check(who);
        const lake = processes.find((p) => p.id === 'lakeside-grazing') as unknown as {
          before: {
            events: number;
            evidence: { sourceEventId: string; actor1: string; distanceKm: number | null }[];
          };
        };
        return {
          events: lake.before.events,
          mine: lake.before.evidence.find((e) => e.sourceEventId === String(id)),
        };
      };
      const kessa = await evidence('kessa');
      assert.equal(kessa.mine?.actor1, 'Night Riders of the Lake');
      assert.equal(typeof kessa.mine?.distanceKm, 'number');
      // Varo Protection is cleared for restricted records, but not of the Kessa office. Counted
      // at one radius and not at a smaller one, from three processes, it gave its point away
      // (second probe): it is neither listed nor counted for those who may not read it.
      for (const who of ['varo', 'viewer']) {
        const seen = await evidence(who);
        assert.equal(seen.events, kessa.events - 1, `${who}: not counted`);
        assert.equal(seen.mine, undefined, who);
      }
      const reads = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action'])
        .where('record_kind', '=', 'event')
        .where('detail', 'like', '%checkLocalProcesses%')
        .execute();
      const by = (actor: string) => new Set(reads.filter((r) => r.actor === actor).map((r) => r.action));
      assert.ok(by('Kessa Protection').has('released'), 'the read of the one who may is audited');
      assert.ok(!by('Varo Protection').has('released'));
    });

    test('a restricted process is released to its office only: list, check, one process and the brief', async () => {
      const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();
      for (const who of ['kessa', 'admin']) {
        const list = await json(who, `/api/local-processes?country=${COUNTRY}`);
        assert.deepEqual(ids(list.processes), ['lakeside-grazing', 'quiet-dialogue'], who);
        assert.equal(list.withheld, 0);
        assert.deepEqual(ids((await check(who, '&id=quiet-dialogue')).processes), ['quiet-dialogue']);
      }
      for (const who of ['varo', 'viewer']) {
        const list = await json(who, `/api/local-processes?country=${COUNTRY}`);
        assert.deepEqual(ids(list.processes), ['lakeside-grazing'], who);
        assert.equal(list.withheld, 1);
        const checked = await check(who, '&storedPlan=true');
        assert.deepEqual(ids(checked.processes), ['lakeside-grazing'], who);
        assert.equal(checked.withheld, 1);
        // The area page asks the check; one process asked by its id is not there either.
        const one = await check(who, '&id=quiet-dialogue');
        assert.deepEqual([one.processes, one.withheld], [[], 1], who);
        const other = await check(who, '&id=no-such-process');
        assert.deepEqual(
          [other.processes, other.withheld],
          [[], 1],
          'the same answer as for an id that exists',
        );
        assert.doesNotMatch(JSON.stringify(checked), /quiet|Quiet/, who);
      }
      const brief = async (who: string) => {
        const res = await call(who, 'GET', `/api/brief.html?country=${COUNTRY}`);
        assert.equal(res.status, 200);
        return res.text();
      };
      assert.match(await brief('kessa'), /<p>2 local processes recorded;/);
      const varo = await brief('varo');
      assert.match(varo, /<p>1 local process recorded \(and 1 withheld from the reader of this brief\);/);
      assert.doesNotMatch(varo, new RegExp(QUIET));
      const reads = await store.db
        .selectFrom('audit_log')
        .select(['actor', 'action', 'record_id'])
        .where('record_kind', '=', 'local-process')
        // The reads; the process's creation by Kessa is audited too ('created').
        .where('action', 'in', ['released', 'withheld'])
        .execute();
      assert.ok(reads.every((r) => r.record_id === 'quiet-dialogue'));
      const by = (actor: string) => new Set(reads.filter((r) => r.actor === actor).map((r) => r.action));
      assert.deepEqual([...by('Kessa Protection')], ['released']);
      assert.deepEqual([...by('Varo Protection')], ['withheld']);
      assert.deepEqual([...by('Vi Viewer')], ['withheld']);
      // Varo's own access log lists what was released to Varo, not the process withheld from Varo:
      // its id would name it, and a withheld entry's appearing would confirm a guessed name
      // (fourth security probe). The administrator sees both.
      const log = async (who: string) => {
        const res = await call(who, 'POST', '/api/ops/accessLog', { limit: 1000 });
        assert.equal(res.status, 200, await res.clone().text());
        return JSON.stringify((await res.json()).entries);
      };
      assert.doesNotMatch(await log('varo'), /quiet-dialogue/);
      assert.match(await log('kessa'), /"record_id":"quiet-dialogue","sensitivity":"restricted","granted":1/);
      assert.match(
        await log('admin'),
        /"requester":"Varo Protection","action":"[^"]*","record_kind":"local-process","record_id":"quiet-dialogue","sensitivity":"restricted","granted":0/,
      );
      assert.equal((await verifyAudit(store.db)).ok, true);
    });

    test('another office may not name a restricted process for a participant: to them it does not exist', async () => {
      const res = await call('admin', 'POST', '/api/participants', {
        alias: 'Kite',
        role: 'delegate',
        gender: 'male',
        office: 'Kessa',
        country: COUNTRY,
        processes: [{ process: 'quiet-dialogue' }],
      });
      assert.equal(res.status, 201, 'all offices may');
      const varo = await call('varo', 'POST', '/api/participants', {
        alias: 'Kite',
        role: 'delegate',
        gender: 'male',
        office: 'Varo',
        country: COUNTRY,
        processes: [{ process: 'quiet-dialogue' }],
      });
      assert.equal(varo.status, 400);
      assert.match((await varo.json()).error.message, /processes\.0\.process: no local process/);
    });

    test('the CLI releases the same way: a viewer’s `local list` and `local check` leave the restricted process out', async () => {
      const viewer = { env: { TANDEM_ROLES: 'viewer' } };
      const list = await runCli(['local', 'list', '--country', COUNTRY, '--json', ...flags], viewer);
      assert.equal(list.code, 0, list.stderr);
      assert.deepEqual(
        JSON.parse(list.stdout).processes.map((p: { id: string }) => p.id),
        ['lakeside-grazing'],
      );
      const checked = await runCli(['local', 'check', '--country', COUNTRY, '--json', ...flags], viewer);
      assert.equal(checked.code, 0, checked.stderr);
      const out = JSON.parse(checked.stdout);
      assert.deepEqual(
        out.processes.map((p: { id: string }) => p.id),
        ['lakeside-grazing'],
      );
      assert.doesNotMatch(checked.stdout, /Grey Heron/);
      const owner = await runCli(['local', 'check', '--country', COUNTRY, '--json', ...flags]);
      assert.equal(owner.code, 0, owner.stderr);
      const lake = JSON.parse(owner.stdout).processes.find(
        (p: { id: string }) => p.id === 'lakeside-grazing',
      );
      assert.equal(lake.incidentsTouchingParticipants[0].alias, ALIAS);
    });
  });
}
