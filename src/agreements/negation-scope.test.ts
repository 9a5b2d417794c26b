import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PocCategory } from '../domain/provision.ts';
import { rulesForLanguage } from './agreement-language.ts';
import { codeAgreement } from './agreement-review.ts';

// Sentences written for these tests (no agreement's text). Each negated one was coded before the
// negation scope (a cue after the phrase, "no"/"aucun", a cue the old 80-character window and
// list of cues missed); each prohibition and pseudo-negation must stay coded.
const codes = (lang: 'en' | 'fr', text: string): Set<PocCategory> =>
  new Set(codeAgreement(text, rulesForLanguage(lang)).flatMap((p) => p.codes.map((c) => c.code)));
const ruledOut = (lang: 'en' | 'fr', category: PocCategory, text: string) =>
  assert.ok(!codes(lang, text).has(category), `${category} coded although ruled out: ${text}`);
const provided = (lang: 'en' | 'fr', category: PocCategory, text: string) =>
  assert.ok(codes(lang, text).has(category), `${category} not coded: ${text}`);

describe('negation in English', () => {
  test('a negating predicate after the phrase rules out its subject', () => {
    ruledOut(
      'en',
      'SsrDdr',
      'The question of disarmament and demobilisation of combatants is not covered by this Agreement.',
    );
    ruledOut('en', 'GRef', 'The return of refugees shall not apply in the border districts.');
    ruledOut('en', 'ImPK', 'An international peacekeeping force is excluded.');
  });

  test('"no" rules out the noun phrase it heads', () => {
    ruledOut('en', 'ImPK', 'No peacekeeping force shall be deployed.');
    ruledOut('en', 'Ce', 'The Parties note that no ceasefire is in force on the date of signature.');
  });

  test('a negated verb of scope before the phrase rules it out, whatever the words between', () => {
    ruledOut(
      'en',
      'ImPK',
      'The Parties note that this Agreement does not provide for the deployment of an international peacekeeping force.',
    );
    ruledOut(
      'en',
      'TjVic',
      'The Parties did not agree to establish a commission on reparations for victims.',
    );
  });

  test('a cue ending a list’s introduction rules out the items; a heading goes with a body that rules it out', () => {
    ruledOut(
      'en',
      'GRef',
      'This Agreement does not apply to:\n(a) refugees settled abroad;\n(b) internally displaced persons.',
    );
    ruledOut('en', 'Ce', 'Article 8 – Ceasefire\nThe Parties note that no ceasefire is in force.');
    provided('en', 'Ce', 'Article 8 – Ceasefire\nThe Parties shall observe the ceasefire.');
  });

  test('a negation does not reach across a semicolon, a "but" or into another clause', () => {
    provided('en', 'GRef', 'This Agreement does not apply to the capital; refugees shall return in safety.');
    provided('en', 'GRef', 'This Agreement does not cover elections, but refugees shall return in safety.');
    provided(
      'en',
      'ProtCiv',
      'The Parties shall protect civilians and this Agreement does not apply to elections.',
    );
  });

  test('a prohibition is a provision: "shall not" or "no" governing a harm', () => {
    provided('en', 'GCh', 'Children shall not be recruited.');
    provided('en', 'GCh', 'The Parties shall not recruit children.');
    provided('en', 'GCh', 'No child shall be recruited or used in hostilities.');
    provided('en', 'SexViol', 'No one shall be subjected to sexual violence.');
    provided('en', 'SexViol', 'There shall be no amnesty for crimes of sexual violence.');
    provided(
      'en',
      'SexViol',
      'This Agreement does not provide for any amnesty for crimes of sexual violence.',
    );
    // What an amnesty is said not to reach stays punishable: a provision on it (agreement probe).
    provided('en', 'SexViol', 'The amnesty shall not apply to crimes of sexual violence.');
    provided('en', 'SexViol', 'The amnesty does not cover perpetrators of sexual violence.');
    provided('fr', 'SexViol', 'L’amnistie ne s’applique pas aux crimes de violences sexuelles.');
    provided('fr', 'SexViol', 'L’amnistie ne couvre pas les violences sexuelles.');
    ruledOut('en', 'SexViol', 'This Agreement does not apply to crimes of sexual violence.');
    // … or an immunity the sentence before grants, which "this Section" points back at (third
    // agreement probe); a back-reference after a sentence granting none stays an exclusion.
    provided(
      'en',
      'SexViol',
      'Persons released shall not be prosecuted solely for having taken part in hostilities. This Section shall not apply to crimes of sexual violence.',
    );
    provided(
      'fr',
      'SexViol',
      'Les personnes libérées ne seront pas poursuivies pour avoir pris part aux hostilités. Cette disposition ne s’applique pas aux crimes de violences sexuelles.',
    );
    ruledOut(
      'en',
      'SexViol',
      'Persons released shall receive food and clothing. This Section shall not apply to crimes of sexual violence.',
    );
    ruledOut(
      'en',
      'SexViol',
      'Persons released shall not be prosecuted. This Agreement shall not apply to crimes of sexual violence.',
    );
    provided('en', 'ProtCiv', 'There shall be no attacks on civilians.');
    // The phrase runs over the verb of harm ("school … used for military purposes"): still a prohibition.
    provided('en', 'ProtCiv', 'No school or hospital shall be used for military purposes.');
    ruledOut('en', 'ImPK', 'No peacekeeping force or monitoring mission shall be deployed.');
  });

  test('pseudo-negations and restrictions are not negations', () => {
    provided('en', 'ImPK', 'Nothing in this Agreement shall prevent the deployment of a peacekeeping force.');
    provided('en', 'ImPK', 'The peacekeeping force shall deploy no later than 30 days after signature.');
    provided('en', 'ImPK', 'No peacekeeping force shall be deployed without the consent of the Parties.');
  });
});

