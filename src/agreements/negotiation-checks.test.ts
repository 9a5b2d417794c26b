import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { InvalidDocumentError } from '../sources/structured-document.ts';
import { NEGOTIATION_CHECK_TEXT } from './negotiation-check-text.ts';
import {
  addDays,
  binomialUpperTail,
  inclusion,
  type NegotiationEvent,
  testEscalation,
} from './negotiation-checks.ts';
import { readNegotiationProcess } from './negotiation-process.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/negotiations/${name}`, import.meta.url), 'utf8');

const PROCESS = readNegotiationProcess(
  `process: T
country: Testland
parties:
  - { id: GOV, name: Government, actors: [Army of Testland] }
  - { id: REB, name: Rebels, actors: [Rebels of Testland, Rebel splinter] }
rounds:
  - { id: R1, start: 2024-07-01, end: 2024-07-03, delegations: { GOV: { women: 3, men: 7 }, REB: { women: 1, men: 4, other: 1 } } }
quota: { women: 0.3 }
`,
  't.yaml',
);

let n = 0;
function ev(
  date: string,
  actor1: string,
  actor2 = 'Civilians (Testland)',
  violenceType = 'battles',
): NegotiationEvent {
  n++;
  return {
    id: n,
    source: 'acled',
    sourceEventId: `E${n}`,
    dateStart: date,
    admin1: 'North',
    actor1,
    actor2,
    violenceType,
    fatalities: 1,
  };
}

