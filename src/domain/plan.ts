import type { EventCitation } from './event-citation.ts';

/**
 * A mission plan as data: the mandate's tasks, the mission concept, the component strategies and
 * their objectives, offices, scarce resources, activities and joint planning cells. Ids tie the
 * parts together; the checks in planning/ walk those ties and hold them against the evidence.
 */
/** The `from` of an allocation's move that puts to work units the plan does not use. */
export const UNUSED = '(unused)';

export const STRATEGY_KINDS = ['poc', 'political', 'other'] as const;
export type StrategyKind = (typeof STRATEGY_KINDS)[number];

export const COMPONENTS = ['civilian', 'military', 'police'] as const;
export type Component = (typeof COMPONENTS)[number];

export const POC_TIERS = [1, 2, 3] as const;
export type PocTier = (typeof POC_TIERS)[number];

export const POC_PHASES = ['prevention', 'pre-emption', 'response', 'consolidation'] as const;
export type PocPhase = (typeof POC_PHASES)[number];

export const OFFICE_LEVELS = ['national', 'field'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/** `supports` values that mean the objective props up the host state's authority or forces. */
export const STATE_SUPPORT = ['state-authority', 'security-sector'] as const;

export interface MandateTask {
  id: string;
  text: string;
  priority: boolean;
}

export interface ConceptObjective {
  id: string;
  text: string;
  tasks: string[];
}

export interface StrategyObjective {
  id: string;
  text: string;
  /** Concept objective ids this objective serves. */
  anchors: string[];
  /** For POC objectives: the political objectives they serve. */
  political: string[];
  /** Why a POC objective serves no political objective, when it deliberately serves none. */
  standalone?: string;
  supports: string[];
}

export interface Strategy {
  id: string;
  kind: StrategyKind;
  objectives: StrategyObjective[];
}

export interface Office {
  id: string;
  level: OfficeLevel;
  areas: string[];
}

export interface Resource {
  id: string;
  text?: string;
  available: number;
  /** Where the resource can operate at all (riverine boats need rivers); empty = anywhere. */
  areas: string[];
}

export interface Activity {
  id: string;
  text: string;
  objectives: string[];
  component: Component;
  office?: string;
  tier?: PocTier;
  phase?: PocPhase;
  areas: string[];
  partners: string[];
  kind?: string;
  /** What the activity itself supports, as for objectives. */
  supports: string[];
  uses: Record<string, number>;
}

export interface CellMember {
  component: Component;
  function: string;
  name?: string;
}

export interface PlanningCell {
  id: string;
  members: CellMember[];
}

/** A planner's own weight for an area, overriding the one derived from the political strategy. */
export interface AreaPriority {
  area: string;
  priority: number;
  reason?: string;
}

/**
 * One of the mission's areas of responsibility (a sector, a field office's patch): a named group
 * of whole admin-1 areas and of admin-2 areas within others. Forecasts count it as one area.
 */
export interface AreaOfResponsibility {
  id: string;
  name: string;
  /** Whole admin-1 areas. */
  areas: string[];
  /** Admin-2 areas (with their admin-1) whose admin-1 is not wholly in the list above. */
  admin2: { admin1: string; admin2: string }[];
}

export interface Plan {
  mission: string;
  country: string;
  period: { from: string; to: string };
  mandate: { resolution?: string; tasks: MandateTask[] };
  concept: { vision?: string; objectives: ConceptObjective[] };
  strategies: Strategy[];
  offices: Office[];
  resources: Resource[];
  activities: Activity[];
  cells: PlanningCell[];
  priorities: AreaPriority[];
  areasOfResponsibility: AreaOfResponsibility[];
}

export const FINDING_KINDS = [
  'unanchored-objective',
  'no-political-link',
  'uncovered-priority-task',
  'state-perpetrator-friction',
  'resource-overallocation',
  'local-national-disconnect',
  'cell-composition',
  'threat-coverage-gap',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** What a finding rests on: parts of the plan, or events in the store. */
export type Evidence =
  | { type: 'plan'; path: string; id: string; note?: string }
  | ({ type: 'event'; actor2: string } & EventCitation)
  | { type: 'measure'; name: string; value: number; note?: string };

export interface Mitigation {
  id: string;
  text: string;
}

export interface Finding {
  kind: FindingKind;
  subject: string;
  message: string;
  evidence: Evidence[];
  mitigations: Mitigation[];
}

/**
 * Every id the plan gives its tasks, objectives, strategies, offices, resources, activities,
 * cells and areas of responsibility: the planner's own words, which a check's findings quote.
 */
export function planElementIds(plan: Plan): string[] {
  return [
    ...plan.mandate.tasks,
    ...plan.concept.objectives,
    ...plan.strategies,
    ...plan.strategies.flatMap((s) => s.objectives),
    ...plan.offices,
    ...plan.resources,
    ...plan.activities,
    ...plan.cells,
    ...plan.areasOfResponsibility,
  ].map((e) => e.id);
}

/** All strategy objectives with the strategy they belong to, by id. */
export function objectiveIndex(
  plan: Plan,
): Map<string, { strategy: Strategy; objective: StrategyObjective }> {
  const out = new Map<string, { strategy: Strategy; objective: StrategyObjective }>();
  for (const strategy of plan.strategies) {
    for (const objective of strategy.objectives) out.set(objective.id, { strategy, objective });
  }
  return out;
}
