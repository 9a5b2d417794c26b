import type { Plan } from '../domain/plan.ts';
import { type AllocationText, type AreaChange, UNUSED } from './allocation-text.ts';
import { type AreaRanking, areaKey, closeAreaNames } from './area-ranking.ts';
import { locateInPlanFile } from './plan-reader.ts';
import type { AreaAllocation, AreaWeight, ResourceAllocation, ResourceMove } from './resource-allocation.ts';

// The sentences of an allocation: why each area changes, the moves, and the notes on what the
// proposal leaves out, from the figures resource-allocation.ts computes.

/** Each extra unit in the same area covers half as much risk as the one before (diminishing returns). */
export const UNIT_DECAY = 0.5;

/**
 * No area takes more than this many units of a resource: keeps the model small when a resource is
 * counted in hundreds (person-days), and beyond it a unit's cover is below 0.01% of the first's.
 */
export const MAX_STEPS = 16;

/**
 * Activities (not flagged) whose areas the proposal leaves with none of any asset they use: a
 * field office's only base, helicopter and company all moved elsewhere is the proposal's rule at
 * work, but a planner must see it said, not find it in the tables.
 */
export function strippedActivityNotes(
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
export function unmatchedAreaNotes(plan: Plan, ranking: AreaRanking, t: AllocationText): string[] {
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

/**
 * Notes on the places an activity or an office names that the event data does not hold, spelt
 * close to one it does (`dataAreas`: every admin-1 area of the country's events): the allocation
 * reads such a place as one where no civilian was targeted, and moves its units away for it (plan
 * probe: "Haut-Kotto" read as risk 0, where Haute-Kotto had 21 events).
 */
export function unknownPlaceNotes(plan: Plan, dataAreas: readonly string[], t: AllocationText): string[] {
  const keys = new Set(dataAreas.map(areaKey));
  const notes: string[] = [];
  const say = (path: (string | number)[], owner: string, area: string) => {
    if (keys.has(areaKey(area))) return;
    // Only a near miss of an area the data holds: a place with no event at all may simply have
    // been quiet, and risk 0 is then what the data says.
    const close = closeAreaNames(area, dataAreas);
    if (!close.length) return;
    const at = locateInPlanFile(plan, path);
    notes.push(t.notes.placeUnknown({ place: at.place, owner, area, close }));
  };
  for (const [i, o] of plan.offices.entries())
    for (const [j, area] of o.areas.entries()) say(['offices', i, 'areas', j], o.id, area);
  for (const [i, a] of plan.activities.entries())
    for (const [j, area] of a.areas.entries()) say(['activities', i, 'areas', j], a.id, area);
  return notes;
}

/** Add, remove or keep, and how many: what the sentences of an area begin with. */
export function areaChange(current: number, proposed: number): AreaChange {
  if (proposed > current) return { kind: 'add', units: round(proposed - current) };
  if (proposed < current) return { kind: 'remove', units: round(current - proposed) };
  return { kind: 'keep', units: proposed };
}

/** An area's weight as the sentences cite it, rounded. */
export const cited = (w: AreaWeight) => ({ ...w, weight: round(w.weight) });

/**
 * Why an area with flagged activities changes: the units those activities held leave for the flag;
 * any more that leave, leave for the cover they give elsewhere, and are said apart (a probe's
 * second company in Upper Nile, not flagged, had been said to leave for the flag too).
 */
export function flaggedReason(
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

export function areaReason(t: AllocationText, w: AreaWeight, current: number, proposed: number): string {
  const c = areaChange(current, proposed);
  if (c.kind !== 'remove') return t.reason.change(c, cited(w));
  return t.reason.remove(c, cited(w), round(w.weight * UNIT_DECAY ** (Math.ceil(current) - 1)));
}

/** What the k-th unit of a resource in an area of weight w covers: each covers half the one before. */
export const unitCover = (w: number, k: number) => round(w * UNIT_DECAY ** (Math.max(1, Math.ceil(k)) - 1));

/**
 * Pairs losses with gains, heaviest gain first, so the explanation reads as moves: each says what
 * the unit covers where it goes against what it covered where it was (the marginal cover, which
 * is what the solver weighs), or that it left activities the plan check flagged.
 */
export function pairMoves(
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

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
