import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { InvalidDocumentError } from '../sources/structured-document.ts';
import { readPlan } from './plan-reader.ts';
import { planJsonSchema } from './plan-schema.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/plans/${name}`, import.meta.url), 'utf8');

/** The problems readPlan refuses a text with (failing the test if it accepts it). */
function problemsIn(text: string, name: string) {
  try {
    readPlan(text, name);
  } catch (e) {
    assert.ok(e instanceof InvalidDocumentError, String(e));
    return { message: e.message, problems: e.problems };
  }
  assert.fail(`${name} was accepted`);
}

const problemsOf = (name: string) => problemsIn(fixture(name), name);

describe('reading a plan file', () => {
  it('reads the clean plan with defaults filled in', () => {
    const { plan } = readPlan(fixture('clean-plan.yaml'), 'clean-plan.yaml');
    assert.equal(plan.country, 'Testland');
    assert.equal(plan.activities.length, 5);
    assert.deepEqual(plan.activities[2]!.uses, {});
    assert.equal(plan.mandate.tasks[2]!.priority, false);
  });

  it('reads the values of its fixed lists in French too (militaire, pré-emption, politique, terrain)', () => {
    const clean = fixture('clean-plan.yaml');
    const { plan: english } = readPlan(clean, 'clean-plan.yaml');
    const french = clean
      .replace(/component: military/g, 'component: militaire')
      .replace(/kind: political/g, 'kind: politique')
      .replace(/level: field/g, 'level: terrain')
      .replace(/phase: response/g, 'phase: Réponse');
    assert.notEqual(french, clean, 'the fixture uses these values');
    const { plan } = readPlan(french, 'plan-fr.yaml');
    assert.deepEqual(plan, english);
    assert.match(
      problemsIn(clean.replace(/component: military/, 'component: marine'), 'p.yaml').message,
      /component: expected one of "civilian", "military", "police"; got the text "marine"|component:.*marine/,
    );
  });

  it("reads a task's priority written as a word, in French too (oui, Non, vrai), and refuses another word", () => {
    const clean = fixture('clean-plan.yaml');
    const { plan: english } = readPlan(clean, 'clean-plan.yaml');
    const french = clean
      .replace(/priority: true/g, 'priority: oui')
      .replace('priority: false', 'priority: Non');
    const { plan } = readPlan(french, 'plan-fr.yaml');
    assert.deepEqual(plan, english);
    assert.match(
      problemsIn(clean.replace('priority: false', 'priority: peut-être'), 'p.yaml').message,
      /p\.yaml:11:\d+: mandate\.tasks\[2\]\.priority: expected true or false \(oui or non\)/,
    );
  });

  it('reads a clean plan with no field ignored, and names a misspelt field at its line with the field it resembles', () => {
    const clean = fixture('clean-plan.yaml');
    assert.deepEqual(readPlan(clean, 'clean-plan.yaml').ignored, []);
    const text = `${clean.replace('priority: true', 'priorty: true')}\npriorites: []\n`;
    const { plan, ignored } = readPlan(text, 'typo.yaml');
    // The misspelt field is not read (the task is not a priority), and the reader says so.
    assert.equal(plan.mandate.tasks[0]!.priority, false);
    assert.deepEqual(
      ignored.map((f) => [f.path, f.line, f.reason]),
      [
        ['mandate.tasks[0].priorty', 9, 'not a field Tandem reads (did you mean "priority"?)'],
        [
          'priorites',
          text.split('\n').indexOf('priorites: []') + 1,
          'not a field Tandem reads (did you mean "priorities"?)',
        ],
      ],
    );
  });

  it('names the path, line and column of an unknown id', () => {
    const { message, problems } = problemsOf('unknown-id.yaml');
    assert.deepEqual(problems, [
      {
        path: 'strategies[0].objectives[1].anchors[1]',
        line: 17,
        column: 23,
        reason: 'unknown id "C9": expected a concept objective id',
      },
    ]);
    assert.match(message, /unknown-id\.yaml:17:23: strategies\[0\]\.objectives\[1\]\.anchors\[1\]/);
  });

  it('names what was expected when a value has the wrong type', () => {
    const { problems } = problemsOf('wrong-type.yaml');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, 'resources[0].available');
    assert.equal(problems[0]!.line, 13);
    assert.match(problems[0]!.reason, /expected number, got the text "two"/);
  });

  it('points a missing field at the record that lacks it, and still names an unknown office below it', () => {
    const { problems } = problemsOf('missing-field.yaml');
    assert.deepEqual(
      problems.map((p) => [p.path, p.line, p.column]),
      [
        ['activities[0].component', 16, 5],
        ['activities[0].office', 19, 13],
      ],
    );
    assert.match(problems[0]!.reason, /missing required field/);
    assert.equal(problems[1]!.reason, 'unknown id "nowhere": expected an office id');
  });

  it('reports a YAML syntax error with its line', () => {
    const { problems } = problemsOf('not-yaml.yaml');
    assert.ok(problems[0]!.line >= 2 && problems[0]!.line <= 3, String(problems[0]!.line));
  });

  it('reads JSON too, and refuses a POC objective given as a political aim', () => {
    const { problems } = problemsOf('wrong-political-link.json');
    assert.equal(problems[0]!.path, 'strategies[0].objectives[0].political[0]');
    assert.equal(problems[0]!.line, 12);
    assert.match(problems[0]!.reason, /expected the id of a political-strategy objective/);
  });

  it('refuses a date that is not a calendar day', () => {
    const text =
      'mission: M\ncountry: X\nperiod: { from: 2024-02-30, to: 2024-12-31 }\nmandate: {}\nconcept: {}\n';
    assert.throws(
      () => readPlan(text, 'p.yaml'),
      (e) =>
        e instanceof InvalidDocumentError &&
        /p\.yaml:3:17: period\.from: expected a real calendar day/.test(e.message),
    );
  });

  it('says once that a date is not written YYYY-MM-DD (not also that it is no calendar day)', () => {
    const text =
      'mission: M\ncountry: X\nperiod: { from: 01/01/2024, to: 2024-12-31 }\nmandate: {}\nconcept: {}\n';
    assert.throws(
      () => readPlan(text, 'p.yaml'),
      (e) =>
        e instanceof InvalidDocumentError &&
        e.problems.length === 1 &&
        /^p\.yaml is not valid:\n {2}p\.yaml:3:17: period\.from: expected a date written YYYY-MM-DD, got the text "01\/01\/2024"$/.test(
          e.message,
        ),
    );
  });

  it('reads areas of responsibility, and refuses an empty one or a repeated name with its line', () => {
    const head = `mission: M
country: X
period: { from: 2024-01-01, to: 2024-12-31 }
mandate: { tasks: [] }
concept: { objectives: [] }
areasOfResponsibility:
`;
    const { plan } = readPlan(
      `${head}  - { id: N, name: Sector North, areas: [Unity, Upper Nile] }
  - { id: S, name: Sector South, admin2: [ { admin1: Jonglei, admin2: Bor South } ] }
`,
      'p.yaml',
    );
    assert.deepEqual(plan.areasOfResponsibility, [
      { id: 'N', name: 'Sector North', areas: ['Unity', 'Upper Nile'], admin2: [] },
      { id: 'S', name: 'Sector South', areas: [], admin2: [{ admin1: 'Jonglei', admin2: 'Bor South' }] },
    ]);
    try {
      readPlan(
        `${head}  - { id: N, name: Sector North, areas: [Unity] }
  - { id: E, name: Sector North, areas: [Lakes] }
  - { id: W, name: Sector West }
`,
        'p.yaml',
      );
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof InvalidDocumentError);
      // The empty area (a shape problem) and the repeated name (a tie between parts) together.
      assert.deepEqual(
        e.problems.map((p) => [p.path, p.line]),
        [
          ['areasOfResponsibility[1].name', 8],
          ['areasOfResponsibility[2]', 9],
        ],
      );
      assert.match(e.problems[0]!.reason, /duplicate name "Sector North"/);
      assert.match(e.problems[1]!.reason, /at least one admin1 area/);
    }
    try {
      readPlan(
        `${head}  - { id: N, name: Sector North, areas: [Unity] }
  - { id: E, name: Sector North, areas: [Lakes] }
`,
        'p.yaml',
      );
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof InvalidDocumentError);
      assert.deepEqual(
        e.problems.map((p) => [p.path, p.line]),
        [['areasOfResponsibility[1].name', 8]],
      );
      assert.match(e.problems[0]!.reason, /duplicate name "Sector North"/);
    }
  });

  it('refuses a fraction of a unit available, which the allocation would have rounded down without a word (probe)', () => {
    const text = `mission: M
country: X
period: { from: 2024-01-01, to: 2024-12-31 }
mandate: {}
concept: {}
resources: [ { id: qrf, available: 2.5 } ]
`;
    try {
      readPlan(text, 'p.yaml');
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof InvalidDocumentError);
      assert.equal(e.problems[0]!.path, 'resources[0].available');
      assert.equal(e.problems[0]!.line, 6);
      assert.match(e.problems[0]!.reason, /^expected a whole number of units .*, got number 2\.5$/);
    }
  });

  it('reports every problem at once, in file order: duplicate ids, unknown offices and resources, a reversed period', () => {
    const text = `mission: M
country: X
period: { from: 2024-12-31, to: 2024-01-01 }
mandate: { tasks: [ { id: T1, text: t } ] }
concept: { objectives: [ { id: T1, text: c, tasks: [T1] } ] }
resources: [ { id: r, available: 1 } ]
activities:
  - { id: A, text: a, objectives: [], component: police, office: FO-9, uses: { r: 1, boats: 2 } }
`;
    try {
      readPlan(text, 'p.yaml');
      assert.fail('accepted');
    } catch (e) {
      assert.ok(e instanceof InvalidDocumentError);
      const got = e.problems.map((p) => [p.path, p.line]);
      assert.deepEqual(got, [
        ['period.to', 3],
        ['concept.objectives[0].id', 5],
        ['activities[0].office', 8],
        ['activities[0].uses.boats', 8],
      ]);
      assert.match(e.problems[1]!.reason, /duplicate id "T1"/);
      assert.match(e.problems[3]!.reason, /unknown id "boats": expected a resource id/);
    }
  });

  it('refuses a file that is not UTF-8 at the line and column of its first unreadable byte', () => {
    // What readFileSync(…, 'utf8') gives for a plan saved as Latin-1: "é" (0xE9) becomes U+FFFD.
    const latin1 = Buffer.from(
      fixture('clean-plan.yaml').replace('(fictional)\n', '(fictional, intégrée)\n'),
      'latin1',
    ).toString('utf8');
    const { message, problems } = problemsIn(latin1, 'latin1.yaml');
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0]!.line, problems[0]!.column], [3, 50]);
    assert.match(message, /latin1\.yaml:3:50: the file is not UTF-8: .*save it as UTF-8/);
  });

  it('refuses two priorities for one area, also when the names differ only in case, accents or "Province"', () => {
    const twice = `${fixture('clean-plan.yaml')}
priorities:
  - { area: North, priority: 2 }
  - { area: South, priority: 1 }
  - { area: north province, priority: 0.5, reason: again }
`;
    const { problems } = problemsIn(twice, 'twice.yaml');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, 'priorities[2].area');
    assert.match(
      problems[0]!.reason,
      /duplicate priority for area "north province" \(already given at priorities\[0\] as "North"\)/,
    );
  });

  it('refuses an activity that uses a resource outside the areas the resource can work in', () => {
    const limited = fixture('clean-plan.yaml').replace(
      '{ id: helicopters, text: utility helicopters, available: 2 }',
      '{ id: helicopters, text: utility helicopters, available: 2, areas: [north, Centre] }',
    );
    const outside = problemsIn(limited, 'limited.yaml').problems;
    // A1 works in North (named "north" by the resource: the same area); A2 in East.
    assert.deepEqual(
      outside.map((p) => p.path),
      ['activities[1].uses.helicopters'],
    );
    assert.match(
      outside[0]!.reason,
      /resource "helicopters" can only work in north, Centre \(resources\[0\]\.areas\), but this activity works in East/,
    );
    // An activity with no areas of its own works in its office's.
    const byOffice = limited
      .replace(
        '{ id: helicopters, text: utility helicopters, available: 2, areas: [north, Centre] }',
        '{ id: helicopters, text: utility helicopters, available: 2, areas: [North] }',
      )
      .replace('uses: { helicopters: 1, teams: 1 } }\n  - { id: A2', 'uses: { teams: 1 } }\n  - { id: A2')
      .replace('phase: pre-emption, areas: [East], kind: patrol', 'phase: pre-emption, kind: patrol');
    const viaOffice = problemsIn(byOffice, 'by-office.yaml').problems;
    assert.equal(viaOffice.length, 1);
    assert.match(viaOffice[0]!.reason, /works in East, West \(the areas of its office FO-E\)/);
  });

  it('publishes the same JSON Schema as the reader enforces (regenerate: npx tandem plan schema > schema/plan.schema.json)', () => {
    const published = JSON.parse(
      readFileSync(new URL('../../schema/plan.schema.json', import.meta.url), 'utf8'),
    );
    assert.deepEqual(published, planJsonSchema());
  });

  it('reads the documented example plans', () => {
    for (const name of ['unsmo-plan.yaml', 'unsmo-plan-clean.yaml']) {
      const text = readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
      assert.ok(readPlan(text, name).plan.activities.length > 0, name);
    }
  });
});
