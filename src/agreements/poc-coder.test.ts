import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { POC_CATEGORIES, type PocCategory } from '../domain/provision.ts';
import { rulesForLanguage } from './agreement-language.ts';
import { codeAgreement, reviewAgreement } from './agreement-review.ts';
import { reviewToMarkdown } from './agreement-review-report.ts';
import { findPhrases } from './phrase-bank.ts';
import { loadPocRules } from './poc-rules.ts';

/** The categories the coder finds anywhere in a text. */
function codesIn(text: string): Set<PocCategory> {
  return new Set(codeAgreement(text).flatMap((p) => p.codes.map((c) => c.code)));
}

// For each category: sentences that must be coded with it, and near misses that must not be.
const CASES: Record<PocCategory, { yes: string[]; no: string[] }> = {
  ProtCiv: {
    yes: [
      'The Parties shall protect civilians at all times.',
      'Attacks against the civilian population are prohibited.',
    ],
    no: [
      'The police service shall be civilian in character.',
      'Civilian oversight of the army shall be strengthened.',
    ],
  },
  ProtGrp: {
    yes: [
      'Special measures shall protect women and girls.',
      'The Parties shall safeguard minorities from reprisals.',
    ],
    no: [
      'Environmental protection shall benefit indigenous communities.',
      'Women shall sit on the commission.',
      'Children released shall be handed over to child protection agencies.',
    ],
  },
  GCh: {
    yes: ['No child shall be recruited.', 'Youth representatives shall join the council.'],
    no: [
      'The Ministry of Finance shall publish the budget.',
      'Schools shall reopen.',
      'The Minister of Youth and Sports shall chair the committee.',
    ],
  },
  GeWom: {
    yes: ['One third of the members shall be women.', 'A gender unit shall be created.'],
    no: ['Members shall be appointed on merit.', 'The human rights commission shall report.'],
  },
  GAge: {
    yes: ['Older persons shall receive priority in evacuation.', 'The needs of the elderly shall be met.'],
    no: ['The budget shall be managed by the ministry.', 'Community elders shall mediate disputes.'],
  },
  GDis: {
    yes: [
      'Persons with disabilities shall have equal access.',
      'A commission for the war-wounded shall be formed.',
    ],
    no: [
      'The office falls vacant upon mental infirmity of the holder.',
      'The Parties shall disengage their forces.',
    ],
  },
  GRef: {
    yes: ['Refugees may return voluntarily.', 'IDPs shall be registered.'],
    no: ['The repatriation of profits shall be taxed.', 'The idea of a federal system was discussed.'],
  },
  DevHum: {
    yes: ['The Parties shall allow humanitarian access.', 'Relief supplies shall not be taxed.'],
    no: [
      'International humanitarian law shall be respected.',
      'Development aid shall be coordinated by the ministry.',
    ],
  },
  HrMob: {
    yes: ['Freedom of movement shall be guaranteed.', 'All checkpoints shall be removed.'],
    no: [
      "The Sudan People's Liberation Movement shall nominate a minister.",
      'Any movement of forces shall be reported.',
    ],
  },
  HrDet: {
    yes: [
      'Detainees shall be treated humanely.',
      'No one shall be subjected to arbitrary detention.',
      'The International Committee of the Red Cross shall have access to every place of custody.',
      'Persons held in connection with the conflict shall have access to legal counsel.',
    ],
    no: [
      'The Former Detainees shall nominate one minister.',
      'Prisoners of war shall be released within 14 days.',
      'All persons held in connection with the fighting shall be released within thirty days.',
    ],
  },
  Ce: {
    yes: [
      'A cease-fire shall enter into force at midnight.',
      'The Parties agree to a cessation of hostilities.',
      'The Parties agree to a humanitarian pause of seven (7) days.',
      'The Parties shall disengage and separate their forces.',
    ],
    no: ['The Parties shall cease media campaigns.', 'Fire brigades shall be funded.'],
  },
  ImPK: {
    yes: [
      'An international monitoring mission shall be deployed.',
      'The Parties shall cooperate with UNMISS.',
    ],
    no: [
      'A joint committee of the Parties shall monitor the roads.',
      'The mission statement of the ministry shall be published.',
    ],
  },
  ImUN: {
    yes: [
      'The Parties request the United Nations to verify compliance.',
      'The UN shall chair the commission.',
    ],
    no: ['The Parties recall the Charter of the United Nations.', 'The union of states shall be federal.'],
  },
  SsrDdr: {
    yes: [
      'Combatants shall take part in disarmament and demobilisation.',
      'Ex-combatants shall be reintegrated into civilian life.',
    ],
    // Pulling weapons back from a line is cease-fire language in PA-X, not DDR.
    no: [
      'The reintegration of IDPs shall be supported.',
      'The army shall be unified.',
      'Heavy weapons shall be withdrawn from the line of contact.',
    ],
  },
  Civso: {
    yes: ['Civil society shall be consulted.', 'NGOs may observe the process.'],
    no: ['Society as a whole shall benefit.', 'Civil servants shall be paid monthly.'],
  },
  TjVic: {
    yes: [
      'Victims have the right to reparation.',
      'Compensation shall be paid for property destroyed in the conflict.',
    ],
    no: [
      'The salaries of ministers shall be set by law.',
      'The compensation of judges shall not be reduced.',
    ],
  },
  LaRefRet: {
    yes: [
      'Land taken during the conflict shall be returned to its owners.',
      'A commission shall decide on the restitution of property.',
    ],
    no: ['Refugees may return to their places of origin.', 'Landmines shall be cleared from farmland.'],
  },
  SexViol: {
    yes: ['Sexual violence is prohibited.', 'Rape shall be excluded from any amnesty.'],
    no: ['Rapeseed exports shall be taxed.', 'The violence in the region shall be investigated.'],
  },
};

