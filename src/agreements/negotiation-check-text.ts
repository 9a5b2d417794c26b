import {
  counted,
  ENGLISH,
  type Language,
  LanguageFormat,
  suggestionsInFrench,
  withFrenchSpacing,
} from '../domain/language.ts';
import { ignoredFieldInFrench } from '../sources/structured-document.ts';

/** The figures of the options the method states. */
export interface MethodFigures {
  windowDays: number;
  baselineDays: number;
  alpha: number;
  minEvents: number;
}

/**
 * The sentences of the negotiation check, per language: the pre-talks escalation alert, the method
 * and the notes. English reads exactly as the check always has (a contract); French says the same.
 */
export interface NegotiationCheckText {
  escalation: (f: {
    party: string;
    partyId: string;
    before: number;
    battles: number;
    /** Of `before`, attacks the party joined as an actor associated with actor 1. */
    alongside: number;
    deaths: number;
    windowDays: number;
    round: string;
    roundStart: string;
    venue?: string;
    baseline: number;
    baselineDays: number;
    baselineEvents: number;
    ratio: number | null;
    pValue: number;
  }) => string;
  method: (o: MethodFigures) => string;
  notes: {
    noEvents: (country: string) => string;
    /** `days`: the baseline counted from the first event; `tested`: whether that is enough to test. */
    baselineEarly: (round: string, start: string, first: string, days: number, tested: boolean) => string;
    windowLate: (round: string, last: string) => string;
    noActors: (parties: string[]) => string;
    unknownActors: (country: string, actors: string[]) => string;
    noDelegation: (round: string, parties: string[]) => string;
    noQuota: string;
    /** Fields of the file Tandem does not read, each "FILE:LINE:COL: path: reason". */
    ignoredFields: (fields: string[]) => string;
  };
}

/** An expected count as a reader takes it in: whole above ten, one decimal below. */
function expectedCount(x: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: x >= 10 ? 0 : 1,
  }).format(x);
}

/**
 * The test's p-value in words first (how often so many events would come by chance at the
 * baseline's rate), then as a figure for those who want it: "p = 8.2e-26" alone told a political
 * officer nothing, and in French it came out as 0,0000000000000000000000082.
 */
/** How rare a chance is said in words: below each p, "less than once in …". */
const RARITY: [number, string, string][] = [
  [1e-6, 'a million', 'un million'],
  [1e-4, 'ten thousand', 'dix mille'],
  [1e-3, 'a thousand', 'mille'],
];

function chance(p: number, lang: Language): string {
  const en = lang !== 'fr';
  const rare = RARITY.find(([below]) => p < below);
  const once = Math.max(1, Math.round(1 / p)).toLocaleString(en ? 'en-GB' : 'fr-FR');
  const words = en
    ? rare
      ? `less than once in ${rare[1]}`
      : `about once in ${once}`
    : rare
      ? `moins d’une fois sur ${rare[2]}`
      : `environ une fois sur ${once}`;
  const figure =
    p < 1e-4 ? (en ? 'p < 0.0001' : 'p < 0,0001') : en ? `p = ${p.toPrecision(2)}` : `p = ${decimal(p)}`;
  return en
    ? `at that rate, chance would give as many ${words} (${figure})`
    : `à ce rythme, le hasard en donnerait autant ${words} (${figure})`;
}

const en: NegotiationCheckText = {
  escalation: (f) =>
    `${f.party} (${f.partyId}) perpetrated ${counted(ENGLISH, f.before, 'violent event', 'violent events')} (${f.before - f.battles - f.alongside} as actor 1 of an attack, ${f.alongside ? `${f.alongside} acting with actor 1 of an attack, ` : ''}${f.battles} as a side in battles; ${f.deaths} deaths) in the ${f.windowDays} days before round ${f.round} (${f.roundStart}${f.venue ? `, ${f.venue}` : ''}), against about ${expectedCount(f.baseline, 'en')} expected from its previous ${f.baselineDays} days (${f.baselineEvents} events${f.ratio === null ? '' : `; ${expectedCount(f.ratio, 'en')}×`}); ${chance(f.pValue, 'en')}.${f.baselineEvents ? '' : ' The party has no events in its baseline: it may be new, or named differently before.'} Violence may be used for leverage at the table.`,
  method: (o) =>
    `For each party and round: violent events the party perpetrated (either side of a battle; actor 1 of violence against ` +
    `civilians, explosions/remote violence and riots; violence the party suffered is not counted), counted in the ${o.windowDays} days before the round's first day (the window) ` +
    `and in the ${o.baselineDays} days before that (the baseline). "baseline" is the count expected in the window at the ` +
    `baseline's daily rate; "ratio" is before / baseline. Test: exact one-sided conditional test of two Poisson rates ` +
    `(given the n events of window and baseline together, the window's count is Binomial(n, ${o.windowDays}/(${o.windowDays}+${o.baselineDays})) ` +
    `if the rate did not change); an alert when p < ${o.alpha} and the window holds at least ${o.minEvents} events. ` +
    `No correction for testing several parties and rounds. An actor named as acting with a side (ACLED's associated ` +
    `actors) counts as that side; groups of people named beside it do not.`,
  notes: {
    noEvents: (country) =>
      `no events for ${country} in the store: escalation cannot be tested (import event data first)`,
    baselineEarly: (round, start, first, days, tested) =>
      `round ${round}: the baseline would start ${start}, before the first event in the store (${first}); ` +
      (tested
        ? `it is counted from that day (${days} days)`
        : `the data before the window is too short (${days} days) to test the round: no alert is raised for it`),
    windowLate: (round, last) =>
      `round ${round}: the window ends after the last event in the store (${last}); only its days up to then are counted (days the data does not cover would pass for quiet ones), and the round is not tested when they are under half of the window`,
    noActors: (parties) =>
      `parties that name no actor (actors: [...]) have no violence to test, and are not tested: ${parties.join(', ')}`,
    unknownActors: (country, actors) =>
      `actors with no events for ${country} in the store (check the spelling against the data): ${actors.join('; ')}; a party none of whose actors the data knows is not tested`,
    noDelegation: (round, parties) =>
      `${/^round\b/i.test(round) ? round : `round ${round}`}: no delegation recorded for ${parties.join(', ')}`,
    noQuota: 'the process sets no quota for women: meetsQuota is null',
    ignoredFields: (fields) =>
      `fields Tandem does not read, so ignored (a misspelt field is lost to the check): ${fields.join('; ')}`,
  },
};

