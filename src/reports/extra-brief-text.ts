import { counted } from '../domain/language.ts';
import { BriefFormat, type BriefLanguage } from './brief-text.ts';

/**
 * The words of the brief's sections drawn from the mission's own registers and models (local
 * processes, participation, forecast, frictions), per language. Kept apart from brief-text.ts,
 * which holds the analysis sections, so each catalogue stays readable; both languages have the
 * same keys (the type says so). English reads exactly as these sections always have.
 */
export interface ExtraBriefText {
  local: {
    title: string;
    summary: (n: {
      all: number;
      withheld: number;
      disconnected: number;
      breaking: number;
      noOffice: number;
    }) => string;
    head: string[];
    /** A process's date as the table shows it. */
    date: (iso: string) => string;
    noRise: string;
    /** Above the table: which processes it lists. */
    risingIntro: (n: number) => string;
    breakingDown: (f: {
      name: string;
      parties: string[];
      after: number;
      before: number;
      date: string;
      /** The status the process is recorded with: "holding" beside more fighting is said apart. */
      status: string;
    }) => string;
    office: (f: { activity: string; office: string; areas: string[]; events: number; ids: string }) => string;
    /** Processes whose before/after could not be counted: said, so that none reads as calm. */
    uncounted: (n: { uncounted: number; all: number }) => string;
    /** `noRise` when some processes could not be counted: it speaks of those counted only. */
    noRiseOfCounted: (counted: number) => string;
    /** Beside a process listed under each country its source names. */
    crossBorder: (country: string) => string;
    status: Record<string, string>;
    counted: (radiusKm: number, windowDays: number) => string;
  };
  participation: {
    title: string;
    summary: (people: number, withheld: number, due: number) => string;
    head: string[];
    alert: Record<string, string>;
    counted: string;
  };
  forecast: {
    title: (month: string | null) => string;
    head: (month: string) => string[];
    onset: (area: string, percent: number, month: string) => string;
    noOnset: string;
    /** Every area had deaths in the last year: onset does not apply. */
    noQuietArea: string;
    /** A brief on one area that had no violent event by the origin: nothing to forecast it from. */
    noArea: (area: string, origin: string) => string;
    /** `command` reproduces the skill figures: the backtest at the same origin, over the same origins. */
    counted: (origin: string, origins: number, command: string) => string;
    baseline: Record<string, string>;
    span: (first: string, last: string) => string;
    what: { events: string; fatalities: string };
    cover: (percent: number) => string;
    better: (span: string, what: string, percent: number, baseline: string, cover: string) => string;
    noBetter: (span: string, what: string, baseline: string, percent: number, cover: string) => string;
    /** Every area-month scored had none: assuming none was exact, and no forecast can beat it. */
    noneHappened: (span: string, what: string, cover: string) => string;
    /** No origin could be scored: too few months of data. */
    tooShort: (months: number) => string;
    /** The store already holds part of the first month forecast: what it holds, beside the forecast. */
    partial: (month: string, through: string, origin: string) => string;
    /** Under the table, where a cell is starred: its mean lies above its 80% range. */
    heavyTail: string;
    /** No event of any kind from `from` to `to`: most likely a gap in the data, read as quiet months. */
    gap: (from: string, to: string, months: number, percent: number) => string;
    soFar: (through: string) => string;
    month: (ym: string) => string;
    day: (iso: string) => string;
  };
  frictions: {
    title: string;
    intro: string;
    head: string[];
    kind: Record<string, string>;
    decision: Record<string, string>;
    status: Record<string, string>;
    notDecided: string;
    /** The register's note on a friction (why it was decided so, what is asked), under the table. */
    noteOn: (ref: string, note: string) => string;
    yes: string;
    no: string;
    none: string;
    counted: string;
  };
}

const enFormat = new BriefFormat('en');
const frFormat = new BriefFormat('fr');
/** A count and its noun in English ("1 event", "0 events"). */
const plural = (n: number, one: string, other: string) => counted(enFormat, n, one, other);
/** Un nombre et son nom en français : le singulier vaut pour 0 et 1 (« 0 événement »). */
const pluriel = (n: number, one: string, other: string) => counted(frFormat, n, one, other);

