import type { Language } from '../domain/language.ts';
import { objectiveIndex, type Plan } from '../domain/plan.ts';
import { ALLOCATION_TEXT, type AllocationText, type AreaChange, UNUSED } from './allocation-text.ts';
import { type AreaRanking, areaKey, closeAreaNames } from './area-ranking.ts';
import { locateInPlanFile } from './plan-reader.ts';

export { UNUSED };

/** The weight of one area: civilian risk times political priority, with where each came from. */
export interface AreaWeight {
  area: string;
  risk: number;
  priority: number;
  prioritySource: 'plan' | 'derived';
  priorityReason: string;
  weight: number;
}

export interface AreaAllocation extends AreaWeight {
  current: number;
  proposed: number;
  change: number;
  /** Plan activities that use this resource here now. */
  activities: string[];
  reason: string;
}

export interface ResourceMove {
  from: string;
  to: string;
  units: number;
  why: string;
}

export interface ResourceAllocation {
  resource: string;
  text?: string;
  available: number;
  currentUse: number;
  proposedUse: number;
  areas: AreaAllocation[];
  moves: ResourceMove[];
  /** Activities that would lose units in an area, so planners see whose work changes. */
  affectedActivities: string[];
  coveredCurrent: number;
  coveredProposed: number;
}

export interface AllocationResult {
  status: string;
  method: string;
  objective: { current: number; proposed: number };
  resources: ResourceAllocation[];
  notes: string[];
}

/** Each extra unit in the same area covers half as much risk as the one before (diminishing returns). */
export const UNIT_DECAY = 0.5;
// Keeps the model small when a resource is counted in hundreds (e.g. person-days): beyond this
// many units per area the marginal value is below 0.01% of the first unit's anyway.
const MAX_STEPS = 16;
// Favours leaving a unit where it is when moving it gains nothing, so ties do not shuffle assets.
const STAY_BONUS = 1e-6;

/** The method in English (`ALLOCATION_TEXT[lang].method` in another language). */
export const ALLOCATION_METHOD = ALLOCATION_TEXT.en.method(UNIT_DECAY);

/**
 * Civilian risk × political priority for every area the allocation may use. An activity flagged
 * for supporting state forces that harm civilians (`flagged`) lends its area no political priority:
 * its own objectives would otherwise earn the area the assets it may not receive.
 */
export function areaWeights(
  plan: Plan,
  ranking: AreaRanking,
  lang: Language = 'en',
  flagged: ReadonlySet<string> = new Set(),
): AreaWeight[] {
  const t = ALLOCATION_TEXT[lang].priority;
  const risk = new Map(ranking.areas.map((a) => [areaKey(a.admin1), a]));
  const names = new Map<string, string>();
  for (const a of ranking.areas) names.set(areaKey(a.admin1), a.admin1);
  const planAreas = [
    ...plan.activities.flatMap((a) => a.areas),
    ...plan.offices.flatMap((o) => o.areas),
    ...plan.resources.flatMap((r) => r.areas),
    ...plan.priorities.map((p) => p.area),
  ];
  for (const a of planAreas) if (!names.has(areaKey(a))) names.set(areaKey(a), a);

  const objectives = objectiveIndex(plan);
  const offices = new Map(plan.offices.map((o) => [o.id, o]));
  const political = new Map<string, Set<string>>();
  // What flagged activities serve, to say why their area gets no priority from it.
  const flaggedPolitical = new Map<string, { objectives: Set<string>; activities: Set<string> }>();
  for (const act of plan.activities) {
    const areas = act.areas.length ? act.areas : act.office ? (offices.get(act.office)?.areas ?? []) : [];
    const pol = act.objectives.filter((o) => objectives.get(o)?.strategy.kind === 'political');
    for (const area of areas) {
      if (flagged.has(act.id)) {
        if (!pol.length) continue;
        const f = flaggedPolitical.get(areaKey(area)) ?? { objectives: new Set(), activities: new Set() };
        for (const o of pol) f.objectives.add(o);
        f.activities.add(act.id);
        flaggedPolitical.set(areaKey(area), f);
        continue;
      }
      const set = political.get(areaKey(area)) ?? new Set<string>();
      for (const o of pol) set.add(o);
      political.set(areaKey(area), set);
    }
  }
  const given = new Map(plan.priorities.map((p) => [areaKey(p.area), p]));
  return [...names.entries()].map(([key, area]) => {
    const r = risk.get(key)?.civilianTargetingEvents ?? 0;
    const own = given.get(key);
    const pol = [...(political.get(key) ?? [])].sort();
    const priority = own ? own.priority : 1 + 0.5 * Math.min(2, pol.length);
    const onlyFlagged = flaggedPolitical.get(key);
    const priorityReason = own
      ? t.plan(own.reason)
      : pol.length
        ? t.political(pol)
        : onlyFlagged
          ? t.onlyFlagged([...onlyFlagged.objectives].sort(), [...onlyFlagged.activities])
          : t.none;
    return {
      area,
      risk: r,
      priority,
      prioritySource: own ? 'plan' : 'derived',
      priorityReason,
      weight: r * priority,
    };
  });
}

