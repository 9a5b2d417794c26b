import { objectiveIndex, type Plan } from '../domain/plan.ts';
import { type AreaRanking, areaKey } from './area-ranking.ts';

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

export const ALLOCATION_METHOD =
  'Maximise the sum over areas of weight × coverage, where weight = civilian-targeting events in the plan period × political priority, ' +
  `and the k-th unit of a resource in an area covers ${UNIT_DECAY}^(k-1) of that area's weight (diminishing returns). ` +
  "Political priority is the plan's own `priorities` entry for the area when given, else 1 + 0.5 for each political-strategy objective " +
  'served by an activity in the area (at most 2). Units of each resource in all areas together may not exceed its availability; a resource ' +
  'with `areas` may only go there. Solved as a 0-1 integer programme with HiGHS.';

/** Civilian risk × political priority for every area the allocation may use. */
export function areaWeights(plan: Plan, ranking: AreaRanking): AreaWeight[] {
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
  for (const act of plan.activities) {
    const areas = act.areas.length ? act.areas : act.office ? (offices.get(act.office)?.areas ?? []) : [];
    const pol = act.objectives.filter((o) => objectives.get(o)?.strategy.kind === 'political');
    for (const area of areas) {
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
    const priorityReason = own
      ? `set in the plan${own.reason ? `: ${own.reason}` : ''}`
      : pol.length
        ? `political-strategy objective(s) ${pol.join(', ')} worked on here`
        : 'no political-strategy activity here';
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
 * activity; a note says so.
 */
export function allocateResources(
  plan: Plan,
  ranking: AreaRanking,
  solve: Solve,
  flagged: ReadonlySet<string> = new Set(),
): AllocationResult {
  const weights = areaWeights(plan, ranking);
  const byKey = new Map(weights.map((w) => [areaKey(w.area), w]));
  const areaName = (a: string) => byKey.get(areaKey(a))?.area ?? a;
  const notes: string[] = [];
  if (!ranking.areas.length)
    notes.push('no civilian-targeting events in the plan period: every area weighs 0');

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
      if (held)
        notes.push(
          `${res.id}: at most ${cap} unit(s) in ${w.area}, what activities not flagged use there; ${held.join(', ')} ${held.length > 1 ? 'are' : 'is'} flagged by the plan check (state-perpetrator-friction) and ${held.length > 1 ? 'get' : 'gets'} none`,
        );
      for (let k = 1; k <= Math.min(steps, cap); k++) {
        const value = w.weight * UNIT_DECAY ** (k - 1) + (k <= now ? STAY_BONUS : 0);
        vars.push({ name: `x${vars.length}`, r, area: w.area, k, value });
      }
    }
    if (placements[r]!.unplaced) {
      notes.push(
        `${res.id}: ${placements[r]!.unplaced} unit(s) are used by activities with no area, left out of "current"`,
      );
    }
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
    if (status !== 'Optimal')
      notes.push(`the solver ended with status ${status}; the proposal may not be optimal`);
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
            ? `${areaReason(w, current, p).split(':')[0]}: ${place.flaggedWho.get(w.area)!.join(', ')} flagged by the plan check (state-perpetrator-friction), so no unit goes to it`
            : res.available < 1 && p < current
              ? `remove ${round(current - p)}: the plan makes no unit of ${res.id} available`
              : areaReason(w, current, p),
        };
      })
      .sort((a, b) => b.weight - a.weight || a.area.localeCompare(b.area));
    const moves = pairMoves(areas);
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
      notes.push(
        `${r.resource}: ${unplaced} of ${r.available} unit(s) left unplaced. A unit adds cover only where civilians were targeted in the plan period (${open.length} area(s) open to this resource), and each further unit in an area covers half the one before, so no area takes more than ${MAX_STEPS}; place the rest by judgement (a reserve, escorts, areas with no recorded events)`,
      );
    }
    if (r.currentUse > r.available) {
      notes.push(
        `${r.resource}: the plan uses ${r.currentUse} but only ${r.available} are available, so "current" is not feasible`,
      );
    }
  }
  return {
    status,
    method: ALLOCATION_METHOD,
    objective: {
      current: round(resources.reduce((s, r) => s + r.coveredCurrent, 0)),
      proposed: round(resources.reduce((s, r) => s + r.coveredProposed, 0)),
    },
    resources,
    notes,
  };
}

function areaReason(w: AreaWeight, current: number, proposed: number): string {
  const basis = `risk ${w.risk} civilian-targeting events × priority ${w.priority} (${w.priorityReason}) = weight ${round(w.weight)}`;
  if (proposed > current) return `add ${round(proposed - current)}: ${basis}`;
  if (proposed < current) {
    const last = round(w.weight * UNIT_DECAY ** (Math.ceil(current) - 1));
    return `remove ${round(current - proposed)}: ${basis}; the last unit here covers only ${last}, less than every unit kept or placed`;
  }
  return `keep ${proposed}: ${basis}`;
}

/** The `from` of a move that puts to work units the plan does not use. */
export const UNUSED = '(unused)';

/** Pairs losses with gains, heaviest gain first, so the explanation reads as moves. */
function pairMoves(areas: AreaAllocation[]): ResourceMove[] {
  const losses = areas.filter((a) => a.change < 0).map((a) => ({ a, left: -a.change }));
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
      moves.push({
        from: l.a.area,
        to: g.a.area,
        units,
        why: `${g.a.area} weighs ${round(g.a.weight)} (risk ${g.a.risk} × priority ${g.a.priority}) against ${round(l.a.weight)} in ${l.a.area} (risk ${l.a.risk} × priority ${l.a.priority})${l.a.activities.length ? `; affects ${l.a.activities.join(', ')}` : ''}`,
      });
    }
    if (g.left > 0) {
      moves.push({
        from: UNUSED,
        to: g.a.area,
        units: round(g.left),
        why: `units the plan leaves unused; ${g.a.area} weighs ${round(g.a.weight)} (risk ${g.a.risk} × priority ${g.a.priority})`,
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
