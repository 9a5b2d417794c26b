import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../web/src/i18n/en.ts';
import { fr } from '../web/src/i18n/fr.ts';
import { addressInLanguage, chooseLanguage } from '../web/src/i18n/language.ts';

/** The workbench's catalogues (issue 19.1): every key in both, no English left in the French. */
function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function leaves(o: object): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null
      ? leaves(v).map(([kk, vv]) => [`${k}.${kk}`, vv] as [string, string])
      : [[k, String(v)]],
  );
}

test('every message key exists in both catalogues', () => {
  assert.deepEqual(keys(fr).sort(), keys(en).sort());
});

test('the French catalogue leaves no English sentence behind; names that read the same in both are listed', () => {
  const same = new Set([
    'nav.label',
    'nav.plan',
    'nav.incidents',
    'nav.participation',
    'nav.frictions',
    'nav.menu',
    // Words, codes and patterns that French writes as English does.
    'common.codes.stable',
    'common.sources.acled',
    'common.sources.ged',
    'area.date',
    'area.type',
    'area.notes',
    'plan.version',
    'plan.plan',
    'plan.newestIs',
    'plan.option',
    'plan.versionOf',
    'plan.part.poc',
    'plan.part.police',
    'incidents.incident',
    'incidents.date',
    'incidents.admin1',
    'incidents.admin2',
    'incidents.latitude',
    'incidents.longitude',
    'incidents.source',
    'incidents.sensitivity.public',
    'importing.sensitivity.public',
    'participantForm.sensitivities.public',
    'importing.source',
    'importing.gedVersion',
    'frictions.note',
    'common.subTypes.Grenade',
    'frictions.fields.note',
    'frictions.entry',
    'frictions.title',
    'negotiations.dates',
    'records.notes',
    'records.source',
    'records.sensitivities.public',
    'analysts.unit.poc',
    'analysts.note',
    'local.date',
    'local.source',
    'local.parties',
    'local.links.direct',
    'local.links.indirect',
  ]);
  const english = new Map(leaves(en));
  for (const [k, v] of leaves(fr))
    if (!same.has(k)) assert.notEqual(v, english.get(k), `${k} is still English`);
  assert.equal(fr.nav.agreements, 'Accords');
  assert.equal(fr.nav.negotiations, 'Négociations');
});

test('plurals: both catalogues give a one and an other form for each counted message', () => {
  for (const cat of [en, fr]) {
    const ks = keys(cat);
    for (const k of ks.filter((x) => x.endsWith('_one')))
      assert.ok(ks.includes(k.replace(/_one$/, '_other')), k);
  }
});

test('the language comes from ?lang=, then the earlier choice, then the browser, then English', () => {
  const none = { search: '', hash: '#/', stored: null, browser: [] as string[] };
  assert.equal(chooseLanguage({ ...none, search: '?lang=fr' }), 'fr');
  assert.equal(chooseLanguage({ ...none, hash: '#/agreements?lang=fr', stored: 'en' }), 'fr');
  assert.equal(chooseLanguage({ ...none, stored: 'fr', browser: ['en-GB'] }), 'fr');
  assert.equal(chooseLanguage({ ...none, browser: ['de-DE', 'fr-CA', 'en'] }), 'fr');
  assert.equal(chooseLanguage({ ...none, browser: ['de-DE'] }), 'en');
  assert.equal(chooseLanguage({ ...none, search: '?lang=xx', stored: 'fr' }), 'fr');
});

test('a language chosen on the page replaces the one the address names, so a reload keeps it', () => {
  const at = (search: string, hash: string) => ({ pathname: '/', search, hash });
  assert.equal(
    addressInLanguage(at('?lang=fr', '#/plan?country=Mali'), 'en'),
    '/?lang=en#/plan?country=Mali',
  );
  assert.equal(
    addressInLanguage(at('', '#/area?country=Mali&lang=fr&area=Mopti'), 'en'),
    '/#/area?country=Mali&lang=en&area=Mopti',
  );
  // An address naming no language is left alone: the choice is kept in the browser.
  assert.equal(addressInLanguage(at('', '#/plan?country=Mali'), 'fr'), null);
});