// Rules narrowed or added so that a code means what the PA-X variable means; each pair is a
// sentence the rule must code and a near miss it must leave alone.
const DEFINITION_CASES: { category: PocCategory; rule: string; yes: string[]; no: string[] }[] = [
  {
    category: 'DevHum',
    rule: 'humanitarian-assistance no longer takes "humanitarian situation": a state of affairs is not assistance',
    yes: ['Humanitarian assistance shall reach all those in need.'],
    no: ['Measures shall be adopted to improve the humanitarian situation in the region.'],
  },
  {
    category: 'HrDet',
    rule: 'persons deprived of liberty count only with their treatment: release alone is PA-X prisoner release',
    yes: [
      'Persons deprived of their liberty shall be treated humanely.',
      'The ICRC shall visit all persons deprived of their liberty.',
    ],
    no: ['The Parties shall release all persons deprived of their liberty to the ICRC.'],
  },
  {
    category: 'SsrDdr',
    rule: 'weapons-withdrawal was removed: withdrawal of heavy weapons or foreign forces is not DDR',
    yes: ['Weapons shall be handed in at cantonment sites.'],
    no: [
      'Remove unlawful military formations, military hardware and mercenaries from the territory.',
      'Artillery shall be moved back 15 kilometres from the line of contact.',
    ],
  },
  {
    category: 'Ce',
    rule: 'non-use-of-force: an undertaking to refrain from the use of force',
    yes: ['Each State shall refrain from the threat or use of force against the other.'],
    no: [
      'The police may use force only as a last resort.',
      'The Parties shall refrain from hostile propaganda.',
    ],
  },
  {
    category: 'ImPK',
    rule: 'un-authorised-force: foreign or international forces under a United Nations authorisation',
    yes: ['No foreign forces shall be stationed except pursuant to United Nations authorization.'],
    no: ['All foreign forces shall leave the territory within thirty days.'],
  },
  {
    category: 'HrDet',
    rule: 'treatment-of-detainees: "treat" means treatment, not "treaty"',
    yes: ['Prisoners shall be treated in accordance with the Geneva Conventions.'],
    no: ['Under this Treaty, all prisoners shall be released within thirty days.'],
  },
  {
    category: 'TjVic',
    rule: 'redress-for-harm: redress of harm to people, not remedies for breaches or political grievances',
    yes: ['Compensation shall be paid for human rights violations committed during the war.'],
    no: [
      'The Joint Military Commission shall remedy violations of the cease-fire.',
      'The new institutions shall redress the grievances of the marginalised regions.',
    ],
  },
  {
    category: 'ImUN',
    rule: 'un-role: citing a Security Council resolution gives the UN no role',
    yes: ['The Parties request the UN Security Council to deploy observers.'],
    no: ['The Parties support UN Security Council Resolution 2046 and its road map.'],
  },
  {
    category: 'LaRefRet',
    rule: 'restoration-of-land-property: "restore" or "recover" only right next to the land or property',
    yes: [
      'Confiscated land shall be restored to the villagers.',
      'Displaced farmers shall recover their land.',
    ],
    no: [
      'The police shall restore law and order and protect public and private property.',
      'Economic recovery depends on secure property rights.',
    ],
  },
  {
    category: 'GDis',
    rule: '"special needs" counts only as "persons with special needs"',
    yes: ['Persons with special needs shall have priority in evacuation.'],
    no: ['The special needs of women shall be addressed.'],
  },
  {
    category: 'ProtGrp',
    rule: '"special needs" counts only as "persons with special needs"',
    yes: ['Special protection shall be given to persons with special needs.'],
    no: ['Special protection shall be given to the special needs of the region.'],
  },
  {
    category: 'HrDet',
    rule: 'treatment-of-detainees, narrowed: access to detainees in a sentence about their release or exchange is prisoner release',
    yes: ['The ICRC shall have access to all detained persons in all places of detention.'],
    no: [
      'The Parties shall exchange all detainees, and the ICRC shall be granted access to all detained persons.',
    ],
  },
  {
    category: 'SsrDdr',
    rule: 'ddr, narrowed: disarming "illegal groups" is a demand on the other side, not a DDR programme',
    yes: ['Disarmament of all combatants shall be completed within ninety days.'],
    no: ['Disarmament of all illegal groups.'],
  },
  {
    category: 'SsrDdr',
    rule: 'reintegration-of-combatants: rehabilitating what the armed conflict destroyed is not reintegration',
    yes: ['Programmes shall reintegrate former fighters into civilian life.'],
    no: ['The Fund shall rehabilitate areas affected by the armed conflict.'],
  },
  {
    category: 'HrMob',
    rule: 'access to a service or a right, or to detainees, is not mobility; crossing points and humanitarian access are',
    yes: [
      'The Parties shall agree on new crossing points along the line of contact.',
      'Ensure safe access, delivery and distribution of humanitarian assistance to those in need.',
    ],
    no: [
      'Citizens shall have free access to justice and to information.',
      'The State shall guarantee the access of persons to basic services.',
      'The ICRC shall be granted access to all detained persons.',
    ],
  },
  {
    category: 'ImUN',
    rule: 'un-role: being a member of the United Nations gives it no role',
    yes: ['The United Nations shall chair the Joint Commission.'],
    no: ['Both States, as members of the United Nations, shall respect each other.'],
  },
];

