import { frenchCountryName } from '../domain/french-country-names.ts';
import {
  counted,
  ENGLISH,
  type Language,
  LanguageFormat,
  listInWords,
  suggestionsInFrench,
  withFrenchSpacing,
} from '../domain/language.ts';
import type { StrategyKind } from '../domain/plan.ts';
import { ignoredFieldInFrench } from '../sources/structured-document.ts';

/** What a cell lacks, as a code the sentence puts in words. */
export type CellGap = 'civilian' | 'military' | 'police' | 'poc' | 'political';

/** The ranking behind a threat-coverage gap: by events or by the threat register, and how many areas. */
export interface RankingWords {
  basis: 'events' | 'threats';
  /** The English words of the ranking (its `measure` and `topRule`), kept as they are. */
  measure: string;
  topRule: string;
  areas: number;
}

/**
 * The sentences of the plan check, per language: each finding kind and each note from its
 * parameters. English reads exactly as the check always has (a contract); French says the same.
 */
export interface PlanCheckText {
  unanchoredObjective: (f: {
    id: string;
    strategyKind: StrategyKind;
    strategy: string;
    text: string;
  }) => string;
  noPoliticalLink: (f: { id: string; text: string }) => string;
  uncoveredPriorityTask: (f: {
    id: string;
    text: string;
    concept: string[];
    strategyObjectives: string[];
  }) => string;
  statePerpetratorFriction: (f: {
    id: string;
    text: string;
    places: string[];
    events: number;
    deaths: number;
    from: string;
    to: string;
    perpetrators: string[];
  }) => string;
  resourceOverallocation: (f: {
    id: string;
    text?: string;
    used: number;
    users: string[];
    available: number;
  }) => string;
  localNationalDisconnect: (f: { id: string; text: string; office?: string; objectives: string[] }) => string;
  cellComposition: (f: { id: string; missing: CellGap[] }) => string;
  threatCoverageGap: (f: {
    area: string;
    rank: number;
    ranking: RankingWords;
    events: number;
    deaths: number;
  }) => string;
  notes: {
    noEvents: (country: string) => string;
    periodOutsideData: (
      country: string,
      period: { from: string; to: string },
      data: { from: string; to: string },
    ) => string;
    /** The plan's country is not the store's spelling of it: the store's names closest to it. */
    countryMisspelt: (country: string, close: string[]) => string;
    /** The plan names its country otherwise than the events do (another language, an acronym). */
    countryReadAs: (written: string, stored: string) => string;
    /** Each item as `unknownArea` writes it. */
    unknownAreas: (country: string, areas: string[]) => string;
    /**
     * One use of an area the event data does not know: where it stands in the file
     * (`FILE:LINE:COL: path`), the name as written, and the data's closest names.
     */
    unknownArea: (a: { place: string; name: string; close: string[] }) => string;
    noCell: string;
    idleObjectives: (ids: string[]) => string;
    noThreats: (country: string) => string;
    partnersNotInData: (country: string, partners: string[]) => string;
    /** Fields of the file Tandem does not read, each "FILE:LINE:COL: path: reason". */
    ignoredFields: (fields: string[]) => string;
  };
}

