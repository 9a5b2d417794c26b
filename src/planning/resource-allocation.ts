import type { Language } from '../domain/language.ts';
import { objectiveIndex, type Plan } from '../domain/plan.ts';
import {
  areaChange,
  areaReason,
  flaggedReason,
  MAX_STEPS,
  pairMoves,
  round,
  strippedActivityNotes,
  UNIT_DECAY,
  unmatchedAreaNotes,
} from './allocation-explanation.ts';
import { ALLOCATION_TEXT, UNUSED } from './allocation-text.ts';
import { type AreaRanking, areaKey } from './area-ranking.ts';

export { UNIT_DECAY, UNUSED };

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

/** The units flagged activities use in an area now: those the flag alone takes away. */
function flaggedUnits(place: ReturnType<typeof currentPlacement>, area: string): number {
  return round((place.units.get(area) ?? 0) - (place.clear.get(area) ?? 0));
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(9);
}