const en: ExtraBriefText = {
  local: {
    title: 'Local processes',
    summary: (n) =>
      `${plural(n.all, 'local process', 'local processes')} recorded${n.withheld ? ` (and ${n.withheld} withheld from the reader of this brief)` : ''}; ${n.disconnected} with no link to the national process or the plan (local–national disconnect); ${n.breaking} whose parties fought more near them after their date than before (breaking down); ${n.noOffice} followed by no field office.`,
    head: [
      'Process',
      'Date',
      'Admin-1',
      'Status',
      'Events before',
      'Events after',
      'Deaths after',
      'Events after (ids)',
    ],
    date: (iso) => enFormat.day(iso),
    noRise: 'Violence rose after the date of none of them.',
    risingIntro: (n) =>
      `The ${n === 1 ? 'process' : `${n} processes`} near which violence rose after ${n === 1 ? 'its' : 'their'} date (at most ten, the largest rise first); those where it fell or held are counted above, not listed:`,
    breakingDown: (f) =>
      `Parties to ${f.name} (${f.parties.join(', ')}) were involved in ${plural(f.after, 'event', 'events')} within the radius in the window after ${enFormat.day(f.date)}, against ${f.before} before${f.status === 'holding' || f.status === 'signed' ? `, though it is recorded as ${f.status}: the record and the violence disagree, and one of them needs checking` : ''}.`,
    office: (f) =>
      `Field activity ${f.activity} (office ${f.office}) works in ${f.areas.join(', ')}, where ${plural(f.events, 'event', 'events')} involved local militias, but no local process is recorded there. Events: ${f.ids}.`,
    uncounted: (n) =>
      `Violence around ${n.uncounted} of these ${n.all} processes could not be counted; they are left out of the figures (not counted is not none):`,
    noRiseOfCounted: (counted) =>
      counted === 1
        ? 'Violence did not rise after the date of the one process counted.'
        : `Violence rose after the date of none of the ${counted} counted.`,
    crossBorder: (country) => ` (cross-border: ${country})`,
    status: {},
    counted: (radiusKm, windowDays) =>
      `events within ${radiusKm} km (great circle) of each process, ${windowDays} days before and after its date (\`tandem local check\`).`,
  },
  participation: {
    title: 'Participation at risk',
    summary: (people, withheld, due) =>
      `${plural(people, 'person or group', 'people or groups')} in the protection–participation register for this scope (${withheld} of them withheld from the reader of this brief); ${plural(due, 'protective measure', 'protective measures')} past their review date.`,
    head: ['Alert', 'Count', 'Incidents behind them'],
    alert: {},
    counted:
      '`tandem participation check`; incidents are ids of the mission’s incident log. Who is at risk is in the register, for those cleared to read it.',
  },
  forecast: {
    title: (month) => `Forecast: ${month ?? 'next month'} and after`,
    head: (month) => [`admin-1 area, ${month}`, 'violent events (80% range)', 'deaths (80% range)'],
    onset: (area, percent, month) =>
      `${area}: ${percent}% chance of deaths in ${month}, the likeliest of the next three months, after a year without`,
    noOnset:
      'No area without deaths in the last year has a 20% or higher chance of deaths in any one of the next three months.',
    noQuietArea:
      'Every area forecast had deaths in the last year: none is quiet, so no onset of deaths is forecast.',
    noArea: (area, origin) =>
      `${area} has no violent event in the store up to ${origin}: there is nothing to forecast it from.`,
    counted: (origin, origins, command) =>
      `Forecasts from ${origin}, using only data up to its end: a pooled regression on the log of each area's past counts, its neighbours', the season and the alert state (docs/forecasts.md); ${origins ? `skill from a rolling-origin backtest over the last ${plural(origins, 'past origin', 'past origins')} (\`${command}\`)` : `no skill measured: the record is too short for a backtest (two years of data before its first origin)`}.`,
    baseline: {
      zero: 'assuming no violence',
      last: 'assuming next month repeats this one',
      mean12: 'the average of the last 12 months',
      meanLog12: 'the typical (log-average) month of the last 12',
      bootstrap: "a month drawn from the area's last three years",
    },
    span: (first, last) => `${enFormat.month(first)} to ${enFormat.month(last)}`,
    what: { events: 'violent events', fatalities: 'deaths' },
    cover: (percent) => `their 80% ranges held what happened ${percent}% of the time`,
    better: (span, what, percent, baseline, cover) =>
      `Over ${span}, forecasts of ${what} 1–3 months ahead were ${percent}% closer (in squared error on a log scale) than the best simple rule, ${baseline}; ${cover}.`,
    noBetter: (span, what, baseline, percent, cover) =>
      `Over ${span}, forecasts of ${what} 1–3 months ahead were no better than ${baseline} (${percent === 0 ? 'as close, to within half a percent,' : `${percent}% further off`} in squared error on a log scale): treat them as that rule with a range; ${cover}.`,
    noneHappened: (span, what, cover) =>
      `Over ${span}, no ${what} were recorded in the areas and months scored, so assuming none was exactly right and no forecast could do better; ${cover}.`,
    tooShort: (months) =>
      `The record is too short to measure how good these forecasts are: the backtest needs ${months} months of data before its first origin and a month after it. Read them as a model not yet tested on this country.`,
    heavyTail:
      '* The mean lies above the 80% range: most months like it are quiet, but a few bring far more (one large attack). Read "0 (0–0)*" as likely quiet, not certainly.',
    partial: (month, through, origin) =>
      `Violent events of ${month} up to ${through} are already recorded; the forecasts use data to the end of ${origin} only, and the last column gives them (events / deaths).`,
    gap: (from, to, months, percent) =>
      `Warning: the store holds no event of any kind ${from === to ? `in ${from}` : `from ${from} to ${to} (${months} months)`}, after a record with events in ${percent}% of its months before. That is most likely a gap in the data, not a lull: the forecasts read those months as months without violence and run low. Import the missing months before relying on them.`,
    soFar: (through) => `recorded to ${through} (events / deaths)`,
    // As the rest of the English brief writes them: "Dec 2013", "14 Dec 2015".
    month: enFormat.month,
    day: enFormat.day,
  },
  frictions: {
    title: 'Frictions',
    intro:
      'Frictions between protection and political work, named so they can be managed (tandem frictions list|edit; the workbench’s Frictions page). A decision is accept, mitigate, or escalate to leadership.',
    head: [
      'ref',
      'kind',
      'what was found',
      'owner',
      'decision',
      'decided by',
      'status',
      'review',
      'still found',
    ],
    // The workbench's own words (web/src/i18n/pages/frictions.ts), not the codes.
    kind: {
      'state-perpetrator-friction': 'support to state forces that harm civilians',
      'resource-overallocation': 'competition for the same resources',
      'local-national-disconnect': 'local work cut off from the national strategy',
      'violence-without-process': 'high violence, no active political process',
    },
    decision: { accept: 'accept', mitigate: 'mitigate', escalate: 'escalate to leadership' },
    status: { open: 'open', 'in-progress': 'in progress', closed: 'closed' },
    notDecided: 'not decided',
    noteOn: (ref, note) => `Note on ${ref}: ${note}`,
    yes: 'yes',
    no: 'no',
    none: 'No friction found and none registered.',
    counted:
      'the plan check on the newest stored plan of each mission (state-perpetrator, resource-overallocation, local-national-disconnect), and admin-1 areas with at least 10 events against civilians in the last six months where no national process had a round in the 12 months before; overlaid with the frictions table.',
  },
};

const n = frFormat.num;

const fr: ExtraBriefText = {
  local: {
    title: 'Processus locaux',
    summary: (c) =>
      `${pluriel(c.all, 'processus local enregistré', 'processus locaux enregistrés')}${c.withheld ? ` (et ${pluriel(c.withheld, 'non communiqué', 'non communiqués')} au lecteur de cette note)` : ''} ; ${n(c.disconnected)} sans lien avec le processus national ni avec le plan (déconnexion local–national) ; ${n(c.breaking)} dont les parties se sont davantage affrontées à proximité après leur date qu’avant (en rupture) ; ${n(c.noOffice)} suivis par aucun bureau de terrain.`,
    head: [
      'Processus',
      'Date',
      'Zone (admin-1)',
      'Statut',
      'Événements avant',
      'Événements après',
      'Morts après',
      'Événements après (identifiants)',
    ],
    date: frFormat.day,
    noRise: 'La violence n’a augmenté après la date d’aucun d’entre eux.',
    risingIntro: (n) =>
      `${n === 1 ? 'Le processus' : `Les ${n} processus`} près ${n === 1 ? 'duquel' : 'desquels'} la violence a augmenté après ${n === 1 ? 'sa' : 'leur'} date (dix au plus, la plus forte hausse d’abord) ; ceux où elle a baissé ou stagné sont comptés ci-dessus, pas listés :`,
    breakingDown: (f) =>
      `Les parties à ${f.name} (${f.parties.join(', ')}) ont été impliquées dans ${pluriel(f.after, 'événement', 'événements')} dans le rayon au cours de la période suivant le ${frFormat.day(f.date)}, contre ${n(f.before)} avant${f.status === 'holding' || f.status === 'signed' ? `, alors qu’il est enregistré comme ${f.status === 'holding' ? 'respecté' : 'signé'} : l’enregistrement et la violence ne concordent pas, et l’un des deux est à vérifier` : ''}.`,
    office: (f) =>
      `L’activité de terrain ${f.activity} (bureau ${f.office}) couvre ${f.areas.join(', ')}, où ${pluriel(f.events, 'événement a impliqué', 'événements ont impliqué')} des milices locales, mais aucun processus local n’y est enregistré. Événements : ${f.ids}.`,
    uncounted: (c) =>
      `La violence autour de ${n(c.uncounted)} de ces ${n(c.all)} processus n’a pas pu être comptée ; ils sont laissés hors des chiffres (non compté ne veut pas dire nul) :`,
    noRiseOfCounted: (counted) =>
      counted === 1
        ? 'La violence n’a pas augmenté après la date du seul processus compté.'
        : `La violence n’a augmenté après la date d’aucun des ${n(counted)} processus comptés.`,
    crossBorder: (country) => ` (transfrontalier : ${country})`,
    status: {
      negotiating: 'en négociation',
      signed: 'signé',
      holding: 'respecté',
      broken: 'rompu',
    },
    counted: (radiusKm, windowDays) =>
      `événements situés à moins de ${n(radiusKm)} km (orthodromie) de chaque processus, ${n(windowDays)} jours avant et après sa date (\`tandem local check\`).`,
  },
  participation: {
    title: 'Participation menacée',
    summary: (people, withheld, due) =>
      `${pluriel(people, 'personne ou groupe', 'personnes ou groupes')} dans le registre protection–participation pour ce périmètre (dont ${pluriel(withheld, 'non communiqué', 'non communiqués')} au lecteur de cette note) ; ${pluriel(due, 'mesure de protection a dépassé sa date', 'mesures de protection ont dépassé leur date')} de réexamen.`,
    head: ['Alerte', 'Nombre', 'Incidents en cause'],
    alert: {
      'threat-before-round': 'menace avant un cycle de pourparlers',
      'below-quota-trend': 'tendance sous le quota',
      'local-mediators-attacked': 'médiateurs locaux attaqués',
    },
    counted:
      '`tandem participation check` ; les incidents sont les numéros du registre d’incidents de la mission. Les personnes menacées figurent dans le registre, pour celles et ceux habilités à le lire.',
  },
  forecast: {
    title: (month) => `Prévisions : ${month ?? 'le mois prochain'} et au-delà`,
    head: (month) => [
      `Zone (admin-1), ${month}`,
      'événements violents (fourchette à 80 %)',
      'morts (fourchette à 80 %)',
    ],
    onset: (area, percent, month) =>
      `${area} : ${percent} % de risque de morts en ${month}, le mois le plus exposé des trois prochains, après une année sans`,
    noOnset:
      'Aucune zone sans mort au cours de l’année écoulée n’a, pour aucun des trois prochains mois, un risque de 20 % ou plus de connaître des morts.',
    noQuietArea:
      'Toutes les zones prévues ont connu des morts au cours de l’année écoulée : aucune n’est calme, aucune apparition de morts n’est donc prévue.',
    noArea: (area, origin) =>
      `${area} ne compte aucun événement violent dans la base jusqu’à ${origin} : rien ne permet d’en établir une prévision.`,
    counted: (origin, origins, command) =>
      `Prévisions établies sur les seules données arrêtées à fin ${origin} : une régression commune sur le logarithme des chiffres passés de chaque zone, de ceux de ses voisines, de la saison et de l’état des alertes (docs/forecasts.md) ; ${origins ? `fiabilité mesurée par un test rétrospectif glissant sur ${origins === 1 ? 'la dernière date passée' : `les ${n(origins)} dernières dates passées`} (\`${command}\`)` : 'fiabilité non mesurée : l’historique est trop court pour un test rétrospectif (deux ans de données avant sa première date)'}.`,
    baseline: {
      zero: 'l’hypothèse d’aucune violence',
      last: 'l’hypothèse que le mois prochain répète celui-ci',
      mean12: 'la moyenne des 12 derniers mois',
      meanLog12: 'le mois type (moyenne logarithmique) des 12 derniers mois',
      bootstrap: 'un mois tiré des trois dernières années de la zone',
    },
    span: (first, last) => `entre ${frFormat.month(first)} et ${frFormat.month(last)}`,
    what: { events: 'd’événements violents', fatalities: 'de morts' },
    cover: (percent) => `leurs fourchettes à 80 % ont contenu la réalité ${percent} % du temps`,
    better: (span, what, percent, baseline, cover) =>
      `${span[0]?.toUpperCase()}${span.slice(1)}, les prévisions ${what} à 1–3 mois ont été ${percent} % plus proches de la réalité (en erreur quadratique sur une échelle logarithmique) que la meilleure règle simple, ${baseline} ; ${cover}.`,
    noBetter: (span, what, baseline, percent, cover) =>
      `${span[0]?.toUpperCase()}${span.slice(1)}, les prévisions ${what} à 1–3 mois n’ont pas fait mieux que ${baseline} (${percent === 0 ? 'aussi proches, à un demi-point près,' : `${percent} % plus éloignées`} en erreur quadratique sur une échelle logarithmique) : lisez-les comme cette règle assortie d’une fourchette ; ${cover}.`,
    noneHappened: (span, what, cover) =>
      `${span[0]?.toUpperCase()}${span.slice(1)}, aucun cas ${what} n’a été relevé dans les zones et les mois évalués : l’hypothèse d’aucun était donc exacte et aucune prévision ne pouvait faire mieux ; ${cover}.`,
    tooShort: (months) =>
      `Les données sont trop courtes pour mesurer la fiabilité de ces prévisions : le test rétrospectif demande ${months} mois de données avant sa première date et un mois après. Lisez-les comme un modèle pas encore éprouvé sur ce pays.`,
    heavyTail:
      '* La moyenne dépasse la fourchette à 80 % : la plupart des mois semblables sont calmes, mais quelques-uns en comptent bien plus (une seule attaque d’envergure). Lisez « 0 (0–0)* » comme un calme probable, non certain.',
    partial: (month, through, origin) =>
      `Les événements violents ${/^[aeiouéèêâh]/i.test(month) ? 'd’' : 'de '}${month} jusqu’au ${through} sont déjà enregistrés ; les prévisions n’utilisent que les données arrêtées à fin ${origin}, et la dernière colonne les donne (événements / morts).`,
    gap: (from, to, months, percent) =>
      `Attention : la base ne contient aucun événement, de quelque type que ce soit, ${from === to ? `en ${from}` : `de ${from} à ${to} (${months} mois)`}, alors que ${percent} % des mois précédents en comptaient. Il s’agit très probablement d’un trou dans les données, non d’une accalmie : les prévisions lisent ces mois comme des mois sans violence et sous-estiment. Importez les mois manquants avant de vous y fier.`,
    soFar: (through) => `enregistré au ${through} (événements / morts)`,
    month: frFormat.month,
    day: frFormat.day,
  },
  frictions: {
    title: 'Frictions',
    intro:
      'Frictions entre la protection et le travail politique, nommées pour pouvoir être gérées (tandem frictions list|edit ; page Frictions de l’outil). Une décision consiste à accepter, atténuer ou porter la question devant la direction.',
    head: [
      'réf.',
      'type',
      'constat',
      'responsable',
      'décision',
      'décidé par',
      'statut',
      'réexamen',
      'toujours constatée',
    ],
    kind: {
      'state-perpetrator-friction': 'forces de l’État parmi les auteurs',
      'resource-overallocation': 'ressources surallouées',
      'local-national-disconnect': 'déconnexion local–national',
      'violence-without-process': 'violence sans processus politique',
    },
    decision: { accept: 'accepter', mitigate: 'atténuer', escalate: 'porter devant la direction' },
    status: { open: 'ouverte', 'in-progress': 'en cours', closed: 'close' },
    notDecided: 'non décidée',
    noteOn: (ref, note) => `Note sur ${ref} : ${note}`,
    yes: 'oui',
    no: 'non',
    none: 'Aucune friction constatée ni enregistrée.',
    counted:
      'la vérification du plan sur le plan le plus récent de chaque mission (forces de l’État parmi les auteurs, ressources surallouées, déconnexion local–national), et les zones (admin-1) comptant au moins 10 événements contre des civils au cours des six derniers mois sans cycle de pourparlers nationaux dans les 12 mois précédents ; croisées avec le registre des frictions.',
  },
};

export const EXTRA_BRIEF_TEXT: Record<BriefLanguage, ExtraBriefText> = { en, fr };

/** A code in the brief's language: the catalogue's word for it, or the code with spaces (English). */
export function codeWord(words: Record<string, string>, code: string): string {
  return words[code] ?? code.replace(/-/g, ' ');
}