/**
 * Where each activity puts its units now: split evenly over its areas (or its office's). `clear`
 * counts only the units of activities not flagged, and `flaggedWho` names the flagged ones.
 */
function currentPlacement(
  plan: Plan,
  resourceId: string,
  areaName: (a: string) => string,
  flagged: ReadonlySet<string>,
) {
  const offices = new Map(plan.offices.map((o) => [o.id, o]));
  const units = new Map<string, number>();
  const clear = new Map<string, number>();
  const who = new Map<string, string[]>();
  const flaggedWho = new Map<string, string[]>();
  let unplaced = 0;
  for (const act of plan.activities) {
    const n = act.uses[resourceId] ?? 0;
    if (n <= 0) continue;
    const areas = act.areas.length ? act.areas : act.office ? (offices.get(act.office)?.areas ?? []) : [];
    if (!areas.length) {
      unplaced += n;
      continue;
    }
    for (const a of areas) {
      const name = areaName(a);
      units.set(name, (units.get(name) ?? 0) + n / areas.length);
      who.set(name, [...(who.get(name) ?? []), act.id]);
      if (flagged.has(act.id)) flaggedWho.set(name, [...(flaggedWho.get(name) ?? []), act.id]);
      else clear.set(name, (clear.get(name) ?? 0) + n / areas.length);
    }
  }
  return { units, clear, who, flaggedWho, unplaced };
}

/** Risk covered by `units` in an area of weight w; fractional units interpolate between steps. */
export function coverage(weight: number, units: number): number {
  let total = 0;
  for (let k = 1; k <= Math.ceil(units); k++)
    total += weight * UNIT_DECAY ** (k - 1) * Math.min(1, units - (k - 1));
  return total;
}

type Solve = (lp: string) => { Status: string; Columns: Record<string, { Primal: number }> };

/**
 * Proposes where each scarce resource should go and explains each change against the plan.
 * `solve` is HiGHS's solve (injected so the model can be tested with the real solver or not).
 * `flagged`: activities the plan check flagged for supporting state forces that harm civilians
 * (state-perpetrator-friction): where such an activity uses a resource, the proposal gives that
 * area no more of it than the unflagged activities there use, so no unit goes to the flagged
 * activity; a note says so. `lang`: the language of the sentences (reasons, moves, notes, method).
 */
