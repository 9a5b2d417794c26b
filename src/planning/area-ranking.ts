/** The fields of an event the plan checks read; StoredEvent has them all. */
export interface PlanEvent {
  id: number;
  source: string;
  sourceEventId: string;
  dateStart: string;
  admin1: string;
  actor1: string;
  actor1Category: string | null;
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
  rank: number;
}

export interface AreaRanking {
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
  const by = new Map<string, AreaRisk>();
  for (const e of events) {
    if (!targetsCivilians(e) || !e.admin1) continue;
    const a = by.get(e.admin1) ?? { admin1: e.admin1, civilianTargetingEvents: 0, fatalities: 0, rank: 0 };
    a.civilianTargetingEvents += 1;
    a.fatalities += e.fatalities;
    by.set(e.admin1, a);
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
  const topCount = Math.min(areas.length, Math.max(3, Math.ceil(areas.length / 4)));
  return {
    measure: 'civilian-targeting events in the plan period (ties broken by fatalities in those events)',
    areas,
    topCount,
    topRule: `top quartile of the ${areas.length} areas with civilian-targeting events, at least 3`,
  };
}

/** Admin names compared loosely: case, accents, spacing and words such as "State" do not matter. */
export function areaKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(state|province|prefecture|region)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
