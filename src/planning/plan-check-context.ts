import { type Activity, objectiveIndex, type Plan } from '../domain/plan.ts';
import { type AreaRanking, areaKey, rankAreas } from './area-ranking.ts';
import type { PlanCheckText } from './plan-check-text.ts';
import type { PlanEvidence } from './plan-checks.ts';

/**
 * What every plan check reads: the plan with its objectives indexed, the evidence, the area
 * ranking, and the sentences to write findings in; with the questions the checks ask of a plan
 * (where an objective or activity sits, whether it chains to the concept, where it works).
 */
export class CheckContext {
  readonly objectives;
  readonly ranking: AreaRanking;
  private readonly offices;
  private readonly dataName = new Map<string, string>();

  constructor(
    readonly plan: Plan,
    readonly evidence: PlanEvidence,
    readonly text: PlanCheckText,
  ) {
    this.objectives = objectiveIndex(plan);
    this.offices = new Map(plan.offices.map((o, i) => [o.id, { office: o, index: i }]));
    for (const a of evidence.dataAreas) this.dataName.set(areaKey(a), a);
    const inPeriod = evidence.events.filter(
      (e) => e.dateStart >= plan.period.from && e.dateStart <= plan.period.to,
    );
    this.ranking = evidence.ranking ?? rankAreas(inPeriod);
  }

  objectivePath(id: string): string {
    const s = this.plan.strategies.findIndex((x) => x.objectives.some((o) => o.id === id));
    if (s < 0) return `concept.objectives[${this.plan.concept.objectives.findIndex((o) => o.id === id)}]`;
    return `strategies[${s}].objectives[${this.plan.strategies[s]!.objectives.findIndex((o) => o.id === id)}]`;
  }

  activityPath(a: Activity): string {
    return `activities[${this.plan.activities.indexOf(a)}]`;
  }

  /** Whether an objective ties back to the mission concept (directly, or through its political aims). */
  chainsToConcept(id: string): boolean {
    if (this.plan.concept.objectives.some((o) => o.id === id)) return true;
    const entry = this.objectives.get(id);
    if (!entry) return false;
    if (entry.objective.anchors.length) return true;
    return entry.objective.political.some((p) => (this.objectives.get(p)?.objective.anchors.length ?? 0) > 0);
  }

  /** The admin1 areas an activity works in: its own, else its office's. */
  activityAreas(a: Activity): string[] {
    if (a.areas.length) return a.areas;
    return a.office ? (this.offices.get(a.office)?.office.areas ?? []) : [];
  }

  isFieldActivity(a: Activity): boolean {
    return a.office !== undefined && this.offices.get(a.office)?.office.level === 'field';
  }

  isPocActivity(a: Activity): boolean {
    return a.objectives.some((o) => this.objectives.get(o)?.strategy.kind === 'poc');
  }

  /** The spelling the event data uses for an area, so subjects match the data. */
  dataSpelling(name: string): string {
    return this.dataName.get(areaKey(name)) ?? name;
  }
}
