import type { Sensitivity } from './sensitivity.ts';
import type { ViolenceType } from './violence-type.ts';

/**
 * What happened, in the words a mission's incident log uses (the UN's SAGE and the human rights
 * and child protection units' categories), each mapped to the violence type the analysis counts,
 * and whether it targets civilians by its nature.
 */
export const INCIDENT_CATEGORIES = {
  killing: { violenceType: 'violence-against-civilians', civilianTargeting: true },
  injury: { violenceType: 'violence-against-civilians', civilianTargeting: true },
  'abduction-or-disappearance': { violenceType: 'violence-against-civilians', civilianTargeting: true },
  'sexual-violence': { violenceType: 'violence-against-civilians', civilianTargeting: true },
  'forced-displacement': { violenceType: 'violence-against-civilians', civilianTargeting: true },
  'looting-or-destruction': { violenceType: 'violence-against-civilians', civilianTargeting: true },
  'recruitment-or-use-of-children': { violenceType: 'violence-against-civilians', civilianTargeting: true },
  'attack-on-humanitarian-workers': { violenceType: 'violence-against-civilians', civilianTargeting: true },
  'attack-on-peacekeepers': { violenceType: 'battles', civilianTargeting: false },
  'threat-or-intimidation': { violenceType: 'strategic-developments', civilianTargeting: true },
  'armed-clash': { violenceType: 'battles', civilianTargeting: false },
} as const satisfies Record<string, { violenceType: ViolenceType; civilianTargeting: boolean }>;

export type IncidentCategory = keyof typeof INCIDENT_CATEGORIES;
export const INCIDENT_CATEGORY_NAMES = Object.keys(INCIDENT_CATEGORIES) as IncidentCategory[];

/** Where a report stands: reported → corroborated → verified, or rejected (counted nowhere). */
export const VERIFICATION_STATES = ['reported', 'corroborated', 'verified', 'rejected'] as const;
export type Verification = (typeof VERIFICATION_STATES)[number];

/**
 * How intelligence staff grade a source and its information (the Admiralty scale): the source's
 * reliability A (completely reliable) to F (cannot be judged), the information's credibility 1
 * (confirmed by other sources) to 6 (cannot be judged).
 */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const INFORMATION_CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;

/** The people harmed, by sex and age as incident logs count them. */
export interface Victims {
  women: number;
  men: number;
  girls: number;
  boys: number;
  unknown: number;
}

/** An incident as the mission records it. */
export interface Incident {
  occurredOn: string;
  /** HH:MM, when known. */
  time?: string;
  /** How precisely the date is known: the day, the week, the month. */
  datePrecision: 'day' | 'week' | 'month';
  country: string;
  admin1: string;
  admin2: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  /** How precisely the place is known: 1 the exact place, 2 near it, 3 the admin-2 area only. */
  geoPrecision: 1 | 2 | 3;
  category: IncidentCategory;
  /** Who did it: an actor of the register, a new one with its category, or unknown (null). */
  perpetrator: { name: string; category: string } | null;
  victims: Victims;
  killed: number;
  injured: number;
  /** Groups targeted, as the reporter writes them (a community, displaced people, aid workers…). */
  targetedGroups: string[];
  sourceType: string;
  reliability: (typeof SOURCE_RELIABILITY)[number];
  credibility: (typeof INFORMATION_CREDIBILITY)[number];
  verification: Verification;
  /** The field office that reported it and follows it: need-to-know is decided by it. */
  office: string;
  sensitivity: Sensitivity;
  narrative: string;
}

/** Whether an incident counts in summaries, maps, alerts and the brief: a rejected one never does. */
export function incidentCounts(i: Pick<Incident, 'verification'>): boolean {
  return i.verification !== 'rejected';
}
