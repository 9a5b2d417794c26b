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

export type Evidence =
  | { type: 'plan'; path: string; id: string; note?: string }
  | {
      type: 'event';
      id: number;
      sourceEventId: string;
      date: string;
      admin1: string;
      actor1: string;
      actor2: string;
      fatalities: number;
    }
  | { type: 'measure'; name: string; value: number; note?: string };

export interface Finding {
  kind: string;
  subject: string;
  message: string;
  evidence: Evidence[];
  mitigations: { id: string; text: string }[];
}

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
