import { areaNameSimilarity, normalizeAreaName } from '../domain/area-names.ts';
import { THREAT_LEVELS, type Threat } from '../domain/threat.ts';

/** The fields of an event the plan checks read; StoredEvent has them all. */
export interface PlanEvent {
  id: number;
  source: string;
  sourceEventId: string;
  dateStart: string;
  admin1: string;
  actor1: string;
  actor1Category: string | null;
  /** Those acting with actor 1 (ACLED's assoc_actor_1), groups of people left out. */
  actor1Associated?: readonly string[];
  actor2: string;
  actor2Category: string | null;
  violenceType: string;
  civilianTargeting: boolean;
  fatalities: number;
  civilianFatalities: number | null;
}

/** How violent toward civilians an area was in a period, and where it ranks. */
export interface AreaRisk {
  admin1: string;
  /** Events that targeted civilians (violence against civilians, or civilian targeting flagged). */
  civilianTargetingEvents: number;
  /** Fatalities in those events (ACLED has no civilian-only figure, so all deaths in them). */
  fatalities: number;
  /** The threat-register score, when the ranking comes from the register. */
  threatScore?: number;
  rank: number;
}

export interface AreaRanking {
  /** What the areas are ranked by: civilian-targeting events, or the threat register. */
  basis: 'events' | 'threats';
  /** The measure in words, for messages and reports. */
  measure: string;
  areas: AreaRisk[];
  /** How many areas count as "most violent", and why that many. */
  topCount: number;
  topRule: string;
}

/** Whether an event harmed civilians directly: Tandem's reading of "violence against civilians". */
export function targetsCivilians(e: Pick<PlanEvent, 'violenceType' | 'civilianTargeting'>): boolean {
  return e.violenceType === 'violence-against-civilians' || e.civilianTargeting;
}

/**
 * Ranks admin1 areas by civilian-targeting events, ties broken by the fatalities in those events,
 * then by name. The "most violent" are the top quartile of the areas with any such event, and
 * never fewer than three (or all, when fewer than three areas saw any): a quartile alone would
 * name one or two states in a ten-state country, too few to plan protection coverage around.
 */
export function rankAreas(events: readonly PlanEvent[]): AreaRanking {
  // One area per comparable name (areaKey), as the plan's areas are matched: a store holding
  // "MOPTI" and "Mopti Region" ranks one Mopti, under the spelling most of its events use, so the
  // check and the allocation never read the plan's "Mopti" as different areas.
  const by = new Map<string, AreaRisk>();
  const spellings = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (!targetsCivilians(e) || !e.admin1) continue;
    const key = areaKey(e.admin1);
    const a = by.get(key) ?? { admin1: e.admin1, civilianTargetingEvents: 0, fatalities: 0, rank: 0 };
    a.civilianTargetingEvents += 1;
    a.fatalities += e.fatalities;
    by.set(key, a);
    const used = spellings.get(key) ?? new Map<string, number>();
    used.set(e.admin1, (used.get(e.admin1) ?? 0) + 1);
    spellings.set(key, used);
  }
  for (const [key, a] of by) {
    let most = 0;
    for (const [spelling, n] of spellings.get(key) ?? []) if (n > most) [a.admin1, most] = [spelling, n];
  }
  const areas = [...by.values()].sort(
    (a, b) =>
      b.civilianTargetingEvents - a.civilianTargetingEvents ||
      b.fatalities - a.fatalities ||
      a.admin1.localeCompare(b.admin1),
  );
  areas.forEach((a, i) => {
    a.rank = i + 1;
  });
  const topCount = topOf(areas.length);
  return {
    basis: 'events',
    measure: 'civilian-targeting events in the plan period (ties broken by fatalities in those events)',
    areas,
    topCount,
    topRule: `top quartile of the ${areas.length} areas with civilian-targeting events, at least 3`,
  };
}

/** Admin names compared loosely: case, accents, spacing and words such as "State" do not matter. */
/**
 * Of `known` area names, the (at most two) closest to one that matches none, best first: as
 * alike as the store's country names must be to be offered for a misspelt country (0.6).
 */
export function closeAreaNames(name: string, known: readonly string[]): string[] {
  return known
    .map((a) => ({ a, s: areaNameSimilarity(name, a) }))
    .filter((x) => x.s >= 0.6)
    .sort((x, y) => y.s - x.s)
    .slice(0, 2)
    .map((x) => x.a);
}

/**
 * How a plan's area and the data's are compared: the domain's one comparable form (case, accents,
 * unit words, "Northern" and "North", French and English names such as "Nord-Kivu" and "North
 * Kivu"), so a plan written in either language meets the events.
 */
export function areaKey(name: string): string {
  return normalizeAreaName(name);
}

/** Same top-area rule as rankAreas, for any ranked list. */
function topOf(n: number): number {
  return Math.min(n, Math.max(3, Math.ceil(n / 4)));
}

/**
 * Ranks admin1 areas by the joint analysis's threat register instead of raw counts: each threat
 * not dismissed scores likelihood × severity (each 1–4 on the POC handbook's scale), summed per
 * area; ties are broken by civilian-targeting events in the period. Only areas with a threat
 * rank. The same top-quartile-at-least-3 rule picks the most threatened.
 */
export function rankAreasByThreats(
  threats: readonly Pick<Threat, 'admin1' | 'likelihood' | 'severity' | 'status'>[],
  events: readonly PlanEvent[],
): AreaRanking {
  const counts = new Map(rankAreas(events).areas.map((a) => [areaKey(a.admin1), a]));
  const by = new Map<string, AreaRisk>();
  for (const t of threats) {
    if (t.status === 'dismissed' || !t.admin1) continue;
    const score = (THREAT_LEVELS.indexOf(t.likelihood) + 1) * (THREAT_LEVELS.indexOf(t.severity) + 1);
    const c = counts.get(areaKey(t.admin1));
    const a = by.get(t.admin1) ?? {
      admin1: t.admin1,
      civilianTargetingEvents: c?.civilianTargetingEvents ?? 0,
      fatalities: c?.fatalities ?? 0,
      threatScore: 0,
      rank: 0,
    };
    a.threatScore = (a.threatScore ?? 0) + score;
    by.set(t.admin1, a);
  }
  const areas = [...by.values()].sort(
    (a, b) =>
      (b.threatScore ?? 0) - (a.threatScore ?? 0) ||
      b.civilianTargetingEvents - a.civilianTargetingEvents ||
      a.admin1.localeCompare(b.admin1),
  );
  areas.forEach((a, i) => {
    a.rank = i + 1;
  });
  return {
    basis: 'threats',
    measure:
      'the threat register (sum of likelihood × severity, 1–4 each, over threats not dismissed; ties broken by civilian-targeting events in the period)',
    areas,
    topCount: topOf(areas.length),
    topRule: `top quartile of the ${areas.length} areas in the threat register, at least 3`,
  };
}