describe('rules narrowed to the PA-X meaning of a variable', () => {
  for (const c of DEFINITION_CASES) {
    test(`${c.category}: ${c.rule}`, () => {
      for (const sentence of c.yes)
        assert.ok(codesIn(sentence).has(c.category), `expected ${c.category} in: ${sentence}`);
      for (const sentence of c.no)
        assert.ok(!codesIn(sentence).has(c.category), `did not expect ${c.category} in: ${sentence}`);
    });
  }
});

describe('the POC coder', () => {
  test('has positive and negative cases for every category', () => {
    assert.deepEqual(Object.keys(CASES).sort(), [...POC_CATEGORIES].sort());
  });

  for (const category of POC_CATEGORIES) {
    test(`codes ${category} where the text provides for it, and not on near misses`, () => {
      for (const sentence of CASES[category].yes)
        assert.ok(codesIn(sentence).has(category), `expected ${category} in: ${sentence}`);
      for (const sentence of CASES[category].no)
        assert.ok(!codesIn(sentence).has(category), `did not expect ${category} in: ${sentence}`);
    });
  }

  test('each code quotes its span exactly and names the rule that fired', () => {
    const text = 'Preamble\n1. The Parties agree to a ceasefire.\n2. Women and children shall be protected.';
    const provisions = codeAgreement(text);
    const codes = provisions.flatMap((p) => p.codes.map((c) => ({ p, c })));
    assert.ok(codes.length >= 3);
    for (const { p, c } of codes) {
      assert.equal(text.slice(c.span.start, c.span.end), c.span.text);
      assert.ok(c.span.start >= p.start && c.span.end <= p.end, 'the span lies inside its provision');
      assert.match(c.why, new RegExp(`${c.code} rule '${c.rule}'`));
    }
  });

  test('a negation cue before a phrase cancels it; a prohibition does not', () => {
    assert.ok(!codesIn('This Agreement does not apply to refugees.').has('GRef'));
    assert.ok(!codesIn('All groups other than women shall vote.').has('GeWom'));
    assert.ok(codesIn('The Parties shall not attack civilians.').has('ProtCiv'));
  });

  test('front matter is not coded: an acronym list is not a provision on displaced people', () => {
    assert.ok(
      !codesIn('ACRONYMS\nIDPs Internally Displaced Persons\nUN United Nations\nPREAMBLE\nWe agree.').has(
        'GRef',
      ),
    );
  });

  test('phrases match across line breaks, hyphen variants and capitals', () => {
    const hits = findPhrases(
      ['cease-fire', 'protect* civilians'],
      'A CEASEFIRE, a cease fire, a cease- fire and protection of\ncivilians; Protecting Civilians.',
    );
    assert.deepEqual(
      hits.map((h) => h.text),
      ['CEASEFIRE', 'cease fire', 'cease- fire', 'Protecting Civilians'],
    );
  });

  test('the rules file names a why, UN actors and model language for every category', () => {
    const rules = loadPocRules();
    for (const c of POC_CATEGORIES) {
      const a = rules.advice[c];
      assert.ok(a.why.length > 40 && a.suggestion.length > 60 && a.engage.length > 0, c);
    }
  });
});

