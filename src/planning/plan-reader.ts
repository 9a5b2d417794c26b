import type { Plan } from '../domain/plan.ts';
import {
  type DocumentProblem,
  invalidDocument,
  type PathSegment,
  StructuredDocument,
} from '../sources/structured-document.ts';
import { requireUtf8 } from '../sources/text-encoding.ts';
import { areaKey } from './area-ranking.ts';
import { planSchema } from './plan-schema.ts';

/** A plan read from a file, with the document kept so later messages can point at lines. */
export interface ReadPlan {
  plan: Plan;
  document: StructuredDocument;
  /** Fields of the file that Tandem does not read (ignored, as the format allows; a misspelt one is lost). */
  ignored: DocumentProblem[];
}

/**
 * Reads a plan from YAML or JSON text: encoding (UTF-8), syntax, then shape (zod), then the ids
 * that tie the parts together. Throws InvalidDocumentError listing every problem with its path,
 * line and column.
 */
export function readPlan(text: string, name: string): ReadPlan {
  requireUtf8(text, name);
  const document = StructuredDocument.parse(text, name, 'a plan');
  const plan = document.validate(planSchema);
  const problems = crossReferencePlan(plan, document);
  if (problems.length) throw invalidDocument(name, problems);
  return { plan, document, ignored: document.ignoredFields(plan) };
}

/** Checks that every id is unique and every reference names something of the right sort. */
export function crossReferencePlan(plan: Plan, doc: StructuredDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const bad = (path: PathSegment[], reason: string, key = false) =>
    problems.push(doc.problem(path, reason, { key }));

  const seen = new Map<string, string>();
  const declare = (value: string, path: PathSegment[]) => {
    const first = seen.get(value);
    if (first) bad([...path, 'id'], `duplicate id "${value}" (already used at ${first})`);
    else seen.set(value, pathText(path));
  };
  for (const [i, t] of plan.mandate.tasks.entries()) declare(t.id, ['mandate', 'tasks', i]);
  for (const [i, o] of plan.concept.objectives.entries()) declare(o.id, ['concept', 'objectives', i]);
  for (const [i, s] of plan.strategies.entries()) {
    declare(s.id, ['strategies', i]);
    for (const [j, o] of s.objectives.entries()) declare(o.id, ['strategies', i, 'objectives', j]);
  }
  for (const [i, o] of plan.offices.entries()) declare(o.id, ['offices', i]);
  for (const [i, r] of plan.resources.entries()) declare(r.id, ['resources', i]);
  for (const [i, a] of plan.activities.entries()) declare(a.id, ['activities', i]);
  for (const [i, c] of plan.cells.entries()) declare(c.id, ['cells', i]);
  for (const [i, a] of plan.areasOfResponsibility.entries()) declare(a.id, ['areasOfResponsibility', i]);
  const aorNames = new Map<string, number>();
  for (const [i, a] of plan.areasOfResponsibility.entries()) {
    const first = aorNames.get(a.name);
    if (first !== undefined)
      bad(
        ['areasOfResponsibility', i, 'name'],
        `duplicate name "${a.name}" (already used at areasOfResponsibility[${first}]): forecasts key an area of responsibility by its name`,
      );
    else aorNames.set(a.name, i);
  }

  // Allocation keys an area's priority by its name compared loosely (areaKey: case, accents,
  // spacing and words such as "State" do not matter), so two entries that compare alike would
  // leave one of them ignored.
  const priorityAreas = new Map<string, number>();
  for (const [i, p] of plan.priorities.entries()) {
    const key = areaKey(p.area);
    const first = priorityAreas.get(key);
    if (first === undefined) priorityAreas.set(key, i);
    else {
      const earlier = plan.priorities[first]!.area;
      bad(
        ['priorities', i, 'area'],
        `duplicate priority for area "${p.area}" (already given at priorities[${first}]${earlier === p.area ? '' : ` as "${earlier}"`}): give each area one priority`,
      );
    }
  }

  const tasks = new Set(plan.mandate.tasks.map((t) => t.id));
  const concept = new Set(plan.concept.objectives.map((o) => o.id));
  const strategyOf = new Map<string, { id: string; kind: string }>();
  for (const s of plan.strategies) for (const o of s.objectives) strategyOf.set(o.id, s);
  const offices = new Set(plan.offices.map((o) => o.id));
  const resources = new Set(plan.resources.map((r) => r.id));
  const resourceAreas = new Map(plan.resources.map((r, index) => [r.id, { areas: r.areas, index }]));
  const officeAreas = new Map(plan.offices.map((o) => [o.id, o.areas]));

  if (plan.period.from > plan.period.to) {
    bad(['period', 'to'], `the period ends (${plan.period.to}) before it starts (${plan.period.from})`);
  }
  for (const [i, o] of plan.concept.objectives.entries()) {
    for (const [k, t] of o.tasks.entries()) {
      if (!tasks.has(t))
        bad(['concept', 'objectives', i, 'tasks', k], `unknown id "${t}": expected a mandate task id`);
    }
  }
  for (const [i, s] of plan.strategies.entries()) {
    for (const [j, o] of s.objectives.entries()) {
      const at: PathSegment[] = ['strategies', i, 'objectives', j];
      for (const [k, a] of o.anchors.entries()) {
        if (!concept.has(a)) bad([...at, 'anchors', k], `unknown id "${a}": expected a concept objective id`);
      }
      for (const [k, p] of o.political.entries()) {
        const owner = strategyOf.get(p);
        if (!owner) {
          bad(
            [...at, 'political', k],
            `unknown id "${p}": expected the id of a political-strategy objective`,
          );
        } else if (owner.kind !== 'political') {
          bad(
            [...at, 'political', k],
            `"${p}" belongs to strategy ${owner.id} (kind ${owner.kind}): expected the id of a political-strategy objective`,
          );
        }
      }
    }
  }
  plan.activities.forEach((a, i) => {
    const at: PathSegment[] = ['activities', i];
    a.objectives.forEach((o, k) => {
      if (!strategyOf.has(o) && !concept.has(o)) {
        bad([...at, 'objectives', k], `unknown id "${o}": expected a strategy or concept objective id`);
      }
    });
    if (a.office !== undefined && !offices.has(a.office)) {
      bad([...at, 'office'], `unknown id "${a.office}": expected an office id`);
    }
    // Where the activity works: its own areas, else its office's (as allocation places its units).
    const areas = a.areas.length ? a.areas : a.office ? (officeAreas.get(a.office) ?? []) : [];
    for (const [r, units] of Object.entries(a.uses)) {
      if (!resources.has(r)) {
        bad([...at, 'uses', r], `unknown id "${r}": expected a resource id`, true);
        continue;
      }
      const limits = resourceAreas.get(r)!;
      if (!limits.areas.length || units <= 0) continue;
      const allowed = new Set(limits.areas.map(areaKey));
      const outside = areas.filter((x) => !allowed.has(areaKey(x)));
      if (outside.length) {
        const via = a.areas.length ? '' : ` (the areas of its office ${a.office})`;
        const works = outside.length < areas.length ? 'also works in' : 'works in';
        bad(
          [...at, 'uses', r],
          `resource "${r}" can only work in ${limits.areas.join(', ')} (resources[${limits.index}].areas), but this activity ${works} ${outside.join(', ')}${via}: add ${outside.length > 1 ? 'those areas' : 'that area'} to the resource's areas, or give the activity only areas where the resource can work`,
        );
      }
    }
  });
  return problems;
}

function pathText(path: PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}