test('dates on the pages: the first of the month is an ordinal in French, not in English', async () => {
  const { default: i18next } = await import('i18next');
  const { day } = await import('../web/src/format.ts');
  await i18next.init({ lng: 'fr', resources: {} });
  assert.equal(day('2025-06-01'), '1er juin 2025');
  assert.equal(day('2025-06-11'), '11 juin 2025');
  await i18next.changeLanguage('en');
  assert.equal(day('2025-06-01'), '1 Jun 2025');
});

test('counted messages get the count as a number, so that French reads "1 mort", not "1 morts"', async () => {
  // A count passed already formatted (`count: num(n)`) is a string: i18next then takes the other form.
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('../web/src/', import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx'));
  for (const f of files)
    assert.doesNotMatch(
      readFileSync(new URL(f, dir), 'utf8'),
      /count: num\(/,
      `${f} formats a count before i18next`,
    );
  const { createInstance } = await import('i18next');
  const i18n = createInstance();
  await i18n.init({ lng: 'fr', resources: { fr: { translation: fr }, en: { translation: en } } });
  assert.equal(i18n.t('records.dead', { count: 1 }), '1 mort');
  assert.equal(i18n.t('records.dead', { count: 1234 }), '1\u202f234 morts');
  assert.equal(i18n.t('records.ofWhom', { count: 1 }), ', dont 1 civil');
  await i18n.changeLanguage('en');
  assert.equal(i18n.t('records.ofWhom', { count: 2 }), ', of whom 2 civilians');
  // The Import page's counts agree with their number ("1 mises de côté" before).
  await i18n.changeLanguage('fr');
  assert.equal(i18n.t('importing.rejected', { count: 1 }), '1 mise de côté');
  assert.equal(i18n.t('importing.rejected', { count: 3 }), '3 mises de côté');
  assert.equal(i18n.t('importing.unchanged', { count: 1 }), '1 inchangée');
  assert.equal(i18n.t('importing.readAs', { format: 'ACLED', count: 1 }), 'lu comme ACLED : 1 ligne,');
  assert.match(
    i18n.t('importing.boundariesStored', { count: 1, country: 'Mali' }),
    /1 contour admin-1 enregistré$/,
  );
  // A closed friction is "Clôturée", not the English-looking "Close".
  assert.equal(i18n.t('frictions.closed'), 'Clôturée');
});

test('country names read in French on French pages, as in the French brief; other names and English as the data spells them', async () => {
  const { createInstance } = await import('i18next');
  const { addCountryFormat } = await import('../web/src/i18n/country-format.ts');
  const i18n = createInstance();
  await i18n.init({ lng: 'fr', resources: { fr: { translation: fr }, en: { translation: en } } });
  addCountryFormat(i18n);
  const title = (country: string) => i18n.t('overview.title', { country });
  assert.match(title('Central African Republic'), /^République centrafricaine :/);
  assert.match(title('DR Congo (Zaire)'), /^République démocratique du Congo :/);
  assert.match(title('Orvania (fictional)'), /^Orvania \(fictional\) :/);
  assert.match(i18n.t('shell.countryEvents', { country: 'South Sudan', count: 2 }), /^Soudan du Sud \(2/);
  await i18n.changeLanguage('en');
  assert.match(title('Central African Republic'), /^Central African Republic:/);
  // Every French message that names a country passes it through the format (the export box's place
  // is named in the page's language by event-export.tsx).
  const bare = leaves(fr).filter(([, v]) => /\{\{country\}\}/.test(v));
  assert.deepEqual(bare, []);
});

test('a refused field reads in French on French pages: the forms’ own messages word for word, the generated ones by pattern', async () => {
  const { frenchIssue: spaced, FRENCH_ISSUE_TEXT } = await import('../web/src/i18n/server-issues.ts');
  // French spacing (a no-break space inside « » and before a colon) is there; read with plain spaces.
  assert.match(spaced('expected a number; got "0x6"'), /«\u00a00x6\u00a0»/);
  const frenchIssue = (m: string) => spaced(m).replace(/[\u00a0\u202f]/g, ' ');
  assert.equal(frenchIssue('the date is in the future'), 'la date est dans le futur');
  assert.equal(frenchIssue('expected a number; got "0x6"'), 'un nombre est attendu (reçu « 0x6 »)');
  assert.equal(
    frenchIssue('expected a whole number, got a fraction'),
    'un nombre entier est attendu, pas une fraction',
  );
  assert.equal(frenchIssue('must be 12 or less'), 'doit valoir 12 ou moins');
  assert.equal(
    frenchIssue('must be one of day, week, month; got "year"'),
    'doit être l’une des valeurs day, week, month (reçu « year »)',
  );
  assert.equal(frenchIssue('must have at least 1 item'), 'doit compter au moins 1 élément');
  assert.equal(frenchIssue('something the table does not know'), 'something the table does not know');
  // A message a schema words itself that only looks like a generated one stays as written.
  assert.equal(frenchIssue('expected a day as YYYY-MM-DD'), 'expected a day as YYYY-MM-DD');
  assert.equal(frenchIssue('expected a list'), 'une liste est attendue');
  // Each message translated word for word is still one the server writes: a reworded message
  // would otherwise fall back to English without a word.
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('../src/', import.meta.url);
  const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n');
  for (const english of Object.keys(FRENCH_ISSUE_TEXT))
    assert.ok(sources.includes(`'${english}'`), `no source writes '${english}'`);
});

test('alerts in words: deaths are not called events, a new actor is not a rise over 0 expected', async () => {
  const { default: i18next } = await import('i18next');
  const { alertInWords } = await import('../web/src/labels.ts');
  await i18next.init({ lng: 'en', resources: { en: { translation: en }, fr: { translation: fr } } });
  const base = { baseline: 52.17, counts: [167], score: 156, start: '2015-04', alarm: '2015-04' };
  const mass = alertInWords({ ...base, kind: 'mass-casualty', metric: 'fatalities' });
  assert.match(mass, /^one violent event with 156 deaths in April 2015 \(167 deaths that month\)/);
  assert.match(mass, /averaged 52 deaths a month/);
  const rise = alertInWords({
    ...base,
    counts: [8, 2, 7],
    baseline: 1.83,
    kind: 'escalation',
    metric: 'fatalities',
  });
  assert.match(
    rise,
    /^17 deaths in violent events from April 2015 to April 2015, against about 5\.5 expected/,
  );
  assert.doesNotMatch(rise, /chance/);
  const fresh = alertInWords({ ...base, baseline: 0, counts: [17], kind: 'new-actor', metric: 'events' });
  assert.doesNotMatch(fresh, /expected|million/);
  assert.match(fresh, /new to the country’s data: 17 violent events in April 2015/);
  const events = alertInWords({ ...base, counts: [40], baseline: 15, kind: 'escalation', metric: 'events' });
  assert.match(events, /^40 violent events in April 2015, against about 15 expected/);
  // 25 events against about 6 expected is, as a Poisson tail, 6e-9; said no finer than once in a
  // thousand, since the baseline is a few months' estimate (alerts probe: "once in a million").
  const rare = alertInWords({ ...base, counts: [25], baseline: 6, kind: 'escalation', metric: 'events' });
  assert.match(rare, /by chance less than once in a thousand months/);
  assert.doesNotMatch(rare, /million|hundred thousand|ten thousand/);
  await i18next.changeLanguage('fr');
  assert.match(
    alertInWords({ ...base, kind: 'mass-casualty', metric: 'fatalities' }),
    /^un événement violent ayant fait 156 morts en avril 2015/,
  );
});

test('a stalled upload’s refusal reads in French, from the message the server really writes', async () => {
  const { frenchMessage } = await import('../web/src/i18n/server-messages.ts');
  const { pacedChunks } = await import('../src/server/request-guards.ts');
  const never = new ReadableStream<Uint8Array>({ start() {} });
  let message = '';
  try {
    for await (const _ of pacedChunks(never, { windowMs: 50, minBytes: 64 * 1024 })) {
      // nothing arrives
    }
  } catch (e) {
    message = (e as Error).message;
  }
  assert.equal(
    frenchMessage(message).replace(/[\u00a0\u202f]/g, ' '),
    'l’envoi s’est arrêté : moins de 64 Ko reçus en 0 s ; vérifiez la connexion et envoyez le fichier à nouveau',
  );
});

test('a refused file and a record not found read in French on French pages, from the messages the server really writes', async () => {
  const { frenchMessage } = await import('../web/src/i18n/server-messages.ts');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openEventFile } = await import('../src/sources/event-file.ts');
  const { parseEventDate } = await import('../src/sources/event-dates.ts');
  const { openStore } = await import('../src/store/store.ts');
  const { assertEventsExistFor } = await import('../src/analysis/event-scope-check.ts');
  const { importFiles } = await import('./import-files.ts');
  const plain = (s: string) => frenchMessage(s).replace(/[\u00a0\u202f]/g, ' ');
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('not refused');
  };
  const dir = mkdtempSync(join(tmpdir(), 'tandem-fr-messages-'));
  const empty = join(dir, 'vide.csv');
  writeFileSync(empty, '');
  assert.equal(plain(await refusal(openEventFile(empty))), `${empty} : le fichier est vide`);
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, 'Réunion du 3 mars\nRien à signaler\n');
  assert.match(
    plain(await refusal(openEventFile(notes))),
    /notes\.txt : format de fichier d’événements inconnu ; attendu : un export ACLED .* \(la première ligne compte 1 colonne\)$/,
  );
  const binary = join(dir, 'junk.csv');
  writeFileSync(binary, Buffer.from([0x41, 0x00, 0x42]));
  assert.match(
    plain(await refusal(openEventFile(binary))),
    /junk\.csv : ce n’est pas un fichier texte \(octet NUL à la position 1\)/,
  );
  const reason = (d: string) => (parseEventDate(d) as { reason: string }).reason;
  assert.equal(plain(reason('2021-13-01')), '« 2021-13-01 » n’est pas une date : il n’y a pas de mois 13');
  assert.equal(
    plain(reason('2025-02-31')),
    '« 2025-02-31 » n’est pas une date : le mois 2 de 2025 n’a pas de jour 31',
  );
  const store = await openStore({ dbPath: ':memory:' });
  try {
    await importFiles(store, [new URL('./fixtures/good/acled-new-format.csv', import.meta.url).pathname]);
    assert.equal(
      plain(await refusal(assertEventsExistFor(store.db, { country: 'Testland', admin1: 'Hilside' }))),
      'aucun événement pour la région (admin-1) « Hilside » de Testland (vouliez-vous dire « Hillside » ?) ; régions (admin-1) de Testland dans la base : Hillside',
    );
    assert.match(
      plain(await refusal(assertEventsExistFor(store.db, { country: 'Testlond' }))),
      /^aucun événement pour le pays « Testlond » \(vouliez-vous dire « Testland » \?\) ; pays dans la base : Testland$/,
    );
  } finally {
    await store.close();
  }
  const { readAgreementBytes } = await import('../src/agreements/agreement-file-reader.ts');
  assert.equal(
    plain(await refusal(readAgreementBytes(Buffer.from('{\\rtf1 x}'), 'accord.rtf'))),
    'accord.rtf : un document RTF, qui n’est pas lu ; enregistrez-le en Word (.docx), en PDF ou en texte brut',
  );
  assert.match(
    plain(await refusal(readAgreementBytes(Buffer.from('<html><body>x</body></html>'), 'accord.html'))),
    /^accord\.html : une page web \(HTML\), qui n’est pas lue ; enregistrez-la en PDF/,
  );
  assert.equal(
    plain(await refusal(readAgreementBytes(Buffer.from('  \n'), 'vide.txt'))),
    'vide.txt : aucun texte trouvé',
  );
  assert.equal(frenchMessage('a message the patterns do not know'), 'a message the patterns do not know');
  const { readEventDay } = await import('../src/sources/event-dates.ts');
  const future = readEventDay('2099-01-01', '2026-12-08');
  assert.ok(!future.ok);
  assert.equal(
    frenchMessage(future.reason).replace(/[\u00a0\u202f]/g, ' '),
    '« 2099-01-01 » est dans le futur : un événement ne peut pas être daté après le 2026-12-08 (demain en UTC, pour une source dont la journée commence plus tôt)',
  );
});