describe('pre-talks escalation', () => {
  it('counts a window the data ends inside over the days it covers, and does not test one it mostly misses', () => {
    // Window 2024-06-01..2024-06-30; the data ends on 20 June: 20 of its 30 days are covered.
    const events = [
      ev('2024-06-05', 'Army of Testland'),
      ev('2024-06-10', 'Army of Testland'),
      ev('2024-06-20', 'Army of Testland'),
    ];
    for (let d = 0; d < 9; d++) events.push(ev(addDays('2024-01-01', d * 15), 'Army of Testland'));
    const gov = (dataTo: string) =>
      testEscalation(PROCESS, events, undefined, 'en', '2023-01-01', dataTo).tests.find(
        (t) => t.party === 'GOV',
      )!;
    const partly = gov('2024-06-20');
    assert.equal(partly.testable, true);
    // Nine baseline events over 180 days: 1 expected in 20 covered days, not 1.5 in 30.
    assert.equal(partly.baseline, 1);
    const mostlyMissed = gov('2024-06-10');
    assert.equal(mostlyMissed.testable, false);
    assert.equal(mostlyMissed.significant, false);
  });

  it("counts a party's baseline from the first event of the sources its events come from, not another source's (DRC probe)", () => {
    // ACLED from 1 January 2024, GED for 2023 with other actors only: the army's quiet 2023 is
    // no baseline, the data naming it having begun in 2024. Window 2024-06-01..30.
    const events = [
      ev('2024-01-05', 'Army of Testland'),
      ev('2024-03-05', 'Army of Testland'),
      ...Array.from({ length: 8 }, (_, i) => ev(addDays('2024-06-01', i * 3), 'Army of Testland')),
    ];
    const coverage = new Map([
      ['acled', { from: '2024-01-01', to: '2024-12-31' }],
      ['ucdp', { from: '2023-01-01', to: '2023-12-31' }],
    ]);
    const gov = (bySource?: typeof coverage) =>
      testEscalation(PROCESS, events, undefined, 'en', '2023-01-01', '2024-12-31', [], bySource).tests.find(
        (t) => t.party === 'GOV',
      )!;
    const perSource = gov(coverage);
    assert.equal(perSource.baselineStart, '2024-01-01');
    assert.equal(perSource.baselineDays, 152);
    // Over the whole store the baseline reached back into 2023, a year with no ACLED at all.
    assert.equal(gov().baselineStart, '2023-12-04');
    assert.ok(perSource.baseline > gov().baseline, `${perSource.baseline} against ${gov().baseline}`);
  });

  it('does not test a party that names no actor: 0 against 0 is no finding', () => {
    const process = readNegotiationProcess(
      'process: T\ncountry: Testland\nparties:\n  - { id: CS, name: Civil society, actors: [] }\nrounds:\n  - { id: R1, start: 2024-07-01, end: 2024-07-03 }\n',
      't.yaml',
    );
    assert.deepEqual(
      testEscalation(process, [], undefined, 'en', '2023-01-01').tests.map((t) => [t.party, t.testable]),
      [['CS', false]],
    );
  });

  it('does not test a party none of whose actors the data knows (a misspelt name read as a calm party, p = 1)', () => {
    const events = [ev('2024-06-05', 'Army of Testland'), ev('2024-03-05', 'Army of Testland')];
    const tests = testEscalation(PROCESS, events, undefined, 'en', '2023-01-01', null, [
      'Rebels of Testland',
      'Rebel splinter',
    ]).tests;
    assert.deepEqual(
      tests.map((t) => [t.party, t.testable]),
      [
        ['GOV', true],
        ['REB', false],
      ],
    );
    // One actor the data knows is enough.
    assert.ok(
      testEscalation(PROCESS, events, undefined, 'en', '2023-01-01', null, ['Rebel splinter']).tests.every(
        (t) => t.testable,
      ),
    );
  });

  it('computes the binomial tail exactly on small cases and stays finite on large ones', () => {
    assert.ok(Math.abs(binomialUpperTail(2, 2, 1 / 7) - 1 / 49) < 1e-12);
    assert.ok(Math.abs(binomialUpperTail(1, 3, 0.5) - 7 / 8) < 1e-12);
    assert.equal(binomialUpperTail(0, 5, 0.3), 1);
    // Hand value from Python (sum of exact binomial terms): 79 of 98 events in the window at p = 1/7.
    const p = binomialUpperTail(79, 98, 1 / 7);
    assert.ok(Math.abs(p / 8.325208168600795e-49 - 1) < 1e-9, String(p));
  });

  it('counts the 30 days before the round as the window and the 180 before that as the baseline', () => {
    // Window: 2024-06-01..2024-06-30; baseline: 2023-12-04..2024-05-31.
    assert.equal(addDays('2024-07-01', -30), '2024-06-01');
    assert.equal(addDays('2024-06-01', -180), '2023-12-04');
    const events = [
      ev('2024-06-01', 'Army of Testland'), // first day of the window
      ev('2024-06-30', 'Rebels of Testland', 'Army of Testland'), // last day, the army as actor 2
      ev('2024-06-15', 'Army of Testland'),
      ev('2024-06-16', 'Army of Testland', 'x', 'protests'), // not violence: not counted
      ev('2024-07-01', 'Army of Testland'), // the round's first day: not counted
      ev('2024-05-31', 'Army of Testland'), // last day of the baseline
      ev('2023-12-04', 'Army of Testland'), // first day of the baseline
      ev('2023-12-03', 'Army of Testland'), // before the baseline: not counted
    ];
    const { tests, alerts } = testEscalation(PROCESS, events);
    const gov = tests.find((t) => t.party === 'GOV')!;
    assert.equal(gov.before, 3);
    assert.equal(gov.baselineEvents, 2);
    assert.equal(gov.baseline, 0.333); // 2 events × 30 / 180
    assert.equal(gov.ratio, 9);
    // P(X ≥ 3 | Binomial(5, 1/7)), by hand: 10·(1/7)³(6/7)² + 5·(1/7)⁴(6/7) + (1/7)⁵ = (360 + 30 + 1) / 16807.
    assert.ok(Math.abs(gov.pValue - 391 / 16807) < 1e-12);
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.party, 'GOV');
    assert.deepEqual(
      alerts[0]!.evidence.map((e) => e.date),
      ['2024-06-01', '2024-06-15', '2024-06-30'],
    );
    const reb = tests.find((t) => t.party === 'REB')!;
    assert.equal(reb.before, 1);
    assert.equal(reb.significant, false);
  });

  it('counts violence a party perpetrates, not violence it suffers, and says how it took part', () => {
    const events = [
      ev('2024-06-02', 'Army of Testland', 'Civilians (Testland)', 'violence-against-civilians'),
      ev('2024-06-03', 'Army of Testland', 'Rebels of Testland', 'explosions-remote-violence'),
      ev('2024-06-04', 'Rebels of Testland', 'Army of Testland', 'battles'),
      // The army attacked: the rebels suffered these, and they are not the rebels' violence.
      ev('2024-06-05', 'Army of Testland', 'Rebels of Testland', 'violence-against-civilians'),
      ev('2024-06-06', 'Army of Testland', 'Rebels of Testland', 'explosions-remote-violence'),
    ];
    const { tests, alerts } = testEscalation(PROCESS, events);
    assert.equal(tests.find((t) => t.party === 'GOV')!.before, 5);
    assert.equal(tests.find((t) => t.party === 'REB')!.before, 1);
    const gov = alerts.find((a) => a.party === 'GOV')!;
    assert.deepEqual(
      gov.evidence.map((e) => e.as),
      ['actor-1', 'actor-1', 'battle-side', 'actor-1', 'actor-1'],
    );
    assert.match(
      gov.message,
      /perpetrated 5 violent events \(4 as actor 1 of an attack, 1 as a side in battles/,
    );
  });

  it('counts a party acting with a side (an associated actor), but not one named with its victims', () => {
    const withRebels = (e: NegotiationEvent, first: string[], second: string[] = []) => ({
      ...e,
      actor1Associated: first,
      actor2Associated: second,
    });
    const events = [
      // The army fights beside the rebels' enemy, a militia: a side in a battle.
      withRebels(ev('2024-06-02', 'Militia X', 'Rebels of Testland', 'battles'), [], ['Army of Testland']),
      // The army attacks civilians beside the militia: it acts with actor 1.
      withRebels(ev('2024-06-03', 'Militia X', 'Civilians (Testland)', 'violence-against-civilians'), [
        'Army of Testland',
      ]),
      // The army named with the victims of an attack did not perpetrate it.
      withRebels(
        ev('2024-06-04', 'Militia X', 'Civilians (Testland)', 'violence-against-civilians'),
        [],
        ['Army of Testland'],
      ),
      ev('2024-06-05', 'Army of Testland', 'Civilians (Testland)', 'violence-against-civilians'),
    ];
    const { tests, alerts } = testEscalation(PROCESS, events);
    assert.equal(tests.find((t) => t.party === 'GOV')!.before, 3);
    const gov = alerts.find((a) => a.party === 'GOV')!;
    assert.deepEqual(
      gov.evidence.map((e) => e.as),
      ['battle-side', 'associated', 'actor-1'],
    );
    assert.match(
      gov.message,
      /\(1 as actor 1 of an attack, 1 acting with actor 1 of an attack, 1 as a side in battles;/,
    );
  });

  it('counts the baseline from the first stored event, and does not test a round the data barely reaches', () => {
    // Window 2024-06-01..2024-06-30. Five army events in it, one in May.
    const events = [
      ...['02', '05', '09', '14', '20'].map((d) => ev(`2024-06-${d}`, 'Army of Testland')),
      ev('2024-05-20', 'Army of Testland'),
    ];
    // Data from 2024-05-02: a 30-day baseline, as long as the window: tested on it.
    const from = testEscalation(PROCESS, events, undefined, 'en', '2024-05-02').tests.find(
      (t) => t.party === 'GOV',
    )!;
    assert.deepEqual(
      [from.baselineStart, from.baselineDays, from.baselineEvents, from.baseline, from.testable],
      ['2024-05-02', 30, 1, 1, true],
    );
    // P(X ≥ 5 | Binomial(6, 1/2)) = 7/64.
    assert.ok(Math.abs(from.pValue - 7 / 64) < 1e-12);
    // Data from 2024-05-20: 12 days before the window, too few to say what is usual.
    const late = testEscalation(PROCESS, events, undefined, 'en', '2024-05-20');
    const gov = late.tests.find((t) => t.party === 'GOV')!;
    assert.deepEqual([gov.baselineDays, gov.testable, gov.significant, gov.pValue], [12, false, false, 1]);
    assert.equal(late.alerts.length, 0);
    // Without the store's first day the empty 180 days would make the five an alert.
    assert.equal(testEscalation(PROCESS, events).alerts.length, 1);
  });

  it('does not alert on a party whose violence held steady, nor on fewer events than the minimum', () => {
    const steady = [];
    for (let m = 0; m < 7; m++) {
      const month = addDays('2023-12-10', m * 30);
      steady.push(ev(month, 'Rebels of Testland'), ev(addDays(month, 10), 'Rebel splinter'));
    }
    const { tests, alerts } = testEscalation(PROCESS, steady);
    assert.equal(alerts.length, 0);
    assert.equal(tests.find((t) => t.party === 'REB')!.baselineEvents, 12);
    const two = [ev('2024-06-10', 'Army of Testland'), ev('2024-06-11', 'Army of Testland')];
    assert.equal(testEscalation(PROCESS, two).alerts.length, 0);
    assert.equal(
      testEscalation(PROCESS, two, { windowDays: 30, baselineDays: 180, alpha: 0.05, minEvents: 2 }).alerts
        .length,
      1,
    );
  });
});

describe('delegation inclusion', () => {
  it('compares women’s share of each delegation to the quota, counting other members in the total', () => {
    assert.deepEqual(inclusion(PROCESS), [
      { round: 'R1', party: 'GOV', women: 3, total: 10, share: 0.3, quota: 0.3, meetsQuota: true },
      { round: 'R1', party: 'REB', women: 1, total: 6, share: 0.167, quota: 0.3, meetsQuota: false },
    ]);
  });

  it('judges no quota for a delegation of no one (0 of 0)', () => {
    const p = readNegotiationProcess(
      `process: T
country: Testland
parties:
  - { id: GOV, name: Government, actors: [Army of Testland] }
rounds:
  - { id: R1, start: 2024-07-01, end: 2024-07-03, delegations: { GOV: { women: 0, men: 0 } } }
quota: { women: 0.3 }
`,
      't.yaml',
    );
    assert.deepEqual(inclusion(p), [
      { round: 'R1', party: 'GOV', women: 0, total: 0, share: null, quota: 0.3, meetsQuota: null },
    ]);
  });

  it('counts members listed one by one', () => {
    const p = readNegotiationProcess(fixture('hand-checked-talks.yaml'), 'hand-checked-talks.yaml');
    const io = inclusion(p).find((r) => r.round === 'R1' && r.party === 'IO')!;
    assert.deepEqual([io.women, io.total, io.meetsQuota], [2, 3, true]);
  });
});

describe('reading a process file', () => {
  const problems = (name: string) => {
    try {
      readNegotiationProcess(fixture(name), name);
    } catch (e) {
      assert.ok(e instanceof InvalidDocumentError);
      return e.problems;
    }
    assert.fail(`${name} accepted`);
  };

  const talks = (delegation: string) => `process: T
country: Testland
parties:
  - { id: GOV, name: Government, actors: [Army of Testland] }
rounds:
  - id: R1
    start: 2024-07-01
    end: 2024-07-03
    delegations:
      GOV: ${delegation}
quota: { women: 0.3 }
`;
  const refused = (text: string) => {
    try {
      readNegotiationProcess(text, 'talks.yaml');
    } catch (e) {
      assert.ok(e instanceof InvalidDocumentError, String(e));
      return e.problems;
    }
    assert.fail('accepted');
  };

  it('refuses a delegation whose counts and list of members disagree, naming the delegation', () => {
    const [p, ...more] = refused(talks('{ women: 2, men: 8, members: [{ gender: woman }] }'));
    assert.equal(more.length, 0);
    assert.deepEqual([p!.path, p!.line], ['rounds[0].delegations.GOV', 10]);
    assert.match(
      p!.reason,
      /both counts and a list of members are given, and they disagree \(counts women: 2, men: 8; the 1 member\(s\) listed give women: 1, men: 0\)/,
    );
  });

  it('reads a delegation whose counts agree with its list of members', () => {
    const p = readNegotiationProcess(
      talks('{ women: 1, men: 1, members: [{ gender: woman }, { gender: man }] }'),
      'talks.yaml',
    );
    assert.deepEqual(inclusion(p)[0]!.women, 1);
    assert.deepEqual(inclusion(p)[0]!.total, 2);
  });

  it('reads a gender in any case, and still refuses one that is not a gender', () => {
    const p = readNegotiationProcess(
      talks('{ members: [{ gender: Woman }, { gender: " MAN " }, { gender: Other }] }'),
      'talks.yaml',
    );
    assert.deepEqual(
      p.rounds[0]!.delegations.GOV!.members.map((m) => m.gender),
      ['woman', 'man', 'other'],
    );
    const [bad] = refused(talks('{ members: [{ gender: female }] }'));
    assert.equal(bad!.path, 'rounds[0].delegations.GOV.members[0].gender');
  });

  it('refuses a file that is not UTF-8, naming the line of the first unreadable byte', () => {
    const latin1 = Buffer.from(
      talks('{ women: 1, men: 1 }').replace('Government', 'Gouvernement de la République'),
      'latin1',
    ).toString('utf8');
    const [p] = refused(latin1);
    assert.deepEqual([p!.line, p!.column], [4, 42]);
    assert.match(p!.reason, /the file is not UTF-8.*save it as UTF-8/);
  });

  it('refuses a delegation of a party that is not declared, naming its line', () => {
    assert.deepEqual(problems('unknown-party.yaml'), [
      {
        path: 'rounds[0].delegations.REB',
        line: 11,
        column: 7,
        reason: 'unknown party "REB": expected one of GOV',
      },
    ]);
  });

  it('refuses a count written in words', () => {
    const [p] = problems('wrong-type.yaml');
    assert.equal(p!.path, 'rounds[0].delegations.GOV.women');
    assert.equal(p!.line, 6);
    assert.match(p!.reason, /expected number, got the text "three"/);
  });

  it('refuses a round with no start date', () => {
    const [p] = problems('missing-field.yaml');
    assert.deepEqual([p!.path, p!.line], ['rounds[0].start', 6]);
    assert.match(p!.reason, /missing required field/);
  });
});

describe('notes on a process file', () => {
  it('a round with no delegation for a party names the round once and the party by name and id', () => {
    const { en, fr } = NEGOTIATION_CHECK_TEXT;
    assert.equal(
      en.notes.noDelegation('round-1', ['Kessa Liberation Front (klf)']),
      'round-1: no delegation recorded for Kessa Liberation Front (klf)',
    );
    assert.equal(en.notes.noDelegation('R2', ['GOV']), 'round R2: no delegation recorded for GOV');
    assert.match(
      fr.notes.noDelegation('R2', ['GOV']),
      /^cycle R2\s: aucune délégation enregistrée pour GOV$/u,
    );
  });
});
