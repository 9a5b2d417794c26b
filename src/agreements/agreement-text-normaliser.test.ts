import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseAgreementText } from './agreement-text-normaliser.ts';

test('words broken over line ends are joined; a compound keeps its hyphen', () => {
  assert.equal(
    normaliseAgreementText('the protec-\ntion of civilians', { reflow: false }),
    'the protection of civilians',
  );
  assert.equal(normaliseAgreementText('les ex-\ncombattants', { reflow: false }), 'les ex-combattants');
});

test('a text of many short lines joined into one is read in time that grows with its length', () => {
  // 300,000 lines each joined to the one before: the checks read the whole joined line at every
  // line before, which took about 7 s for 100,000 lines and 140 s for 400,000 (an attack probe
  // held the server with one 400 kB request). Now well under a second per 100,000 lines.
  for (const [text, reflow] of [
    ['a-\n'.repeat(300_000), false],
    ['a\n'.repeat(300_000), true],
    ['A\n'.repeat(100_000), true],
  ] as const) {
    const start = performance.now();
    const out = normaliseAgreementText(text, { reflow });
    const ms = performance.now() - start;
    assert.ok(out.length > 0);
    assert.ok(
      ms < 6000,
      `${JSON.stringify(text.slice(0, 3))} × ${text.length / 2}, reflow ${reflow}: ${ms.toFixed(0)} ms`,
    );
  }
});

test('a heading in capitals broken on a word no title ends on is one heading again (PDF)', () => {
  const text = normaliseAgreementText(
    "TITRE III : DE L'ASSISTANCE ET DE LA\nCIRCULATION\nArticle 4\nLes Parties garantissent l'acheminement de l'aide.",
    { reflow: true },
  );
  assert.match(text, /^TITRE III : DE L'ASSISTANCE ET DE LA CIRCULATION$/m);
  // A heading that ends on its own word stays apart from the next heading.
  const apart = normaliseAgreementText(
    'TITRE IV : DES PERSONNES DÉTENUES\nARTICLE 7\nLes détenus sont libérés.',
    {
      reflow: true,
    },
  );
  assert.match(apart, /^TITRE IV : DES PERSONNES DÉTENUES$/m);
});

test('a long heading in capitals wrapped onto a line of capitals is one heading; the title never takes in the preamble (PDF)', () => {
  const text = normaliseAgreementText(
    [
      'ACCORD POLITIQUE POUR LA PAIX ET LA RÉCONCILIATION EN RÉPUBLIQUE DU BORAL',
      'PRÉAMBULE',
      'Le Gouvernement et les groupes armés, ci-après dénommés « les Parties »,',
      'Conviennent de ce qui suit :',
      'TITRE II – DE LA CESSATION DES HOSTILITÉS ET DES ARRANGEMENTS',
      'SÉCURITAIRES',
      'Article 3',
      'Les groupes armés s’engagent à la cessation immédiate des hostilités.',
    ].join('\n'),
    { reflow: true },
  );
  assert.match(text, /^ACCORD POLITIQUE POUR LA PAIX ET LA RÉCONCILIATION EN RÉPUBLIQUE DU BORAL$/m);
  assert.match(text, /^PRÉAMBULE$/m);
  assert.match(text, /^TITRE II – DE LA CESSATION DES HOSTILITÉS ET DES ARRANGEMENTS SÉCURITAIRES$/m);
  // A short heading keeps a line of capitals after it apart (an unnumbered heading of its own).
  const short = normaliseAgreementText(
    'TITRE II – SÉCURITÉ\nCESSEZ-LE-FEU\nArticle 3\nLes Parties cessent le feu.',
    {
      reflow: true,
    },
  );
  assert.match(short, /^TITRE II – SÉCURITÉ$/m);
});
