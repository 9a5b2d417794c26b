import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Plan } from '../domain/plan.ts';
import type { AreaRanking } from './area-ranking.ts';
import { readPlan } from './plan-reader.ts';
import { allocateResources, areaWeights, coverage } from './resource-allocation.ts';

type Solve = Parameters<typeof allocateResources>[2];
let solve: Solve;
before(async () => {
  const mod = (await import('highs')) as unknown as { default: () => Promise<{ solve: Solve }> };
  const highs = await mod.default();
  solve = (lp) => highs.solve(lp);
});

// Three areas with 10, 6 and 3 civilian-targeting events. Three boats: two now in C (X1), one in B (X2).
const RANKING: AreaRanking = {
  basis: 'events',
  measure: 'test',
  topRule: 'test',
  topCount: 3,
  areas: [
    { admin1: 'A', civilianTargetingEvents: 10, fatalities: 0, rank: 1 },
    { admin1: 'B', civilianTargetingEvents: 6, fatalities: 0, rank: 2 },
    { admin1: 'C', civilianTargetingEvents: 3, fatalities: 0, rank: 3 },
  ],
};

function plan(extra = ''): Plan {
  return readPlan(
    `mission: M
country: Testland
period: { from: 2024-01-01, to: 2024-12-31 }
mandate: { tasks: [] }
concept: { objectives: [ { id: C1, text: c } ] }
strategies:
  - { id: S, kind: poc, objectives: [ { id: P1, text: p, anchors: [C1], standalone: s } ] }
  - { id: Q, kind: political, objectives: [ { id: Q1, text: q, anchors: [C1] } ] }
activities:
  - { id: X1, text: x1, objectives: [P1], component: military, areas: [C], uses: { boats: 2 } }
  - { id: X2, text: x2, objectives: [P1], component: military, areas: [B], uses: { boats: 1 } }
${extra}`,
    'allocation.yaml',
  ).plan;
}

const placed = (r: ReturnType<typeof allocateResources>, id = 'boats') =>
  Object.fromEntries(
    r.resources
      .find((x) => x.resource === id)!
      .areas.filter((a) => a.proposed > 0)
      .map((a) => [a.area, a.proposed]),
  );