export function allocateResources(
  plan: Plan,
  ranking: AreaRanking,
  solve: Solve,
  flagged: ReadonlySet<string> = new Set(),
  lang: Language = 'en',
): AllocationResult {
  const t = ALLOCATION_TEXT[lang];
  const weights = areaWeights(plan, ranking, lang, flagged);
  const byKey = new Map(weights.map((w) => [areaKey(w.area), w]));
  const areaName = (a: string) => byKey.get(areaKey(a))?.area ?? a;
  const notes: string[] = [];
  if (!ranking.areas.length) notes.push(t.notes.noEvents);
  else notes.push(...unmatchedAreaNotes(plan, ranking, t));

  type Var = { name: string; r: number; area: string; k: number; value: number };
  const vars: Var[] = [];
  const placements = plan.resources.map((res) => currentPlacement(plan, res.id, areaName, flagged));
  plan.resources.forEach((res, r) => {
    const allowed = res.areas.length ? new Set(res.areas.map(areaKey)) : undefined;
    const steps = Math.min(MAX_STEPS, Math.floor(res.available));
    for (const w of weights) {
      if (allowed && !allowed.has(areaKey(w.area))) continue;
      const now = placements[r]!.units.get(w.area) ?? 0;
      const held = placements[r]!.flaggedWho.get(w.area);
      const cap = held ? Math.floor(placements[r]!.clear.get(w.area) ?? 0) : steps;
      if (held) notes.push(t.notes.flaggedCap(res.id, cap, w.area, held));
      for (let k = 1; k <= Math.min(steps, cap); k++) {
        const value = w.weight * UNIT_DECAY ** (k - 1) + (k <= now ? STAY_BONUS : 0);
        vars.push({ name: `x${vars.length}`, r, area: w.area, k, value });
      }
    }
    if (placements[r]!.unplaced) notes.push(t.notes.noArea(res.id, placements[r]!.unplaced));
  });

  let primal = new Map<string, number>();
  let status = 'Optimal';
  if (vars.length) {
    const lines = ['Maximize', ' obj:'];
    for (const v of vars) lines.push(`  + ${fmt(v.value)} ${v.name}`);
    lines.push('Subject To');
    plan.resources.forEach((res, r) => {
      const mine = vars.filter((v) => v.r === r);
      if (!mine.length) return;
      lines.push(` avail${r}:`);
      for (const v of mine) lines.push(`  + ${v.name}`);
      lines.push(`  <= ${fmt(res.available)}`);
    });
    // Unit k+1 in an area only after unit k: keeps the reading "k units here" exact.
    let c = 0;
    for (let i = 1; i < vars.length; i++) {
      const a = vars[i - 1]!;
      const b = vars[i]!;
      if (a.r === b.r && a.area === b.area && b.k === a.k + 1)
        lines.push(` ord${c++}: ${b.name} - ${a.name} <= 0`);
    }
    lines.push('Binary');
    for (const v of vars) lines.push(` ${v.name}`);
    lines.push('End');
    const result = solve(lines.join('\n'));
    status = result.Status;
    if (status !== 'Optimal') notes.push(t.notes.solverStatus(status));
    primal = new Map(Object.entries(result.Columns).map(([k, v]) => [k, Math.round(v.Primal)]));
  }

  const resources: ResourceAllocation[] = plan.resources.map((res, r) => {
    const place = placements[r]!;
    const proposed = new Map<string, number>();
    for (const v of vars) {
      if (v.r === r && primal.get(v.name)) proposed.set(v.area, (proposed.get(v.area) ?? 0) + 1);
    }
    const areas: AreaAllocation[] = weights
      .filter((w) => proposed.has(w.area) || place.units.has(w.area))
      .map((w) => {
        const current = round(place.units.get(w.area) ?? 0);
        const p = proposed.get(w.area) ?? 0;
        return {
          ...w,
          current,
          proposed: p,
          change: round(p - current),
          activities: place.who.get(w.area) ?? [],
          reason: place.flaggedWho.has(w.area)
            ? flaggedReason(t, w, current, p, flaggedUnits(place, w.area), place.flaggedWho.get(w.area)!)
            : res.available < 1 && p < current
              ? t.reason.noneAvailable(areaChange(current, p), res.id)
              : areaReason(t, w, current, p),
        };
      })
      .sort((a, b) => b.weight - a.weight || a.area.localeCompare(b.area));
    const moves = pairMoves(areas, t, place.flaggedWho, (area) => flaggedUnits(place, area));
    const affected = areas.filter((a) => a.change < 0).flatMap((a) => a.activities);
    const currentUse = round([...place.units.values()].reduce((s, n) => s + n, 0));
    return {
      resource: res.id,
      ...(res.text ? { text: res.text } : {}),
      available: res.available,
      currentUse,
      proposedUse: [...proposed.values()].reduce((s, n) => s + n, 0),
      areas,
      moves,
      affectedActivities: [...new Set(affected)],
      coveredCurrent: round(areas.reduce((s, a) => s + coverage(a.weight, a.current), 0)),
      coveredProposed: round(areas.reduce((s, a) => s + coverage(a.weight, a.proposed), 0)),
    };
  });
  for (const [i, r] of resources.entries()) {
    const unplaced = round(r.available - r.proposedUse);
    if (unplaced >= 1) {
      const allowed = plan.resources[i]!.areas.map(areaKey);
      const open = weights.filter(
        (w) => w.weight > 0 && (!allowed.length || allowed.includes(areaKey(w.area))),
      );
      notes.push(t.notes.unplaced(r.resource, unplaced, r.available, open.length, MAX_STEPS));
    }
    if (r.currentUse > r.available) notes.push(t.notes.infeasible(r.resource, r.currentUse, r.available));
  }
  notes.push(...strippedActivityNotes(plan, resources, areaName, flagged, t));
  return {
    status,
    method: t.method(UNIT_DECAY),
    objective: {
      current: round(resources.reduce((s, r) => s + r.coveredCurrent, 0)),
      proposed: round(resources.reduce((s, r) => s + r.coveredProposed, 0)),
    },
    resources,
    notes,
  };
}

