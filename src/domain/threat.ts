import type { HarmKind } from './harm-kind.ts';
import type { ViolenceType } from './violence-type.ts';

/** Ordinal scales as the POC handbook uses them. */
export const THREAT_LEVELS = ['low', 'medium', 'high', 'very-high'] as const;
export type ThreatLevel = (typeof THREAT_LEVELS)[number];

export type ThreatTrend = 'rising' | 'stable' | 'falling' | 'new';

/** Where a threat came from and where it stands: proposed from data, kept, edited or dismissed. */
export type ThreatStatus = 'proposed' | 'accepted' | 'dismissed';

/**
 * A threat to civilians: who (perpetrator) does what (violence type) to whom (targeted population)
 * where (area), with how likely and how severe it is, its trend, and the events and drivers behind it.
 */
export interface Threat {
  /** Store id; null for a proposal not yet saved. */
  id: number | null;
  perpetrator: string;
  perpetratorCategory: string | null;
  isState: boolean;
  targetedPopulation: string;
  violenceType: ViolenceType;
  country: string;
  admin1: string;
  likelihood: ThreatLevel;
  severity: ThreatLevel;
  /**
   * Kinds of harm serious by nature among the threat's events (sexual violence, abduction...),
   * which make its proposed severity at least high; empty for a register entry with no proposal.
   */
  harmKinds: HarmKind[];
  trend: ThreatTrend;
  status: ThreatStatus;
  /** Store ids of linked events (bounded). */
  events: number[];
  /** Total events behind the threat in the period (the linked list may be shorter). */
  eventCount: number;
  fatalities: number;
  drivers: string[];
  note: string;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The key that makes two threats the same threat. */
export function threatKey(
  t: Pick<Threat, 'perpetrator' | 'targetedPopulation' | 'violenceType' | 'country' | 'admin1'>,
): string {
  return [t.perpetrator, t.targetedPopulation, t.violenceType, t.country, t.admin1].join('\u001f');
}
