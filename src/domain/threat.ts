import type { HarmKind } from './harm-kind.ts';
import type { ViolenceType } from './violence-type.ts';

/** Ordinal scales as the POC handbook uses them. */
export const THREAT_LEVELS = ['low', 'medium', 'high', 'very-high'] as const;
export type ThreatLevel = (typeof THREAT_LEVELS)[number];

/**
 * A threat's trend (analysis/trend.ts): 'new' when the data hold nothing of it before the last
 * months, 'returning' when it is back after quiet months but had happened before.
 */
export const THREAT_TRENDS = ['rising', 'stable', 'falling', 'new', 'returning'] as const;
export type ThreatTrend = (typeof THREAT_TRENDS)[number];

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

/**
 * A perpetrator's events against civilians of one violence type in one area, as the aggregates
 * count them (one row per actor category the events name, '' where they name none): in the
 * period, in its last months (`recent`) and in as many months before (`previous`), and the deaths
 * of the perpetrator's events of this type in the area over the period.
 */
export interface ThreatCell {
  country: string;
  actor: string;
  actorCategory: string;
  admin1: string;
  violenceType: string;
  events: number;
  recent: number;
  previous: number;
  fatalities: number;
}

/**
 * One cell per threat. The aggregates keep a perpetrator's events apart by the category each event
 * names, but the category is not part of what makes a threat (`threatKey`): an incident whose
 * reporter did not know the perpetrator's kind, beside events that name it, would otherwise make
 * a second threat of the same perpetrator in the same area, over the same events. Their counts are
 * added, and the category is the one named by most of the events (the first by name on a tie), or
 * '' when none names one.
 */
export function oneCellPerThreat<T extends ThreatCell>(cells: readonly T[]): T[] {
  const byThreat = new Map<string, { cell: T; categories: Map<string, number> }>();
  for (const c of cells) {
    const key = [c.country, c.actor, c.admin1, c.violenceType].join('\u001f');
    const seen = byThreat.get(key);
    if (!seen) {
      byThreat.set(key, { cell: { ...c }, categories: new Map([[c.actorCategory, c.events]]) });
      continue;
    }
    seen.cell.events += c.events;
    seen.cell.recent += c.recent;
    seen.cell.previous += c.previous;
    seen.cell.fatalities += c.fatalities;
    seen.categories.set(c.actorCategory, (seen.categories.get(c.actorCategory) ?? 0) + c.events);
  }
  return [...byThreat.values()].map(({ cell, categories }) => {
    const named = [...categories].filter(([category]) => category !== '');
    named.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return { ...cell, actorCategory: named[0]?.[0] ?? '' };
  });
}
