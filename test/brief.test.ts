import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_COUNTRY } from '../src/app/demo/demo-country.ts';
import { generateDemoEvents } from '../src/app/demo/demo-events.ts';
import { eventsAsHxlCsv } from '../src/app/demo/demo-hxl-file.ts';
import { loadDemoMission } from '../src/app/demo/load-demo-mission.ts';
import { runOperation } from '../src/app/run-operation.ts';
import { brief } from '../src/app/workbench-operations.ts';
import { isTandemError } from '../src/domain/tandem-error.ts';
import { assertChromium } from '../src/reports/pdf-printer.ts';
import { createApp } from '../src/server/create-app.ts';
import type { Store } from '../src/store/store.ts';
import { DIALECTS } from './dialects.ts';
import { importFiles } from './import-files.ts';
import { runCli } from './run-cli.ts';

/**
 * The brief a mission can send (issue 15.7) and the brief in French (issue 19.2), on the
 * fictional demonstration mission, with a restricted file of the mission's own beside it.
 */
const requester = { name: 'tester', roles: ['admin'] };
const scratch = mkdtempSync(join(tmpdir(), 'tandem-brief-'));
const FIXTURE_EVENTS = new URL('fixtures/good/acled-old-format.csv', import.meta.url).pathname;
after(() => rmSync(scratch, { recursive: true, force: true }));

