import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import i18next from 'i18next';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { operations } from '../../src/app/operations.ts';
import { runOperation } from '../../src/app/run-operation.ts';
import { FRICTION_KINDS } from '../../src/domain/friction.ts';
import { PARTICIPATION_ALERT_KINDS } from '../../src/domain/participant.ts';
import { FINDING_KINDS } from '../../src/domain/plan.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/reports/pdf-printer.ts';
import { initKeys } from '../../src/security/data-keys.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { inFrenchCountry } from '../../web/src/i18n/country-format.ts';
import { en } from '../../web/src/i18n/en.ts';
import { fr } from '../../web/src/i18n/fr.ts';
import { browserSkip, ROOT } from './workbench-session.ts';

/**
 * The French workbench says what the server and the downloads say: every finding kind has words
 * in both catalogues, the PA-X categories are named as the review download names them, counts
 * agree in number ("1 événement"), a country takes its article ("au Mali"), and the agreements
 * page counts the provisions the download counts, without asking for a review that is not there.
 */

/** Kinds the local-process check and the negotiation check give, which no exported list names. */
const OTHER_KINDS = [
  'local-national-disconnect',
  'breaking-down',
  'participants-or-mediators-targeted',
  'office-activity-without-local-process',
  'pre-talks-escalation',
];

describe('the catalogues name every kind the API gives', () => {
  test('every finding and alert kind has words in both languages', () => {
    const src = (f: string) => readFileSync(join(ROOT, 'src', f), 'utf8');
    // The lists above are the kinds written in the checks' own sources.
    for (const k of OTHER_KINDS)
      assert.ok(
        src('analysis/local-process-checks.ts').includes(`'${k}'`) ||
          src('agreements/negotiation-checks.ts').includes(`'${k}'`),
        k,
      );
    for (const k of [...FINDING_KINDS, ...OTHER_KINDS, ...FRICTION_KINDS])
      for (const [lang, cat] of [
        ['en', en],
        ['fr', fr],
      ] as const)
        assert.ok(cat.common.codes[k], `common.codes.${k} (${lang})`);
    for (const k of PARTICIPATION_ALERT_KINDS) {
      assert.ok(en.participation.alert[k as keyof typeof en.participation.alert], `participation ${k}`);
      assert.ok(fr.participation.alert[k as keyof typeof fr.participation.alert], `participation ${k} (fr)`);
    }
    assert.equal(fr.common.codes['participants-or-mediators-targeted'], 'Participants ou médiateurs visés');
  });

  test('the PA-X categories are named as the review download names them', () => {
    for (const [file, cat] of [
      ['poc-categories.yaml', en],
      ['poc-categories.fr.yaml', fr],
    ] as const) {
      const rules = parse(readFileSync(join(ROOT, 'data', file), 'utf8')) as {
        categories: Record<string, { label: string }>;
      };
      for (const [code, { label }] of Object.entries(rules.categories))
        assert.equal(cat.common.codes[code], label, `${code} in ${file}`);
    }
  });

  test('a count of one is singular, and a country takes its article', async () => {
    const t = await i18next.createInstance().init({
      resources: { en: { translation: en }, fr: { translation: fr } },
      lng: 'fr',
      interpolation: { escapeValue: false },
    });
    assert.match(t('overview.civilianFatalitiesPart', { count: 1, events: '118' }), /^1 événement sur 118 ;/);
    assert.match(
      t('overview.civilianFatalitiesPart', { count: 2, events: '118' }),
      /^2 événements sur 118 ;/,
    );
    assert.match(t('overview.pointsDrawn', { count: 117, total: '118' }), /^117 événements sur 118 affichés/);
    assert.equal(inFrenchCountry('Mali'), 'au Mali');
    assert.equal(inFrenchCountry('Somalia'), 'en Somalie');
    assert.equal(inFrenchCountry('Central African Republic'), 'en République centrafricaine');
    assert.equal(inFrenchCountry('Haiti'), 'en Haïti');
    assert.match(
      t('forecast.chart', { metric: 'événements violents', key: 'Mali', place: inFrenchCountry('Mali') }),
      /^événements violents par mois au Mali :/,
    );
  });
});

/** A short French agreement whose titles and article headings are structure, not provisions. */
const AGREEMENT = [
  'ACCORD DE CESSEZ-LE-FEU DE KESSA',
  '',
  'Titre I – Cessation des hostilités',
  '',
  'Article 1er',
  'Cessation des hostilités',
  'Les Parties cessent toute attaque contre les populations civiles.',
  '',
  'Titre II – Aide humanitaire et déplacés',
  '',
  'Article 2',
  'Les Parties garantissent l’accès humanitaire sans entrave.',
  '',
  'Article 3',
  'Les Parties se réunissent chaque mois.',
  '',
].join('\n');

describe('the agreements page in French', { skip: browserSkip }, () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-fr-agree-'));
    process.env.TANDEM_KEY_FILE = join(dir, 'tandem.key');
    store = await openStore({ dbPath: join(dir, 'tandem.db') });
    await initKeys(store.db);
    server = await startServer({ store, port: 0, log: () => {}, warmUp: false });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    delete process.env.TANDEM_KEY_FILE;
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('counts the provisions the download counts, and asks for no review of an empty corpus', async () => {
    const download = await runOperation(
      operations.agreementReviewDocument,
      { document: { name: 'accord.txt', text: AGREEMENT }, format: 'md' },
      { via: 'cli', requester: { name: 'e2e', roles: ['admin'] }, store, name: 'agreement review' },
    );
    const inDownload = Number(/(\d+) dispositions,/.exec(download.content)?.[1]);
    assert.ok(inDownload > 0, download.content.slice(0, 400));
    assert.match(download.content, /DevHum \| Assistance humanitaire/);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(`http://127.0.0.1:${server.port}/?lang=fr#/agreements`);
      await page.getByText('Aucun accord n’est encore enregistré', { exact: false }).waitFor();
      assert.deepEqual(failed, [], 'no request the server answers with an error');
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'accord.txt', mimeType: 'text/plain', buffer: Buffer.from(AGREEMENT) });
      const heading = page.locator('h2', { hasText: /^Dispositions/ });
      await heading.waitFor();
      const onPage = Number(/\((\d+)\)/.exec((await heading.textContent()) ?? '')?.[1]);
      assert.equal(onPage, inDownload, `page ${onPage}, download ${inDownload}`);
      // The page lists the headings too, for orientation: more blocks than provisions counted.
      assert.ok((await page.locator('.provision').count()) > onPage);
      assert.match((await page.locator('.scorecard').textContent()) ?? '', /DevHum\s*Assistance humanitaire/);
    } finally {
      await page.close();
    }
  });
});
