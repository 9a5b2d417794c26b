import { forFrenchCountry, frenchCountryName, ofFrenchCountry } from '../domain/french-country-names.ts';
import { groupInFrench } from '../domain/harmed-group-words.ts';
import { counted, LanguageFormat } from '../domain/language.ts';
import type { BriefText } from './brief-text.ts';

const FRENCH = new LanguageFormat('fr');

/** The brief's words in French. */
export const fr: BriefText = {
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
      groupInFrench(who) ? `${groupInFrench(who)} (${frenchCountryName(country)})` : whole,
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
  thinMonth: (month, events, usual) =>
    `${month.charAt(0).toUpperCase()}${month.slice(1)} ne compte que ${counted(FRENCH, events, 'événement violent', 'événements violents')}, contre environ ${FRENCH.num(usual)} par mois dans les six mois précédents : le mois ne fait que commencer, ou les données s’arrêtent tôt. Ses chiffres, et toute tendance qui s’achève avec lui (une zone ou un acteur « en baisse », « aucune zone en hausse »), paraissent bas tant que le mois n’est pas complet ; comparez des mois entiers.`,
  partialFirstMonth: (from, month, days, of) =>
    `La période commence le ${from} : son premier mois, ${month}, n’en compte que ${days} jours sur ${of} ; les chiffres de ce mois paraissent donc bas à côté des mois entiers.`,
  partCivilianFatalities: (known, events) =>
    `Les morts civils ne comptent que les événements dont la source donne ce chiffre (le GED, les rapports d’incident de la mission) : ${FRENCH.num(known)} sur ${FRENCH.num(events)}. Les sources des autres (ACLED, les tableaux sans ce chiffre) n’en donnent pas : les morts civils de la période sont au moins ce nombre, le reste est inconnu.`,
  noCivilianFatalities: (sources) =>
    `Morts civils : « – » parce qu’aucune source du périmètre${sources ? ` (${sources})` : ''} ne donne ce chiffre.`,
  friction: (share) =>
    `Les forces de l’État sont à l’origine de ${share} des événements visant des civils : là où la mission soutient ces forces, protéger les civils et travailler avec l’État hôte tirent en sens contraires : la vérification du plan signale sous Frictions, ci-dessous, chaque activité d’un plan enregistré qui les soutient. Leur mise en cause doit être pesée au regard du consentement de l’État hôte ; voir le tableau des forces de l’État ci-dessous.`,
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
    headline: (ged, overlapping) =>
      `chaque événement de la période dans le périmètre est compté une fois, avec ses morts tels que la source les donne${overlapping ? ' (ACLED et l’UCDP GED enregistrent souvent les mêmes événements, et Tandem ne rapproche pas les événements d’une source de ceux de l’autre : un événement que les deux enregistrent est compté deux fois ici, et là où le relevé d’une source commence plus tard que celui de l’autre, la hausse et les nouveaux acteurs de ses premiers mois sont le début de la source, non la violence ; pour les totaux et les alertes, gardez chaque source dans une base à part)' : ''} ; les morts civils ne sont additionnés que là où la source donne ce chiffre. La part de l’État rapporte les événements visant des civils dont le premier acteur (l’auteur) est une force de l’État à l’ensemble des événements visant des civils. Le graphique par catégorie compte chaque événement une fois, pour son premier acteur : dans un combat, un seul camp${ged ? ' (l’UCDP nomme le gouvernement en premier dans chaque affrontement, et y attribue donc tous les combats aux forces de l’État)' : ''} ; le tableau des auteurs ci-dessous compte les deux camps.`,
    areas: (months) =>
      `les événements sont comptés par zone de niveau 1 ; la tendance d’une zone compare ses ${months} derniers mois aux ${months} mois précédents.`,
    alerts:
      'chaque pays, zone et acteur a un nombre mensuel d’événements violents depuis le premier mois de données (les six premiers mois forment son premier niveau de référence : une hausse pendant ces mois n’est pas testée, mais un mois comptant un événement d’au moins 100 morts est signalé dès le premier mois) ; une alerte est levée quand ce nombre monte et reste au-dessus du niveau habituel de la zone ou de l’acteur (voir Méthode). Ses preuves sont les événements les plus meurtriers de la zone ou de l’acteur entre le début de la hausse et l’alerte. Une alerte figure dès que sa hausse chevauche la période : son alerte peut donc tomber après la fin de la période (marquée †), quand le test l’a établie.',
    perpetrators: (ged) =>
      `les événements violents (combats et conflits armés, violences à distance, violences contre les civils) sont comptés pour les acteurs qui les ont commis, comme les alertes par acteur les comptent : les deux camps d’un combat${ged ? ' (l’UCDP nomme le gouvernement en premier dans chaque affrontement)' : ''}, l’auteur des autres violences, et tout acteur armé nommé comme agissant avec l’un ou l’autre (les acteurs associés d’ACLED ; les groupes de civils nommés aux côtés d’un camp ne sont pas comptés). Un combat est compté, avec ses morts et ses morts civils, pour chaque camp : les chiffres des acteurs dépassent ensemble ceux du pays. La « part de ses événements » est la part des événements de l’acteur qui ont visé des civils. Une opération de paix prise dans un combat, d’un côté ou de l’autre, ne se voit pas compter ce combat (l’ordre des acteurs d’un combat ne dit pas qui a attaqué) ; ses violences contre des civils, si.`,
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
  alertsUntested: (country, dataFirst, testedFrom) =>
    `Les données ${ofFrenchCountry(country)} commencent en ${dataFirst} ; une hausse durable, comme un acteur nouveau dans le pays, ne peut être testée que sur six mois d’historique : aucune ne pouvait être décelée avant ${testedFrom} (seul un mois comptant un événement d’au moins 100 morts est signalé dès le premier mois), et l’absence d’une telle alerte n’y est pas un constat.`,
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
  unconfirmedIntro:
    'Étiquettes non confirmées : l’avis d’une seule unité, en attente de l’autre ; une étiquette contestée ne devient conjointe qu’une fois la contestation levée.',
  disputedBy: (who, reason) => ` ; contestée par ${who} : « ${reason} »`,
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
    'Les tendances comparent les derniers mois de la période à autant de mois précédents ; une variation compte comme une hausse quand elle atteint un quart ou plus, comme une baisse quand elle atteint un cinquième ou plus (le même rapport dans les deux sens), et dans les deux cas dépasse ce que le hasard donnerait une fois sur cinq (8 événements après 6 restent stables, 10 après 5 sont une hausse). Après des mois sans de tels événements, une tendance n’est une apparition que si les données n’en comptent aucun auparavant ; sinon, c’est une reprise.',
    'Le ciblage des civils est le champ de la source quand elle en a un ; l’UCDP GED, les anciens exports ACLED et les tableaux HXL n’en ont pas, et Tandem le déduit (violence unilatérale de GED ; ailleurs violences contre les civils, ou civils comme second acteur d’un combat, d’une explosion ou d’une émeute ou, dans un tableau sans second acteur, comme victimes).',
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