const en: PlanCheckText = {
  unanchoredObjective: (f) =>
    `Objective ${f.id} of the ${f.strategyKind} strategy ${f.strategy} ("${f.text}") anchors in no mission-concept objective: name the concept objective it serves, or drop it.`,
  noPoliticalLink: (f) =>
    `POC objective ${f.id} ("${f.text}") serves no political objective and gives no \`standalone\` reason: say which political aim it advances, or why it stands alone.`,
  uncoveredPriorityTask: (f) => {
    const where = !f.concept.length
      ? 'no mission-concept objective carries it'
      : !f.strategyObjectives.length
        ? `concept ${f.concept.length === 1 ? 'objective' : 'objectives'} ${f.concept.join(', ')} ${f.concept.length === 1 ? 'carries' : 'carry'} it, but no strategy objective anchors there`
        : `${f.strategyObjectives.length === 1 ? 'objective' : 'objectives'} ${f.strategyObjectives.join(', ')} ${f.strategyObjectives.length === 1 ? 'serves' : 'serve'} it, but no activity does`;
    return `Priority task ${f.id} ("${f.text}") is not served by any concept objective → strategy objective → activity chain: ${where}.`;
  },
  statePerpetratorFriction: (f) =>
    `Activity ${f.id} ("${f.text}") supports state authority or security forces in ${f.places.join(', ')}, where the event data shows state forces or its partners targeting civilians in ${counted(ENGLISH, f.events, 'event', 'events')} (${f.deaths} deaths) between ${ENGLISH.day(f.from)} and ${ENGLISH.day(f.to)}; perpetrators: ${f.perpetrators.join('; ')}. Name the friction and apply due diligence before support.`,
  resourceOverallocation: (f) =>
    `Resource ${f.id}${f.text ? ` (${f.text})` : ''} is planned for ${counted(ENGLISH, f.used, 'unit', 'units')} across ${f.users.join(', ')}, but ${f.available === 1 ? 'only 1 is' : f.available === 0 ? 'none is' : `only ${f.available} are`} available: ${f.used - f.available} short.`,
  localNationalDisconnect: (f) =>
    `Field activity ${f.id} ("${f.text}", office ${f.office}) serves ${f.objectives.length ? `${f.objectives.length === 1 ? 'objective' : 'objectives'} ${f.objectives.join(', ')}, none of which chains` : 'no objective, so it does not chain'} to the mission concept: tie it to the national strategy or say why it stands apart.`,
  cellComposition: (f) => {
    const words: Record<CellGap, string> = {
      civilian: 'a civilian member',
      military: 'a military member',
      police: 'a police member',
      poc: 'a POC function',
      political: 'a political function',
    };
    return `Planning cell ${f.id} lacks ${f.missing.map((m) => words[m]).join(', ')}: a joint planning cell needs civilian, military and police members and both POC and political expertise.`;
  },
  threatCoverageGap: (f) =>
    `${f.area} ranks ${f.rank} of ${f.ranking.areas} areas by ${f.ranking.measure} (${counted(ENGLISH, f.events, 'event', 'events')}, ${counted(ENGLISH, f.deaths, 'death', 'deaths')}; the ${f.ranking.topRule}), yet no POC activity covers it.`,
  notes: {
    noEvents: (country) =>
      `no events for ${country} in the store: state-perpetrator-friction and threat-coverage-gap could not be checked (import event data first)`,
    periodOutsideData: (country, period, data) =>
      `the plan's period (${ENGLISH.day(period.from)} to ${ENGLISH.day(period.to)}) lies outside the store's events for ${country} (${ENGLISH.day(data.from)} to ${ENGLISH.day(data.to)}): the checks that read the period's violence (state forces' abuses, uncovered threatened areas, the ranking of areas) found none to read, which does not mean the period was quiet; import recent data, or check a period the data covers`,
    countryMisspelt: (country, close) =>
      `the store's events name no country "${country}" (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?): write the plan's country as the event data spells it, or nothing in the plan is checked against the evidence`,
    countryReadAs: (written, stored) =>
      `the plan's country "${written}" is read as "${stored}", as the event data names it`,
    unknownAreas: (country, areas) =>
      `areas not found in the event data for ${country} (no evidence can be matched to them): ${areas.join('; ')}`,
    unknownArea: (a) =>
      `${a.place}: "${a.name}"${a.close.length ? ` (did you mean ${a.close.map((c) => `"${c}"`).join(' or ')}?)` : ''}`,
    noCell: 'the plan names no joint planning cell (recommendation 3)',
    idleObjectives: (ids) => `strategy objectives that no activity serves: ${ids.join(', ')}`,
    noThreats: (country) =>
      `the threat register holds no threat for ${country}: areas ranked by events instead`,
    partnersNotInData: (country, partners) =>
      `partners not named in the event data for ${country}, so their own record is not checked (state-perpetrator-friction reads partners by the data's names): ${partners.join('; ')}`,
    ignoredFields: (fields) =>
      `fields Tandem does not read, so ignored (a misspelt field is lost to every check): ${fields.join('; ')}`,
  },
};