describe('resource allocation', () => {
  it('covers 1, 1/2, 1/4 … of an area’s weight with its 1st, 2nd, 3rd unit', () => {
    assert.equal(coverage(10, 0), 0);
    assert.equal(coverage(10, 2), 15);
    assert.equal(coverage(10, 1.5), 12.5);
  });

  it('moves the boats to the hand-computed optimum: two to A, one to B (10 + 5 + 6 = 21)', () => {
    // Unit values: A 10, 5, 2.5; B 6, 3; C 3, 1.5. The three largest are 10 (A), 6 (B) and 5 (A).
    const r = allocateResources(plan('resources: [ { id: boats, available: 3 } ]'), RANKING, solve);
    assert.equal(r.status, 'Optimal');
    assert.deepEqual(placed(r), { A: 2, B: 1 });
    assert.equal(r.objective.proposed, 21);
    assert.equal(r.objective.current, 10.5); // B 6 + C 3 + 1.5
    const boats = r.resources[0]!;
    assert.deepEqual(
      boats.moves.map((m) => [m.from, m.to, m.units]),
      [['C', 'A', 2]],
    );
    assert.deepEqual(boats.affectedActivities, ['X1']);
    assert.match(boats.areas.find((a) => a.area === 'C')!.reason, /^remove 2/);
    // Why, in the solver's own terms: A's second unit covers 5, more than C's second unit covered
    // (1.5), though A's weight alone (10) says nothing of the second unit.
    assert.match(
      boats.moves[0]!.why,
      /^in A the unit covers 5 \(weight 10: .*\), more than the 1\.5 it covered in C \(weight 3: /,
    );
    // X1 is left with nothing in C: a note says so (held-out probe: a field office lost its base,
    // helicopter and company without a word); X2 keeps its boat in B.
    assert.deepEqual(
      r.notes.filter((n) => n.startsWith('activity ')),
      [
        'activity X1 (C) is left with none of the assets it uses (boats): they go where more civilians were targeted; keep a minimum there by judgement if the activity must go on',
      ],
    );
  });

  it('says why units are left unplaced, and why a plan with none available removes them', () => {
    // Three areas open, at most 16 units each: 48 of 60 can be placed, 12 cannot.
    const many = allocateResources(plan('resources: [ { id: boats, available: 60 } ]'), RANKING, solve);
    assert.equal(many.resources[0]!.proposedUse, 48);
    assert.ok(
      many.notes.some((n) =>
        /^boats: 12 of 60 units left unplaced\. .*\(3 areas open to this resource\)/.test(n),
      ),
      many.notes.join('\n'),
    );
    const none = allocateResources(plan('resources: [ { id: boats, available: 0 } ]'), RANKING, solve);
    assert.deepEqual(
      none.resources[0]!.areas.map((a) => a.reason),
      [
        'remove 1: the plan makes no unit of boats available',
        'remove 2: the plan makes no unit of boats available',
      ],
    );
    assert.ok(!none.notes.some((n) => /left unplaced/.test(n)));
  });

  it('follows a planner’s priority: C at priority 5 outweighs A (15, 10, 7.5)', () => {
    const r = allocateResources(
      plan(
        'resources: [ { id: boats, available: 3 } ]\npriorities: [ { area: C, priority: 5, reason: talks venue } ]',
      ),
      RANKING,
      solve,
    );
    assert.deepEqual(placed(r), { A: 1, C: 2 });
    assert.equal(r.objective.proposed, 32.5);
    assert.match(r.resources[0]!.areas.find((a) => a.area === 'C')!.priorityReason, /talks venue/);
  });

  it('keeps a resource to the areas it can work in, and does not move a unit for no gain', () => {
    // Only B and C: values B 6, 3; C 3, 1.5. B's second unit and C's first tie at 3; the unit in C stays.
    const r = allocateResources(
      plan('resources: [ { id: boats, available: 3, areas: [B, C] } ]'),
      RANKING,
      solve,
    );
    assert.deepEqual(placed(r), { B: 2, C: 1 });
    assert.equal(r.objective.proposed, 12);
  });

  it('raises the priority of areas where political objectives are worked on', () => {
    const w = areaWeights(
      plan(
        '  - { id: X3, text: x3, objectives: [Q1], component: civilian, areas: [B] }\nresources: [ { id: boats, available: 1 } ]',
      ),
      RANKING,
    );
    const b = w.find((x) => x.area === 'B')!;
    assert.equal(b.priority, 1.5);
    assert.equal(b.weight, 9);
    assert.equal(w.find((x) => x.area === 'A')!.priority, 1);
    // An activity flagged for supporting state forces that harm civilians lends its area no
    // priority (held-out probe: its own objective earned the area a base and a helicopter).
    const flagged = areaWeights(
      plan(
        '  - { id: X3, text: x3, objectives: [Q1], component: civilian, areas: [B] }\nresources: [ { id: boats, available: 1 } ]',
      ),
      RANKING,
      'en',
      new Set(['X3']),
    );
    assert.equal(flagged.find((x) => x.area === 'B')!.priority, 1);
    // …and says so, rather than that no political activity is there (probe).
    assert.match(
      flagged.find((x) => x.area === 'B')!.priorityReason,
      /^political-strategy objective Q1 served here only by X3, flagged by the plan check .*which lends no priority$/,
    );
  });

  it('says apart the units a flag takes away and those that leave for more cover elsewhere (probe)', () => {
    // Three boats in C: two for X1 (not flagged), one for X4 (flagged); four boats in all. The flag
    // takes X4's away; one of X1's leaves too, as its second unit in C covers less than a unit in
    // A or B would: for the cover, not for the flag.
    const r = allocateResources(
      plan(
        '  - { id: X4, text: x4, objectives: [P1], component: military, areas: [C], uses: { boats: 1 } }\nresources: [ { id: boats, available: 4 } ]',
      ),
      RANKING,
      solve,
      new Set(['X4']),
    );
    const c = r.resources[0]!.areas.find((a) => a.area === 'C')!;
    assert.deepEqual([c.current, c.proposed], [3, 1]);
    assert.match(
      c.reason,
      /^remove 1: X4 flagged by the plan check .*; remove 1: risk 3 .*the last unit here covers only 1\.5/,
    );
    const fromC = r.resources[0]!.moves.filter((m) => m.from === 'C');
    assert.equal(fromC.length, 2, JSON.stringify(fromC));
    assert.match(fromC[0]!.why, /^X4 in C is flagged/);
    assert.match(fromC[1]!.why, /more than the 1\.5 it covered in C/);
  });

  it('does not say assets went elsewhere when the plan makes none available (probe)', () => {
    const none = allocateResources(plan('resources: [ { id: boats, available: 0 } ]'), RANKING, solve);
    assert.ok(!none.notes.some((n) => /left with none of the assets/.test(n)), none.notes.join('\n'));
  });

  it('matches a brute-force search on random small cases', () => {
    // Every way to put `available` (0–4) units over four areas, scored with the same coverage rule.
    const best = (weights: number[], available: number): number => {
      let top = 0;
      const go = (i: number, left: number, acc: number) => {
        if (i === weights.length) {
          top = Math.max(top, acc);
          return;
        }
        for (let u = 0; u <= left; u++) go(i + 1, left - u, acc + coverage(weights[i]!, u));
      };
      go(0, available, 0);
      return top;
    };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (risks, available) => {
          const ranking: AreaRanking = {
            basis: 'events',
            measure: 'test',
            topRule: 'test',
            topCount: 3,
            areas: risks.map((r, i) => ({
              admin1: `R${i}`,
              civilianTargetingEvents: r,
              fatalities: 0,
              rank: i + 1,
            })),
          };
          const p = plan(`resources: [ { id: boats, available: ${available} } ]`);
          p.activities = [];
          const r = allocateResources(p, ranking, solve);
          const weights = areaWeights(p, ranking).map((w) => w.weight);
          assert.ok(
            Math.abs(r.objective.proposed - best(weights, available)) < 1e-6,
            `${risks} / ${available}`,
          );
          assert.ok(r.resources[0]!.proposedUse <= available);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says which priority and which resource area it could not place, with the line and the name meant', () => {
    // "Kesa" is Kessa misspelt; "Zed" is no area with events at all.
    const p = plan(`resources:
  - { id: boats, available: 3 }
  - { id: trucks, available: 1, areas: [A, Zed] }
priorities:
  - { area: A, priority: 2 }
  - { area: Kesa, priority: 5, reason: talks venue }
`);
    const ranking: AreaRanking = {
      ...RANKING,
      areas: [...RANKING.areas, { admin1: 'Kessa', civilianTargetingEvents: 2, fatalities: 0, rank: 4 }],
    };
    const r = allocateResources(p, ranking, solve);
    assert.deepEqual(r.notes.slice(0, 2), [
      'allocation.yaml:14:44: resources[1].areas[1]: trucks may go to "Zed", but that is none of the areas with civilian-targeting events in the plan period, so no unit of it is placed there; write areas as the event data spells them (plan check names those it does not know)',
      'allocation.yaml:17:13: priorities[1].area: "Kesa" (priority 5) is none of the areas with civilian-targeting events in the plan period, so its priority places nothing (did you mean "Kessa"?); write areas as the event data spells them (plan check names those it does not know)',
    ]);
    const fr = allocateResources(p, ranking, solve, new Set(), 'fr');
    assert.match(
      fr.notes[1]!,
      /^allocation\.yaml:17:13: priorities\[1\]\.area\u00a0: «\u00a0Kesa\u00a0» \(priorité 5\) n’est aucune des zones .* \(vouliez-vous dire «\u00a0Kessa\u00a0»\u00a0\?\)\u00a0; /,
    );
    // Every area named as the ranking spells it: no such note.
    const clean = allocateResources(
      plan(
        'resources: [ { id: boats, available: 3, areas: [a, B, C] } ]\npriorities: [ { area: a, priority: 2 } ]',
      ),
      RANKING,
      solve,
    );
    assert.ok(!clean.notes.some((n) => n.includes('none of the areas')), clean.notes.join('\n'));
  });
});
