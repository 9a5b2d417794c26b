import type { Language } from '../domain/language.ts';
import { type Evidence, FINDING_KINDS, type Finding, type FindingKind, type Plan } from '../domain/plan.ts';
import { wordKey } from '../domain/written-word.ts';
import type { PathSegment } from '../sources/structured-document.ts';
import {
  type AreaRanking,
  areaKey,
  closeAreaNames,
  type PlanEvent,
  targetsCivilians,
} from './area-ranking.ts';
import type { MitigationCatalog } from './mitigation-catalog.ts';
import { CheckContext } from './plan-check-context.ts';
import { type CellGap, PLAN_CHECK_TEXT } from './plan-check-text.ts';
import { locateInPlanFile } from './plan-reader.ts';
import { POC_FUNCTIONS, POLITICAL_FUNCTIONS, STATE_KIND, supportsState } from './plan-words.ts';

/** What the checks need from the evidence store, gathered by the app layer. */
export interface PlanEvidence {
  /**
   * Events in the plan's country from one year before the period to its end (the checks filter
   * further). Only civilian-targeting events are read, so the caller may pass just those.
   */
  events: readonly PlanEvent[];
  /** Actor names the event data classifies as state forces (to read `partners`). */
  stateActors: ReadonlySet<string>;
  /** Admin1 names in the event data for the plan's country, as spelled there. */
  dataAreas: readonly string[];
  /**
   * For each admin-1 area (as spelled in the data) that an area of responsibility splits, the
   * admin-2 names the data holds in it; absent when the plan names no admin-2 area.
   */
  dataAdmin2?: ReadonlyMap<string, readonly string[]>;
  /** A threat ranking from the joint analysis, when one exists; else a plain ranking is made. */
  ranking?: AreaRanking;
  /** The first and last event dates the store holds for the plan's country, when it holds any. */
  dataRange?: { from: string; to: string };
}

export interface PlanCheckResult {
  findings: Finding[];
  /** Things the checks could not do, or assumptions a planner should know about. */
  notes: string[];
  ranking: AreaRanking;
}

/**
 * Runs every check on a valid plan against the evidence; pure, so it is tested without a store.
 * The findings' messages and the notes are written in `lang` (English by default).
 */
export function checkPlanAgainst(
  plan: Plan,
  evidence: PlanEvidence,
  mitigations: MitigationCatalog,
  lang: Language = 'en',
): PlanCheckResult {
  const ctx = new CheckContext(plan, evidence, PLAN_CHECK_TEXT[lang]);
  const t = ctx.text;
  const notes: string[] = [];
  const raw: Omit<Finding, 'mitigations'>[] = [
    ...unanchoredObjectives(ctx),
    ...noPoliticalLink(ctx),
    ...uncoveredPriorityTasks(ctx),
    ...statePerpetratorFriction(ctx),
    ...resourceOverallocation(ctx),
    ...localNationalDisconnect(ctx),
    ...cellComposition(ctx),
    ...threatCoverageGaps(ctx),
  ];
  if (evidence.dataAreas.length === 0) {
    notes.push(t.notes.noEvents(plan.country));
  } else {
    const range = evidence.dataRange;
    // A plan for a period the data does not reach (a plan for next year) finds no event in it:
    // said, rather than its checks coming back empty as if the period had been quiet.
    if (range && (range.to < plan.period.from || range.from > plan.period.to))
      notes.push(t.notes.periodOutsideData(plan.country, plan.period, range));
    const unknown = unknownAreaUses(plan, evidence.dataAreas, evidence.dataAdmin2);
    if (unknown.length) {
      notes.push(
        t.notes.unknownAreas(
          plan.country,
          unknown.map((u) =>
            t.notes.unknownArea({ ...u, close: closeAreaNames(u.name, u.among ?? evidence.dataAreas) }),
          ),
        ),
      );
    }
  }
  if (plan.cells.length === 0) notes.push(t.notes.noCell);
  const served = new Set(plan.activities.flatMap((a) => a.objectives));
  const idle = plan.strategies.flatMap((s) => s.objectives.filter((o) => !served.has(o.id)).map((o) => o.id));
  if (idle.length) notes.push(t.notes.idleObjectives(idle));
  const order = (k: FindingKind) => FINDING_KINDS.indexOf(k);
  const findings = raw
    .map((f) => ({ ...f, mitigations: mitigations[f.kind] }))
    .sort((a, b) => order(a.kind) - order(b.kind));
  return { findings, notes, ranking: ctx.ranking };
}