/**
 * Activities (not flagged) whose areas the proposal leaves with none of any asset they use: a
 * field office's only base, helicopter and company all moved elsewhere is the proposal's rule at
 * work, but a planner must see it said, not find it in the tables.
 */
function strippedActivityNotes(
  plan: Plan,
  resources: readonly ResourceAllocation[],
  areaName: (a: string) => string,
  flagged: ReadonlySet<string>,
  t: AllocationText,
): string[] {
  const offices = new Map(plan.offices.map((o) => [o.id, o]));
  const out: string[] = [];
  for (const act of plan.activities) {
    if (flagged.has(act.id)) continue;
    // A resource the plan makes none of available went nowhere: its area lines say so.
    const none = new Set(plan.resources.filter((r) => r.available < 1).map((r) => r.id));
    const used = Object.entries(act.uses)
      .filter(([id, n]) => n > 0 && !none.has(id))
      .map(([id]) => id);
    const areas = (
      act.areas.length ? act.areas : act.office ? (offices.get(act.office)?.areas ?? []) : []
    ).map(areaName);
    if (!used.length || !areas.length) continue;
    const keeps = used.some((id) => {
      const r = resources.find((x) => x.resource === id);
      return !r || r.areas.some((a) => areas.includes(a.area) && a.proposed > 0);
    });
    if (!keeps) out.push(t.notes.stripped(act.id, areas, used));
  }
  return out;
}

/**
 * The plan's `priorities` entries and resource `areas` that name none of the ranked areas (those
 * with civilian-targeting events in the period), each at its place in the file: a misspelt
 * "Nana Grebisi" would otherwise lose its priority, and a resource its area, without a word.
 */
function unmatchedAreaNotes(plan: Plan, ranking: AreaRanking, t: AllocationText): string[] {
  const ranked = ranking.areas.map((a) => a.admin1);
  const keys = new Set(ranked.map(areaKey));
  const notes: { line: number; text: string }[] = [];
  for (const [i, p] of plan.priorities.entries()) {
    if (keys.has(areaKey(p.area))) continue;
    const at = locateInPlanFile(plan, ['priorities', i, 'area']);
    const close = closeAreaNames(p.area, ranked);
    notes.push({
      line: at.line,
      text: t.notes.priorityUnmatched({ place: at.place, area: p.area, priority: p.priority, close }),
    });
  }
  for (const [i, r] of plan.resources.entries())
    for (const [j, area] of r.areas.entries()) {
      if (keys.has(areaKey(area))) continue;
      const at = locateInPlanFile(plan, ['resources', i, 'areas', j]);
      const close = closeAreaNames(area, ranked);
      notes.push({
        line: at.line,
        text: t.notes.resourceAreaUnmatched({ place: at.place, resource: r.id, area, close }),
      });
    }
  return notes.sort((a, b) => a.line - b.line).map((n) => n.text);
}