describe('wording from agreements never seen before', () => {
  const found = (category: PocCategory, text: string) =>
    assert.ok(codesIn(text).has(category), `${category} missed: ${text}`);
  const notFound = (category: PocCategory, text: string) =>
    assert.ok(!codesIn(text).has(category), `${category} claimed: ${text}`);

  test('displaced people named in other words are GRef', () => {
    found('GRef', 'The displaced shall be allowed to go home.');
    found('GRef', 'Persons uprooted by the fighting shall be allowed to go back to their homes.');
    found('GRef', 'Those who sought refuge abroad shall be permitted to come back.');
  });

  test('halting offensives and freezing forces in place is Ce; laying down arms is SsrDdr', () => {
    found(
      'Ce',
      'The Parties shall halt all offensive military operations and freeze their forces in their current positions.',
    );
    found('SsrDdr', 'The Parties shall lay down their arms and withdraw heavy weapons.');
  });

  test('a short ceasefire in plain words is Ce; detention and reprisals against a community too (held-out probe)', () => {
    found('Ce', 'The Parties agree to cease all military operations from 06:00 hours on 1 June 2025.');
    found('Ce', 'All hostilities shall cease at midnight on 1 June 2025.');
    found('Ce', 'The Parties agree to stop all fighting immediately.');
    found('Ce', 'The forces of each Party shall remain in the positions they hold on that date.');
    notFound('Ce', 'The end of hostilities brought relief to the region.');
    notFound('Ce', 'The Parties shall stop the recruitment of children.');
    found(
      'HrDet',
      'All persons deprived of their liberty in relation to the conflict shall be treated humanely and released.',
    );
    notFound('HrDet', 'All prisoners of war shall be released within thirty days.');
    found('ProtGrp', 'No one shall be subjected to reprisals against members of the Fulani community.');
    // Measures owed to a group without the word "protect" (third agreement probe).
    found(
      'ProtGrp',
      'Special attention shall be paid to the needs of the elderly and persons with disabilities among the displaced.',
    );
    found('ProtGrp', 'The Government shall prevent harassment and intimidation of women candidates.');
    notFound('ProtGrp', 'Special attention shall be paid to the repair of roads and bridges.');
  });

  test("a possessive holds its noun: women's participation is GeWom, children's rights GCh (held-out probe)", () => {
    found('GeWom', "The Parties shall ensure women's participation in all institutions.");
    found('GeWom', 'Women’s representation in the Cabinet shall be at least 35 per cent.');
    found('GCh', "The Parties shall respect children's rights.");
    // A phrase written with its own possessive still matches as written.
    found('Civso', "The Parties recognise the role of women's groups in the process.");
  });

  test('villages burnt and unarmed people killed are ProtCiv; victims of a flood are not the conflict’s (held-out probe)', () => {
    found(
      'ProtCiv',
      'The Parties shall refrain from looting, burning of villages and killing of unarmed persons.',
    );
    notFound('TjVic', 'The victims of the 2020 floods shall be compensated.');
    notFound('TjVic', 'Flood victims shall receive shelter.');
    found('TjVic', 'The victims of the conflict shall be compensated.');
  });

  test('words used in another sense are not coded', () => {
    notFound(
      'ImPK',
      'Neither Party shall be required to deploy peacekeepers; no United Nations role is envisaged.',
    );
    notFound(
      'ImPK',
      'Neither Party shall be required to establish any monitoring mission or to deploy peacekeepers; no United Nations role is envisaged.',
    );
    notFound(
      'GCh',
      'The Parties note that the children of the founding fathers shared a vision of prosperity.',
    );
    notFound('GRef', 'Refugee Road shall be renamed.');
    // The narrowing leaves the words themselves coded.
    found('ImPK', 'The Parties shall deploy peacekeepers along the border.');
    found('GCh', 'The children of displaced families shall return to school.');
    found('GRef', 'Refugees shall return in safety and dignity.');
  });
});

