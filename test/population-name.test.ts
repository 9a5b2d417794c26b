import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { addCountryFormat } from '../web/src/i18n/country-format.ts';
import { en } from '../web/src/i18n/en.ts';
import { fr } from '../web/src/i18n/fr.ts';
import { populationName } from '../web/src/labels.ts';

test('the pages name ACLED’s harmed groups in French as the French brief does; other names stay as written', async () => {
  await i18next.init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
  addCountryFormat(i18next);
  assert.equal(populationName('Aid Workers (Mali)'), 'Travailleurs humanitaires (Mali)');
  assert.equal(populationName('Women (Central African Republic)'), 'Femmes (République centrafricaine)');
  assert.equal(populationName('Civilians (Mali)'), 'Civils (Mali)');
  assert.equal(populationName('Fulani Ethnic Group (Mali)'), 'Fulani Ethnic Group (Mali)');
  await i18next.changeLanguage('en');
  assert.equal(populationName('Aid Workers (Mali)'), 'Aid Workers (Mali)');
});

test('an event’s kind: ACLED’s sub-type in the page’s language, the kind of violence for GED’s dyad', async () => {
  await i18next.changeLanguage('fr');
  const { eventKind } = await import('../web/src/labels.ts');
  assert.equal(
    eventKind({ source: 'acled', subEventType: 'Attack', violenceType: 'violence-against-civilians' }),
    'Attaque',
  );
  assert.equal(
    eventKind({
      source: 'acled',
      subEventType: 'Remote explosive/landmine/IED',
      violenceType: 'explosions-remote-violence',
    }),
    'Engin explosif à distance, mine ou EEI',
  );
  assert.equal(eventKind({ source: 'hxl', subEventType: 'Embuscade', violenceType: 'battles' }), 'Embuscade');
  // GED writes its dyad where ACLED writes a sub-type: the table says the kind of violence.
  assert.equal(
    eventKind({
      source: 'ucdp',
      subEventType: 'Government of Mali - Civilians',
      violenceType: 'violence-against-civilians',
    }),
    'Violences contre les civils',
  );
  await i18next.changeLanguage('en');
  assert.equal(
    eventKind({ source: 'acled', subEventType: 'Attack', violenceType: 'violence-against-civilians' }),
    'Attack',
  );
});

test('what is withheld from the reader is said in the page’s language: a name, a note', async () => {
  const { actorName, recordText } = await import('../web/src/labels.ts');
  const { REDACTED } = await import('../src/domain/sensitivity.ts');
  await i18next.changeLanguage('fr');
  assert.equal(actorName('(withheld)'), '(masqué)');
  assert.match(recordText(REDACTED), /^\[masqué : /);
  assert.equal(recordText('Des éléments armés ont attaqué'), 'Des éléments armés ont attaqué');
  await i18next.changeLanguage('en');
  assert.equal(recordText(REDACTED), REDACTED);
});
