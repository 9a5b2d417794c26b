import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PlanEvent, rankAreas } from './area-ranking.ts';
import { readPlan } from './plan-reader.ts';
import { areaWeights } from './resource-allocation.ts';

function attacks(admin1: string, n: number, from = 0): PlanEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: from + i,
    source: 'test',
    sourceEventId: `${admin1}-${i}`,
    dateStart: '2024-03-01',
    admin1,
    actor1: 'Group',
    actor1Category: 'rebel-group',
    actor2: 'Civilians',
    actor2Category: 'civilians',
    violenceType: 'violence-against-civilians',
    civilianTargeting: true,
    fatalities: 1,
    civilianFatalities: 1,
  }));
}

describe('ranking areas by civilian-targeting events', () => {
  // A store fed by ACLED ("MOPTI", newest first) and a partner sheet ("Mopti Region") holds one
  // area under two spellings; the plan writes "Mopti".
  const events = [...attacks('MOPTI', 26), ...attacks('Mopti Region', 7, 100), ...attacks('Gao', 20, 200)];

  it('counts the spellings of one area once, under the spelling most of its events use', () => {
    const r = rankAreas(events);
    assert.deepEqual(
      r.areas.map((a) => [a.admin1, a.civilianTargetingEvents, a.fatalities, a.rank]),
      [
        ['MOPTI', 33, 33, 1],
        ['Gao', 20, 20, 2],
      ],
    );
  });

  it('gives the allocation the whole area’s risk for the plan’s spelling of it', () => {
    const plan = readPlan(
      `mission: M
country: Mali
period: { from: 2024-01-01, to: 2024-12-31 }
mandate: { tasks: [] }
concept: { objectives: [ { id: C1, text: c } ] }
strategies:
  - { id: S, kind: poc, objectives: [ { id: P1, text: p, anchors: [C1], standalone: s } ] }
activities:
  - { id: A1, text: a, objectives: [P1], component: military, areas: [Mopti], uses: { helicopters: 1 } }
resources:
  - { id: helicopters, text: h, available: 1 }
priorities:
  - { area: Mopti, priority: 3, reason: talks }
`,
      'plan.yaml',
    ).plan;
    const mopti = areaWeights(plan, rankAreas(events)).find((w) => w.area === 'MOPTI');
    assert.deepEqual([mopti?.risk, mopti?.priority, mopti?.weight], [33, 3, 99]);
  });
});
