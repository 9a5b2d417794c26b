import type { EventCitation } from './event-citation.ts';

/**
 * A negotiation process as the mission tracks it: parties tied to actors in the event data, rounds
 * of talks with their delegations, and the quota the process set itself for women's participation.
 */
export interface NegotiationParty {
  id: string;
  name: string;
  /** Actor names exactly as the event data spells them. */
  actors: string[];
}

export interface DelegationMember {
  name?: string;
  gender: 'woman' | 'man' | 'other';
  role?: string;
}

export interface Delegation {
  women: number;
  men: number;
  /** Members of another or unrecorded gender; they count in the total. */
  other: number;
  members: DelegationMember[];
}

export interface NegotiationRound {
  id: string;
  start: string;
  end: string;
  venue?: string;
  delegations: Record<string, Delegation>;
}

export interface NegotiationProcess {
  process: string;
  country: string;
  parties: NegotiationParty[];
  rounds: NegotiationRound[];
  quota: { women?: number };
}

export interface NegotiationEvidence extends EventCitation {
  /**
   * How the party perpetrated it: a side in a battle (or fighting beside one), actor 1 of an
   * attack, or acting with actor 1 (negotiation-checks.ts).
   */
  as: 'battle-side' | 'actor-1' | 'associated' | null;
  actor2: string;
  violenceType: string;
}

/** The test of one party before one round, alert or not, so the reasoning can be read. */
export interface EscalationTest {
  party: string;
  round: string;
  windowStart: string;
  windowEnd: string;
  windowDays: number;
  /** Violent events involving the party in the window. */
  before: number;
  baselineStart: string;
  baselineEnd: string;
  baselineDays: number;
  baselineEvents: number;
  /** Events expected in a window of windowDays at the baseline rate. */
  baseline: number;
  /** before / baseline; null when the baseline is 0. */
  ratio: number | null;
  pValue: number;
  /**
   * False when the data does not reach back over a baseline at least as long as the window (the
   * store's first event falls too late): no alert, `pValue` 1.
   */
  testable: boolean;
  significant: boolean;
}

export interface EscalationAlert extends EscalationTest {
  kind: 'pre-talks-escalation';
  message: string;
  evidence: NegotiationEvidence[];
}

export interface InclusionRow {
  round: string;
  party: string;
  women: number;
  total: number;
  share: number | null;
  quota: number | null;
  meetsQuota: boolean | null;
}