/**
 * Every use of an area name the event data does not know, where it stands in the file (in file
 * order), so a planner can go to the line: offices, activities, resources' areas and priorities,
 * and the areas of responsibility's provinces and districts (a district is looked for in its own
 * province, whose names are `among`, when `dataAdmin2` is given).
 */
export function unknownAreaUses(
  plan: Plan,
  dataAreas: readonly string[],
  dataAdmin2?: ReadonlyMap<string, readonly string[]>,
): { place: string; name: string; line: number; among?: readonly string[] }[] {
  const known = new Set(dataAreas.map(areaKey));
  const spelled = new Map(dataAreas.map((a) => [areaKey(a), a]));
  const uses: { path: PathSegment[]; name: string; among?: readonly string[] }[] = [
    ...plan.offices.flatMap((o, i) => o.areas.map((name, j) => ({ path: ['offices', i, 'areas', j], name }))),
    ...plan.activities.flatMap((a, i) =>
      a.areas.map((name, j) => ({ path: ['activities', i, 'areas', j], name })),
    ),
    ...plan.resources.flatMap((r, i) =>
      r.areas.map((name, j) => ({ path: ['resources', i, 'areas', j], name })),
    ),
    ...plan.priorities.map((p, i) => ({ path: ['priorities', i, 'area'], name: p.area })),
    ...plan.areasOfResponsibility.flatMap((a, i) => [
      ...a.areas.map((name, j) => ({
        path: ['areasOfResponsibility', i, 'areas', j] as PathSegment[],
        name,
      })),
      ...a.admin2.map((d, j) => ({
        path: ['areasOfResponsibility', i, 'admin2', j, 'admin1'] as PathSegment[],
        name: d.admin1,
      })),
    ]),
  ];
  const unknown = uses.filter((u) => !known.has(areaKey(u.name)));
  if (dataAdmin2) {
    plan.areasOfResponsibility.forEach((a, i) => {
      a.admin2.forEach((d, j) => {
        const province = spelled.get(areaKey(d.admin1));
        if (province === undefined) return; // already noted as an unknown province
        const districts = dataAdmin2.get(province) ?? [];
        if (districts.some((x) => areaKey(x) === areaKey(d.admin2))) return;
        unknown.push({
          path: ['areasOfResponsibility', i, 'admin2', j, 'admin2'],
          name: d.admin2,
          among: districts,
        });
      });
    });
  }
  return unknown
    .map((u) => ({ ...locateInPlanFile(plan, u.path), name: u.name, ...(u.among ? { among: u.among } : {}) }))
    .sort((a, b) => a.line - b.line);
}

function planRef(path: string, id: string, note?: string): Evidence {
  return note === undefined ? { type: 'plan', path, id } : { type: 'plan', path, id, note };
}

function eventRef(e: PlanEvent): Evidence {
  return {
    type: 'event',
    id: e.id,
    source: e.source,
    sourceEventId: e.sourceEventId,
    date: e.dateStart,
    admin1: e.admin1,
    actor1: e.actor1,
    actor2: e.actor2,
    fatalities: e.fatalities,
  };
}

type Raw = Omit<Finding, 'mitigations'>;

function unanchoredObjectives(ctx: CheckContext): Raw[] {
  const out: Raw[] = [];
  for (const s of ctx.plan.strategies) {
    for (const o of s.objectives) {
      if (o.anchors.length) continue;
      out.push({
        kind: 'unanchored-objective',
        subject: o.id,
        message: ctx.text.unanchoredObjective({
          id: o.id,
          strategyKind: s.kind,
          strategy: s.id,
          text: o.text,
        }),
        evidence: [planRef(`${ctx.objectivePath(o.id)}.anchors`, o.id, 'empty')],
      });
    }
  }
  return out;
}

function noPoliticalLink(ctx: CheckContext): Raw[] {
  const out: Raw[] = [];
  for (const s of ctx.plan.strategies) {
    if (s.kind !== 'poc') continue;
    for (const o of s.objectives) {
      if (o.political.length || o.standalone) continue;
      out.push({
        kind: 'no-political-link',
        subject: o.id,
        message: ctx.text.noPoliticalLink({ id: o.id, text: o.text }),
        evidence: [planRef(`${ctx.objectivePath(o.id)}.political`, o.id, 'empty, and no standalone reason')],
      });
    }
  }
  return out;
}

