import { counted, ENGLISH, type Language, LanguageFormat, withFrenchSpacing } from '../domain/language.ts';

/** One round's share of women, for the below-quota sentence. */
export interface RoundShare {
  round: string;
  share: number | null;
}

/**
 * The sentences of the participation alerts, per language, from each alert's parameters. English
 * reads exactly as the alerts always have (a contract); French says the same.
 */
export interface ParticipationAlertText {
  threatBeforeRound: (f: {
    participant: number;
    round: string;
    process: string;
    date: string;
    incidents: number;
    weeks: number;
  }) => string;
  belowQuota: (f: { process: string; quota: number; rounds: RoundShare[] }) => string;
  participantAttacked: (f: {
    participant: number;
    process: string;
    incidents: number;
    since: string;
  }) => string;
  groupsAttacked: (f: { process: string; incidents: number; since: string }) => string;
}

const enPct = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v * 100)}%`);

const en: ParticipationAlertText = {
  threatBeforeRound: (f) =>
    `Participant ${f.participant} attends ${f.round} of ${f.process} on ${f.date}; ${counted(ENGLISH, f.incidents, 'incident', 'incidents')} against them or their group in the ${f.weeks} weeks before.`,
  belowQuota: (f) =>
    `Women's share of the delegations of ${f.process} has been below its quota of ${enPct(f.quota)} for ${f.rounds.length} rounds in a row (${f.rounds.map((s) => `${s.round}: ${enPct(s.share)}`).join(', ')}), and did not rise in the latest round.`,
  participantAttacked: (f) =>
    `Participant ${f.participant} of the local process ${f.process} was the target of ${counted(ENGLISH, f.incidents, 'incident', 'incidents')} since ${f.since}.`,
  groupsAttacked: (f) =>
    `${counted(ENGLISH, f.incidents, 'incident', 'incidents')} since ${f.since} targeted mediators or third parties of the local process ${f.process}.`,
};

const f = new LanguageFormat('fr');
const frPct = (v: number | null) =>
  v === null
    ? 'n.d.'
    : new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 }).format(v);

const fr: ParticipationAlertText = {
  threatBeforeRound: (x) =>
    `La personne participante n° ${x.participant} assiste au cycle ${x.round} du processus ${x.process} le ${f.day(x.date)} ; ${counted(f, x.incidents, 'incident', 'incidents')} visant cette personne ou son groupe au cours des ${counted(f, x.weeks, 'semaine', 'semaines')} précédentes.`,
  belowQuota: (x) =>
    `La part des femmes dans les délégations du processus ${x.process} est inférieure à son quota de ${frPct(x.quota)} depuis ${counted(f, x.rounds.length, 'cycle', 'cycles')} consécutifs (${x.rounds.map((s) => `${s.round} : ${frPct(s.share)}`).join(', ')}), et elle n’a pas augmenté au dernier cycle.`,
  participantAttacked: (x) =>
    `La personne participante n° ${x.participant} du processus local ${x.process} a été la cible de ${counted(f, x.incidents, 'incident', 'incidents')} depuis le ${f.day(x.since)}.`,
  groupsAttacked: (x) =>
    `${counted(f, x.incidents, 'incident a visé', 'incidents ont visé')} des médiateurs ou des tiers du processus local ${x.process} depuis le ${f.day(x.since)}.`,
};

export const PARTICIPATION_ALERT_TEXT: Record<Language, ParticipationAlertText> = {
  en,
  fr: withFrenchSpacing(fr),
};
