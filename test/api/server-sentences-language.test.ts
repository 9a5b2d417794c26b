import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../../src/app/demo/demo-country.ts';
import { loadDemoMission } from '../../src/app/demo/load-demo-mission.ts';
import { createApp } from '../../src/server/create-app.ts';
import type { Store } from '../../src/store/store.ts';
import { DIALECTS } from '../dialects.ts';
import { assertFrench } from '../french-words.ts';

/**
 * The sentences the server writes follow `lang` (issue 19): with `lang=fr` the plan check, the
 * frictions, the local-process check and the negotiation check answer in French, with the same
 * fields and the same findings; with no `lang` they answer exactly as with `lang=en`, in the
 * English they always had; any other language is refused with the field named.
 */
const C = encodeURIComponent(DEMO_COUNTRY);
const requester = { name: 'api-test', roles: ['admin'] };

/** The names the data and the plan give (actors, areas, parties), which no translation touches. */
function dataWords(body: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key = ''): void => {
    if (typeof v === 'string') {
      if (
        [
          'actor1',
          'actor2',
          'admin1',
          'name',
          'subject',
          'country',
          'process',
          'venue',
          'mission',
          'round',
          'text',
          'id',
        ].includes(key)
      )
        out.add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key === 'parties' || key === 'actors' ? 'name' : key);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k);
    }
  };
  walk(body);
  return [...out].sort((a, b) => b.length - a.length);
}

/** A sentence of the answer with the data's own names taken out, to be read for English. */
function sentenceOnly(text: string, names: readonly string[]): string {
  let s = text;
  for (const n of names) s = s.split(n).join('');
  return s;
}

for (const dialect of DIALECTS) {
  describe(`the server's sentences in the reader's language on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof createApp>;

    before(async () => {
      ({ store, drop } = await dialect.open());
      await loadDemoMission({ store, requester }, { onlyIfEmpty: true });
      app = createApp({ store, webRoot: null, log: () => {} });
    });
    after(async () => drop());

    const json = async (path: string) => {
      const res = await app.request(path);
      return { status: res.status, body: await res.json() };
    };

    /** The three answers of one address: no lang, lang=en, lang=fr. */
    async function threeWays(path: string) {
      const sep = path.includes('?') ? '&' : '?';
      const [none, en, fr] = await Promise.all([
        json(path),
        json(`${path}${sep}lang=en`),
        json(`${path}${sep}lang=fr`),
      ]);
      for (const a of [none, en, fr]) assert.equal(a.status, 200, `${path}: ${JSON.stringify(a.body)}`);
      assert.deepEqual(none.body, en.body, `${path}: no lang answers as lang=en`);
      return { en: en.body, fr: fr.body };
    }

    test('the plan check: the same findings, their messages and notes in French', async () => {
      const { en, fr } = await threeWays('/api/plans/current');
      const names = dataWords(fr);
      const strip = (f: { message: string; mitigations: { id: string }[] }) => ({
        ...f,
        message: '',
        mitigations: f.mitigations.map((m) => m.id),
      });
      assert.deepEqual(fr.check.findings.map(strip), en.check.findings.map(strip), 'only the words change');
      const friction = en.check.findings.find(
        (f: { kind: string; subject: string }) =>
          f.kind === 'state-perpetrator-friction' && f.subject === 'a-fao-support',
      );
      assert.match(
        friction.message,
        /^Activity a-fao-support \(".*"\) supports state authority or security forces in Lower Varo/,
      );
      for (const f of fr.check.findings) {
        assert.notEqual(
          f.message,
          en.check.findings.find(
            (e: { kind: string; subject: string }) => e.kind === f.kind && e.subject === f.subject,
          ).message,
        );
        assertFrench(sentenceOnly(f.message, names), `${f.kind} ${f.subject}`);
        for (const m of f.mitigations) assertFrench(m.text, `${f.kind} ${m.id}`);
      }
      for (const n of fr.check.notes) assertFrench(sentenceOnly(n, names), 'note');
    });

    test('the frictions: French messages, the same register', async () => {
      const { en, fr } = await threeWays(`/api/frictions?country=${C}`);
      assert.deepEqual(
        fr.frictions.map((f: { ref: string }) => f.ref),
        en.frictions.map((f: { ref: string }) => f.ref),
      );
      assert.ok(fr.frictions.length > 0);
      // The plan's own words (a resource's description) are in the plan, not in the register.
      const names = dataWords([fr, (await json('/api/plans/current')).body]);
      for (const f of fr.frictions) assertFrench(sentenceOnly(f.message, names), `${f.kind} ${f.subject}`);
    });

    test('the local-process check: French findings and method', async () => {
      const { en, fr } = await threeWays(`/api/local-processes/check?country=${C}&storedPlan=true`);
      assert.match(en.method, /^Events of the store whose first day lies in/);
      assertFrench(fr.method, 'method');
      const findings = fr.processes.flatMap(
        (p: { findings: { kind: string; message: string }[] }) => p.findings,
      );
      assert.ok(findings.length + fr.officeFindings.length > 0, 'the demonstration has local findings');
      const names = dataWords([fr, (await json('/api/plans/current')).body]);
      for (const f of [...findings, ...fr.officeFindings])
        assertFrench(sentenceOnly(f.message, names), f.kind);
    });

    test('the negotiation check: French alerts, method and notes', async () => {
      const { en, fr } = await threeWays(`/api/negotiations/current?country=${C}`);
      assert.equal(fr.check.alerts.length, en.check.alerts.length);
      assert.ok(fr.check.alerts.length > 0);
      assert.match(en.check.alerts[0].message, / perpetrated \d+ violent events? \(/);
      const names = dataWords(fr);
      for (const a of fr.check.alerts) assertFrench(sentenceOnly(a.message, names), 'pre-talks-escalation');
      assertFrench(fr.check.method, 'method');
      for (const n of fr.check.notes) assertFrench(sentenceOnly(n, names), 'note');
    });

    test('a language Tandem does not write is refused, the field named', async () => {
      for (const path of [
        '/api/plans/current?lang=de',
        `/api/frictions?lang=english`,
        `/api/local-processes/check?country=${C}&lang=FR`,
        `/api/participation/check?country=${C}&lang=es`,
        `/api/negotiations/current?lang=`,
      ]) {
        const { status, body } = await json(path);
        assert.equal(status, 400, path);
        assert.match(JSON.stringify(body), /lang/, path);
      }
    });
  });
}
