import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { Finding } from '../domain/plan.ts';
import { type PlanEvent, rankAreasByThreats } from './area-ranking.ts';
import { loadMitigations } from './mitigation-catalog.ts';
import { checkPlanAgainst, type PlanEvidence } from './plan-checks.ts';
import { readPlan } from './plan-reader.ts';

const CLEAN = readFileSync(new URL('../../test/fixtures/plans/clean-plan.yaml', import.meta.url), 'utf8');

const ARMY = 'Army of Testland';
let nextId = 1;
function vac(admin1: string, date: string, actor1: string, category: string, fatalities = 1): PlanEvent {
  const id = nextId++;
  return {
    id,
    source: 'acled',
    sourceEventId: `TST${id}`,
    dateStart: date,
    admin1,
    actor1,
    actor1Category: category,
    actor2: 'Civilians (Testland)',
    actor2Category: 'civilians',
    violenceType: 'violence-against-civilians',
    civilianTargeting: true,
    fatalities,
    civilianFatalities: null,
  };
}
function many(n: number, admin1: string, actor: string, category: string): PlanEvent[] {
  return Array.from({ length: n }, (_, i) => vac(admin1, `2024-0${1 + (i % 9)}-1${i % 10}`, actor, category));
}

// North 13 (3 by the army), East 8, South 6, Centre 2, West 1 civilian-targeting events in 2024;
// the army's only abuse in West is on 2022-12-31, a day before the one-year look-back.
const BASE_EVENTS: PlanEvent[] = [
  ...many(10, 'North', 'Rebels of Testland', 'rebel-group'),
  ...many(3, 'North', ARMY, 'state-forces'),
  ...many(8, 'East', 'Rebels of Testland', 'rebel-group'),
  ...many(6, 'South', 'South Militia', 'identity-militia'),
  ...many(2, 'Centre', 'Unknown gunmen', 'political-militia'),
  ...many(1, 'West', 'Rebels of Testland', 'rebel-group'),
  vac('West', '2022-12-31', ARMY, 'state-forces'),
];

function evidence(events: PlanEvent[] = BASE_EVENTS): PlanEvidence {
  return {
    events,
    stateActors: new Set([ARMY]),
    dataAreas: ['Centre', 'East', 'North', 'South', 'West'],
  };
}

// biome-ignore lint/suspicious/noExplicitAny: variants edit the parsed YAML freely, as a planner edits the file
type Doc = Record<string, any>;
function check(change: (doc: Doc) => void = () => {}, events?: PlanEvent[]): Finding[] {
  const doc = parse(CLEAN) as Doc;
  change(doc);
  const { plan } = readPlan(JSON.stringify(doc, null, 2), 'variant.json');
  return checkPlanAgainst(plan, evidence(events), loadMitigations()).findings;
}
const keys = (fs: Finding[]) => fs.map((f) => `${f.kind} ${f.subject}`).sort();
const activity = (doc: Doc, id: string) => doc.activities.find((a: Doc) => a.id === id);
const objective = (doc: Doc, id: string) =>
  doc.strategies.flatMap((s: Doc) => s.objectives).find((o: Doc) => o.id === id);