describe('a heading names a topic; it commits no one', () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`../../test/fixtures/agreements/${name}`, import.meta.url), 'utf8');
  for (const lang of ['en', 'fr']) {
    test(`${lang}: articles whose body only says details will follow are not coded for their titles`, () => {
      // Only the cease-fire article commits anyone; the title and the other headings name topics.
      assert.deepEqual([...codesIn(fixture(`headings-only.${lang}.txt`))], ['Ce']);
    });
  }

  test('a commitment under such a heading still codes, in English and French', () => {
    const en = 'Article 1 – Protection of civilians\n\nThe Parties shall protect civilians at all times.\n';
    const fr =
      'Article 1er – Protection des civils\n\nLes Parties protègent la population civile en tout temps.\n';
    assert.ok(codesIn(en).has('ProtCiv'));
    assert.ok(codesIn(fr).has('ProtCiv'));
    const sub = 'Article 2 – Sexual violence\n\n2.1 Sexual violence shall be prohibited.\n';
    assert.ok(codesIn(sub).has('SexViol'));
  });

  test('a commitment in plain words the rules do not know codes its heading’s category, in English and French', () => {
    const en =
      'Article 2 - Protection of civilians\nNo party shall harm persons who are not taking part in the fighting.\n';
    assert.ok(codesIn(en).has('ProtCiv'));
    // The article's paragraphs stand apart from its heading line.
    const fr =
      "Article 3 : Assistance humanitaire\nLa nourriture, l'eau et les médicaments doivent pouvoir parvenir à chaque village.\n";
    assert.ok(codesIn(fr).has('DevHum'));
    // A description binds no one: the heading alone is still not coded.
    assert.deepEqual([...codesIn('Article 2 - Protection of civilians\nThe situation was discussed.\n')], []);
  });

  test('a heading over a placeholder body is not coded, nor an agreement title over nothing', () => {
    assert.deepEqual([...codesIn('Article 3 – Protection of children\n\nDetails to follow.\n')], []);
    assert.deepEqual(
      [...codesIn('Article 3 – Violences sexuelles\n\nLes modalités seront précisées ultérieurement.\n')],
      [],
    );
    assert.deepEqual([...codesIn('CEASEFIRE AGREEMENT\n\nThe Parties agree as follows:\n')], []);
  });
  test('a heading over a French commitment in the plain future or present is coded; over a note it is not', () => {
    const frCodes = (t: string) =>
      new Set(codeAgreement(t, rulesForLanguage('fr')).flatMap((p) => p.codes.map((c) => c.code)));
    assert.ok(
      frCodes(
        'Article 1 – Protection des civils\nAucune partie ne portera atteinte aux personnes qui ne participent pas aux combats.\n',
      ).has('ProtCiv'),
    );
    assert.ok(
      frCodes(
        'Article 2 – Enfants soldats\nLes Parties libèrent sans délai tous les mineurs de leurs rangs.\n',
      ).has('GCh'),
    );
    assert.deepEqual(
      [
        ...frCodes(
          'Article 3 – Enfants soldats\nLes Parties constatent que des mineurs sont dans leurs rangs.\n',
        ),
      ],
      [],
    );
    assert.deepEqual(
      [...frCodes('Article 4 – Réfugiés\nLes Parties ne s’engagent pas à organiser ce retour.\n')],
      [],
    );
    // A noun ending like a verb, the conditional, the imperfect and an invitation bind no one.
    for (const body of [
      'La présence de mineurs dans les forces du Gouvernement a été signalée.',
      'Le Gouvernement pourrait envisager des mesures.',
      'Les Parties étaient conscientes de la situation.',
      'Les Parties invitent les partenaires à soutenir ce travail.',
    ])
      assert.deepEqual([...frCodes(`Article 5 – Enfants soldats\n${body}\n`)], [], body);
  });
});

