import { type Language, LanguageFormat, withFrenchSpacing } from '../domain/language.ts';

/**
 * The words the check commands print around the sentences the operations write (`plan check`,
 * `negotiation check`, `local check`, `participation check`, `frictions list`), in the language
 * of `--lang`: so a French reader gets French throughout. English prints as it always has; the
 * codes (finding kinds, ids, statuses) stay codes in both.
 */
export interface CheckOutputText {
  findings: (mission: string, n: number) => string;
  planParts: string;
  events: (n: number) => string;
  options: string;
  notes: string;
  escalationAlerts: (process: string, country: string, n: number) => string;
  /** No round could be tested (no events for the country, or none around the rounds): said first, not as 0 alerts. */
  escalationUntested: (process: string, country: string) => string;
  eventsLabel: string;
  inclusion: string;
  /** A delegation's line of the inclusion table: "GOUV: 3/12 (0.25)"; French "GOUV : 3/12 (0,25)". */
  delegation: (party: string, women: number, total: number, share: number | null) => string;
  round: (round: string) => string;
  meetsQuota: string;
  belowQuota: (quota: number) => string;
  method: string;
  noParticipationAlert: (country: string) => string;
  alertHead: (participant: string, process: string, round: string) => string;
  incidents: string;
  measures: string;
  noFrictions: string;
  /** The columns of `frictions list`; the values (kinds, decisions, statuses) are the codes. */
  frictionHead: string[];
  yes: string;
  noLonger: string;
  /** Says that some processes exist that the requester may not know of, without naming them. */
  withheld: (n: number) => string;
  /** The columns of `local check`'s table. */
  localCheckHeaders: string[];
}

const en: CheckOutputText = {
  findings: (mission, n) => `${mission}: ${n} finding(s)`,
  planParts: 'plan:',
  events: (n) => `events (${n}):`,
  options: 'options:',
  notes: 'notes:',
  escalationAlerts: (process, country, n) => `${process} (${country}): ${n} escalation alert(s)`,
  escalationUntested: (process, country) =>
    `${process} (${country}): escalation before the rounds not tested, no round had the event data to test it (see the notes)`,
  eventsLabel: 'events:',
  inclusion: 'inclusion (women / delegation):',
  delegation: (party, women, total, share) =>
    `${party}: ${women}/${total}${share === null ? '' : ` (${share})`}`,
  round: (round) => `round ${round}`,
  meetsQuota: 'meets quota',
  belowQuota: (quota) => `BELOW quota ${quota}`,
  method: 'method:',
  noParticipationAlert: (country) => `No participation alert for ${country}.`,
  alertHead: (participant, process, round) =>
    `participant ${participant}, process ${process}, round ${round}`,
  incidents: 'incidents:',
  measures: 'measures:',
  noFrictions: 'No frictions found and none registered.',
  frictionHead: [
    'ref',
    'country',
    'kind',
    'subject',
    'owner',
    'decision',
    'status',
    'review',
    'decided by',
    'found',
  ],
  yes: 'yes',
  noLonger: 'no longer',
  withheld: (n) =>
    `${n} further local process(es) withheld from you (another office, or above your clearance).`,
  localCheckHeaders: ['id', 'date', 'before', 'after', 'deaths before', 'deaths after', 'findings'],
};

const f = new LanguageFormat('fr');

const fr: CheckOutputText = {
  findings: (mission, n) => `${mission} : ${f.num(n)} ${n > 1 ? 'constats' : 'constat'}`,
  planParts: 'plan :',
  events: (n) => `événements (${f.num(n)}) :`,
  options: 'options :',
  notes: 'notes :',
  escalationAlerts: (process, country, n) =>
    `${process} (${country}) : ${f.num(n)} ${n > 1 ? 'alertes d’escalade' : 'alerte d’escalade'}`,
  escalationUntested: (process, country) =>
    `${process} (${country}) : escalade avant les cycles non testée, aucun cycle n’avait les données d’événements pour la tester (voir les notes)`,
  eventsLabel: 'événements :',
  inclusion: 'inclusion (femmes / délégation) :',
  delegation: (party, women, total, share) =>
    `${party} : ${f.num(women)}/${f.num(total)}${share === null ? '' : ` (${f.num(share)})`}`,
  round: (round) => `cycle ${round}`,
  meetsQuota: 'quota atteint',
  belowQuota: (quota) => `SOUS le quota de ${f.num(quota)}`,
  method: 'méthode :',
  noParticipationAlert: (country) => `Aucune alerte de participation pour ${country}.`,
  alertHead: (participant, process, round) =>
    `participant ${participant}, processus ${process}, cycle ${round}`,
  incidents: 'incidents :',
  measures: 'mesures :',
  noFrictions: 'Aucune friction constatée ni enregistrée.',
  frictionHead: [
    'réf.',
    'pays',
    'type',
    'objet',
    'responsable',
    'décision',
    'statut',
    'réexamen',
    'décidé par',
    'constatée',
  ],
  yes: 'oui',
  noLonger: 'plus constatée',
  withheld: (n) =>
    `${f.num(n)} autre(s) processus local(aux) ne vous ${n > 1 ? 'sont' : 'est'} pas communiqué(s) (autre bureau, ou au-dessus de votre habilitation).`,
  localCheckHeaders: ['id', 'date', 'avant', 'après', 'morts avant', 'morts après', 'constats'],
};

export const CHECK_OUTPUT_TEXT: Record<Language, CheckOutputText> = { en, fr: withFrenchSpacing(fr) };

/** The words for a command's `--lang` flag (already checked by the operation): English unless `fr`. */
export function checkOutputText(lang: string | undefined): CheckOutputText {
  return CHECK_OUTPUT_TEXT[lang === 'fr' ? 'fr' : 'en'];
}
