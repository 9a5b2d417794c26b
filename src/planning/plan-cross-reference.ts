import type { z } from 'zod';
import { STRATEGY_KINDS, type StrategyKind } from '../domain/plan.ts';
import {
  type DocumentProblem,
  formatPath,
  type PathSegment,
  type StructuredDocument,
} from '../sources/structured-document.ts';
import { areaKey } from './area-ranking.ts';
import { planDate, planId, planUnits } from './plan-schema.ts';

// The checks between the parts of a plan (ids used twice, references to ids that do not exist, a
// resource used outside its areas, two priorities for one area, a reversed period). They run on
// the document as written, not on the validated plan, so that they can run when the shape is
// wrong too: each check looks only at the parts it needs, and is skipped where one of those
// cannot be read (the shape check already says what is wrong there). An id is called unknown
// only when every entry of the list it should be in has a readable id, since an entry whose id
// cannot be read could be the one meant.

type Mapping = Record<string, unknown>;

const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The field `key` of `parent`, or undefined when `parent` is not a mapping or lacks it. */
const field = (parent: unknown, key: string): unknown =>
  isMapping(parent) && Object.hasOwn(parent, key) ? parent[key] : undefined;

/** `v` when the schema accepts it as it is, else undefined (the shape check reports it). */
function readable<T>(schema: z.ZodType<T>, v: unknown): T | undefined {
  const result = schema.safeParse(v);
  return result.success ? result.data : undefined;
}
const readId = (v: unknown) => readable(planId, v);
const readText = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
const readKind = (v: unknown) =>
  (STRATEGY_KINDS as readonly unknown[]).includes(v) ? (v as StrategyKind) : undefined;

/** A list field: [] when it is left out (lists default to empty), undefined when it cannot be read. */
function listAt(parent: unknown, key: string): unknown[] | undefined {
  if (!isMapping(parent)) return undefined;
  const v = field(parent, key);
  if (v === undefined) return [];
  return Array.isArray(v) ? v : undefined;
}

/** A list of area names: [] when left out, undefined unless it is a list of texts. */
function namesAt(parent: unknown, key: string): string[] | undefined {
  const list = listAt(parent, key);
  return list?.every((x) => typeof x === 'string') ? (list as string[]) : undefined;
}

/** One entry of a list of records (a task, an office, an activity), with its id when readable. */
interface Part {
  at: PathSegment[];
  index: number;
  value: Mapping;
  id: string | undefined;
}

/** The records of a list as far as they can be read, and the ids declared in it. */
class Parts {
  readonly parts: Part[] = [];
  readonly ids = new Set<string>();
  /** The list and every entry in it are records (their own lists can be read). */
  entriesRead: boolean;
  /** ...and every entry has a readable id, so an id not among `ids` is surely not declared here. */
  complete: boolean;

  constructor(parent: unknown, key: string, at: PathSegment[]) {
    const list = listAt(parent, key);
    this.entriesRead = list !== undefined;
    this.complete = this.entriesRead;
    for (const [index, value] of (list ?? []).entries()) {
      if (!isMapping(value)) {
        this.entriesRead = this.complete = false;
        continue;
      }
      const id = readId(value.id);
      if (id === undefined) this.complete = false;
      else this.ids.add(id);
      this.parts.push({ at: [...at, index], index, value, id });
    }
  }

  /** Whether `id` is surely not declared in the list: every id in it was read, and none is `id`. */
  lacks(id: string): boolean {
    return this.complete && !this.ids.has(id);
  }
}

/**
 * The checks between the parts of the plan document `doc`, on whatever parts of it can be read;
 * each problem located by path, line and column.
 */