describe('a section heading announces a subject; it is no provision (held-out probe)', () => {
  const review = (text: string, language: 'en' | 'fr') =>
    reviewAgreement({ title: 'probe', format: 'txt', text }, { language });
  const fr =
    'Titre II – Aide humanitaire et déplacés\n\nArticle 6\nLes Parties garantissent l’accès humanitaire.\n\nArticle 7\nLes Parties se réunissent chaque mois.\n\nChapitre III – Protection des civils\n\nArticle 8\nLes Parties s’abstiennent de toute attaque.\n';
  const en =
    'Chapter III – Humanitarian assistance\n\nArticle 6\nThe Parties shall meet regularly.\n\nChapter IV – Refugees and displaced persons\n\nArticle 7\nThe Parties shall meet every month.\n';

  test('a title’s or chapter’s heading codes nothing, in French and English, however its articles bind', () => {
    const r = review(fr, 'fr');
    const onHeadings = r.provisions.filter((p) => p.kind === 'part' || p.kind === 'chapter');
    assert.deepEqual(
      onHeadings.flatMap((p) => p.codes.map((c) => `${p.id} ${c.code}`)),
      [],
    );
    assert.equal(r.coverage.GRef, false);
    // Humanitarian access is coded once, in the article that provides for it.
    assert.equal(r.counts.DevHum, 1);
    const e = review(en, 'en');
    assert.equal(e.coverage.DevHum, false);
    assert.equal(e.coverage.GRef, false);
  });

  test('a heading whose text codes the same category is not counted again', () => {
    const fr = review(
      'Article 3 – Retour des réfugiés\nLes Parties facilitent le retour des réfugiés.\n',
      'fr',
    );
    assert.equal(fr.counts.GRef, 1);
    const ch = review(
      'Chapitre 2 – Retour des réfugiés\n\nArticle 3\nLes Parties facilitent le retour des réfugiés.\n',
      'fr',
    );
    assert.equal(ch.counts.GRef, 1);
  });

  test('the summary counts the clauses, not the headings and titles over them', () => {
    const md = reviewToMarkdown(review(fr, 'fr'));
    assert.match(md, /^3 dispositions,/m);
    const mdEn = reviewToMarkdown(review(en, 'en'));
    assert.match(mdEn, /^2 provisions,/m);
  });
});

