import type { Finding } from '../../src/domain/plan.ts';

/** The stored plan and its check, as `currentPlan` answers (the plan operations define them). */
export interface PlanObjective {
  id: string;
  text: string;
  anchors: string[];
  political: string[];
  standalone?: string;
  supports: string[];
}

export interface PlanActivity {
  id: string;
  text: string;
  objectives: string[];
  component: string;
  office?: string;
  tier?: number;
  phase?: string;
  areas: string[];
  partners: string[];
}

export interface Plan {
  mission: string;
  country: string;
  period: { from: string; to: string };
  mandate: { resolution?: string; tasks: { id: string; text: string; priority: boolean }[] };
  concept: { vision?: string; objectives: { id: string; text: string; tasks: string[] }[] };
  strategies: { id: string; kind: string; objectives: PlanObjective[] }[];
  activities: PlanActivity[];
  offices: { id: string; level: string; areas: string[] }[];
  resources: { id: string; text?: string; available: number }[];
  cells: { id: string; members: { component: string; function: string }[] }[];
}

// Findings and their evidence are the engine's own types (type-only: nothing of the engine is
// bundled into the page).
export type { Evidence, Finding } from '../../src/domain/plan.ts';

export interface CurrentPlan {
  mission: string;
  version: number;
  fileName: string;
  importedAt: string;
  plan: Plan;
  check: { findings: Finding[]; notes: string[] };
}

/** The ids and areas a finding is about: its subject and the plan parts its evidence names. */
export function findingTouches(f: Finding): Set<string> {
  const out = new Set<string>([f.subject]);
  for (const e of f.evidence) if (e.type === 'plan') out.add(e.id);
  return out;
}
