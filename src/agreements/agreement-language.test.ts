import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseLanguage, detectLanguage } from './agreement-language.ts';
import { reviewAgreement } from './agreement-review.ts';
import { reviewToHtml, reviewToMarkdown } from './agreement-review-report.ts';

const RUSSIAN_SHORT =
  'МЕМОРАНДУМ\n\n1. Прекращение применения оружия считать общим.\n2. Стороны обязуются обеспечить защиту гражданского населения и беспрепятственный гуманитарный доступ.\n3. Обеспечить мониторинг ОБСЕ.';
const ARABIC_SHORT = 'اتفاق وقف إطلاق النار. تلتزم الأطراف بحماية المدنيين.';
const FRENCH = `Article 1er – Cessez-le-feu
Les Parties s’engagent à observer un cessez-le-feu immédiat, complet et inconditionnel sur l’ensemble du territoire national.
Article 2 – Protection des civils
Les Parties s’engagent à assurer en toutes circonstances la protection des civils et à s’abstenir de toute attaque contre les personnes et les biens de caractère civil, y compris les écoles et les hôpitaux.
Article 3 – Réfugiés
Les réfugiés et les personnes déplacées ont le droit de rentrer librement dans leurs foyers, dans la sécurité et la dignité.`;

describe('a short text in a non-Latin script', () => {
  test('is never taken as English or French', () => {
    for (const text of [RUSSIAN_SHORT, ARABIC_SHORT, 'Статья 1', 'المادة 1']) {
      assert.ok(!['en', 'fr'].includes(detectLanguage(text)), text);
      assert.ok(!['en', 'fr'].includes(chooseLanguage(text)), text);
    }
    assert.equal(detectLanguage(RUSSIAN_SHORT), 'ru');
    assert.equal(detectLanguage(ARABIC_SHORT), 'ar');
  });

  test('is left uncoded with a warning, no gap claimed', () => {
    for (const [text, name] of [
      [RUSSIAN_SHORT, /Russian/],
      [ARABIC_SHORT, /Arabic/],
      ['Статья 1', /could not be told/],
    ] as const) {
      const r = reviewAgreement({ title: 't', format: 'txt', text });
      assert.equal(r.coded, false, text);
      assert.deepEqual(r.gaps, []);
      assert.match(r.warning ?? '', name);
      assert.match(r.warning ?? '', /nothing was coded and no gap is claimed/);
    }
  });

  test('a short Latin-script clause is still coded in English', () => {
    assert.equal(chooseLanguage('Art. 1'), 'en');
    const r = reviewAgreement({ title: 't', format: 'txt', text: 'Refugees may return voluntarily.' });
    assert.equal(r.language, 'en');
    assert.equal(r.coded, true);
    assert.equal(r.warning, undefined);
  });
});

describe('the language field', () => {
  test('is ISO 639-1 where the language has a two-letter code, und when it cannot be told', () => {
    const spanish =
      'Las Partes se comprometen a respetar el alto el fuego y a proteger a la población civil. Las Partes garantizan la libre circulación de las personas y de los bienes en todo el territorio nacional, y el retorno voluntario de los refugiados y de los desplazados a sus hogares.';
    const portuguese =
      'As Partes comprometem-se a respeitar o cessar-fogo e a proteger a população civil. As Partes garantem a livre circulação das pessoas e dos bens em todo o território nacional, bem como o regresso voluntário dos refugiados e deslocados às suas casas.';
    assert.equal(detectLanguage(spanish), 'es');
    assert.equal(detectLanguage(portuguese), 'pt');
    assert.equal(detectLanguage(RUSSIAN_SHORT.repeat(3)), 'ru');
    assert.equal(detectLanguage('Art. 1'), 'und');
    assert.equal(reviewAgreement({ title: 't', format: 'txt', text: spanish }).language, 'es');
  });
});

describe('--lang forced on a text in another language', () => {
  test('codes as asked but warns that the text reads as another language, in JSON and Markdown', () => {
    const r = reviewAgreement({ title: 't', format: 'txt', text: FRENCH }, { language: 'en' });
    assert.equal(r.language, 'en');
    assert.equal(r.coded, true);
    assert.match(r.warning ?? '', /reads as French, not English as asked \(--lang en\)/);
    assert.match(reviewToMarkdown(r), /\*\*Warning\.\*\* This text reads as French/);
    assert.match(reviewToHtml(r), /class="warning".*reads as French/);
  });

  test('in French when French rules are forced on an English text', () => {
    const english =
      'Article 1\nThe Parties shall cease all hostilities and protect civilians throughout the territory.\nArticle 2\nRefugees and internally displaced persons shall be allowed to return to their homes in safety and dignity, and humanitarian access shall be unimpeded.';
    const r = reviewAgreement({ title: 't', format: 'txt', text: english }, { language: 'fr' });
    assert.equal(r.coded, true);
    assert.match(r.warning ?? '', /semble rédigé en anglais, pas en français comme demandé/);
    assert.match(reviewToMarkdown(r), /\*\*Attention\.\*\* Ce texte/);
  });

  test('no warning when the language asked is the one the text reads as', () => {
    assert.equal(
      reviewAgreement({ title: 't', format: 'txt', text: FRENCH }, { language: 'fr' }).warning,
      undefined,
    );
    assert.equal(reviewAgreement({ title: 't', format: 'txt', text: FRENCH }).warning, undefined);
  });
});