describe('an amnesty that covers sexual violence is no protection from it (held-out probe)', () => {
  const frCodes = (t: string) =>
    new Set(codeAgreement(t, rulesForLanguage('fr')).flatMap((p) => p.codes.map((c) => c.code)));
  test('an amnesty granted for sexual violence is not SexViol, in French and English', () => {
    assert.ok(
      !frCodes(
        'Une amnistie générale est accordée aux membres des groupes armés, y compris pour les actes de violence sexuelle.',
      ).has('SexViol'),
    );
    assert.ok(
      !codesIn(
        'A general amnesty is granted to members of armed groups, including for acts of sexual violence.',
      ).has('SexViol'),
    );
    assert.ok(
      !codesIn(
        'The Parties shall pardon all offences committed during the conflict, sexual violence included.',
      ).has('SexViol'),
    );
  });

  test('an amnesty that leaves sexual violence out, or its refusal, is still SexViol', () => {
    assert.ok(codesIn('There shall be no amnesty for crimes of sexual violence.').has('SexViol'));
    assert.ok(
      codesIn('Rape and other forms of sexual violence shall be excluded from any amnesty.').has('SexViol'),
    );
    assert.ok(frCodes('Les auteurs de violences sexuelles sont exclus de l’amnistie.').has('SexViol'));
    assert.ok(
      frCodes('Aucune amnistie ne sera accordée pour les crimes de violences sexuelles.').has('SexViol'),
    );
  });
});

describe('an amnesty, an immunity or a waiver of prosecution shields, and the review says so (French agreements probe)', () => {
  const frCodes = (t: string) =>
    new Set(codeAgreement(t, rulesForLanguage('fr')).flatMap((p) => p.codes.map((c) => c.code)));
  const impunity = (t: string, language: 'en' | 'fr') =>
    reviewAgreement({ title: 't', format: 'txt', text: t }, { language }).impunity;
  const shields: [string, 'en' | 'fr', PocCategory][] = [
    ["L'amnistie couvre également les actes de recrutement et d'utilisation d'enfants.", 'fr', 'GCh'],
    [
      "Les membres des groupes armés bénéficient de l'immunité de poursuites pour les attaques contre les civils.",
      'fr',
      'ProtCiv',
    ],
    ['Les Parties renoncent à poursuivre les auteurs de violences sexuelles.', 'fr', 'SexViol'],
    [
      'A general amnesty is granted to all combatants, including for the recruitment and use of children.',
      'en',
      'GCh',
    ],
    [
      'Members of armed groups shall enjoy immunity from prosecution for attacks on civilians.',
      'en',
      'ProtCiv',
    ],
    ['The Parties waive prosecution of those responsible for sexual violence.', 'en', 'SexViol'],
  ];
  test('what such a clause shields is not coded as protection from it, and the clause is listed', () => {
    for (const [text, language, category] of shields) {
      const codes = language === 'fr' ? frCodes(text) : codesIn(text);
      assert.ok(!codes.has(category), `${category} coded in: ${text}`);
      assert.deepEqual(
        impunity(text, language).map((g) => g.quote),
        [text],
        text,
      );
    }
  });
  test('a blanket amnesty "including serious crimes" is listed; a refused or excluded one is not', () => {
    const blanket =
      'Article 5\nUne amnistie générale est accordée aux membres des groupes armés signataires pour tous les faits commis depuis le 1er janvier 2013, y compris les crimes graves, sans préjudice des compétences de la Cour pénale spéciale.';
    assert.deepEqual(
      impunity(blanket, 'fr').map((g) => g.provision),
      ['art-5/al-1'],
    );
    for (const text of [
      'Nothing in this Agreement shall be construed as granting immunity to anyone.',
      'No amnesty shall be granted for conflict-related sexual violence.',
      "L'amnistie ne couvre pas les crimes de guerre ni les violences sexuelles.",
    ])
      assert.deepEqual(impunity(text, text.startsWith('L') ? 'fr' : 'en'), [], text);
  });
  test('a French cessation of hostilities with adverbs between its words is a cease-fire', () => {
    assert.ok(
      frCodes(
        "Les Parties s'engagent à : a) cesser immédiatement et définitivement toutes formes d'hostilités sur l'ensemble du territoire national ;",
      ).has('Ce'),
    );
    assert.ok(
      frCodes("Les Parties s'abstiennent de toute attaque contre les positions de l'autre partie.").has('Ce'),
    );
  });
});

