import type { Sensitivity } from './sensitivity.ts';

/**
 * A person or group whose participation makes an agreement hold (recommendation 7 of the paper):
 * a delegate, a women's group leader, a youth representative, a traditional authority, a
 * displaced people's representative, a journalist, a human rights defender. Kept minimal and
 * pseudonymous: an alias always, a real name only where it must be kept at all.
 */
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export const MEASURE_STATUSES = ['planned', 'in-place', 'lapsed', 'closed'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Participants are strictly confidential unless said otherwise: threats against them are real. */
export const PARTICIPANT_DEFAULT_SENSITIVITY: Sensitivity = 'strictly-confidential';

/** A process the participant takes part in, and the rounds (or meetings) they attend. */
export interface ParticipationIn {
  /** A local process id, or a stored negotiation process (its id or its name). */
  process: string;
  kind: 'negotiation' | 'local';
  /** Round ids of a negotiation process, meeting ids of a local process; empty for all. */
  rounds: string[];
}

/** A protective measure for a participant: what, who carries it, where it stands, when reviewed. */
export interface ProtectiveMeasure {
  kind: string;
  owner: string;
  status: MeasureStatus;
  reviewOn: string | null;
}

export interface Participant {
  alias: string;
  realName: string | null;
  role: string;
  gender: Gender;
  organisation: string;
  office: string;
  country: string;
  admin1: string;
  processes: ParticipationIn[];
  consent: { given: boolean; on: string | null };
  sensitivity: Sensitivity;
  /** Ids of incidents of the mission's log committed against them. */
  incidents: number[];
  measures: ProtectiveMeasure[];
}

export const PARTICIPATION_ALERT_KINDS = [
  'threat-before-round',
  'below-quota-trend',
  'local-mediators-attacked',
] as const;
export type ParticipationAlertKind = (typeof PARTICIPATION_ALERT_KINDS)[number];
