import type { Finding } from '../../src/domain/plan.ts';
import type { OperationResult } from './operation-types.ts';

/** `GET /api/plans/current` (currentPlan): the stored plan, its content and its check. */
export type CurrentPlan = OperationResult<'currentPlan'>;
export type Plan = CurrentPlan['plan'];
export type PlanObjective = Plan['strategies'][number]['objectives'][number];
export type PlanActivity = Plan['activities'][number];

// Findings and their evidence are the engine's own types (type-only: nothing of the engine is
// bundled into the page).
export type { Evidence, Finding } from '../../src/domain/plan.ts';

/** The ids and areas a finding is about: its subject and the plan parts its evidence names. */
export function findingTouches(f: Finding): Set<string> {
  const out = new Set<string>([f.subject]);
  for (const e of f.evidence) if (e.type === 'plan') out.add(e.id);
  return out;
}