const ONE_MONTH = { country: DEMO_COUNTRY, from: '2025-08-01', to: '2025-08-31' };
const QUERY_TEXT = /event_counts|actor_counts|driver_tags|\bwhere\b.*=|sum\(|count\(\*\)/;

for (const dialect of DIALECTS) {
  describe(`the brief on ${dialect.name}`, { skip: dialect.skip }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    const make = (input: Record<string, unknown>) =>
      runOperation(brief, input, { via: 'cli', name: 'brief', requester, store }) as Promise<{
        content: string;
      }>;

    before(async () => {
      ({ store, drop } = await dialect.open());
      await loadDemoMission({ store, requester });
    });
    after(async () => drop());

    test('it carries a classification marking, the day it was produced and its sources, before anything else', async () => {
      const { content } = await make({ ...ONE_MONTH, format: 'md' });
      const lines = content.split('\n');
      assert.equal(lines[0], '**PUBLIC**');
      const today = new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date());
      assert.ok(content.includes(`Produced on ${today} by Tandem.`), content.slice(0, 400));
      assert.match(content, /\*\*Sources:\*\* Spreadsheets imported by the mission \(HXL\)/);
    });

    test('a restricted record in scope marks the brief RESTRICTED; outside its period the brief stays PUBLIC', async () => {
      const own = generateDemoEvents({ seed: 7, from: '2025-09-01', to: '2025-09-10' }).map((e, i) => ({
        ...e,
        sourceEventId: `OWN${i}`,
      }));
      const file = join(scratch, `own-${dialect.name}.csv`);
      writeFileSync(file, eventsAsHxlCsv(own));
      await importFiles(store, [file], { format: 'hxl', sensitivity: 'restricted' });
      const september = await make({
        country: DEMO_COUNTRY,
        from: '2025-09-01',
        to: '2025-09-30',
        format: 'html',
      });
      assert.match(september.content, /<p class="marking"[^>]*>RESTRICTED<\/p>/);
      const august = await make({ ...ONE_MONTH, format: 'md' });
      assert.ok(august.content.startsWith('**PUBLIC**'));
      // At the foot too, as the README promises and the HTML and PDF brief have it.
      assert.ok(august.content.trimEnd().endsWith('**PUBLIC**'));
    });

    test('ACLED is cited as ACLED asks', async () => {
      const { buildBrief } = await import('../src/reports/brief-model.ts');
      const { renderBriefMarkdown } = await import('../src/reports/joint-brief.ts');
      const { analysisOperations } = await import('../src/app/analysis-operations.ts');
      const a = await analysisOperations.analyze.run({ store, requester }, ONE_MONTH);
      assert.ok(
        buildBrief(a, { sources: ['acled', 'ucdp'] }).sources.includes(
          'Armed Conflict Location & Event Data Project (ACLED); acleddata.com',
        ),
      );
      assert.match(renderBriefMarkdown(a, { sources: ['ucdp'] }), /UCDP Georeferenced Event Dataset/);
    });

    test('threats that read the same once their groups are withheld are one row of the brief', async () => {
      const { renderBriefMarkdown } = await import('../src/reports/joint-brief.ts');
      const { analysisOperations } = await import('../src/app/analysis-operations.ts');
      const a = await analysisOperations.analyze.run({ store, requester }, ONE_MONTH);
      const threat = {
        id: 1,
        perpetrator: 'Dan Na Ambassagou',
        perpetratorCategory: 'identity-militia',
        isState: false,
        targetedPopulation: '(withheld)',
        violenceType: 'violence-against-civilians' as const,
        country: DEMO_COUNTRY,
        admin1: 'Zone Nine',
        likelihood: 'high' as const,
        severity: 'high' as const,
        harmKinds: [],
        trend: 'new' as const,
        status: 'accepted' as const,
        events: [],
        eventCount: 1,
        fatalities: 2,
        drivers: [],
        note: '',
        updatedBy: null,
        updatedAt: null,
      };
      const md = renderBriefMarkdown({ ...a, threats: [threat, { ...threat, id: 2 }, { ...threat, id: 3 }] });
      assert.equal(md.match(/\| Dan Na Ambassagou \|/g)?.length, 1);
    });

    test('a scope holding both ACLED and UCDP events says that an event both record is counted twice', async () => {
      const { renderBriefMarkdown } = await import('../src/reports/joint-brief.ts');
      const { analysisOperations } = await import('../src/app/analysis-operations.ts');
      const a = await analysisOperations.analyze.run({ store, requester }, ONE_MONTH);
      assert.match(
        renderBriefMarkdown(a, { sources: ['acled', 'ucdp'] }),
        /an event both record is counted twice here, and where one source’s record begins later than the other’s, the rise and the new actors of its first months are the source beginning/,
      );
      assert.match(
        renderBriefMarkdown(a, { sources: ['acled', 'ucdp'], lang: 'fr' }),
        /un événement que les deux enregistrent est compté deux fois/,
      );
      assert.doesNotMatch(renderBriefMarkdown(a, { sources: ['acled'] }), /counted twice/);
    });

    test('a scope without civilian deaths names its own sources, not ACLED', async () => {
      const { renderBriefMarkdown } = await import('../src/reports/joint-brief.ts');
      const { analysisOperations } = await import('../src/app/analysis-operations.ts');
      const a = await analysisOperations.analyze.run({ store, requester }, ONE_MONTH);
      const none = { ...a, headline: { ...a.headline, civilianFatalities: null } };
      const partner = renderBriefMarkdown(none, { sources: ['hxl'] });
      assert.match(partner, /Civilian fatalities: – because no source in scope \(HXL\) gives the figure\./);
      assert.doesNotMatch(partner, /gives the figure \(ACLED does not\)/);
      assert.match(
        renderBriefMarkdown(none, { sources: ['hxl', 'acled'], lang: 'fr' }),
        /aucune source du périmètre \(ACLED, HXL\) ne donne ce chiffre/,
      );
    });

    test('a name withheld from the reader is said in the brief’s language', async () => {
      const { renderBriefMarkdown } = await import('../src/reports/joint-brief.ts');
      const { analysisOperations } = await import('../src/app/analysis-operations.ts');
      const a = await analysisOperations.analyze.run({ store, requester }, ONE_MONTH);
      // As a reader not cleared for the record behind the first perpetrator would get it.
      const withheld = {
        ...a,
        perpetrators: a.perpetrators.map((p, i) => (i === 0 ? { ...p, actor: '(withheld)' } : p)),
      };
      const fr = renderBriefMarkdown(withheld, { lang: 'fr' });
      assert.match(fr, /\| \(masqué\) \|/);
      assert.doesNotMatch(fr, /\(withheld\)/);
      assert.match(renderBriefMarkdown(withheld, {}), /\| \(withheld\) \|/);
    });

    test('no query text: each section says in words how its figures were counted', async () => {
      const { content } = await make({ ...ONE_MONTH, format: 'md' });
      assert.doesNotMatch(content, QUERY_TEXT);
      assert.doesNotMatch(content, /Behind these figures/);
      // The analysis's six sections each say it; sections added by other features (local processes,
      // forecasts, frictions) may add their own.
      assert.ok((content.match(/\*How these figures were counted:\*/g) ?? []).length >= 6);
    });

    test('a one-month brief draws bars with their figures, not empty line charts', async () => {
      const { content } = await make({ ...ONE_MONTH, format: 'html' });
      assert.ok((content.match(/<rect /g) ?? []).length >= 5, 'bars');
      assert.doesNotMatch(content, /<path d="M[\d.,]+"/, 'a line of one point draws nothing');
      const md = (await make({ ...ONE_MONTH, format: 'md' })).content;
      assert.match(md, /events {2,}Aug 2025: \d+/);
    });

    test('evidence is named one way, by its source’s own id, and each links to its event page in the workbench', async () => {
      const workbench = 'http://mission.example:7400/';
      const { content } = await make({ country: DEMO_COUNTRY, format: 'html', workbench });
      const links = [
        ...content.matchAll(/<a href="http:\/\/mission\.example:7400\/#\/event\?id=(\d+)">([^<]+)<\/a>/g),
      ];
      assert.ok(links.length > 10, `links: ${links.length}`);
      const ids = [...new Set(links.map((l) => Number(l[1])))];
      const stored = new Map(
        (
          await store.db
            .selectFrom('events')
            .select(['id', 'source', 'source_event_id'])
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [Number(r.id), r]),
      );
      // Each link's text is the id its source gives the event it opens, after the source's name.
      for (const [, id, label] of links) assert.equal(label, stored.get(Number(id))?.source_event_id);
      assert.ok([...stored.values()].every((r) => r.source === 'hxl'));
      assert.match(
        content,
        /<td>HXL <a href="http:\/\/mission\.example:7400\/#\/event\?id=\d+">ORV\d+<\/a>, <a /,
      );
      // Without the workbench's address (a brief written to a file by the CLI, sent on), the ids
      // stand alone: a root-relative link led to file:///#/event (exports probe).
      const alone = (await make({ country: DEMO_COUNTRY, format: 'html' })).content;
      assert.doesNotMatch(alone, /<a href=/);
      assert.match(alone, /<td>HXL ORV\d+, ORV\d+/);
      // No store number is left: the printed brief names nothing a reader cannot look up.
      assert.doesNotMatch(content, />#\d+</);
      const md = (await make({ country: DEMO_COUNTRY, format: 'md' })).content;
      assert.match(md, /\| HXL ORV\d+, ORV\d+/);
      assert.doesNotMatch(md, /#\d+/);
      assert.match(md, /Evidence is named by its source’s own event id/);
    });

    test('in French: titles, sentences, tables and formats (1 234, 3 déc. 2026) read French', async () => {
      // The whole period holds the restricted file imported above: the marking says so, in French.
      const { content } = await make({ country: DEMO_COUNTRY, format: 'md', lang: 'fr' });
      assert.match(
        content,
        /^\*\*DIFFUSION RESTREINTE\*\*\n\n# Note d’analyse conjointe : Orvania \(fictional\), du 1er janv\. 2024 au 31 oct\. 2026/,
      );
      for (const h of [
        '## Chiffres clés',
        '## Zones les plus touchées',
        '## Alertes d’escalade',
        '## Auteurs',
        '## Facteurs de violence',
        '## Menaces contre les civils',
        '## Méthode',
        // The sections from the mission's registers and models (issue 19.2), in French too.
        '## Processus locaux',
        '## Prévisions : ',
        '## Frictions',
      ])
        assert.ok(content.includes(h), h);
      assert.match(content, /\| Kessa Highlands grazing pact \(fictional\) \| 1er juin 2025 \|/);
      // Each friction says what was found, in French: an activity's id alone told a reader nothing.
      assert.match(
        content,
        /\| forces de l’État parmi les auteurs \| L’activité a-fao-support \(«.Joint operations and logistics support to the FAO to secure Varo town.»\) appuie [^|]* \|/,
      );
      assert.doesNotMatch(content, /supports state authority/);
      // A joint tag says who made it and who confirmed it, each with their unit.
      assert.match(
        content,
        /étiquette 1 \(Lower Varo\) : posée par A\. Mensah \(fictional POC analyst\) \(POC\), confirmée par L\. Ortega \(fictional political affairs officer\) \(politique\)/,
      );
      assert.doesNotMatch(
        content,
        /Local processes|Forecast|next month|not decided|violent events|Field activity/,
      );
      assert.match(content, /\| événements \| \d{1,3}\u202f\d{3} \|/, 'grouped with a narrow no-break space');
      assert.match(content, /Établie le \d{1,2}(er)? [a-zéû]+\.? \d{4} par Tandem\./);
      assert.match(content, /\*Comment ces chiffres ont été comptés :\*/);
      assert.doesNotMatch(content, /\b(events|fatalities|Headline|Hotspots|rising|falling|proposed)\b/);
      // The drivers by their French labels (data/drivers.yaml's label_fr), the analysts' units in
      // French, and the events that name no group as civilians in French.
      assert.match(content, /\| Bétail et transhumance \|/);
      assert.match(content, /\| Contre-insurrection et représailles \|/);
      assert.doesNotMatch(
        content,
        /Cattle and transhumance|Counter-insurgency|Negotiation leverage|\((poc|political)\)/,
      );
      assert.match(content, /Civils \(Orvania \(fictional\)\)/);
      assert.doesNotMatch(content, /Civilians \(/);
    });

    test('GET /api/brief.html?lang=fr is the French brief; without Chromium /api/brief.pdf says in one line what to install', async () => {
      const app = createApp({
        store,
        webRoot: null,
        log: () => {},
        printPdf: async () => {
          assertChromium(join(scratch, 'no-chromium-here'));
          return new Uint8Array();
        },
      });
      const html = await app.request(`/api/brief.html?country=${encodeURIComponent(DEMO_COUNTRY)}&lang=fr`);
      assert.equal(html.status, 200);
      const page = await html.text();
      assert.match(page, /<html lang="fr">[\s\S]*Note d’analyse conjointe/);
      // The served brief links to this workbench, in French, whole (it may be saved or printed).
      assert.match(page, /<a href="http:\/\/localhost\/\?lang=fr#\/event\?id=\d+">/);
      const pdf = await app.request(`/api/brief.pdf?country=${encodeURIComponent(DEMO_COUNTRY)}`);
      assert.equal(pdf.status, 503);
      const text = await pdf.text();
      assert.equal(text.trim().split('\n').length, 1);
      assert.match(text, /needs Chromium.*apt-get install chromium/);
    });
  });
}

test('without Chromium, or with one that does not start, tandem analyze --format pdf ends with exit 2 in one line', async () => {
  const db = join(scratch, 'pdf-less.db');
  const made = await runCli(['import', FIXTURE_EVENTS, '--db', db]);
  assert.equal(made.code, 0, made.stderr);
  const pdf = (chromium: string) =>
    runCli(['analyze', '--db', db, '--format', 'pdf', '--out', join(scratch, 'b.pdf')], {
      env: { TANDEM_CHROMIUM: chromium },
    });
  const missing = await pdf(join(scratch, 'no-chromium-here'));
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(missing.stderr, /needs Chromium.*install it/);
  assert.doesNotMatch(missing.stderr, /at .*\.ts:\d+/);
  // A Chromium that is there but exits at once: one line naming it, not Playwright's launch log
  // and "internal error" (exports probe).
  const broken = await pdf('/bin/false');
  assert.equal(broken.code, 2, broken.stderr);
  assert.match(broken.stderr, /^tandem: Chromium at \/bin\/false did not start \(.*\): check that it runs/);
  assert.equal(broken.stderr.trim().split('\n').length, 1, broken.stderr);
});

test('assertChromium is a user error (503), not a crash', () => {
  assert.throws(
    () => assertChromium('/no/such/chromium'),
    (e) => isTandemError(e) && e.code === 'unavailable' && e.httpStatus === 503,
  );
});