describe('the ICRC’s access to detainees is detention, not movement (agreement-coder probe)', () => {
  test('access to places of detention is HrDet and not HrMob; access for monitors stays HrMob', () => {
    for (const t of [
      'The ICRC shall have unhindered access to all places of detention.',
      'Pending their release, the Parties shall grant the ICRC unhindered access to all places of detention and shall treat all detainees humanely.',
      'The Parties shall immediately grant the ICRC access to all persons detained in connection with the conflict.',
    ]) {
      const codes = codesIn(t);
      assert.ok(!codes.has('HrMob'), `${t}: ${[...codes].join(' ')}`);
    }
    assert.ok(codesIn('The ICRC shall have unhindered access to all places of detention.').has('HrDet'));
    assert.ok(codesIn('Monitors shall have unhindered access to all areas.').has('HrMob'));
    assert.ok(
      codesIn('The Parties shall guarantee freedom of movement and release all prisoners.').has('HrMob'),
    );
  });
});

describe('wording of a held-out humanitarian annex, DDR and detention protocol (agreement-coder probe)', () => {
  test('relief without the word humanitarian, IHL’s persons not taking part, assembly areas, reinsertion, war-wounded', () => {
    const relief = codesIn(
      'Relief consignments destined for populations in need shall be allowed to pass rapidly and without hindrance.',
    );
    assert.ok(relief.has('DevHum') && relief.has('HrMob'), [...relief].join(' '));
    assert.ok(
      codesIn(
        'The Parties shall take all feasible precautions to spare persons not taking part in hostilities.',
      ).has('ProtCiv'),
    );
    assert.ok(
      codesIn('Schools and health posts shall not be occupied or used by armed elements.').has('ProtCiv'),
    );
    assert.ok(codesIn('All combatants shall report to one of the four assembly areas.').has('SsrDdr'));
    assert.ok(codesIn('Ex-combatants shall receive a reinsertion package.').has('SsrDdr'));
    assert.ok(codesIn('Combatants wounded in the war shall receive care.').has('GDis'));
    assert.ok(codesIn('Persons held shall be permitted to correspond with their families.').has('HrDet'));
    const held = codesIn('The ICRC shall have access to all places where persons are held.');
    assert.ok(!held.has('HrMob'), [...held].join(' '));
    // The words alone are not enough where they mean something else.
    assert.ok(!codesIn('The Commission shall work without hindrance.').has('HrMob'));
  });
});

describe('a checkpoint forbidden is freedom of movement provided for (second agreement-coder probe)', () => {
  test('"No checkpoint shall be maintained …", "aucun poste de contrôle ne sera maintenu" are HrMob; a force ruled out stays out', () => {
    assert.ok(
      codesIn(
        'No checkpoint shall be maintained on the Haro–Senza road other than those agreed by the Joint Commission.',
      ).has('HrMob'),
    );
    assert.ok(codesIn('There shall be no checkpoints.').has('HrMob'));
    const fr = new Set(
      codeAgreement('Aucun poste de contrôle illégal ne sera maintenu.', rulesForLanguage('fr')).flatMap(
        (p) => p.codes.map((c) => c.code),
      ),
    );
    assert.ok(fr.has('HrMob'), [...fr].join(' '));
    assert.ok(!codesIn('No peacekeeping force shall be deployed.').has('ImPK'));
  });
});
