import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { addUserAccount } from '../../src/app/user-accounts.ts';
import { initKeys } from '../../src/security/data-keys.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';

/**
 * What each endpoint of the OpenAPI document is, for access: `open` (anyone), `read` (any signed-in
 * account), `write` (not a read-only role), `office` (a write to the record of an office: only that
 * office's writers and those of all offices; the record is the incident the test makes), `confidential` (cleared for strictly confidential
 * records), `local` (never over HTTP: it reads files on the server). An endpoint the document lists
 * and this table does not fails the test: a new endpoint must say who may use it.
 */
const EXPECTED: Record<string, 'open' | 'read' | 'write' | 'office' | 'confidential' | 'local'> = {
  'GET /api/health': 'open',
  'GET /api/openapi.json': 'read',
  'POST /api/ops/analyze': 'read',
  'POST /api/ops/suggestDrivers': 'read',
  'POST /api/ops/tagDriver': 'write',
  'POST /api/ops/confirmDriver': 'write',
  'POST /api/ops/disputeDriver': 'write',
  'POST /api/ops/withdrawDriver': 'write',
  'POST /api/ops/listDrivers': 'read',
  'POST /api/ops/listThreats': 'read',
  'POST /api/ops/proposeThreats': 'read',
  'POST /api/ops/addThreat': 'write',
  'POST /api/ops/editThreat': 'write',
  'POST /api/ops/reviewAgreement': 'read',
  'POST /api/ops/reviewAgreementText': 'read',
  'POST /api/ops/importAgreement': 'write',
  'POST /api/ops/listAgreements': 'read',
  'POST /api/ops/agreementReviewDocument': 'read',
  'POST /api/ops/importFiles': 'local',
  'POST /api/ops/summary': 'read',
  'POST /api/ops/listEvents': 'read',
  'POST /api/ops/listProblems': 'read',
  'POST /api/ops/accessLog': 'confidential',
  'POST /api/ops/listActors': 'read',
  'POST /api/ops/loadActorList': 'local',
  'POST /api/ops/loadActorPeriods': 'local',
  'POST /api/ops/listImports': 'read',
  'POST /api/ops/exportEvents': 'read',
  'POST /api/ops/checkPlan': 'read',
  'POST /api/ops/importPlan': 'write',
  'POST /api/ops/acknowledgePlan': 'write',
  'POST /api/ops/planAcknowledgements': 'read',
  'POST /api/ops/listPlans': 'read',
  'POST /api/ops/allocatePlan': 'read',
  'POST /api/ops/planSchema': 'read',
  'POST /api/ops/checkNegotiation': 'read',
  'POST /api/ops/listAlerts': 'read',
  'POST /api/ops/areaMap': 'read',
  'POST /api/ops/areaTrend': 'read',
  'POST /api/ops/mapEvents': 'read',
  'POST /api/ops/workbenchStatus': 'read',
  'POST /api/ops/loadBoundaries': 'local',
  'POST /api/ops/currentPlan': 'read',
  'POST /api/ops/currentPlanAllocation': 'read',
  'POST /api/ops/brief': 'read',
  'POST /api/ops/storeNegotiation': 'write',
  'POST /api/ops/currentNegotiation': 'read',
  'POST /api/ops/listNegotiations': 'read',
  'POST /api/ops/reviewStoredAgreement': 'read',
  'POST /api/ops/recordIncident': 'write',
  'POST /api/ops/recordIncidentFile': 'write',
  'POST /api/ops/listIncidents': 'read',
  'POST /api/ops/editIncident': 'write',
  'POST /api/ops/incidentHistory': 'read',
  'POST /api/ops/importLocalProcesses': 'write',
  'POST /api/ops/listLocalProcesses': 'read',
  'POST /api/ops/checkLocalProcesses': 'read',
  'POST /api/ops/recordParticipant': 'write',
  'POST /api/ops/recordParticipantFile': 'write',
  'POST /api/ops/listParticipants': 'read',
  'POST /api/ops/eraseParticipant': 'write',
  'POST /api/ops/setParticipantMeasure': 'write',
  'POST /api/ops/checkParticipation': 'read',
  'POST /api/ops/listFrictions': 'read',
  'POST /api/ops/editFriction': 'write',
  'POST /api/ops/frictionHistory': 'read',
  'GET /api/frictions': 'read',
  'GET /api/frictions/{ref}/history': 'read',
  'POST /api/ops/eventDetail': 'read',
  'POST /api/ops/actorProfile': 'read',
  'POST /api/ops/initKeys': 'local',
  'POST /api/ops/rotateKeys': 'local',
  'POST /api/ops/verifyAudit': 'confidential',
  'POST /api/ops/auditHead': 'confidential',
  'POST /api/ops/pullAcled': 'write',
  'POST /api/ops/pullUcdp': 'write',
  'POST /api/ops/listSourcePulls': 'read',
  'POST /api/ops/forecast': 'read',
  'POST /api/ops/forecastBacktest': 'read',
  'GET /api/summary': 'read',
  'GET /api/analysis': 'read',
  'GET /api/alerts': 'read',
  'GET /api/problems': 'read',
  'GET /api/events': 'read',
  'GET /api/event': 'read',
  'GET /api/actor': 'read',
  'GET /api/status': 'read',
  'GET /api/areas': 'read',
  'GET /api/areas/trend': 'read',
  'GET /api/areas/events': 'read',
  'GET /api/plans': 'read',
  'GET /api/plans/current': 'read',
  'GET /api/plans/current/allocation': 'read',
  'GET /api/plans/acknowledgements': 'read',
  'GET /api/negotiations': 'read',
  'GET /api/negotiations/current': 'read',
  'GET /api/agreements': 'read',
  'GET /api/agreements/review': 'read',
  'GET /api/threats': 'read',
  'GET /api/drivers': 'read',
  'GET /api/incidents': 'read',
  'GET /api/pulls': 'read',
  'GET /api/forecast': 'read',
  'POST /api/incidents': 'write',
  'PATCH /api/incidents/{id}': 'office',
  'GET /api/incidents/{id}/history': 'read',
  'GET /api/local-processes': 'read',
  'GET /api/local-processes/check': 'read',
  'GET /api/participants': 'read',
  'POST /api/participants': 'write',
  'GET /api/participation/check': 'read',
  'GET /api/export': 'read',
  'POST /api/imports': 'write',
  'GET /api/brief.html': 'read',
  'GET /api/brief.pdf': 'read',
  'GET /api/brief.md': 'read',
};