test('a plan or negotiation file refused reads in French problem by problem, its places and paths as written', async () => {
  const { frenchMessage } = await import('../web/src/i18n/server-messages.ts');
  const { readFileSync } = await import('node:fs');
  const { readPlan } = await import('../src/planning/plan-reader.ts');
  const { readNegotiationProcess } = await import('../src/agreements/negotiation-process.ts');
  const refusal = (read: () => unknown) => {
    try {
      read();
    } catch (e) {
      return frenchMessage((e as Error).message).replace(/[\u00a0\u202f]/g, ' ');
    }
    throw new Error('not refused');
  };
  const fixture = (dir: string, f: string) =>
    readFileSync(new URL(`./fixtures/${dir}/${f}`, import.meta.url), 'utf8');
  const talks = refusal(() =>
    readNegotiationProcess(fixture('negotiations', 'shape-and-reference.yaml'), 'talks.yaml'),
  );
  assert.match(talks, /^talks\.yaml : 5 problèmes :\n/);
  assert.match(
    talks,
    /talks\.yaml:\d+:\d+: rounds\[0\]\.delegations\.GOV\.women: attendu : un nombre ; reçu le texte « three »/,
  );
  assert.match(talks, /rounds\[0\]\.delegations\.REB: partie inconnue « REB » : attendu l’une de GOV, IO/);
  assert.match(
    talks,
    /rounds\[2\]\.end: le cycle se termine \(2024-05-02\) avant de commencer \(2024-05-10\)/,
  );
  assert.doesNotMatch(talks, /expected|missing|unknown|duplicate|before it starts/);
  // A file name with spaces, as missions name their files.
  const spaced = refusal(() => readPlan(fixture('plans', 'unknown-id.yaml'), 'Plan de la mission 2025.yaml'));
  assert.match(spaced, /^Plan de la mission 2025\.yaml n’est pas valable :\n .*identifiant inconnu « C9 »/);
  const { eventDateReader, parseEventDate } = await import('../src/sources/event-dates.ts');
  const monthFirst = refusal(() => {
    const read = eventDateReader('us.csv');
    read('3/5/2024', 2);
    read('3/25/2024', 3);
  });
  assert.match(
    monthFirst,
    /^us\.csv, ligne 3 : « 3\/25\/2024 » ne se lit que le mois en premier .* Rien n’a été importé/,
  );
  const slip = (parseEventDate('3/25/2024') as { reason: string }).reason;
  assert.match(
    frenchMessage(slip).replace(/[\u00a0\u202f]/g, ' '),
    /^« 3\/25\/2024 » ne se lit que le mois en premier/,
  );
  const plan = refusal(() => readPlan(fixture('plans', 'unknown-id.yaml'), 'plan.yaml'));
  assert.match(
    plan,
    /^plan\.yaml n’est pas valable :\n .*anchors\[1\]: identifiant inconnu « C9 » \(attendu : un identifiant d’objectif du concept\)$/,
  );
});

