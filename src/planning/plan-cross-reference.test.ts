import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { InvalidDocumentError } from '../sources/structured-document.ts';
import { readPlan } from './plan-reader.ts';

/** The [path, reason] of every problem readPlan refuses `text` with, in the order given. */
function refused(text: string): [string, string][] {
  try {
    readPlan(text, 'p.yaml');
  } catch (e) {
    assert.ok(e instanceof InvalidDocumentError, String(e));
    return e.problems.map((p) => [p.path, p.reason]);
  }
  assert.fail('accepted');
}
const paths = (text: string) => refused(text).map(([path]) => path);

const HEAD = `mission: M
country: Testland
period: { from: 2024-01-01, to: 2024-12-31 }
mandate: { tasks: [ { id: T1, text: t } ] }
concept: { objectives: [ { id: C1, text: c, tasks: [T1] } ] }
`;

describe('the checks between the parts of a plan whose shape is wrong', () => {
  it('reports the shape and cross-reference problems of the fixture together, in file order', () => {
    const name = 'shape-and-reference.yaml';
    const text = readFileSync(new URL(`../../test/fixtures/plans/${name}`, import.meta.url), 'utf8');
    try {
      readPlan(text, name);
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof InvalidDocumentError, String(e));
      assert.deepEqual(
        e.problems.map((p) => [p.line, p.column, p.path]),
        [
          [9, 33, 'period.to'],
          [15, 59, 'concept.objectives[0].tasks[1]'],
          [20, 54, 'strategies[0].objectives[0].anchors[1]'],
          [22, 11, 'strategies[1].kind'],
          [24, 15, 'strategies[1].objectives[0].id'],
          [29, 51, 'resources[0].available'],
          [31, 5, 'activities[0].component'],
          [35, 20, 'activities[0].uses.boats'],
          [38, 18, 'activities[1].objectives[0]'],
          [40, 13, 'activities[1].office'],
          [42, 13, 'activities[1].uses.helicopters'],
          [45, 13, 'priorities[1].area'],
          [45, 39, 'priorities[1].priority'],
        ],
      );
    }
  });

  it('calls no task unknown while a task has no readable id (it could be the one meant)', () => {
    const text = `mission: M
country: Testland
period: { from: 2024-01-01, to: 2024-12-31 }
mandate: { tasks: [ { id: T1, text: t }, { id: 7, text: u }, { id: T1, text: again } ] }
concept: { objectives: [ { id: C1, text: c, tasks: [T1, T2] } ] }
`;
    assert.deepEqual(refused(text), [
      ['mandate.tasks[1].id', 'expected string, got number 7'],
      ['mandate.tasks[2].id', 'duplicate id "T1" (already used at mandate.tasks[0])'],
    ]);
  });

  it('judges no office when the offices are not a list, but still the resources', () => {
    const text = `${HEAD}offices: { id: FO-N, level: field }
resources: [ { id: boats, available: 1 } ]
activities:
  - { id: A, text: a, objectives: [C1], component: police, office: FO-X, uses: { boats: 1, planes: 1 } }
`;
    assert.deepEqual(paths(text), ['offices', 'activities[0].uses.planes']);
  });

  it('does not judge a political link to a strategy whose kind cannot be read, and names an unreadable strategy by its place', () => {
    const strategies = (kind: string, id: string) => `${HEAD}strategies:
  - { id: S-POC, kind: poc, objectives: [ { id: P1, text: p, anchors: [C1], political: [Q1] } ] }
  - { ${id}kind: ${kind}, objectives: [ { id: Q1, text: q, anchors: [C1] } ] }
`;
    assert.deepEqual(paths(strategies('politcal', 'id: S-POL, ')), ['strategies[1].kind']);
    assert.deepEqual(refused(strategies('other', '')), [
      [
        'strategies[0].objectives[0].political[0]',
        '"Q1" belongs to strategy strategies[1] (kind other): expected the id of a political-strategy objective',
      ],
      ['strategies[1].id', 'missing required field (expected string)'],
    ]);
  });

  it('calls no objective unknown while a strategy objective has no readable id', () => {
    const text = `${HEAD}strategies:
  - { id: S, kind: poc, objectives: [ { text: p, anchors: [C9] } ] }
activities:
  - { id: A, text: a, objectives: [P1], component: police }
`;
    assert.deepEqual(paths(text), [
      'strategies[0].objectives[0].id',
      'strategies[0].objectives[0].anchors[0]',
    ]);
  });

  it('holds no resource against areas it cannot read: units in words, areas not a list', () => {
    const text = `${HEAD}offices: [ { id: FO, level: field, areas: [North, South] } ]
resources: [ { id: boats, available: 2, areas: [North] } ]
activities:
  - { id: A1, text: a, objectives: [C1], component: police, office: FO, uses: { boats: some } }
  - { id: A2, text: a, objectives: [C1], component: police, office: FO, areas: South, uses: { boats: 1 } }
  - { id: A3, text: a, objectives: [C1], component: police, office: FO, uses: { boats: 1 } }
`;
    // A2's own areas are unreadable: its office's are not taken in their place.
    assert.deepEqual(paths(text), [
      'activities[0].uses.boats',
      'activities[1].areas',
      'activities[2].uses.boats',
    ]);
    assert.match(refused(text)[0]![1], /expected number, got the text "some"/);
    assert.match(refused(text)[2]![1], /also works in South \(the areas of its office FO\)/);
  });

  it('does not compare a period whose other end is not a date', () => {
    const text = HEAD.replace('{ from: 2024-01-01, to: 2024-12-31 }', '{ from: 2024-13-01, to: 2023-12-31 }');
    assert.deepEqual(refused(text), [
      ['period.from', 'expected a real calendar day, got the text "2024-13-01"'],
    ]);
  });
});