type Who = 'none' | 'viewer' | 'office' | 'otherOffice' | 'admin';
const WHO: Who[] = ['none', 'viewer', 'office', 'otherOffice', 'admin'];

/** What each kind of requester must get from each kind of endpoint. */
function expected(kind: (typeof EXPECTED)[string], who: Who): 'ok' | 401 | 403 {
  if (kind === 'open') return 'ok';
  if (who === 'none') return 401;
  if (kind === 'local') return 403;
  if (kind === 'confidential') return who === 'admin' ? 'ok' : 403;
  if (kind === 'write') return who === 'viewer' ? 403 : 'ok';
  if (kind === 'office') return who === 'office' || who === 'admin' ? 'ok' : 403;
  return 'ok';
}

const NARRATIVE = 'Seen by the ferryman at Kessa landing';

for (const dialect of DIALECTS) {
  describe(`who may use which endpoint, on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let dir: string;
    let app: ReturnType<typeof createApp>;
    const tokens: Partial<Record<Who, string>> = {};
    let incidentId = 0;

    before(async () => {
      ({ store, drop } = await dialect.open());
      dir = mkdtempSync(join(tmpdir(), 'tandem-matrix-'));
      process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
      await loadDemoMission(
        { store, requester: { name: 'matrix', roles: ['admin'] } },
        { onlyIfEmpty: true },
      );
      await initKeys(store.db);
      tokens.viewer = (await addUserAccount(store, 'Vi Viewer', ['viewer'], { offices: ['Kessa'] })).token;
      tokens.office = (await addUserAccount(store, 'Kessa Analyst', ['poc'], { offices: ['Kessa'] })).token;
      tokens.otherOffice = (
        await addUserAccount(store, 'Varo Analyst', ['poc'], { offices: ['Varo'] })
      ).token;
      tokens.admin = (await addUserAccount(store, 'Ad Min', ['admin'], { offices: ['all-offices'] })).token;
      app = createApp({
        store,
        webRoot: null,
        log: () => {},
        printPdf: async () => new Uint8Array([37, 80, 68, 70]),
      });
      const made = await app.request('/api/incidents', {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.office}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          occurredOn: '2026-10-02',
          country: 'Orvania (fictional)',
          admin1: 'Kessa Highlands',
          admin2: 'Kessa Ford',
          category: 'abduction-or-disappearance',
          office: 'Kessa',
          narrative: NARRATIVE,
        }),
      });
      assert.equal(made.status, 201);
      incidentId = (await made.json()).id;
    });
    after(async () => {
      delete process.env.TANDEM_KEY_FILE;
      await drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const ask = (method: string, documented: string, who: Who) => {
      // A record's path names the incident the test made.
      const path = documented.replace('{id}', String(incidentId));
      const headers: Record<string, string> =
        who === 'none' ? {} : { authorization: `Bearer ${tokens[who]}` };
      if (method === 'GET')
        return app.request(path === '/api/export' ? `${path}?format=csv` : path, { headers });
      if (path === '/api/imports')
        return app.request(`${path}?name=x.csv`, { method, headers, body: 'a,b\n1,2\n' });
      return app.request(path, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{}',
      });
    };

    test('every endpoint of the OpenAPI document has an expected answer for every kind of requester, and gives it', async () => {
      const doc = await (
        await app.request('/api/openapi.json', { headers: { authorization: `Bearer ${tokens.viewer}` } })
      ).json();
      const listed = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      );
      const unexpected = listed.filter((k) => !(k in EXPECTED));
      assert.deepEqual(unexpected, [], 'endpoints with no expected answer: add them to EXPECTED');
      const wrong: string[] = [];
      for (const key of listed) {
        const [method, path] = key.split(' ') as [string, string];
        for (const who of WHO) {
          const want = expected(EXPECTED[key]!, who);
          const res = await ask(method, path, who);
          await res.arrayBuffer();
          const ok =
            want === 'ok'
              ? res.status < 500 && res.status !== 401 && res.status !== 403
              : res.status === want;
          if (!ok) wrong.push(`${key} as ${who}: ${res.status}, expected ${want}`);
        }
      }
      assert.deepEqual(wrong, []);
    });

    test('an incident of an office is read in full by that office and an all-offices admin only', async () => {
      for (const who of WHO) {
        const res = await app.request('/api/incidents?country=Orvania%20(fictional)', {
          headers: who === 'none' ? {} : { authorization: `Bearer ${tokens[who]}` },
        });
        if (who === 'none') {
          assert.equal(res.status, 401);
          continue;
        }
        const [incident] = (await res.json()).incidents;
        const full = who === 'office' || who === 'admin';
        assert.equal(incident.withheld, !full, who);
        assert.equal(incident.narrative, full ? NARRATIVE : null, who);
        assert.equal(incident.category, 'abduction-or-disappearance', who);
      }
    });
  });
}