const f = new LanguageFormat('fr');
const decimal = (x: number) => new Intl.NumberFormat('fr-FR', { maximumSignificantDigits: 2 }).format(x);

const fr: NegotiationCheckText = {
  escalation: (x) =>
    `${x.party} (${x.partyId}) a commis ${counted(f, x.before, 'événement violent', 'événements violents')} (${f.num(x.before - x.battles - x.alongside)} comme acteur 1 d’une attaque, ${x.alongside ? `${f.num(x.alongside)} aux côtés de l’acteur 1 d’une attaque, ` : ''}${f.num(x.battles)} comme partie à des combats ; ${counted(f, x.deaths, 'mort', 'morts')}) dans les ${f.num(x.windowDays)} jours précédant le cycle ${x.round} (${f.day(x.roundStart)}${x.venue ? `, ${x.venue}` : ''}), contre environ ${expectedCount(x.baseline, 'fr')} attendus d’après ses ${f.num(x.baselineDays)} jours précédents (${counted(f, x.baselineEvents, 'événement', 'événements')}${x.ratio === null ? '' : ` ; ×${expectedCount(x.ratio, 'fr')}`}) ; ${chance(x.pValue, 'fr')}.${x.baselineEvents ? '' : ' La partie n’a aucun événement dans sa période de référence : elle est peut-être nouvelle, ou désignée autrement auparavant.'} La violence peut servir de levier à la table des négociations.`,
  method: (o) =>
    `Pour chaque partie et chaque cycle : les événements violents commis par la partie (l’un ou l’autre camp d’un combat ; l’acteur 1 des violences contre ` +
    `les civils, des explosions et violences à distance et des émeutes ; les violences subies par la partie ne sont pas comptées), comptés dans les ${f.num(o.windowDays)} jours précédant le premier jour du cycle (la fenêtre) ` +
    `et dans les ${f.num(o.baselineDays)} jours d’avant (la période de référence). « Référence » est le nombre attendu dans la fenêtre au ` +
    `rythme quotidien de la période de référence ; « rapport » est avant / référence. Test : test conditionnel exact unilatéral de deux taux de Poisson ` +
    `(sachant les n événements de la fenêtre et de la période de référence, le nombre de la fenêtre suit une loi binomiale B(n, ${o.windowDays}/(${o.windowDays}+${o.baselineDays})) ` +
    `si le taux n’a pas changé) ; alerte lorsque p < ${decimal(o.alpha)} et que la fenêtre compte au moins ${counted(f, o.minEvents, 'événement', 'événements')}. ` +
    `Aucune correction pour la multiplicité des parties et des cycles testés. Un acteur nommé aux côtés d’un camp ` +
    `(acteurs associés d’ACLED) compte comme ce camp ; les groupes de personnes nommés avec lui, non.`,
  notes: {
    noEvents: (country) =>
      `aucun événement pour ${country} dans la base : l’escalade ne peut être testée (importez d’abord des données d’événements)`,
    baselineEarly: (round, start, first, days, tested) =>
      `cycle ${round} : la période de référence commencerait le ${f.day(start)}, avant le premier événement de la base (${f.day(first)}) ; ` +
      (tested
        ? `elle est comptée à partir de ce jour (${counted(f, days, 'jour', 'jours')})`
        : `les données antérieures à la fenêtre sont trop courtes (${counted(f, days, 'jour', 'jours')}) pour tester ce cycle : aucune alerte n’est émise`),
    windowLate: (round, last) =>
      `cycle ${round} : la fenêtre se termine après le dernier événement de la base (${f.day(last)}) ; seuls ses jours jusqu’à cette date sont comptés (les jours que les données ne couvrent pas passeraient pour calmes), et le cycle n’est pas testé s’ils font moins de la moitié de la fenêtre`,
    noActors: (parties) =>
      `parties qui ne nomment aucun acteur (actors: [...]) : leur violence ne peut être testée, elles ne le sont pas : ${parties.join(', ')}`,
    unknownActors: (country, actors) =>
      `acteurs sans événement pour ${country} dans la base (vérifiez leur orthographe dans les données) : ${actors.map(suggestionsInFrench).join(' ; ')} ; une partie dont les données ne connaissent aucun acteur n’est pas testée`,
    noDelegation: (round, parties) =>
      `${/^(cycle|round)\b/i.test(round) ? round : `cycle ${round}`} : aucune délégation enregistrée pour ${parties.join(', ')}`,
    noQuota: 'le processus ne fixe aucun quota de femmes : meetsQuota est vide (null)',
    ignoredFields: (fields) =>
      `champs que Tandem ne lit pas, donc ignorés (un champ mal orthographié échappe à la vérification) : ${fields.map(ignoredFieldInFrench).join(' ; ')}`,
  },
};

export const NEGOTIATION_CHECK_TEXT: Record<Language, NegotiationCheckText> = {
  en,
  fr: withFrenchSpacing(fr),
};