function uncoveredPriorityTasks(ctx: CheckContext): Raw[] {
  const out: Raw[] = [];
  const { plan } = ctx;
  plan.mandate.tasks.forEach((t, ti) => {
    if (!t.priority) return;
    const concept = plan.concept.objectives.filter((c) => c.tasks.includes(t.id));
    const strategyObjectives = [...ctx.objectives.values()]
      .filter(({ objective }) => objective.anchors.some((a) => concept.some((c) => c.id === a)))
      .map(({ objective }) => objective.id);
    // A POC objective that serves one of those political objectives serves the task too (the
    // complementarity the paper asks for), so its activities count.
    const throughPolitics = [...ctx.objectives.values()]
      .filter(({ objective }) => objective.political.some((p) => strategyObjectives.includes(p)))
      .map(({ objective }) => objective.id);
    const serving = new Set([...concept.map((c) => c.id), ...strategyObjectives, ...throughPolitics]);
    const activities = plan.activities.filter((a) => a.objectives.some((o) => serving.has(o)));
    if (activities.length) return;
    const evidence: Evidence[] = [planRef(`mandate.tasks[${ti}]`, t.id, 'priority task')];
    for (const c of concept)
      evidence.push(planRef(ctx.objectivePath(c.id), c.id, 'concept objective carrying the task'));
    for (const o of strategyObjectives)
      evidence.push(planRef(ctx.objectivePath(o), o, 'strategy objective with no activity'));
    out.push({
      kind: 'uncovered-priority-task',
      subject: t.id,
      message: ctx.text.uncoveredPriorityTask({
        id: t.id,
        text: t.text,
        concept: concept.map((c) => c.id),
        strategyObjectives,
      }),
      evidence,
    });
  });
  return out;
}

function statePerpetratorFriction(ctx: CheckContext): Raw[] {
  const out: Raw[] = [];
  const { plan, evidence } = ctx;
  const [y, m, d] = plan.period.from.split('-');
  const lookbackFrom = `${Number(y) - 1}-${m}-${d}`;
  for (const a of plan.activities) {
    const why: Evidence[] = [];
    for (const o of a.objectives) {
      const words = (ctx.objectives.get(o)?.objective.supports ?? []).filter(supportsState);
      if (words.length) why.push(planRef(`${ctx.objectivePath(o)}.supports`, o, words.join(', ')));
    }
    const own = a.supports.filter(supportsState);
    if (own.length) why.push(planRef(`${ctx.activityPath(a)}.supports`, a.id, own.join(', ')));
    if (a.kind && STATE_KIND.test(wordKey(a.kind)))
      why.push(planRef(`${ctx.activityPath(a)}.kind`, a.id, a.kind));
    const statePartners = a.partners.filter((p) => evidence.stateActors.has(p));
    if (statePartners.length) {
      why.push(planRef(`${ctx.activityPath(a)}.partners`, a.id, `state forces: ${statePartners.join(', ')}`));
    }
    if (!why.length) continue;
    const areas = new Set(ctx.activityAreas(a).map(areaKey));
    const partners = new Set(a.partners);
    const harm = evidence.events.filter(
      (e) =>
        e.dateStart >= lookbackFrom &&
        e.dateStart <= plan.period.to &&
        areas.has(areaKey(e.admin1)) &&
        targetsCivilians(e) &&
        (e.actor1Category === 'state-forces' ||
          partners.has(e.actor1) ||
          (e.actor1Associated ?? []).some((p) => partners.has(p))),
    );
    if (!harm.length) continue;
    // A partner that acted with actor 1 (a militia's attack with the army beside it) is named too.
    const perpetrators = [
      ...new Set(
        harm.flatMap((e) => [e.actor1, ...(e.actor1Associated ?? []).filter((p) => partners.has(p))]),
      ),
    ];
    const deaths = harm.reduce((s, e) => s + e.fatalities, 0);
    const places = [...new Set(harm.map((e) => e.admin1))];
    out.push({
      kind: 'state-perpetrator-friction',
      subject: a.id,
      message: ctx.text.statePerpetratorFriction({
        id: a.id,
        text: a.text,
        places,
        events: harm.length,
        deaths,
        from: lookbackFrom,
        to: plan.period.to,
        perpetrators,
      }),
      evidence: [...why, ...harm.map(eventRef)],
    });
  }
  return out;
}