describe('negation in French', () => {
  test('a negating predicate after the phrase rules out its subject', () => {
    ruledOut(
      'fr',
      'SsrDdr',
      'La question du désarmement et de la démobilisation des combattants ne relève pas du présent Accord.',
    );
    ruledOut('fr', 'GRef', 'Le retour des réfugiés n’est pas couvert par le présent Accord.');
  });

  test('« aucun » rules out the noun phrase it heads', () => {
    ruledOut('fr', 'ImPK', 'Aucune force de maintien de la paix ne sera déployée.');
    ruledOut(
      'fr',
      'Ce',
      'Les Parties constatent qu’aucun cessez-le-feu n’est en vigueur à la date de signature.',
    );
  });

  test('a negated verb of scope before the phrase rules it out', () => {
    ruledOut(
      'fr',
      'TjVic',
      'Les Parties n’ont pas retenu la création d’une commission chargée des réparations aux victimes.',
    );
    ruledOut(
      'fr',
      'ImPK',
      'Le présent Accord ne prévoit pas le déploiement d’une force internationale de maintien de la paix ; cette question ne s’applique pas au présent texte.',
    );
    ruledOut(
      'fr',
      'GRef',
      'Le présent Accord ne s’applique pas aux réfugiés installés dans les pays voisins.',
    );
  });

  test('an introduction ending in a colon rules out its list; a heading goes with its body', () => {
    ruledOut(
      'fr',
      'SsrDdr',
      'Ne relèvent pas du présent Accord :\na) le désarmement des combattants ;\nb) la réforme du secteur de la sécurité.',
    );
    ruledOut(
      'fr',
      'Ce',
      'Article 8 – Cessez-le-feu\nLes Parties constatent qu’aucun cessez-le-feu n’est en vigueur.',
    );
    provided('fr', 'Ce', 'Article 8 – Cessez-le-feu\nLes Parties observent le cessez-le-feu.');
  });

  test('une interdiction est une disposition', () => {
    provided('fr', 'GCh', 'Les enfants ne doivent pas être recrutés.');
    provided('fr', 'GCh', 'Les Parties ne recruteront pas d’enfants.');
    provided('fr', 'GCh', 'En aucun cas les enfants ne seront enrôlés.');
    provided('fr', 'SexViol', 'Nul ne sera soumis à la torture ni à des violences sexuelles.');
    provided('fr', 'SexViol', 'Il n’y aura aucune amnistie pour les crimes de violences sexuelles.');
    provided('fr', 'ProtCiv', 'Aucune école ne sera utilisée à des fins militaires.');
  });

  test('« ne … que », « sans préjudice » and restrictions are not negations', () => {
    provided(
      'fr',
      'ImPK',
      'Une force de maintien de la paix ne sera déployée qu’à la demande du Gouvernement.',
    );
    provided('fr', 'ImPK', 'Aucune force de maintien de la paix ne sera déployée sans l’accord des Parties.');
    provided(
      'fr',
      'GRef',
      'Sans préjudice de l’article 5, les réfugiés rentrent dans la sécurité et la dignité.',
    );
    provided('fr', 'GRef', 'Le présent Accord ne s’applique qu’aux réfugiés rentrés dans leur foyer.');
  });
});