describe('plan checks', () => {
  it('find nothing wrong with a clean plan, even with state forces abusing civilians elsewhere', () => {
    assert.deepEqual(keys(check()), []);
  });

  it('flag a strategy objective anchored in no concept objective, and the field work that serves it', () => {
    const found = check((d) => {
      objective(d, 'Q2').anchors = [];
    });
    assert.deepEqual(keys(found), ['local-national-disconnect A4', 'unanchored-objective Q2']);
    assert.equal(found[0]!.evidence[0]!.type, 'plan');
  });

  it('flag a POC objective with neither a political aim nor a standalone reason', () => {
    const found = check((d) => {
      delete objective(d, 'P2').standalone;
    });
    assert.deepEqual(keys(found), ['no-political-link P2']);
  });

  it('flag a priority task that no concept objective carries, but not a task that is not a priority', () => {
    const found = check((d) => {
      d.mandate.tasks.push({ id: 'T-MINE', text: 'Mine action', priority: true });
      d.mandate.tasks.push({ id: 'T-OTHER', text: 'Something else', priority: false });
    });
    assert.deepEqual(keys(found), ['uncovered-priority-task T-MINE']);
  });

  it('flag a priority task whose objectives have no activity', () => {
    const found = check((d) => {
      d.activities = d.activities.filter((a: Doc) => a.id !== 'A3' && a.id !== 'A4');
      objective(d, 'P1').political = [];
      objective(d, 'P1').standalone = 'imminent threat';
    });
    assert.deepEqual(keys(found), ['uncovered-priority-task T-POL']);
    assert.match(found[0]!.message, /Q1, Q2 serve it, but no activity does/);
  });

  it('count protection work that serves a political objective toward that objective’s task, and note idle objectives', () => {
    const doc = parse(CLEAN) as Doc;
    doc.activities = doc.activities.filter((a: Doc) => a.id !== 'A3' && a.id !== 'A4');
    const { plan } = readPlan(JSON.stringify(doc), 'v.json');
    const result = checkPlanAgainst(plan, evidence(), loadMitigations());
    assert.deepEqual(keys(result.findings), []);
    assert.deepEqual(result.notes, ['strategy objectives that no activity serves: Q1, Q2']);
  });

  it('name the provinces and districts of an area of responsibility the event data does not know', () => {
    const text = `${CLEAN.trimEnd()}
areasOfResponsibility:
  - { id: S1, name: Sector North, areas: [Nrth, East] }
  - { id: S2, name: Sector South, areas: [South], admin2: [{ admin1: West, admin2: Benni }, { admin1: West, admin2: Port }] }
`;
    const { plan } = readPlan(text, 'plan.yaml');
    const notes = checkPlanAgainst(
      plan,
      { ...evidence(), dataAdmin2: new Map([['West', ['Beni', 'Port']]]) },
      loadMitigations(),
    ).notes;
    assert.equal(notes.length, 1, notes.join('\n'));
    assert.match(notes[0]!, /areasOfResponsibility\[0\]\.areas\[0\]: "Nrth" \(did you mean "North"\?\)/);
    assert.match(
      notes[0]!,
      /areasOfResponsibility\[1\]\.admin2\[0\]\.admin2: "Benni" \(did you mean "Beni"\?\)/,
    );
    assert.doesNotMatch(notes[0]!, /"Port"|"East"|"South"/);
  });

  it('name each area the event data does not know at its line, with the data’s name meant', () => {
    const text = CLEAN.replace('areas: [East, West] }', 'areas: [East, Wset] }').replace(
      'areas: [South], kind: early-warning',
      'areas: [Nowhere], kind: early-warning',
    );
    const { plan } = readPlan(text, 'plan.yaml');
    const notes = checkPlanAgainst(plan, evidence(), loadMitigations()).notes;
    assert.deepEqual(notes, [
      'areas not found in the event data for Testland (no evidence can be matched to them): plan.yaml:30:45: offices[2].areas[1]: "Wset" (did you mean "West"?); plan.yaml:39:136: activities[4].areas[0]: "Nowhere"',
    ]);
    const fr = checkPlanAgainst(plan, evidence(), loadMitigations(), 'fr').notes;
    assert.match(
      fr[0]!,
      /\u00a0: plan\.yaml:30:45: offices\[2\]\.areas\[1\]\u00a0: «\u00a0Wset\u00a0» \(vouliez-vous dire «\u00a0West\u00a0»\u00a0\?\)\u00a0; plan\.yaml:39:136: /,
    );
  });

  it('flag support to state authority where the army targeted civilians, with those events as evidence', () => {
    const found = check((d) => {
      activity(d, 'A4').areas = ['North'];
    });
    assert.deepEqual(keys(found), ['state-perpetrator-friction A4']);
    const events = found[0]!.evidence.filter((e) => e.type === 'event');
    assert.equal(events.length, 3);
    assert.ok(events.every((e) => e.type === 'event' && e.actor1 === ARMY && e.admin1 === 'North'));
    assert.ok(found[0]!.mitigations.some((m) => m.id === 'hrddp-assessment'));
  });

  it('flag an activity with state forces as partners even when its objective supports nothing', () => {
    const found = check((d) => {
      activity(d, 'A1').partners = [ARMY];
    });
    assert.deepEqual(keys(found), ['state-perpetrator-friction A1']);
  });

  it('flag a state partner that acted with a militia against civilians (an associated actor)', () => {
    const withArmy = {
      ...vac('South', '2024-03-03', 'South Militia', 'identity-militia'),
      actor1Associated: [ARMY],
    };
    const partnerInSouth = (d: Doc) => {
      activity(d, 'A1').partners = [ARMY];
      activity(d, 'A1').areas = ['South'];
    };
    const friction = (f: Finding[]) => f.filter((x) => x.kind === 'state-perpetrator-friction');
    assert.deepEqual(friction(check(partnerInSouth)), []);
    const found = friction(check(partnerInSouth, [...BASE_EVENTS, withArmy]));
    assert.deepEqual(keys(found), ['state-perpetrator-friction A1']);
    const events = found[0]!.evidence.filter((e) => e.type === 'event');
    assert.deepEqual(
      events.map((e) => e.type === 'event' && e.sourceEventId),
      [withArmy.sourceEventId],
    );
    assert.match(found[0]!.message, /perpetrators: South Militia; Army of Testland\./);
  });

  it('flag an activity that itself supports the security sector, whatever its objective', () => {
    const found = check((d) => {
      activity(d, 'A5').supports = ['security-sector-reform'];
      activity(d, 'A5').areas = ['North', 'South'];
    });
    assert.deepEqual(keys(found), ['state-perpetrator-friction A5']);
  });

  it('read support to the state however it is written: spaced, in capitals, with underscores, in French', () => {
    for (const written of [
      'Security Sector Reform',
      'security_sector',
      'State authority',
      'appui à la réforme du secteur de la sécurité',
      'RSS',
    ]) {
      const found = check((d) => {
        activity(d, 'A5').supports = [written];
        activity(d, 'A5').areas = ['North', 'South'];
      });
      assert.deepEqual(keys(found), ['state-perpetrator-friction A5'], written);
    }
    const byKind = check((d) => {
      activity(d, 'A5').kind = 'security sector support';
      activity(d, 'A5').areas = ['North', 'South'];
    });
    assert.deepEqual(keys(byKind), ['state-perpetrator-friction A5']);
  });

  it('read cell functions written in French ("protection des civils", "affaires politiques")', () => {
    const found = check((d) => {
      d.cells[0].members[0].function = 'protection des civils';
      d.cells[0].members[1].function = 'Affaires politiques';
    });
    assert.deepEqual(keys(found), []);
  });

  it('read cell functions written in words ("Protection of Civilians", "Political Affairs")', () => {
    const found = check((d) => {
      d.cells[0].members[0].function = 'Protection of Civilians';
      d.cells[0].members[1].function = 'Political Affairs';
    });
    assert.deepEqual(keys(found), []);
  });

  it('say when the plan’s period lies outside the store’s events, not as if it had been quiet', () => {
    const { plan } = readPlan(CLEAN, 'clean-plan.yaml');
    const notes = (dataRange: { from: string; to: string }) =>
      checkPlanAgainst(plan, { ...evidence(), dataRange }, loadMitigations()).notes;
    assert.ok(
      notes({ from: '2011-01-01', to: '2015-12-31' }).some((n) =>
        n.startsWith(
          "the plan's period (1 Jan 2024 to 31 Dec 2024) lies outside the store's events for Testland (1 Jan 2011 to 31 Dec 2015)",
        ),
      ),
    );
    assert.ok(!notes({ from: '2023-01-01', to: '2024-06-30' }).some((n) => n.includes('lies outside')));
    const fr = checkPlanAgainst(
      plan,
      { ...evidence(), dataRange: { from: '2011-01-01', to: '2015-12-31' } },
      loadMitigations(),
      'fr',
    ).notes;
    assert.ok(fr.some((n) => n.includes('est hors des événements de la base pour Testland')));
  });

  it('look back exactly one year before the plan period for state abuses', () => {
    const inside = [...BASE_EVENTS, vac('West', '2023-01-01', ARMY, 'state-forces')];
    assert.deepEqual(keys(check(() => {}, inside)), ['state-perpetrator-friction A4']);
  });

  it('flag a resource planned beyond what is available', () => {
    const found = check((d) => {
      activity(d, 'A3').uses = { helicopters: 1 };
    });
    assert.deepEqual(keys(found), ['resource-overallocation helicopters']);
    assert.match(found[0]!.message, /3 units.*only 2/);
  });

  it('flag field work that does not chain to the concept, but not the same work run from headquarters', () => {
    const found = check((d) => {
      d.strategies[1].objectives.push({ id: 'Q3', text: 'Local peace deal', anchors: [] });
      d.activities.push({
        id: 'A6',
        text: 'Local talks',
        objectives: ['Q3'],
        component: 'civilian',
        office: 'FO-N',
      });
      d.activities.push({
        id: 'A7',
        text: 'National talks',
        objectives: ['Q3'],
        component: 'civilian',
        office: 'HQ',
      });
    });
    assert.deepEqual(keys(found), ['local-national-disconnect A6', 'unanchored-objective Q3']);
  });

  it('flag a planning cell without police, and one without a political function', () => {
    const found = check((d) => {
      d.cells[0].members = d.cells[0].members.filter((m: Doc) => m.component !== 'police');
      d.cells.push({
        id: 'CELL-2',
        members: [
          { component: 'civilian', function: 'poc' },
          { component: 'military', function: 'plans' },
          { component: 'police', function: 'plans' },
        ],
      });
    });
    assert.deepEqual(keys(found), ['cell-composition CELL-1', 'cell-composition CELL-2']);
    assert.match(found[0]!.message, /police/);
    assert.match(found[1]!.message, /political function/);
  });

  it('flag one of the three most violent areas left without POC activity; political work there does not count', () => {
    const found = check((d) => {
      activity(d, 'A5').objectives = ['Q1'];
    });
    assert.deepEqual(keys(found), ['threat-coverage-gap South']);
    const f = found[0]!;
    assert.deepEqual(
      f.evidence.filter((e) => e.type === 'measure').map((e) => e.type === 'measure' && [e.name, e.value]),
      [
        ['rank', 3],
        ['civilian-targeting events', 6],
        ['fatalities in those events', 6],
      ],
    );
    assert.equal(f.evidence.filter((e) => e.type === 'event').length, 6);
  });

  it('do not flag a less violent area (rank 4 of 5) without POC activity', () => {
    // Centre (2 events) has only political work in the clean plan and is not flagged there either.
    const found = check((d) => {
      activity(d, 'A3').areas = ['Centre'];
    });
    assert.deepEqual(keys(found), []);
  });

  it('give every finding mitigation options from the data file', () => {
    const found = check((d) => {
      objective(d, 'Q2').anchors = [];
      activity(d, 'A4').areas = ['North'];
      d.cells = [{ id: 'C', members: [{ component: 'civilian', function: 'poc' }] }];
    });
    assert.ok(found.length >= 3);
    for (const f of found) assert.ok(f.mitigations.length >= 2, f.kind);
  });

  it('rank areas by the threat register when given one: a high threat in West outranks the counts', () => {
    const threats = [
      { admin1: 'West', likelihood: 'very-high', severity: 'very-high', status: 'accepted' }, // 16
      { admin1: 'North', likelihood: 'high', severity: 'high', status: 'proposed' }, // 9
      { admin1: 'East', likelihood: 'medium', severity: 'high', status: 'accepted' }, // 6
      { admin1: 'South', likelihood: 'low', severity: 'low', status: 'accepted' }, // 1
      { admin1: 'Centre', likelihood: 'very-high', severity: 'very-high', status: 'dismissed' },
    ] as const;
    const inPeriod = BASE_EVENTS.filter((e) => e.dateStart >= '2024-01-01');
    const ranking = rankAreasByThreats(threats, inPeriod);
    assert.deepEqual(
      ranking.areas.map((a) => [a.admin1, a.threatScore, a.civilianTargetingEvents]),
      [
        ['West', 16, 1],
        ['North', 9, 13],
        ['East', 6, 8],
        ['South', 1, 6],
      ],
    );
    const doc = parse(CLEAN) as Doc;
    const { plan } = readPlan(JSON.stringify(doc), 'clean.json');
    const found = checkPlanAgainst(plan, { ...evidence(), ranking }, loadMitigations()).findings;
    // West has only state-authority support (no POC activity), and is now among the top three.
    assert.deepEqual(keys(found), ['threat-coverage-gap West']);
  });
});