/** Add, remove or keep, and how many: what the sentences of an area begin with. */
function areaChange(current: number, proposed: number): AreaChange {
  if (proposed > current) return { kind: 'add', units: round(proposed - current) };
  if (proposed < current) return { kind: 'remove', units: round(current - proposed) };
  return { kind: 'keep', units: proposed };
}

/** An area's weight as the sentences cite it, rounded. */
const cited = (w: AreaWeight) => ({ ...w, weight: round(w.weight) });

/** The units flagged activities use in an area now: those the flag alone takes away. */
function flaggedUnits(place: ReturnType<typeof currentPlacement>, area: string): number {
  return round((place.units.get(area) ?? 0) - (place.clear.get(area) ?? 0));
}

/**
 * Why an area with flagged activities changes: the units those activities held leave for the flag;
 * any more that leave, leave for the cover they give elsewhere, and are said apart (a probe's
 * second company in Upper Nile, not flagged, had been said to leave for the flag too).
 */
function flaggedReason(
  t: AllocationText,
  w: AreaWeight,
  current: number,
  proposed: number,
  held: number,
  who: string[],
): string {
  const afterFlag = round(current - held);
  if (proposed >= afterFlag) return t.reason.flagged(areaChange(current, proposed), who);
  return `${t.reason.flagged(areaChange(current, afterFlag), who)}; ${areaReason(t, w, afterFlag, proposed)}`;
}

function areaReason(t: AllocationText, w: AreaWeight, current: number, proposed: number): string {
  const c = areaChange(current, proposed);
  if (c.kind !== 'remove') return t.reason.change(c, cited(w));
  return t.reason.remove(c, cited(w), round(w.weight * UNIT_DECAY ** (Math.ceil(current) - 1)));
}

/** What the k-th unit of a resource in an area of weight w covers: each covers half the one before. */
const unitCover = (w: number, k: number) => round(w * UNIT_DECAY ** (Math.max(1, Math.ceil(k)) - 1));

/**
 * Pairs losses with gains, heaviest gain first, so the explanation reads as moves: each says what
 * the unit covers where it goes against what it covered where it was (the marginal cover, which
 * is what the solver weighs), or that it left activities the plan check flagged.
 */
function pairMoves(
  areas: AreaAllocation[],
  t: AllocationText,
  flaggedWho: ReadonlyMap<string, string[]>,
  flaggedUnitsIn: (area: string) => number,
): ResourceMove[] {
  // A loss's units leave for the flag first (those flagged activities held), then for cover.
  const losses = areas
    .filter((a) => a.change < 0)
    .map((a) => {
      const held = flaggedWho.has(a.area) ? flaggedUnitsIn(a.area) : 0;
      return { a, left: -a.change, forFlag: Math.min(held, -a.change), kept: round(a.current - held) };
    });
  const gains = areas.filter((a) => a.change > 0).map((a) => ({ a, left: a.change }));
  losses.sort((x, y) => x.a.weight - y.a.weight);
  gains.sort((x, y) => y.a.weight - x.a.weight);
  const moves: ResourceMove[] = [];
  for (const g of gains) {
    for (const l of losses) {
      if (g.left <= 0) break;
      if (l.left <= 0) continue;
      const units = round(Math.min(g.left, l.left));
      g.left -= units;
      l.left -= units;
      const forFlag = round(Math.min(units, l.forFlag));
      l.forFlag = round(l.forFlag - forFlag);
      for (const [n, flagged] of [
        [forFlag, flaggedWho.get(l.a.area) ?? []],
        [round(units - forFlag), []],
      ] as const) {
        if (n <= 0) continue;
        moves.push({
          from: l.a.area,
          to: g.a.area,
          units: n,
          why: t.move(cited(g.a), cited(l.a), l.a.activities, {
            gain: unitCover(g.a.weight, g.a.proposed),
            loss: unitCover(l.a.weight, l.kept),
            flagged: [...flagged],
          }),
        });
      }
    }
    if (g.left > 0) {
      moves.push({
        from: UNUSED,
        to: g.a.area,
        units: round(g.left),
        why: t.moveFromUnused(cited(g.a)),
      });
    }
  }
  return moves;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(9);
}