test("the server's marker of a withheld name is said in the reader's language", async () => {
  const i18next = (await import('i18next')).default;
  await i18next.init({ lng: 'fr', resources: { en: { translation: en }, fr: { translation: fr } } });
  const { actorName, populationName } = await import('../web/src/labels.ts');
  assert.equal(actorName('(withheld)'), '(masqué)');
  assert.equal(populationName('(withheld)'), '(masqué)');
  assert.equal(actorName('KLF'), 'KLF');
  await i18next.changeLanguage('en');
  assert.equal(actorName('(withheld)'), '(withheld)');
});

test('the refusals of a friction edit read in French: changed meanwhile, a note shown with names withheld', async () => {
  const { frenchMessage } = await import('../web/src/i18n/server-messages.ts');
  assert.match(
    frenchMessage(
      'friction d2df31a2 was changed by Ben Political at 2026-12-07 13:16 UTC since you read it: nothing was saved; read it again and decide on what it now says',
    ),
    /^La friction d2df31a2 a été modifiée par Ben Political le 2026-12-07 13:16 UTC depuis que vous l’avez lue\s: rien n’a été enregistré/,
  );
  assert.match(
    frenchMessage(
      'note: the note you were shown withholds names you may not read, and saving it would erase them for everyone: leave the note as it is, or ask someone who may read it to change it',
    ),
    /^note\s: la note qui vous est montrée masque des noms/,
  );
});
