import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoTexts } from '../src/app/demo/demo-texts.ts';
import { loadDemoMission } from '../src/app/demo/load-demo-mission.ts';
import { operations } from '../src/app/operations.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { harmKindOfSubEvent } from '../src/domain/harm-kind.ts';
import type { Language } from '../src/domain/language.ts';
import { createApp } from '../src/server/create-app.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { englishIn } from './french-words.ts';
import { runCli } from './run-cli.ts';

/**
 * The demonstration mission written in French (issue 19): `loadDemoMission(ctx, { lang: 'fr' })`
 * gives the same analysis as the English one (the same events, classified the same way, the same
 * driver suggestions, plan findings, agreement categories, negotiation alerts, local-process
 * findings and frictions), and what it stores is French.
 */
const requester = { name: 'demo-test', roles: ['admin'] };

interface Loaded {
  store: Store;
  drop: () => Promise<void>;
  app: ReturnType<typeof createApp>;
  country: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read field by field as the pages read them
type Json = Record<string, any>;

test('tandem agreement review codes the French demonstration agreement into the English one’s categories', async () => {
  const review = async (folder: string) => {
    const file = new URL(`../src/app/demo/${folder}demo-agreement.txt`, import.meta.url).pathname;
    const r = await runCli(['agreement', 'review', file, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Json;
    return {
      language: out.language,
      categories: Object.keys(out.coverage).filter((k) => out.coverage[k]),
      gaps: out.gaps.map((g: Json) => g.code),
    };
  };
  const [en, fr] = [await review(''), await review('fr/')];
  assert.equal(en.language, 'en');
  assert.equal(fr.language, 'fr');
  assert.deepEqual(en.categories, ['ProtCiv', 'GRef', 'DevHum', 'HrMob', 'Ce', 'ImPK', 'ImUN', 'SsrDdr']);
  assert.deepEqual(fr.categories, en.categories);
  assert.equal(en.gaps.length, 10);
  assert.deepEqual(fr.gaps, en.gaps);
});

for (const dialect of DIALECTS) {
  describe(`the demonstration mission in French and in English on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    const stores = {} as Record<Language, Loaded>;

    before(async () => {
      for (const lang of ['en', 'fr'] as const) {
        const { store, drop } = await dialect.open();
        const loaded = await loadDemoMission({ store, requester }, { lang });
        assert.deepEqual(
          loaded.parts.filter((p) => !p.loaded),
          [],
          `every part of the ${lang} demonstration loads`,
        );
        stores[lang] = {
          store,
          drop,
          app: createApp({ store, webRoot: null, log: () => {} }),
          country: demoTexts(lang).country,
        };
      }
    });
    after(async () => {
      for (const s of Object.values(stores)) await s.drop();
    });

    /** The same address asked of both stores, the country written as each spells it. */
    async function both(path: (country: string) => string): Promise<Record<Language, Json>> {
      const out = {} as Record<Language, Json>;
      for (const lang of ['en', 'fr'] as const) {
        const s = stores[lang];
        const res = await s.app.request(path(encodeURIComponent(s.country)));
        assert.equal(res.status, 200, `${lang}: ${path('C')}`);
        out[lang] = (await res.json()) as Json;
      }
      return out;
    }

    async function events(lang: Language) {
      return stores[lang].store.db
        .selectFrom('events')
        .select([
          'source_event_id',
          'date_start',
          'country',
          'admin1',
          'admin2',
          'location',
          'latitude',
          'longitude',
          'violence_type',
          'event_type',
          'sub_event_type',
          'actor1',
          'actor1_category',
          'actor2',
          'actor2_category',
          'civilian_targeting',
          'fatalities',
          'civilian_fatalities',
          'notes',
          'source_text',
        ])
        .orderBy('source_event_id')
        .execute();
    }

    test("its events are recorded under their file's name, not the temporary folder they were written to", async () => {
      for (const { store } of Object.values(stores)) {
        const files = (await store.db.selectFrom('imports').select('path').execute()).map((r) => r.path);
        assert.deepEqual(files, ['orvania-events-hxl.csv']);
      }
    });

    test('the same events, classified the same way, each English name with one French name', async () => {
      const [en, fr] = [await events('en'), await events('fr')];
      assert.ok(en.length > 1000, `${en.length} events`);
      assert.equal(fr.length, en.length);
      const same = (e: (typeof en)[number]) => ({
        id: e.source_event_id,
        date: e.date_start,
        admin1: e.admin1,
        location: e.location,
        at: [Number(e.latitude), Number(e.longitude)],
        violenceType: e.violence_type,
        categories: [e.actor1_category, e.actor2_category],
        civilianTargeting: Number(e.civilian_targeting),
        fatalities: [Number(e.fatalities), Number(e.civilian_fatalities)],
        harm: harmKindOfSubEvent(e.sub_event_type),
      });
      assert.deepEqual(fr.map(same), en.map(same));
      assert.ok(en.some((e) => harmKindOfSubEvent(e.sub_event_type) === 'sexual-violence'));
      assert.ok(en.some((e) => harmKindOfSubEvent(e.sub_event_type) === 'abduction'));
      // A translation, not a relabelling: each English word has exactly one French word, and back.
      for (const field of [
        'country',
        'event_type',
        'sub_event_type',
        'actor1',
        'actor2',
        'source_text',
      ] as const) {
        const pairs = new Set(en.map((e, i) => `${e[field]}\u0000${fr[i]![field]}`));
        assert.equal(pairs.size, new Set(en.map((e) => e[field])).size, `${field}: one French word each`);
        assert.equal(pairs.size, new Set(fr.map((e) => e[field])).size, `${field}: one English word each`);
        for (const p of pairs) {
          const [e, f] = p.split('\u0000');
          if (e) assert.notEqual(f, e, `${field} "${e}" is translated`);
        }
      }
    });

    test('the same driver suggestions for every event', async () => {
      const suggested = async (lang: Language) => {
        const s = stores[lang];
        const out = await runOperation(
          operations.suggestDrivers,
          { country: s.country, limit: 10_000 },
          { via: 'cli', name: 'drivers suggest', requester, store: s.store },
        );
        return Object.fromEntries(
          out.suggestions.map((e) => [
            'sourceEventId' in e ? e.sourceEventId : null,
            e.suggestions.map((x) => x.driver).sort(),
          ]),
        );
      };
      const [en, fr] = [await suggested('en'), await suggested('fr')];
      assert.ok(Object.keys(en).length > 1000);
      assert.deepEqual(fr, en);
    });

    test('the same plan check findings', async () => {
      const { en, fr } = await both(() => '/api/plans/current');
      const kinds = (r: Json) => r.check.findings.map((f: Json) => `${f.kind} ${f.subject}`);
      assert.ok(kinds(en).length >= 6, kinds(en).join(', '));
      assert.deepEqual(kinds(fr), kinds(en));
      assert.equal(
        fr.plan.mission,
        'Mission des Nations Unies pour la stabilisation en Orvanie (MINUSOR, fictive)',
      );
    });

    test('the French agreement, read as French, codes the English agreement’s categories', async () => {
      const { en, fr } = await both(() => '/api/agreements/review');
      assert.equal(en.language, 'en');
      assert.equal(fr.language, 'fr');
      const found = (r: Json) =>
        Object.entries(r.coverage)
          .filter(([, v]) => v)
          .map(([k]) => k);
      assert.ok(found(en).length >= 8, found(en).join(' '));
      assert.deepEqual(found(fr), found(en));
      assert.deepEqual(
        fr.provisions.map((p: Json) => p.id),
        en.provisions.map((p: Json) => p.id),
        'the same articles and clauses',
      );
    });

    test('the same negotiation alerts, inclusion figures and tests', async () => {
      const { en, fr } = await both((c) => `/api/negotiations/current?country=${c}`);
      const figures = (r: Json) => ({
        alerts: r.check.alerts.map(({ message, evidence, ...rest }: Json) => ({
          ...rest,
          evidence: evidence.map(({ actor1, actor2, notes, ...e }: Json) => e),
        })),
        inclusion: r.check.inclusion,
        tests: r.check.tests,
      });
      assert.ok(en.check.alerts.length > 0);
      assert.deepEqual(figures(fr), figures(en));
    });

    test('the same local-process findings and frictions', async () => {
      const local = await both((c) => `/api/local-processes/check?country=${c}&storedPlan=true`);
      const findings = (r: Json) => ({
        processes: r.processes.map((p: Json) => [p.id, p.findings.map((f: Json) => f.kind)]),
        office: r.officeFindings.map((f: Json) => `${f.kind} ${f.activity}`),
      });
      assert.deepEqual(findings(local.fr), findings(local.en));
      assert.ok(findings(local.en).office.length > 0);
      const frictions = await both((c) => `/api/frictions?country=${c}`);
      const kinds = (r: Json) => r.frictions.map((f: Json) => `${f.kind} ${f.subject}`).sort();
      assert.ok(kinds(frictions.en).length > 0);
      assert.deepEqual(kinds(frictions.fr), kinds(frictions.en));
    });

    test('the same escalation alerts and threats in the joint analysis', async () => {
      const { en, fr } = await both((c) => `/api/analysis?country=${c}`);
      // An alert is keyed by the country, an area or an actor: the English key read in French.
      const [enEvents, frEvents] = [await events('en'), await events('fr')];
      const french = new Map(
        enEvents.flatMap((e, i) => [
          [e.country, frEvents[i]!.country],
          [e.actor1, frEvents[i]!.actor1],
        ]),
      );
      const alerts = (r: Json, inFrench: (k: string) => string) =>
        r.alerts
          .map((a: Json) =>
            JSON.stringify({
              ...a,
              country: inFrench(a.country),
              key: inFrench(a.key),
              evidence: a.evidence.map((e: Json) => e.sourceEventId),
            }),
          )
          .sort();
      assert.ok(en.alerts.some((a: Json) => a.level === 'actor'));
      assert.deepEqual(
        alerts(fr, (k) => k),
        alerts(en, (k) => french.get(k) ?? k),
      );
      const threats = (r: Json, inFrench: (k: string) => string) =>
        r.threats
          .map((t: Json) =>
            JSON.stringify([
              inFrench(t.perpetrator),
              t.admin1,
              t.violenceType,
              t.eventCount,
              t.harmKinds,
              t.drivers,
            ]),
          )
          .sort();
      assert.ok(en.threats.length > 0);
      assert.deepEqual(
        threats(fr, (k) => k),
        threats(en, (k) => french.get(k) ?? k),
      );
    });

    test('what the French demonstration stores is French', async () => {
      const [en, fr] = [await events('en'), await events('fr')];
      const english = new Set(
        en.flatMap((e) => [e.notes, e.event_type, e.sub_event_type, e.admin2, e.actor1]),
      );
      const texts: [string, string][] = [];
      const seen = new Set<string>();
      for (const e of fr)
        for (const [field, t] of Object.entries({
          notes: e.notes,
          event_type: e.event_type,
          sub_event_type: e.sub_event_type,
          admin2: e.admin2,
          actor1: e.actor1,
          actor2: e.actor2,
          source_text: e.source_text,
        }))
          if (t && !seen.has(t)) {
            seen.add(t);
            texts.push([`event ${field}`, t]);
          }
      const { fr: plan } = await both(() => '/api/plans/current');
      const p = plan.plan;
      texts.push(['plan mission', p.mission], ['plan vision', p.concept.vision]);
      for (const t of p.mandate.tasks) texts.push([`task ${t.id}`, t.text]);
      for (const o of p.concept.objectives) texts.push([`objective ${o.id}`, o.text]);
      for (const s of p.strategies) for (const o of s.objectives) texts.push([`objective ${o.id}`, o.text]);
      for (const a of p.activities) texts.push([`activity ${a.id}`, a.text]);
      for (const r of p.resources) texts.push([`resource ${r.id}`, r.text]);
      const { fr: review } = await both(() => '/api/agreements/review');
      texts.push(['agreement title', review.title]);
      for (const v of review.provisions) texts.push([`provision ${v.id}`, v.text]);
      const { fr: talks } = await both((c) => `/api/negotiations/current?country=${c}`);
      texts.push(['talks', talks.process.process]);
      for (const party of talks.process.parties) texts.push([`party ${party.id}`, party.name]);
      const { fr: local } = await both((c) => `/api/local-processes?country=${c}`);
      for (const l of local.processes)
        for (const t of [l.name, l.nationalLinkNote, ...l.mediators, ...l.issues, ...l.parties])
          if (t) texts.push([`local process ${l.id}`, t]);
      const { fr: drivers } = await both((c) => `/api/drivers?country=${c}`);
      for (const tag of [...drivers.joint, ...drivers.unconfirmed])
        texts.push([`driver tag ${tag.driver}`, tag.note], [`driver tag ${tag.driver}`, tag.analyst]);
      assert.ok(texts.length > 100, `${texts.length} texts`);
      for (const [where, t] of texts) {
        assert.deepEqual(englishIn(t), [], `${where}: English left in «${t}»`);
        assert.ok(!english.has(t), `${where}: «${t}» is the English text`);
        // The agreement's provisions are stored as the coder reads them, every space an ordinary one.
        if (!where.startsWith('provision'))
          assert.doesNotMatch(
            t,
            / [;:?!»]|« /,
            `${where}: an ordinary space where French puts a no-break one in «${t}»`,
          );
        assert.doesNotMatch(t, /\b(?:de|le|la) [AEIOUÉ]/, `${where}: no elision in «${t}»`);
      }
      assert.ok(
        fr.every((e) => /fictif/.test(e.notes)),
        'every note says it is fictional',
      );
    });
  });
}