const f = new LanguageFormat('fr');
const list = (items: string[]) => listInWords('fr', items);
/** "dans la zone de Kidal", "dans la zone d’Ekou", "dans les zones de Gao et Kidal". */
const inPlaces = (places: string[]) => {
  const named = list(places);
  const of = /^[aeiouàâäéèêëîïôöùûü]/i.test(named) ? `d’${named}` : `de ${named}`;
  return places.length === 1 ? `dans la zone ${of}` : `dans les zones ${of}`;
};
const strategyWord: Record<StrategyKind, string> = {
  poc: 'de protection des civils',
  political: 'politique',
  other: '',
};

const fr: PlanCheckText = {
  unanchoredObjective: (x) =>
    `L’objectif ${x.id} de la stratégie ${strategyWord[x.strategyKind] || x.strategyKind}${x.strategy === x.strategyKind ? '' : ` ${x.strategy}`} (« ${x.text} ») ne se rattache à aucun objectif du concept de la mission : nommez l’objectif du concept qu’il sert, ou supprimez-le.`,
  noPoliticalLink: (x) =>
    `L’objectif de protection des civils ${x.id} (« ${x.text} ») ne sert aucun objectif politique et ne donne aucune raison \`standalone\` : dites quel but politique il fait avancer, ou pourquoi il est autonome.`,
  uncoveredPriorityTask: (x) => {
    const where = !x.concept.length
      ? 'aucun objectif du concept de la mission ne la porte'
      : !x.strategyObjectives.length
        ? `${x.concept.length === 1 ? 'l’objectif du concept' : 'les objectifs du concept'} ${list(x.concept)} la ${x.concept.length === 1 ? 'porte' : 'portent'}, mais aucun objectif stratégique ne s’y rattache`
        : `${x.strategyObjectives.length === 1 ? 'l’objectif' : 'les objectifs'} ${list(x.strategyObjectives)} la ${x.strategyObjectives.length === 1 ? 'sert' : 'servent'}, mais aucune activité`;
    return `La tâche prioritaire ${x.id} (« ${x.text} ») n’est servie par aucune chaîne objectif du concept → objectif stratégique → activité : ${where}.`;
  },
  statePerpetratorFriction: (x) =>
    `L’activité ${x.id} (« ${x.text} ») appuie l’autorité de l’État ou les forces de sécurité ${inPlaces(x.places)}, où les données d’événements montrent des forces de l’État ou leurs partenaires ciblant des civils dans ${counted(f, x.events, 'événement', 'événements')} (${counted(f, x.deaths, 'mort', 'morts')}) entre le ${f.day(x.from)} et le ${f.day(x.to)} ; auteurs : ${x.perpetrators.join(' ; ')}. Nommez la friction et appliquez la diligence voulue avant tout appui.`,
  resourceOverallocation: (x) =>
    `La ressource ${x.text ? `« ${x.text} » (code ${x.id})` : x.id} est prévue pour ${counted(f, x.used, 'unité', 'unités')} entre ${list(x.users)}, mais ${x.available > 1 ? `seules ${f.num(x.available)} sont disponibles` : x.available === 1 ? 'une seule est disponible' : 'aucune n’est disponible'} : il en manque ${f.num(x.used - x.available)}.`,
  localNationalDisconnect: (x) =>
    `L’activité de terrain ${x.id} (« ${x.text} », bureau ${x.office}) ${x.objectives.length ? `sert ${x.objectives.length === 1 ? 'l’objectif' : 'les objectifs'} ${list(x.objectives)}, dont aucun ne se rattache` : 'ne sert aucun objectif et ne se rattache donc pas'} au concept de la mission : reliez-la à la stratégie nationale ou dites pourquoi elle reste à part.`,
  cellComposition: (x) => {
    const words: Record<CellGap, string> = {
      civilian: 'un membre civil',
      military: 'un membre militaire',
      police: 'un membre de la police',
      poc: 'une compétence en protection des civils',
      political: 'une compétence politique',
    };
    return `Il manque à la cellule de planification ${x.id} ${list(x.missing.map((m) => words[m]))} : une cellule de planification conjointe a besoin de membres civils, militaires et de police, et de compétences à la fois en protection des civils et en affaires politiques.`;
  },
  threatCoverageGap: (x) =>
    `${x.area} se classe ${x.rank === 1 ? '1re' : `${f.num(x.rank)}e`} sur ${f.num(x.ranking.areas)} zones ${x.ranking.basis === 'threats' ? 'selon le registre des menaces (somme de probabilité × gravité, de 1 à 4 chacune, sur les menaces non écartées ; à égalité, les événements ciblant des civils sur la période)' : 'pour les événements ciblant des civils sur la période du plan (à égalité, les morts dans ces événements)'} (${counted(f, x.events, 'événement', 'événements')}, ${counted(f, x.deaths, 'mort', 'morts')} ; le quart supérieur des ${f.num(x.ranking.areas)} zones, au moins 3), et pourtant aucune activité de protection des civils ne la couvre.`,
  notes: {
    noEvents: (country) =>
      `aucun événement pour ${frenchCountryName(country)} dans la base : ni l’appui à des forces de l’État auteurs de violences ni les zones menacées sans couverture n’ont pu être vérifiés (importez d’abord des données d’événements)`,
    periodOutsideData: (country, period, data) =>
      `la période du plan (du ${f.day(period.from)} au ${f.day(period.to)}) est hors des événements de la base pour ${frenchCountryName(country)} (du ${f.day(data.from)} au ${f.day(data.to)}) : les vérifications qui lisent la violence de la période (abus des forces de l’État, zones menacées sans couverture, classement des zones) n’en ont trouvé aucune, ce qui ne veut pas dire que la période a été calme ; importez des données récentes, ou vérifiez une période que les données couvrent`,
    countryMisspelt: (country, close) =>
      `les événements de la base ne nomment aucun pays « ${country} » (vouliez-vous dire ${close.map((c) => `« ${c} »`).join(' ou ')} ?) : écrivez le pays du plan comme l’écrivent les données d’événements, faute de quoi rien dans le plan n’est vérifié par les faits`,
    countryReadAs: (written, stored) =>
      `le pays du plan, « ${written} », est lu comme « ${stored} », le nom que lui donnent les données d’événements`,
    unknownAreas: (country, areas) =>
      `zones introuvables dans les données d’événements pour ${frenchCountryName(country)} (aucune preuve ne peut leur être rattachée) : ${areas.join(' ; ')}`,
    unknownArea: (a) =>
      `${a.place} : « ${a.name} »${a.close.length ? ` (vouliez-vous dire ${a.close.map((c) => `« ${c} »`).join(' ou ')} ?)` : ''}`,
    noCell: 'le plan ne nomme aucune cellule de planification conjointe (recommandation 3)',
    idleObjectives: (ids) => `objectifs stratégiques qu’aucune activité ne sert : ${ids.join(', ')}`,
    noThreats: (country) =>
      `le registre des menaces ne contient aucune menace pour ${frenchCountryName(country)} : zones classées par événements`,
    partnersNotInData: (country, partners) =>
      `partenaires absents des données d’événements pour ${frenchCountryName(country)}, dont le bilan propre n’est donc pas vérifié (l’appui à des forces de l’État auteurs de violences se lit sous les noms des données) : ${partners.map(suggestionsInFrench).join(' ; ')}`,
    ignoredFields: (fields) =>
      `champs que Tandem ne lit pas, donc ignorés (un champ mal orthographié échappe à toutes les vérifications) : ${fields.map(ignoredFieldInFrench).join(' ; ')}`,
  },
};

export const PLAN_CHECK_TEXT: Record<Language, PlanCheckText> = { en, fr: withFrenchSpacing(fr) };
