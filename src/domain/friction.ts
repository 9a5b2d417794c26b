import { createHash } from 'node:crypto';

/**
 * The frictions between POC and political work that the paper asks a mission to name and manage
 * rather than hide: found by the plan check (state forces among the perpetrators of an activity's
 * partners, competition for the same resources, local work cut off from the national strategy)
 * and by the analysis (high violence against civilians where no political process is active).
 */
export const FRICTION_KINDS = [
  'state-perpetrator-friction',
  'resource-overallocation',
  'local-national-disconnect',
  'violence-without-process',
] as const;
export type FrictionKind = (typeof FRICTION_KINDS)[number];

/** What leadership decided: accept the friction, mitigate it, or escalate it to leadership. */
export const FRICTION_DECISIONS = ['accept', 'mitigate', 'escalate'] as const;
export type FrictionDecision = (typeof FRICTION_DECISIONS)[number];

export const FRICTION_STATUSES = ['open', 'in-progress', 'closed'] as const;
export type FrictionStatus = (typeof FRICTION_STATUSES)[number];

/** What a friction rests on, as the check that found it states it. */
export interface FrictionFinding {
  country: string;
  kind: FrictionKind;
  /** What it is about: an activity, a resource, an area. */
  subject: string;
  message: string;
  /** Event ids and plan paths behind it, as the check gave them. */
  evidence: unknown[];
}

/** A friction in the register: the finding, and what was decided about it, by whom. */
export interface Friction extends FrictionFinding {
  /** Short stable reference (from country, kind and subject), for `tandem frictions edit REF`. */
  ref: string;
  /** Whether the checks still find it today (a registered friction may no longer be found). */
  found: boolean;
  /** Whether it is in the register (edited at least once). */
  registered: boolean;
  owner: string;
  decision: FrictionDecision | null;
  status: FrictionStatus;
  /** YYYY-MM-DD. */
  reviewDate: string | null;
  note: string;
  /** The signed-in account that took the decision, and when. */
  decidedBy: string | null;
  decidedAt: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * A plan friction's subject where two missions' stored plans of one country name the same activity
 * ("A2 (MINUSMA)"): each its own reference and decision.
 */
export function missionSubject(activity: string, mission: string): string {
  return `${activity} (${mission})`;
}

/** The activity a plan friction's subject names in `mission`'s plan: "A2" of "A2" or "A2 (MINUSMA)". */
export function subjectActivity(subject: string, mission: string): string {
  const qualified = missionSubject('', mission);
  return subject.endsWith(qualified) ? subject.slice(0, -qualified.length) : subject;
}

/** The reference of a friction: the same country, kind and subject always give the same one. */
export function frictionRef(f: Pick<FrictionFinding, 'country' | 'kind' | 'subject'>): string {
  return createHash('sha256')
    .update(`${f.country}\u001f${f.kind}\u001f${f.subject}`)
    .digest('hex')
    .slice(0, 8);
}