function resourceOverallocation(ctx: CheckContext): Raw[] {
  const out: Raw[] = [];
  ctx.plan.resources.forEach((r, ri) => {
    const users = ctx.plan.activities.filter((a) => (a.uses[r.id] ?? 0) > 0);
    const used = users.reduce((s, a) => s + (a.uses[r.id] ?? 0), 0);
    if (used <= r.available) return;
    out.push({
      kind: 'resource-overallocation',
      subject: r.id,
      message: ctx.text.resourceOverallocation({
        id: r.id,
        text: r.text,
        used,
        users: users.map((a) => a.id),
        available: r.available,
      }),
      evidence: [
        planRef(`resources[${ri}].available`, r.id, `${r.available} available`),
        ...users.map((a) => planRef(`${ctx.activityPath(a)}.uses.${r.id}`, a.id, `uses ${a.uses[r.id]}`)),
        { type: 'measure', name: 'shortfall', value: used - r.available },
      ],
    });
  });
  return out;
}

function localNationalDisconnect(ctx: CheckContext): Raw[] {
  const out: Raw[] = [];
  for (const a of ctx.plan.activities) {
    if (!ctx.isFieldActivity(a)) continue;
    if (a.objectives.some((o) => ctx.chainsToConcept(o))) continue;
    out.push({
      kind: 'local-national-disconnect',
      subject: a.id,
      message: ctx.text.localNationalDisconnect({
        id: a.id,
        text: a.text,
        office: a.office,
        objectives: a.objectives,
      }),
      evidence: [
        planRef(`${ctx.activityPath(a)}.office`, a.id, `field office ${a.office}`),
        ...a.objectives.map((o) => planRef(`${ctx.objectivePath(o)}.anchors`, o, 'no anchor in the concept')),
      ],
    });
  }
  return out;
}

function cellComposition(ctx: CheckContext): Raw[] {
  const out: Raw[] = [];
  ctx.plan.cells.forEach((c, ci) => {
    const components = new Set(c.members.map((m) => m.component));
    const functions = new Set(c.members.map((m) => wordKey(m.function)));
    const missing: CellGap[] = [];
    for (const comp of ['civilian', 'military', 'police'] as const) {
      if (!components.has(comp)) missing.push(comp);
    }
    if (![...functions].some((f) => POC_FUNCTIONS.has(f))) missing.push('poc');
    if (![...functions].some((f) => POLITICAL_FUNCTIONS.has(f))) missing.push('political');
    if (!missing.length) return;
    out.push({
      kind: 'cell-composition',
      subject: c.id,
      message: ctx.text.cellComposition({ id: c.id, missing }),
      evidence: c.members.map((m, mi) =>
        planRef(`cells[${ci}].members[${mi}]`, c.id, `${m.component} / ${m.function}`),
      ),
    });
  });
  return out;
}

function threatCoverageGaps(ctx: CheckContext): Raw[] {
  const out: Raw[] = [];
  const { ranking, plan } = ctx;
  if (!ranking.areas.length) return out;
  const covered = new Set<string>();
  for (const a of plan.activities) {
    if (ctx.isPocActivity(a)) for (const area of ctx.activityAreas(a)) covered.add(areaKey(area));
  }
  const inPeriod = ctx.evidence.events.filter(
    (e) => e.dateStart >= plan.period.from && e.dateStart <= plan.period.to && targetsCivilians(e),
  );
  for (const area of ranking.areas.slice(0, ranking.topCount)) {
    if (covered.has(areaKey(area.admin1))) continue;
    const events = inPeriod.filter((e) => areaKey(e.admin1) === areaKey(area.admin1));
    out.push({
      kind: 'threat-coverage-gap',
      subject: ctx.dataSpelling(area.admin1),
      message: ctx.text.threatCoverageGap({
        area: area.admin1,
        rank: area.rank,
        ranking: {
          basis: ranking.basis,
          measure: ranking.measure,
          topRule: ranking.topRule,
          areas: ranking.areas.length,
        },
        events: area.civilianTargetingEvents,
        deaths: area.fatalities,
      }),
      evidence: [
        { type: 'measure', name: 'rank', value: area.rank },
        { type: 'measure', name: 'civilian-targeting events', value: area.civilianTargetingEvents },
        { type: 'measure', name: 'fatalities in those events', value: area.fatalities },
        ...events.map(eventRef),
      ],
    });
  }
  return out;
}
