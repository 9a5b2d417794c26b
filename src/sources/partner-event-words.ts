import { INCIDENT_CATEGORIES, type IncidentCategory } from '../domain/incident.ts';
import { parseAcledEventType, type ViolenceType } from '../domain/violence-type.ts';

// The words partners and missions write for kinds of event, in English or French (read without
// accents or case), mapped onto Tandem's violence types: "Attaque contre des civils",
// "Affrontements", "Exécution sommaire", "Child recruitment". A mission's incident log names the
// kinds of harm done to people; ACLED's and UCDP's names are read first (parseAcledEventType),
// then the mission's own incident categories ("sexual-violence"), then these words, in order:
// the first that matches decides.

/** Theft and destruction of property, as ACLED's strategic developments and sheets name them. */
const THEFT =
  /looting\/property destruction|property destruction|destruction de biens|\bvols? de (?:betail|bovins|cheptel)|\btheft\b/i;
/** Words that make a theft violence against people. */
const THEFT_WITH_VIOLENCE =
  /(?:\bkill|murder|meurtre|\btue(?:e|s|es)?\b|assassin|massacre|attaq|attack|\braid|\bviol|\brape\b|abduct|enlev|bless|injur|wound)/i;

const WORDS: [RegExp, ViolenceType][] = [
  // ACLED's sub-event of strategic developments, and theft without an attack, before the looting
  // and pillage that the words for violence against civilians take. A theft that kills, hurts,
  // rapes or attacks ("Vol de bétail avec meurtre") is violence against civilians.
  [new RegExp(`^(?!.*${THEFT_WITH_VIOLENCE.source})(?=.*${THEFT.source})`, 'i'), 'strategic-developments'],
  [THEFT, 'violence-against-civilians'],
  // An attack on peacekeepers is fighting with an armed force (as the mission's own incident
  // category counts it), whatever else the words say; threats and warning shots harm no one yet
  // (the mission's threat-or-intimidation), unless the words say someone was hurt.
  [
    /peacekeep|casques? bleus?|soldats? de la paix|maintien de la paix|\b(?:minusca|monusco|minusma|unmiss|unisfa|minurso|unifil)\b/i,
    'battles',
  ],
  [
    /^(?!.*(?:\bkill|murder|meurtre|\btue|bless|injur|wound|rape|\bviol))(?=.*(?:threat|intimidat|menace|sommation|warning shot))/i,
    'strategic-developments',
  ],
  [
    new RegExp(
      [
        'one-sided|against civilians|abduct|kidnap|hostage|disappear|sexual|rape|gender-based|\\bs?gbv\\b|massacre|killing|\\bkilled\\b|murder|homicide|execution|lynch|mutilat|torture|ill-treat|beating|physical assault',
        'looting|robbery|extortion|burning|burnt|burned|arson|cattle raid|attacks? on civilians|attacks? on (?:aid|humanitarian)|(?:aid|humanitarian) workers',
        'child(?:ren)? (?:recruit|soldier|use)|recruitment (?:and use )?of child|use of child|forced (?:displacement|marriage|labou?r|recruitment)|displacement|eviction|arbitrary detention|unlawful detention|illegal detention',
        'contre (?:les |des )?(?:populations )?civil|sexuel|\\bviols?\\b|enlevement|meurtre|assassinat|pillage|violence unilaterale|incendie|tuerie|mauvais traitements?|disparition|otage|braquage|extorsion|lynchage|razzia',
        "recrutement (?:et utilisation )?d['’ ]?enfants|enfants? soldats?|utilisation d['’ ]?enfants|mariage force|travail force|deplacements? (?:force|de populations?|massifs?)|mouvements? de populations?|expulsion|violences? basees? sur le genre|\\bvbg\\b|detention (?:illegale|arbitraire)|sequestration|(?:acteurs|travailleurs|agents) humanitaires|contre (?:les |des )?humanitaires",
      ].join('|'),
      'i',
    ),
    'violence-against-civilians',
  ],
  // UCDP's words for its two conflict types, before the battle words that would take them.
  [/state-based|conflit etatique/i, 'state-based-conflict'],
  [/non-state (?:conflict|violence)|conflit non etatique/i, 'non-state-conflict'],
  [
    /battle|clash|armed conflict|fighting|affrontement|combat|accrochage|conflit arme|echange de tirs|exchange of fire|firefight/i,
    'battles',
  ],
  [
    /explos|shell|air ?strike|drone|\bied\b|\b(?:land)?mines?\b|remote|bombardement|bombing|frappe|obus|pilonnage|tirs? indirects?|indirect fire|mortier|mortar|roquette|rocket|grenade/i,
    'explosions-remote-violence',
  ],
  // Attacks, ambushes and incursions by armed men (on a base, a convoy, a position), after the
  // words above: an attack on civilians, or with an explosive device, is taken there. "Attack"
  // alone reads as "Attaque" alone does.
  [/attaque|\battacks?\b|embuscade|ambush|incursion|complex attack|\braid/i, 'battles'],
  // Harm to people named alone ("Injury", "Blessure par balle"), after fighting: a clash with
  // wounded is a clash.
  [/injur|wound|blesse|blessure|coups et/i, 'violence-against-civilians'],
  [/riot|mob|emeute|vindicte/i, 'riots'],
  [/protest|demonstration|manifestation|sit-in|\bgreve/i, 'protests'],
  [
    /strategic|agreement|arrest|looting of property|strategique|accord|arrestation|interpellation/i,
    'strategic-developments',
  ],
];

const CATEGORY_SLUG = /^[a-z-]+$/;

/**
 * The violence type a partner's or mission's name for a kind of event says, or undefined when it
 * says none Tandem knows (the row is set aside, naming the value).
 */
export function violenceTypeOfWords(raw: string): ViolenceType | undefined {
  const acled = parseAcledEventType(raw);
  if (acled) return acled;
  const slug = raw.trim().toLowerCase();
  if (CATEGORY_SLUG.test(slug) && Object.hasOwn(INCIDENT_CATEGORIES, slug))
    return INCIDENT_CATEGORIES[slug as IncidentCategory].violenceType;
  const plain = raw.normalize('NFD').replace(/\p{M}/gu, '');
  return WORDS.find(([re]) => re.test(plain))?.[1];
}