export function crossReferenceProblems(doc: StructuredDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const bad = (path: PathSegment[], reason: string, key = false) =>
    problems.push(doc.problem(path, reason, { key }));
  const root = doc.value;

  const tasks = new Parts(field(root, 'mandate'), 'tasks', ['mandate', 'tasks']);
  const concept = new Parts(field(root, 'concept'), 'objectives', ['concept', 'objectives']);
  const strategies = new Parts(root, 'strategies', ['strategies']);
  const strategyObjectives = strategies.parts.map((s) => ({
    strategy: s,
    objectives: new Parts(s.value, 'objectives', [...s.at, 'objectives']),
  }));
  const offices = new Parts(root, 'offices', ['offices']);
  const resources = new Parts(root, 'resources', ['resources']);
  const activities = new Parts(root, 'activities', ['activities']);
  const cells = new Parts(root, 'cells', ['cells']);
  const aors = new Parts(root, 'areasOfResponsibility', ['areasOfResponsibility']);

  // Every id unique across the plan, whatever sort of part holds it.
  const seen = new Map<string, string>();
  const declare = (part: Part) => {
    if (part.id === undefined) return;
    const first = seen.get(part.id);
    if (first) bad([...part.at, 'id'], `duplicate id "${part.id}" (already used at ${first})`);
    else seen.set(part.id, formatPath(part.at));
  };
  for (const t of tasks.parts) declare(t);
  for (const o of concept.parts) declare(o);
  for (const { strategy, objectives } of strategyObjectives) {
    declare(strategy);
    for (const o of objectives.parts) declare(o);
  }
  for (const list of [offices, resources, activities, cells, aors]) for (const p of list.parts) declare(p);

  const aorNames = new Map<string, number>();
  for (const a of aors.parts) {
    const name = readText(a.value.name);
    if (name === undefined) continue;
    const first = aorNames.get(name);
    if (first !== undefined)
      bad(
        [...a.at, 'name'],
        `duplicate name "${name}" (already used at areasOfResponsibility[${first}]): forecasts key an area of responsibility by its name`,
      );
    else aorNames.set(name, a.index);
  }

  // Allocation keys an area's priority by its name compared loosely (areaKey: case, accents,
  // spacing and words such as "State" do not matter), so two entries that compare alike would
  // leave one of them ignored.
  const priorityAreas = new Map<string, { index: number; area: string }>();
  for (const [i, p] of (listAt(root, 'priorities') ?? []).entries()) {
    const area = readText(field(p, 'area'));
    if (area === undefined) continue;
    const first = priorityAreas.get(areaKey(area));
    if (first === undefined) priorityAreas.set(areaKey(area), { index: i, area });
    else {
      bad(
        ['priorities', i, 'area'],
        `duplicate priority for area "${area}" (already given at priorities[${first.index}]${first.area === area ? '' : ` as "${first.area}"`}): give each area one priority`,
      );
    }
  }

  const period = field(root, 'period');
  const from = readable(planDate, field(period, 'from'));
  const to = readable(planDate, field(period, 'to'));
  if (from !== undefined && to !== undefined && from > to) {
    bad(['period', 'to'], `the period ends (${to}) before it starts (${from})`);
  }

  for (const o of concept.parts) {
    for (const [k, t] of (listAt(o.value, 'tasks') ?? []).entries()) {
      const task = readId(t);
      if (task !== undefined && tasks.lacks(task))
        bad([...o.at, 'tasks', k], `unknown id "${task}": expected a mandate task id`);
    }
  }

  // Strategy objectives by id (the last of a repeated id), with their strategy; the list is
  // complete when every strategy and every objective in it could be read.
  const strategyOf = new Map<string, Part>();
  let allObjectivesRead = strategies.entriesRead;
  for (const { strategy, objectives } of strategyObjectives) {
    if (!objectives.complete) allObjectivesRead = false;
    for (const o of objectives.parts) if (o.id !== undefined) strategyOf.set(o.id, strategy);
  }
  const noStrategyObjective = (id: string) => allObjectivesRead && !strategyOf.has(id);

  for (const { objectives } of strategyObjectives) {
    for (const o of objectives.parts) {
      for (const [k, a] of (listAt(o.value, 'anchors') ?? []).entries()) {
        const anchor = readId(a);
        if (anchor !== undefined && concept.lacks(anchor))
          bad([...o.at, 'anchors', k], `unknown id "${anchor}": expected a concept objective id`);
      }
      for (const [k, p] of (listAt(o.value, 'political') ?? []).entries()) {
        const political = readId(p);
        if (political === undefined) continue;
        const owner = strategyOf.get(political);
        if (!owner) {
          if (noStrategyObjective(political))
            bad(
              [...o.at, 'political', k],
              `unknown id "${political}": expected the id of a political-strategy objective`,
            );
          continue;
        }
        // A strategy whose kind cannot be read may well be the political one.
        const kind = readKind(owner.value.kind);
        if (kind === undefined || kind === 'political') continue;
        bad(
          [...o.at, 'political', k],
          `"${political}" belongs to strategy ${owner.id ?? formatPath(owner.at)} (kind ${kind}): expected the id of a political-strategy objective`,
        );
      }
    }
  }

  const officeAreas = new Map<string, string[] | undefined>();
  for (const o of offices.parts) if (o.id !== undefined) officeAreas.set(o.id, namesAt(o.value, 'areas'));
  const resourceAreas = new Map<string, { areas: string[] | undefined; index: number }>();
  for (const r of resources.parts) {
    if (r.id !== undefined) resourceAreas.set(r.id, { areas: namesAt(r.value, 'areas'), index: r.index });
  }

  for (const a of activities.parts) {
    for (const [k, o] of (listAt(a.value, 'objectives') ?? []).entries()) {
      const objective = readId(o);
      if (objective !== undefined && noStrategyObjective(objective) && concept.lacks(objective)) {
        bad(
          [...a.at, 'objectives', k],
          `unknown id "${objective}": expected a strategy or concept objective id`,
        );
      }
    }
    const office = readId(a.value.office);
    if (office !== undefined && offices.lacks(office)) {
      bad([...a.at, 'office'], `unknown id "${office}": expected an office id`);
    }
    const written = field(a.value, 'uses');
    const uses = written === undefined ? {} : written;
    if (!isMapping(uses)) continue;
    // Where the activity works: its own areas, else its office's (as allocation places its units).
    const own = namesAt(a.value, 'areas');
    const areas = own?.length ? own : own && officeWorkAreas(a.value, office, officeAreas);
    for (const [r, u] of Object.entries(uses)) {
      const limits = resourceAreas.get(r);
      if (!limits) {
        if (resources.complete) bad([...a.at, 'uses', r], `unknown id "${r}": expected a resource id`, true);
        continue;
      }
      const units = readable(planUnits, u);
      if (!limits.areas?.length || units === undefined || units <= 0 || areas === undefined) continue;
      const allowed = new Set(limits.areas.map(areaKey));
      const outside = areas.filter((x) => !allowed.has(areaKey(x)));
      if (!outside.length) continue;
      const via = own?.length ? '' : ` (the areas of its office ${office})`;
      const works = outside.length < areas.length ? 'also works in' : 'works in';
      bad(
        [...a.at, 'uses', r],
        `resource "${r}" can only work in ${limits.areas.join(', ')} (resources[${limits.index}].areas), but this activity ${works} ${outside.join(', ')}${via}: add ${outside.length > 1 ? 'those areas' : 'that area'} to the resource's areas, or give the activity only areas where the resource can work`,
      );
    }
  }
  return problems;
}

/**
 * The areas of an activity's office, for an activity with none of its own: [] when it names no
 * office or one not declared, undefined when the office's name or its areas cannot be read.
 */
function officeWorkAreas(
  activity: Mapping,
  office: string | undefined,
  officeAreas: Map<string, string[] | undefined>,
): string[] | undefined {
  if (field(activity, 'office') === undefined) return [];
  if (office === undefined) return undefined;
  return officeAreas.has(office) ? officeAreas.get(office) : [];
}
