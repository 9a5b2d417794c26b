import type { Language as BriefLanguage } from '../domain/language.ts';
import type { Sensitivity } from '../domain/sensitivity.ts';

/** The languages the brief is written in, and their formats (src/domain/language.ts). */
export {
  LANGUAGES as BRIEF_LANGUAGES,
  type Language as BriefLanguage,
  LanguageFormat as BriefFormat,
} from '../domain/language.ts';

import { forFrenchCountry, frenchCountryName } from '../domain/french-country-names.ts';
import { counted, ENGLISH, LanguageFormat } from '../domain/language.ts';

const FRENCH = new LanguageFormat('fr');

/** Every word of the brief, per language. Both catalogues have the same keys (the type says so). */
export interface BriefText {
  title: (scope: string, from: string, to: string) => string;
  allCountries: string;
  produced: (date: string) => string;
  classification: Record<Sensitivity, string>;
  classificationNote: string;
  /** A name withheld from the reader, as the brief says it. */
  withheld: string;
  sourcesTitle: string;
  /** "x: y" in English, "x : y" in French. */
  colon: string;
  /** "x; y" in English, "x ; y" in French. */
  semicolon: string;
  /**
   * A targeted population as the reader reads it: the source's own group names stay as written;
   * Tandem's "Civilians (Country)", for the events that name no group, is put in the reader's words.
   */
  population: (group: string) => string;
  headline: string;
  figure: string;
  value: string;
  figures: {
    events: string;
    fatalities: string;
    civilianFatalities: string;
    violentEvents: string;
    civilianTargeting: string;
    byState: string;
    stateShare: string;
    alerts: string;
  };
  partialMonth: (to: string, month: string, days: number, of: number) => string;
  partialFirstMonth: (from: string, month: string, days: number, of: number) => string;
  /** `sources`: the short names of the sources in scope ("ACLED, HXL"), '' when unknown. */
  noCivilianFatalities: (sources: string) => string;
  friction: (share: string) => string;
  charts: {
    events: string;
    fatalities: string;
    civilianTargeting: string;
    byViolenceType: string;
    byPerpetrator: string;
    allPerpetrators: string;
    stateForces: string;
    from: (first: string, last: string) => string;
    /** A text chart too long for one mark a month: how many months each mark sums. */
    eachMark: (months: number) => string;
    peak: string;
  };
  howCounted: string;
  counted: {
    headline: string;
    areas: (months: number) => string;
    alerts: string;
    perpetrators: string;
    drivers: (events: string) => string;
    threats: string;
  };
  hotspots: string;
  byLevel: string;
  byChange: (months: number) => string;
  noRise: string;
  areaHead: [string, string, string, string, string, string];
  changeHead: [string, string, string, string, string];
  noAdmin1: string;
  alertsTitle: string;
  alertsIntro: (h: number, shift: number, window: number) => string;
  /** Runs of months with no event of any kind, each as "Jul 2021" or "Jul 2021 to Sept 2021 (3 months)". */
  alertsGap: (country: string, runs: string[]) => string;
  /** One run of alertsGap: its first and last month, how many, and the share of months with events before it. */
  gapRun: (first: string, last: string, months: number, pct: number) => string;
  alertHead: [string, string, string, string, string, string, string, string, string];
  alertLevel: Record<string, string>;
  /** What an alert counted, by kind and metric: `escalation-events`, `escalation-fatalities`, … */
  alertWhat: Record<string, string>;
  noAlerts: string;
  perpetrators: string;
  stateApart: string;
  noState: string;
  others: (shown: number, all: number) => string;
  none: string;
  noTags: string;
  perpHead: [string, string, string, string, string, string, string, string, string, string, string];
  unknown: string;
  drivers: string;
  jointIntro: string;
  jointHead: [string, string, string, string];
  /** A joint tag as evidence: who made it and who confirmed it, each with their unit. */
  tagBy: (tag: number, where: string, analyst: string, confirmedBy: string) => string;
  /** The tagged-events cell of a driver tagged on areas only. */
  areaTagsOnly: string;
  country: string;
  noJoint: string;
  unconfirmedIntro: string;
  unconfirmedHead: [string, string, string];
  unit: Record<string, string>;
  suggestionsIntro: (events: string) => string;
  suggestionHead: [string, string, string, string];
  noSuggestion: string;
  threats: string;
  threatHead: [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  yes: string;
  noThreats: string;
  /** The list is bounded: how many of the threats the data suggest it shows (`exact` false: a minimum). */
  threatsShown: (shown: string, total: string, exact: boolean) => string;
  dismissed: (list: string) => string;
  inPlace: (who: string, where: string) => string;
  method: string;
  methodItems: (m: {
    from: string;
    to: string;
    minActorEvents: number;
    window: number;
    dispersionWindow: number;
    block: number;
    shift: string;
    threshold: string;
    /** Events a month (counted in each language's own grammar). */
    minBaseline: number;
    minHistory: number;
    maxRun: number;
  }) => string[];
  /** A country as the data spells it (in English), in the brief's language. */
  countryName: (name: string) => string;
  trend: Record<string, string>;
  level: Record<string, string>;
  status: Record<string, string>;
  violence: Record<string, string>;
  category: Record<string, string>;
}

const en: BriefText = {
  title: (scope, from, to) => `Joint analysis brief: ${scope}, ${from} to ${to}`,
  allCountries: 'all countries in the store',
  produced: (date) => `Produced on ${date} by Tandem.`,
  classification: {
    public: 'PUBLIC',
    internal: 'INTERNAL',
    restricted: 'RESTRICTED',
    'strictly-confidential': 'STRICTLY CONFIDENTIAL',
  },
  classificationNote: 'the highest sensitivity of the records counted in this brief',
  withheld: '(withheld)',
  sourcesTitle: 'Sources',
  colon: ':',
  semicolon: ';',
  population: (group) => group,
  headline: 'Headline figures',
  figure: 'figure',
  value: 'value',
  figures: {
    events: 'events',
    fatalities: 'fatalities',
    civilianFatalities: 'civilian fatalities',
    violentEvents: 'violent events (battles and armed conflict, remote violence, violence against civilians)',
    civilianTargeting: 'events targeting civilians',
    byState: '… of which by state forces',
    stateShare: 'state forces’ share of events targeting civilians',
    alerts: 'alerts',
  },
  partialMonth: (to, month, days, of) =>
    `The period ends on ${to}: its last month, ${month}, holds ${days} of its ${of} days, so that month's counts, and the trends that include it, read low beside whole months (alerts are tested on whole months, and may count days after the period).`,
  partialFirstMonth: (from, month, days, of) =>
    `The period starts on ${from}: its first month, ${month}, holds ${days} of its ${of} days, so that month's counts read low beside whole months.`,
  noCivilianFatalities: (sources) =>
    `Civilian fatalities: – because no source in scope${sources ? ` (${sources})` : ''} gives the figure.`,
  friction: (share) =>
    `State forces committed ${share} of the events targeting civilians: where the mission supports those forces, protecting civilians and working with the host state pull apart, and the frictions below list it once a stored plan provides that support. Accountability for them must be weighed with the host state's consent; see the state forces table below.`,
  charts: {
    events: 'Events per month',
    fatalities: 'Fatalities per month',
    civilianTargeting: 'Events targeting civilians per month, all and by state forces',
    byViolenceType: 'Events per month by violence type',
    byPerpetrator: 'Events per month by the category of the first actor named',
    allPerpetrators: 'all perpetrators',
    stateForces: 'state forces',
    from: (first, last) => (first === last ? first : `${first} to ${last}`),
    eachMark: (months) => `each mark sums ${months} months`,
    peak: 'busiest month',
  },
  howCounted: 'How these figures were counted:',
  counted: {
    headline:
      'every event of the period in scope is counted once, with its fatalities as the source gives them; civilian fatalities are added up only where the source gives the figure. The state share is the events targeting civilians whose first actor (the perpetrator) is a state force, over all events targeting civilians. The chart by category counts each event once, for its first actor: in fighting that is one side only (UCDP names the government first in every clash, so there every battle falls to state forces); the perpetrators table below counts both sides.',
    areas: (months) =>
      `events are counted per admin-1 area; an area's trend compares its last ${months} months with the ${months} months before.`,
    alerts:
      'each country, area and actor has a monthly count of violent events from the first month of data (the first six months are its first baseline: a rise within them is not tested, but a month with one event of 100 deaths or more is alerted from the first month); an alert is raised when that count rises and stays above the area’s or actor’s own baseline (see Method). Its evidence is the most lethal events of the area or actor between the start of the rise and the alarm. An alert is listed when its rise overlaps the period, so its alarm may come after the period ends (marked †): the test became sure only then.',
    perpetrators:
      'violent events (battles and armed conflict, remote violence, violence against civilians) are counted for the actors that perpetrated them, as the actor alerts count them: both sides of fighting (UCDP names the government first in every clash), the attacker of other violence, and any actor named as acting with either (ACLED’s associated actors). A battle is counted, with its deaths and civilian deaths, for each side: the actors’ figures add up to more than the country’s. “Share of its events” is the share of the actor’s events that targeted civilians. A peace operation named on the side attacked, or beside it, was attacked and is not counted for that battle.',
    drivers: (events) =>
      `analysts' tags on events, and Tandem's word rules (data/drivers.yaml) run on the notes of the ${events} most recent events of the period. A tag is joint once a POC analyst and a political analyst both stand behind it.`,
    threats:
      'events targeting civilians are grouped by perpetrator, area and violence type, and split by the group they harmed (events naming none under “Civilians”); the threats are listed by risk, likelihood × severity (each 1–4), the highest first. Analysts’ decisions on each threat are shown beside it.',
  },
  hotspots: 'Hotspots',
  byLevel: 'By level: the areas with the most events in the period.',
  byChange: (months) =>
    `By change: the areas whose events rose most in the last ${months} months against the ${months} before.`,
  noRise: 'No area rose.',
  areaHead: ['area', 'country', 'events', 'fatalities', 'trend', 'events over the period'],
  changeHead: ['area', 'country', 'before', 'last months', 'change'],
  noAdmin1: '(no admin1)',
  alertsTitle: 'Escalation alerts',
  alertsGap: (country, runs) =>
    `Warning: the store holds no event of any kind for ${country} in ${runs.join('; ')}: a gap in the data (a source not imported for those months) or a time its sources record no violence (UCDP GED holds none in years without a conflict it counts). The alerts read those months as months without violence: if they are a gap, a baseline that includes them is too low and the rise after them may be no rise at all; import the missing months before relying on those alerts.`,
  gapRun: (first, last, months, pct) =>
    months > 1
      ? `${first} – ${last} (${months} months, after events in ${pct}% of the months before)`
      : `${first} (after events in ${pct}% of the months before)`,
  alertsIntro: (h, shift, window) =>
    `A sustained rise of violent events above the area's or actor's own baseline (negative-binomial CUSUM, threshold h = ${h}, looking for a ×${shift} rise over a ${window}-month baseline); for countries and areas also a sustained rise of deaths and a month with one event of 100 deaths or more, and actors new to the country that appear at scale. "Start" is the first month of the rise; "alarm" the month the test became sure. Baseline and observed are per month, in what the row counted: events or deaths. For a mass casualty the score is the deaths of the month's largest event, and the month may count fewer deaths than its baseline: a massacre in the middle of a deadlier war still raises an alert. The newest alarms come first.`,
  alertHead: [
    'level',
    'where / who',
    'counted',
    'start',
    'alarm',
    'baseline',
    'observed',
    'score',
    'evidence',
  ],
  alertLevel: { country: 'country', admin1: 'area', actor: 'actor' },
  alertWhat: {
    'escalation-events': 'violent events',
    'escalation-fatalities': 'deaths',
    'mass-casualty-fatalities': 'deaths (mass casualty)',
    'new-actor-events': 'violent events (new actor)',
  },
  noAlerts: 'No alerts in the period.',
  perpetrators: 'Perpetrators',
  stateApart: 'State forces, kept apart: accountability for them weighs against the host state’s consent.',
  noState: 'No state forces among the perpetrators.',
  others: (shown, all) =>
    shown === all ? `Other perpetrators (${all}).` : `Other perpetrators (the ${shown} largest of ${all}).`,
  none: 'None.',
  noTags: 'None.',
  perpHead: [
    'actor',
    'category',
    'events',
    'targeting civilians',
    'share of its events',
    'fatalities',
    'civilian fatalities',
    'main areas',
    'against',
    'trend',
    'events over the period',
  ],
  unknown: 'unknown',
  drivers: 'Drivers of violence',
  jointIntro: 'Joint findings: tags confirmed by a POC analyst and a political analyst.',
  jointHead: ['driver', 'joint tags', 'tagged events', 'evidence'],
  tagBy: (tag, where, analyst, confirmedBy) =>
    `tag ${tag} (${where}): by ${analyst}, confirmed by ${confirmedBy}`,
  areaTagsOnly: 'none (tagged on areas)',
  country: 'country',
  noJoint: 'No joint findings yet.',
  unconfirmedIntro: 'Unconfirmed tags: one unit’s view, awaiting the other.',
  unconfirmedHead: ['driver', 'unconfirmed tags', 'by'],
  unit: { poc: 'POC', political: 'political' },
  suggestionsIntro: (events) =>
    `Suggestions from event notes (rules of data/drivers.yaml, on the ${events} most recent events): hints for analysts, not findings.`,
  suggestionHead: ['driver', 'events', 'words that fired (examples)', 'evidence'],
  noSuggestion: 'No note fired a rule.',
  threats: 'Threats to civilians',
  threatHead: [
    'perpetrator',
    'state',
    'against',
    'violence',
    'area',
    'likelihood',
    'severity',
    'trend',
    'status',
    'events',
    'drivers',
    'evidence',
  ],
  yes: 'yes',
  noThreats: 'No threats in the period.',
  threatsShown: (shown, total, exact) =>
    `Listed: the ${shown} of highest risk (likelihood × severity) of ${exact ? 'the ' : 'at least '}${total} threats the data suggest; the others are left out.`,
  dismissed: (list) => `Dismissed by analysts: ${list}.`,
  inPlace: (who, where) => `${who} in ${where}`,
  method: 'Method',
  methodItems: (m) => [
    `Period ${m.from} to ${m.to}.`,
    `Alerts count violent events per month (battles and armed conflict, explosions and remote violence, violence against civilians): each event once for its country and area, and once for each actor that perpetrated it (either side of fighting; the attacker, not the target, of other violence); actors with at least ${m.minActorEvents} violent events are tested.`,
    `An alert's baseline is the mean of the ${m.window} months before the test began to gather evidence of the rise (which can be some months before the start shown: the start is the month from which a step up best explains the months up to the alarm); how much months vary is learnt from the ${m.dispersionWindow} months before it (around each ${m.block}-month block's own level) and widened for the uncertainty of the baseline. The test looks for a ×${m.shift} rise and raises the alarm when the accumulated evidence passes ${m.threshold}; the baseline is never taken below ${counted(ENGLISH, m.minBaseline, 'event', 'events')} a month, an area or actor needs ${m.minHistory} months of history before it is tested, and the baseline is refreshed after ${m.maxRun} months without alarm.`,
    'Trends compare the last months of the period with as many months before; a change counts as rising or falling when it is a quarter or more and more than chance would give one time in five (so 8 events after 6 is stable, 10 after 5 is rising). After months without such events, a trend is new only when the data hold none before them; otherwise it is returning.',
    'Civilian targeting is the source’s own field where it has one; UCDP GED, older ACLED exports and HXL sheets have none, and Tandem derives it (GED’s one-sided violence; elsewhere violence against civilians, or civilians as the second actor or, in a sheet with no second actor, as the people harmed).',
    'A civilian fatality figure shows “–” where the source gives none (ACLED does not), never 0.',
  ],
  countryName: (name) => name,
  trend: {
    rising: 'rising',
    falling: 'falling',
    stable: 'stable',
    new: 'new',
    returning: 'returning',
    none: '–',
  },
  level: { low: 'low', medium: 'medium', high: 'high', 'very-high': 'very high' },
  status: { proposed: 'proposed', accepted: 'accepted', dismissed: 'dismissed' },
  violence: {
    battles: 'battles',
    'state-based-conflict': 'state-based armed conflict',
    'non-state-conflict': 'non-state armed conflict',
    'explosions-remote-violence': 'explosions and remote violence',
    'violence-against-civilians': 'violence against civilians',
    protests: 'protests',
    riots: 'riots',
    'strategic-developments': 'strategic developments',
  },
  category: {
    'state-forces': 'state forces',
    'rebel-group': 'rebel group',
    'political-militia': 'political militia',
    'identity-militia': 'identity militia',
    rioters: 'rioters',
    protesters: 'protesters',
    civilians: 'civilians',
    'external-forces': 'external forces',
    unknown: 'unknown',
  },
};

/**
 * The groups harmed as ACLED and a mission's incidents name them ("Women (South Sudan)"), in
 * French; a group outside the table keeps the source's words.
 */
const FRENCH_GROUPS: Readonly<Record<string, string>> = Object.assign(Object.create(null), {
  Civilians: 'Civils',
  Women: 'Femmes',
  Children: 'Enfants',
  Students: 'Étudiants',
  Teachers: 'Enseignants',
  Journalists: 'Journalistes',
  'Health Workers': 'Personnel de santé',
  'Aid Workers': 'Travailleurs humanitaires',
  'Refugees/IDPs': 'Réfugiés et déplacés',
  Farmers: 'Agriculteurs',
  Fishers: 'Pêcheurs',
  Prisoners: 'Détenus',
  'Government Officials': 'Agents de l’État',
  'Local Administrators': 'Administrateurs locaux',
  Lawyers: 'Avocats',
  Traders: 'Commerçants',
});

const fr: BriefText = {
  title: (scope, from, to) => `Note d’analyse conjointe : ${scope}, du ${from} au ${to}`,
  allCountries: 'tous les pays de la base',
  produced: (date) => `Établie le ${date} par Tandem.`,
  classification: {
    public: 'PUBLIC',
    internal: 'USAGE INTERNE',
    restricted: 'DIFFUSION RESTREINTE',
    'strictly-confidential': 'STRICTEMENT CONFIDENTIEL',
  },
  classificationNote: 'la plus haute sensibilité des données comptées dans cette note',
  withheld: '(masqué)',
  sourcesTitle: 'Sources',
  colon: ' :',
  semicolon: ' ;',
  population: (group) =>
    group.replace(/^(.+?) \((.+)\)$/, (whole, who: string, country: string) =>
      FRENCH_GROUPS[who] ? `${FRENCH_GROUPS[who]} (${frenchCountryName(country)})` : whole,
    ),
  headline: 'Chiffres clés',
  figure: 'indicateur',
  value: 'valeur',
  figures: {
    events: 'événements',
    fatalities: 'morts',
    civilianFatalities: 'morts civils',
    violentEvents:
      'événements violents (combats et conflits armés, violences à distance, violences contre les civils)',
    civilianTargeting: 'événements visant des civils',
    byState: '… dont par les forces de l’État',
    stateShare: 'part des forces de l’État dans les événements visant des civils',
    alerts: 'alertes',
  },
  partialMonth: (to, month, days, of) =>
    `La période s’arrête le ${to} : son dernier mois, ${month}, n’en compte que ${days} jours sur ${of} ; les chiffres de ce mois, et les tendances qui l’incluent, paraissent donc bas à côté des mois entiers (les alertes sont testées sur des mois entiers et peuvent compter des jours postérieurs à la période).`,
  partialFirstMonth: (from, month, days, of) =>
    `La période commence le ${from} : son premier mois, ${month}, n’en compte que ${days} jours sur ${of} ; les chiffres de ce mois paraissent donc bas à côté des mois entiers.`,
  noCivilianFatalities: (sources) =>
    `Morts civils : « – » parce qu’aucune source du périmètre${sources ? ` (${sources})` : ''} ne donne ce chiffre.`,
  friction: (share) =>
    `Les forces de l’État sont à l’origine de ${share} des événements visant des civils : là où la mission soutient ces forces, protéger les civils et travailler avec l’État hôte tirent en sens contraires, et les frictions ci-dessous le signalent dès qu’un plan enregistré prévoit ce soutien. Leur mise en cause doit être pesée au regard du consentement de l’État hôte ; voir le tableau des forces de l’État ci-dessous.`,
  charts: {
    events: 'Événements par mois',
    fatalities: 'Morts par mois',
    civilianTargeting: 'Événements visant des civils par mois, tous auteurs et forces de l’État',
    byViolenceType: 'Événements par mois selon le type de violence',
    byPerpetrator: 'Événements par mois selon la catégorie du premier acteur nommé',
    allPerpetrators: 'tous les auteurs',
    stateForces: 'forces de l’État',
    // "d’août 2013", "de déc. 2022": French elides de before a vowel.
    from: (first, last) =>
      first === last ? first : `${/^[aeiouéèêâh]/i.test(first) ? 'd’' : 'de '}${first} à ${last}`,
    eachMark: (months) => `chaque trait cumule ${months} mois`,
    peak: 'maximum mensuel',
  },
  howCounted: 'Comment ces chiffres ont été comptés :',
  counted: {
    headline:
      'chaque événement de la période dans le périmètre est compté une fois, avec ses morts tels que la source les donne ; les morts civils ne sont additionnés que là où la source donne ce chiffre. La part de l’État rapporte les événements visant des civils dont le premier acteur (l’auteur) est une force de l’État à l’ensemble des événements visant des civils. Le graphique par catégorie compte chaque événement une fois, pour son premier acteur : dans un combat, un seul camp (l’UCDP nomme le gouvernement en premier dans chaque affrontement, et y attribue donc tous les combats aux forces de l’État) ; le tableau des auteurs ci-dessous compte les deux camps.',
    areas: (months) =>
      `les événements sont comptés par zone de niveau 1 ; la tendance d’une zone compare ses ${months} derniers mois aux ${months} mois précédents.`,
    alerts:
      'chaque pays, zone et acteur a un nombre mensuel d’événements violents depuis le premier mois de données (les six premiers mois forment son premier niveau de référence : une hausse pendant ces mois n’est pas testée, mais un mois comptant un événement d’au moins 100 morts est signalé dès le premier mois) ; une alerte est levée quand ce nombre monte et reste au-dessus du niveau habituel de la zone ou de l’acteur (voir Méthode). Ses preuves sont les événements les plus meurtriers de la zone ou de l’acteur entre le début de la hausse et l’alerte. Une alerte figure dès que sa hausse chevauche la période : son alerte peut donc tomber après la fin de la période (marquée †), quand le test l’a établie.',
    perpetrators:
      'les événements violents (combats et conflits armés, violences à distance, violences contre les civils) sont comptés pour les acteurs qui les ont commis, comme les alertes par acteur les comptent : les deux camps d’un combat (l’UCDP nomme le gouvernement en premier dans chaque affrontement), l’auteur des autres violences, et tout acteur nommé comme agissant avec l’un ou l’autre (les acteurs associés d’ACLED). Un combat est compté, avec ses morts et ses morts civils, pour chaque camp : les chiffres des acteurs dépassent ensemble ceux du pays. La « part de ses événements » est la part des événements de l’acteur qui ont visé des civils. Une opération de paix nommée du côté attaqué, ou à ses côtés, a été attaquée et ce combat ne lui est pas compté.',
    drivers: (events) =>
      `les étiquettes posées par les analystes sur des événements, et les règles de mots de Tandem (data/drivers.yaml) appliquées aux notes des ${events} événements les plus récents de la période. Une étiquette devient conjointe quand un analyste POC et un analyste politique la soutiennent tous deux.`,
    threats:
      'les événements visant des civils sont regroupés par auteur, zone et type de violence, puis séparés selon le groupe touché (ceux qui n’en nomment aucun sous « Civils ») ; les menaces sont listées par risque, probabilité × gravité (chacune de 1 à 4), du plus élevé au plus faible. Les décisions des analystes sur chaque menace figurent à côté.',
  },
  hotspots: 'Zones les plus touchées',
  byLevel: 'Par niveau : les zones qui comptent le plus d’événements sur la période.',
  byChange: (months) =>
    `Par évolution : les zones dont les événements ont le plus augmenté au cours des ${months} derniers mois par rapport aux ${months} précédents.`,
  noRise: 'Aucune zone en hausse.',
  areaHead: ['zone', 'pays', 'événements', 'morts', 'tendance', 'événements sur la période'],
  changeHead: ['zone', 'pays', 'avant', 'derniers mois', 'évolution'],
  noAdmin1: '(sans zone)',
  alertsTitle: 'Alertes d’escalade',
  alertsGap: (country, runs) =>
    `Attention : la base ne contient aucun événement, de quelque type que ce soit, ${forFrenchCountry(country)} ${runs.join(' ; ')} : un trou dans les données (une source non importée pour ces mois) ou une période où ses sources n’enregistrent aucune violence (l’UCDP GED n’en tient aucune les années sans conflit qu’il compte). Les alertes lisent ces mois comme des mois sans violence : s’il s’agit d’un trou, une ligne de base qui les inclut est trop basse, et la hausse qui les suit n’en est peut-être pas une ; importez les mois manquants avant de vous fier à ces alertes.`,
  gapRun: (first, last, months, pct) =>
    months > 1
      ? `${/^[aeiouéèêâh]/i.test(first) ? 'd’' : 'de '}${first} à ${last} (${months} mois, après des événements dans ${pct} % des mois précédents)`
      : `en ${first} (après des événements dans ${pct} % des mois précédents)`,
  alertsIntro: (h, shift, window) =>
    `Une hausse durable des événements violents au-dessus du niveau habituel de la zone ou de l’acteur (CUSUM binomiale négative, seuil h = ${h}, à la recherche d’une hausse ×${shift} par rapport à la moyenne des ${window} mois précédents). Pour les pays et les zones, aussi une hausse durable des morts et un mois comptant un événement d’au moins 100 morts ; et les acteurs nouveaux dans le pays qui apparaissent en nombre. « Début » est le premier mois de la hausse ; « alerte », le mois où le test l’a établie. Niveau habituel et observé sont par mois, dans ce que la ligne compte : événements ou morts. Pour un incident faisant de nombreuses victimes, le score est le nombre de morts de l’événement le plus meurtrier du mois, et le mois peut compter moins de morts que son niveau habituel : un tel incident au milieu d’une guerre plus meurtrière reste signalé. Les alertes les plus récentes viennent en premier.`,
  alertHead: [
    'niveau',
    'où / qui',
    'compte',
    'début',
    'alerte',
    'niveau habituel',
    'observé',
    'score',
    'preuves',
  ],
  alertLevel: { country: 'pays', admin1: 'zone', actor: 'acteur' },
  alertWhat: {
    'escalation-events': 'événements violents',
    'escalation-fatalities': 'morts',
    'mass-casualty-fatalities': 'morts (incident faisant de nombreuses victimes)',
    'new-actor-events': 'événements violents (nouvel acteur)',
  },
  noAlerts: 'Aucune alerte sur la période.',
  perpetrators: 'Auteurs',
  stateApart:
    'Les forces de l’État, présentées à part : leur mise en cause pèse sur le consentement de l’État hôte.',
  noState: 'Aucune force de l’État parmi les auteurs.',
  others: (shown, all) =>
    shown === all ? `Autres auteurs (${all}).` : `Autres auteurs (les ${shown} principaux sur ${all}).`,
  none: 'Aucun.',
  noTags: 'Aucune.',
  perpHead: [
    'acteur',
    'catégorie',
    'événements',
    'visant des civils',
    'part de ses événements',
    'morts',
    'morts civils',
    'zones principales',
    'contre',
    'tendance',
    'événements sur la période',
  ],
  unknown: 'inconnue',
  drivers: 'Facteurs de violence',
  jointIntro: 'Constats conjoints : étiquettes confirmées par un analyste POC et un analyste politique.',
  jointHead: ['facteur', 'étiquettes conjointes', 'événements étiquetés', 'preuves'],
  tagBy: (tag, where, analyst, confirmedBy) =>
    `étiquette ${tag} (${where}) : posée par ${analyst}, confirmée par ${confirmedBy}`,
  areaTagsOnly: 'aucun (étiquetées sur des zones)',
  country: 'pays',
  noJoint: 'Pas encore de constat conjoint.',
  unconfirmedIntro: 'Étiquettes non confirmées : l’avis d’une seule unité, en attente de l’autre.',
  unconfirmedHead: ['facteur', 'étiquettes non confirmées', 'par'],
  unit: { poc: 'POC', political: 'politique' },
  suggestionsIntro: (events) =>
    `Suggestions tirées des notes d’événements (règles de data/drivers.yaml, sur les ${events} événements les plus récents) : des pistes pour les analystes, pas des constats.`,
  suggestionHead: ['facteur', 'événements', 'mots déclencheurs (exemples)', 'preuves'],
  noSuggestion: 'Aucune note n’a déclenché de règle.',
  threats: 'Menaces contre les civils',
  threatHead: [
    'auteur',
    'État',
    'contre',
    'violence',
    'zone',
    'probabilité',
    'gravité',
    'tendance',
    'statut',
    'événements',
    'facteurs',
    'preuves',
  ],
  yes: 'oui',
  noThreats: 'Aucune menace sur la période.',
  threatsShown: (shown, total, exact) =>
    `Sont listées les ${shown} menaces au risque le plus élevé (probabilité × gravité) sur ${exact ? 'les ' : 'au moins '}${total} que suggèrent les données ; les autres sont laissées de côté.`,
  dismissed: (list) => `Écartées par les analystes : ${list}.`,
  inPlace: (who, where) => `${who} (${where})`,
  method: 'Méthode',
  methodItems: (m) => [
    `Période du ${m.from} au ${m.to}.`,
    `Les alertes comptent les événements violents par mois (combats et conflits armés, explosions et violences à distance, violences contre les civils) : chaque événement une fois pour son pays et sa zone, et une fois pour chaque acteur qui l’a commis (chaque camp d’un combat ; l’attaquant, non la cible, des autres violences) ; les acteurs qui comptent au moins ${m.minActorEvents} événements violents sont testés.`,
    `Le niveau habituel d’une alerte est la moyenne des ${m.window} mois qui précèdent le moment où le test a commencé à accumuler des indices de la hausse (parfois quelques mois avant le début indiqué : le début est le mois à partir duquel une marche vers le haut explique le mieux les mois jusqu’à l’alarme) ; la variabilité d’un mois à l’autre est tirée des ${m.dispersionWindow} mois précédents (autour du niveau propre de chaque bloc de ${m.block} mois) et élargie pour l’incertitude sur ce niveau. Le test cherche une hausse ×${m.shift} et lève l’alerte quand les indices cumulés dépassent ${m.threshold} ; le niveau habituel n’est jamais pris sous ${counted(FRENCH, m.minBaseline, 'événement', 'événements')} par mois, une zone ou un acteur doit avoir ${m.minHistory} mois d’historique avant d’être testé, et le niveau est recalculé après ${m.maxRun} mois sans alerte.`,
    'Les tendances comparent les derniers mois de la période à autant de mois précédents ; une variation compte comme une hausse ou une baisse quand elle atteint un quart ou plus et dépasse ce que le hasard donnerait une fois sur cinq (8 événements après 6 restent stables, 10 après 5 sont une hausse). Après des mois sans de tels événements, une tendance n’est une apparition que si les données n’en comptent aucun auparavant ; sinon, c’est une reprise.',
    'Le ciblage des civils est le champ de la source quand elle en a un ; l’UCDP GED, les anciens exports ACLED et les tableaux HXL n’en ont pas, et Tandem le déduit (violence unilatérale de GED ; ailleurs violences contre les civils, ou civils comme second acteur ou, dans un tableau sans second acteur, comme victimes).',
    'Un nombre de morts civils s’affiche « – » quand la source n’en donne pas (ACLED n’en donne pas), jamais 0.',
  ],
  countryName: (name) => frenchCountryName(name),
  trend: {
    rising: 'en hausse',
    falling: 'en baisse',
    stable: 'stable',
    new: 'apparition',
    returning: 'reprise',
    none: '–',
  },
  level: { low: 'faible', medium: 'moyenne', high: 'élevée', 'very-high': 'très élevée' },
  status: { proposed: 'proposée', accepted: 'retenue', dismissed: 'écartée' },
  violence: {
    battles: 'combats',
    'state-based-conflict': 'conflit armé impliquant l’État',
    'non-state-conflict': 'conflit armé non étatique',
    'explosions-remote-violence': 'explosions et violences à distance',
    'violence-against-civilians': 'violences contre les civils',
    protests: 'manifestations',
    riots: 'émeutes',
    'strategic-developments': 'évolutions stratégiques',
  },
  category: {
    'state-forces': 'forces de l’État',
    'rebel-group': 'groupe rebelle',
    'political-militia': 'milice politique',
    'identity-militia': 'milice identitaire',
    rioters: 'émeutiers',
    protesters: 'manifestants',
    civilians: 'civils',
    'external-forces': 'forces extérieures',
    unknown: 'inconnue',
  },
};

export const BRIEF_TEXT: Record<BriefLanguage, BriefText> = { en, fr };