describe('a commitment or a mandate said not to be given', () => {
  test('rules out what it would have bound, heading included', () => {
    ruledOut(
      'en',
      'SsrDdr',
      'Article 1 – Disarmament\nThe Parties do not undertake to disarm combatants under this Agreement.',
    );
    ruledOut('en', 'ImPK', 'UNMISS is not mandated to deploy peacekeeping forces in the border area.');
    ruledOut(
      'fr',
      'SsrDdr',
      'Article 3 – Désarmement\nLes Parties ne s’engagent pas à désarmer les combattants au titre du présent Accord.',
    );
    ruledOut(
      'fr',
      'GRef',
      'Article 6 – Retour des réfugiés\nLa question du retour des réfugiés ne fait pas l’objet du présent Accord.',
    );
    ruledOut('fr', 'ImPK', 'La Mission n’est pas chargée du déploiement d’une force de maintien de la paix.');
  });

  test('a prohibition worded with commit or undertake is still a provision', () => {
    provided(
      'en',
      'ProtCiv',
      'Article 1 – Protection of civilians\nThe Parties shall not commit any act of violence against persons not taking part in hostilities.',
    );
    provided(
      'en',
      'ProtCiv',
      'Article 1 – Protection of civilians\nThe Parties shall not undertake military operations in areas where civilians live.',
    );
    provided(
      'fr',
      'SexViol',
      'Les Parties s’engagent à ne pas engager de poursuites contre les auteurs de violences sexuelles.',
    );
  });

  test('a commitment not to harm is still a provision', () => {
    provided('en', 'GCh', 'Article 2 – Children\nThe Parties undertake not to recruit children.');
    provided('fr', 'GCh', 'Article 4 – Enfants\nLes Parties s’engagent à ne pas recruter d’enfants.');
  });
});

describe('a negation between the words a rule matched (held-out probe)', () => {
  test('a negated verb of scope inside the matched span rules the clause out, in English and French', () => {
    ruledOut('en', 'SsrDdr', 'The cantonment of combatants shall not include any reintegration programme.');
    ruledOut(
      'en',
      'SsrDdr',
      'Article 1 – Cantonment\nThe cantonment of combatants shall not include any reintegration programme.',
    );
    ruledOut('en', 'SsrDdr', 'Cantonment of combatants does not extend to their reintegration.');
    ruledOut('fr', 'SsrDdr', 'Le cantonnement des combattants n’inclut pas de programme de réintégration.');
    ruledOut('fr', 'SsrDdr', 'Le cantonnement n’inclut pas la réintégration des combattants.');
    // A prohibition inside the span is still a provision; so is the same clause without negation.
    provided('fr', 'SsrDdr', 'Le cantonnement des combattants inclut un programme de réintégration.');
    provided('en', 'SsrDdr', 'The cantonment of combatants shall include a reintegration programme.');
    provided('en', 'GCh', 'Children shall not be recruited into armed forces or groups.');
  });
});

describe('an obligation said not to bind (held-out probe)', () => {
  test('"not required / not obliged / under no obligation", "ne sont pas tenues / obligées de" rule out what follows', () => {
    ruledOut(
      'fr',
      'GRef',
      'Les Parties ne sont pas tenues de faciliter le retour des personnes déplacées avant la fin des opérations militaires.',
    );
    ruledOut(
      'fr',
      'Ce',
      'Les Parties ne sont pas tenues de faciliter le retour des personnes déplacées avant la fin des opérations militaires.',
    );
    ruledOut('fr', 'GRef', 'Le Gouvernement n’est nullement obligé d’organiser le retour des réfugiés.');
    ruledOut('fr', 'GRef', 'Les Parties n’ont pas l’obligation de faciliter le retour des réfugiés.');
    ruledOut(
      'en',
      'GRef',
      'The Parties are not required to facilitate the return of internally displaced persons.',
    );
    ruledOut('en', 'GRef', 'The Parties shall not be obliged to facilitate the return of refugees.');
    ruledOut('en', 'GRef', 'The Government is under no obligation to facilitate the return of refugees.');
    // An obligation, and a prohibition worded so, still code.
    provided('fr', 'GRef', 'Les Parties sont tenues de faciliter le retour des personnes déplacées.');
    provided('en', 'GRef', 'The Parties are required to facilitate the return of refugees.');
  });
});
