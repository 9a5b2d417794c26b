import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { NEGOTIATION_CHECK_TEXT } from '../src/agreements/negotiation-check-text.ts';
import { testEscalation } from '../src/agreements/negotiation-checks.ts';
import { LOCAL_PROCESS_CHECK_TEXT } from '../src/analysis/local-process-check-text.ts';
import { officeFindings, processFindings } from '../src/analysis/local-process-checks.ts';
import { PARTICIPATION_ALERT_TEXT } from '../src/analysis/participation-alert-text.ts';
import {
  belowQuotaTrend,
  localMediatorsAttacked,
  threatsBeforeRounds,
} from '../src/analysis/participation-alerts.ts';
import { loadParticipationMeasures } from '../src/analysis/participation-measure-catalog.ts';
import { FRICTION_TEXT } from '../src/app/friction-text.ts';
import type { LocalProcess } from '../src/domain/local-process.ts';
import type { NegotiationProcess } from '../src/domain/negotiation.ts';
import { loadMitigations } from '../src/planning/mitigation-catalog.ts';
import { PLAN_CHECK_TEXT } from '../src/planning/plan-check-text.ts';
import { checkPlanAgainst } from '../src/planning/plan-checks.ts';
import { readPlan } from '../src/planning/plan-reader.ts';
import { assertFrench } from './french-words.ts';

/**
 * The sentences the server writes (plan-check findings and notes, negotiation alerts, local-process
 * findings, participation alerts, frictions) in French (issue 19): every kind has its French
 * sentence with its figures in place, French spacing, and no English word left.
 */

/** The keys of a catalogue, deep: French must say everything English says. */
function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o)
    .flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    )
    .sort();
}

describe('the catalogues of the server’s sentences', () => {
  for (const [name, text] of [
    ['plan check', PLAN_CHECK_TEXT],
    ['negotiation check', NEGOTIATION_CHECK_TEXT],
    ['local-process check', LOCAL_PROCESS_CHECK_TEXT],
    ['participation alerts', PARTICIPATION_ALERT_TEXT],
    ['frictions', FRICTION_TEXT],
  ] as const)
    it(`${name}: French has every key English has`, () => {
      assert.deepEqual(keysOf(text.fr), keysOf(text.en));
    });

  it('plan check: every finding kind and note in French, its figures in place', () => {
    const t = PLAN_CHECK_TEXT.fr;
    const sentences: [string, string, RegExp][] = [
      [
        'unanchored-objective',
        t.unanchoredObjective({
          id: 'Q2',
          strategyKind: 'political',
          strategy: 'S-POL',
          text: 'Dialogue local',
        }),
        /Q2.*stratégie politique S-POL.*«\u00a0Dialogue local\u00a0»/,
      ],
      [
        'no-political-link',
        t.noPoliticalLink({ id: 'P2', text: 'Patrouilles' }),
        /P2 \(«\u00a0Patrouilles\u00a0»\)/,
      ],
      [
        'uncovered-priority-task (no concept)',
        t.uncoveredPriorityTask({ id: 'T-MINE', text: 'Déminage', concept: [], strategyObjectives: [] }),
        /T-MINE.*aucun objectif du concept/,
      ],
      [
        'uncovered-priority-task (no strategy)',
        t.uncoveredPriorityTask({
          id: 'T1',
          text: 'Protéger',
          concept: ['C1', 'C2'],
          strategyObjectives: [],
        }),
        /les objectifs du concept C1 et C2 la portent/,
      ],
      [
        'uncovered-priority-task (no activity)',
        t.uncoveredPriorityTask({
          id: 'T1',
          text: 'Protéger',
          concept: ['C1'],
          strategyObjectives: ['Q1', 'Q2'],
        }),
        /les objectifs Q1 et Q2 la servent, mais aucune activité/,
      ],
      [
        'state-perpetrator-friction',
        t.statePerpetratorFriction({
          id: 'A2',
          text: 'Appui aux FACA',
          places: ['North', 'West'],
          events: 1234,
          deaths: 1,
          from: '2023-01-01',
          to: '2024-12-31',
          perpetrators: ['FACA', 'Milice X'],
        }),
        /A2.*North et West.*1\u202f234 événements \(1 mort\) entre le 1er janv\. 2023 et le 31 déc\. 2024.*FACA\u00a0; Milice X/,
      ],
      [
        'resource-overallocation',
        t.resourceOverallocation({
          id: 'R1',
          text: 'hélicoptères',
          used: 5,
          users: ['A1', 'A2'],
          available: 3,
        }),
        // The resource by its French name; its code after, marked as a code (browser probe:
        // "La ressource helicopters (Hélicoptères…)" read as English).
        /^La ressource «.hélicoptères.» \(code R1\).*5 unités entre A1 et A2.*seules 3.*il en manque 2/,
      ],
      [
        'local-national-disconnect',
        t.localNationalDisconnect({ id: 'A4', text: 'Médiation', office: 'fo-kessa', objectives: ['Q2'] }),
        /A4 \(«\u00a0Médiation\u00a0», bureau fo-kessa\) sert l’objectif Q2/,
      ],
      [
        'local-national-disconnect (no objective)',
        t.localNationalDisconnect({ id: 'A5', text: 'Médiation', office: 'fo-kessa', objectives: [] }),
        /ne sert aucun objectif/,
      ],
      [
        'cell-composition',
        t.cellComposition({ id: 'CELL-1', missing: ['police', 'political'] }),
        /CELL-1 un membre de la police et une compétence politique/,
      ],
      [
        'threat-coverage-gap',
        t.threatCoverageGap({
          area: 'East',
          rank: 2,
          ranking: { basis: 'events', measure: 'x', topRule: 'y', areas: 5 },
          events: 8,
          deaths: 8,
        }),
        /East se classe 2e sur 5 zones.*8 événements, 8 morts/,
      ],
      [
        'threat-coverage-gap (threats)',
        t.threatCoverageGap({
          area: 'North',
          rank: 1,
          ranking: { basis: 'threats', measure: 'x', topRule: 'y', areas: 4 },
          events: 1,
          deaths: 0,
        }),
        /North se classe 1re sur 4 zones selon le registre des menaces.*1 événement, 0 mort/,
      ],
      ['note: no events', t.notes.noEvents('Testland'), /aucun événement pour Testland/],
      ['note: unknown areas', t.notes.unknownAreas('Testland', ['Nowhere']), /: Nowhere$/],
      ['note: no cell', t.notes.noCell, /cellule/],
      ['note: idle objectives', t.notes.idleObjectives(['Q3']), /: Q3$/],
      ['note: no threats', t.notes.noThreats('Testland'), /Testland/],
      ['note: partners', t.notes.partnersNotInData('Testland', ['Gendarmerie']), /: Gendarmerie$/],
    ];
    for (const [kind, text, shows] of sentences) {
      assertFrench(text, kind);
      assert.match(text, shows, kind);
    }
  });

  it('negotiation check: the alert, the method and every note in French', () => {
    const t = NEGOTIATION_CHECK_TEXT.fr;
    const alert = t.escalation({
      party: 'Front de libération',
      partyId: 'klf',
      before: 7,
      battles: 2,
      alongside: 1,
      deaths: 12,
      windowDays: 30,
      round: 'R3',
      roundStart: '2026-04-01',
      venue: 'Nairobi',
      baseline: 1.5,
      baselineDays: 180,
      baselineEvents: 0,
      ratio: 4.667,
      pValue: 0.000123,
    });
    assertFrench(alert, 'pre-talks-escalation');
    assert.match(
      alert,
      /7 événements violents \(4 comme acteur 1 d’une attaque, 1 aux côtés de l’acteur 1 d’une attaque, 2 comme partie.*12 morts\)/,
    );
    assert.match(
      alert,
      /cycle R3 \(1er avr\. 2026, Nairobi\), contre environ 1,5 attendus.*×4,7\)\u00a0; à ce rythme, le hasard en donnerait autant moins d’une fois sur mille \(p = 0,00012\)/,
    );
    assert.match(alert, /aucun événement dans sa période de référence/);
    assertFrench(t.method({ windowDays: 30, baselineDays: 180, alpha: 0.05, minEvents: 3 }), 'method');
    const n = t.notes;
    for (const [what, text] of [
      ['no events', n.noEvents('Testland')],
      ['baseline early', n.baselineEarly('R1', '2024-01-05', '2024-03-01', 120, true)],
      ['baseline too short', n.baselineEarly('R1', '2024-01-05', '2024-06-20', 10, false)],
      ['window late', n.windowLate('R2', '2025-06-30')],
      ['unknown actors', n.unknownActors('Testland', ['A', 'B'])],
      ['no delegation', n.noDelegation('R1', ['klf'])],
      ['no quota', n.noQuota],
    ])
      assertFrench(text!, what!);
    assert.match(
      n.baselineEarly('R1', '2024-01-05', '2024-03-01', 120, true),
      /5 janv\. 2024.*1er mars 2024.*120 jours/,
    );
  });

  it('local-process check: every finding and the method in French', () => {
    const t = LOCAL_PROCESS_CHECK_TEXT.fr;
    for (const [kind, text, shows] of [
      ['disconnect', t.disconnect({ name: 'Pacte de Kessa', planMission: 'MINUTEST' }), /plan MINUTEST/],
      [
        'disconnect (no plan)',
        t.disconnect({ name: 'Pacte de Kessa', planMission: null }),
        // The name quoted after "processus", never after a bare "de" ("de Accord local…").
        /^Le processus «.Pacte de Kessa.» n’a/,
      ],
      [
        'breaking-down',
        t.breakingDown({
          name: 'Pacte',
          parties: ['KLF', 'Milice'],
          after: 4,
          before: 1,
          date: '2025-06-01',
        }),
        /^Les parties au processus «.Pacte.» \(KLF, Milice\).*4 événements.*1er juin 2025, contre 1 avant/,
      ],
      [
        'participants-or-mediators-targeted',
        t.targeted({ name: 'Pacte', incidents: 1, events: 2, date: '2025-06-01' }),
        /^1 incident du registre de la mission et 2 événements/,
      ],
      [
        'office-activity-without-local-process',
        t.officeWithoutProcess({ activity: 'A4', office: 'fo-kessa', areas: ['North'], events: 6 }),
        /A4 \(bureau fo-kessa\) couvre North, où 6 événements ont impliqué/,
      ],
      ['method', t.method(180, 50), /180 jours.*50 km/],
    ] as const) {
      assertFrench(text, kind);
      assert.match(text, shows, kind);
    }
  });

  it('participation alerts: every kind in French', () => {
    const t = PARTICIPATION_ALERT_TEXT.fr;
    for (const [kind, text, shows] of [
      [
        'threat-before-round',
        t.threatBeforeRound({
          participant: 3,
          round: 'R2',
          process: 'Pourparlers',
          date: '2025-06-01',
          incidents: 2,
          weeks: 6,
        }),
        // "La personne participante", whoever the person is ("Le participant" for a woman was wrong).
        /^La personne participante n° 3 assiste au cycle R2 du processus Pourparlers le 1er juin 2025\u00a0; 2 incidents visant cette personne ou son groupe .*6 semaines/,
      ],
      [
        'below-quota-trend',
        t.belowQuota({
          process: '7',
          quota: 0.3,
          rounds: [
            { round: 'R1', share: 0.2 },
            { round: 'R2', share: null },
          ],
        }),
        /quota de 30\u00a0%.*2 cycles consécutifs \(R1\u00a0: 20\u00a0%, R2\u00a0: n\.d\.\)/,
      ],
      [
        'local-mediators-attacked (participant)',
        t.participantAttacked({ participant: 4, process: 'Pacte', incidents: 1, since: '2025-01-01' }),
        /^La personne participante n° 4.*1 incident depuis le 1er janv\. 2025/,
      ],
      [
        'local-mediators-attacked (group)',
        t.groupsAttacked({ process: 'Pacte', incidents: 3, since: '2025-01-01' }),
        /^3 incidents ont visé/,
      ],
    ] as const) {
      assertFrench(text, kind);
      assert.match(text, shows, kind);
    }
  });

  it('frictions: violence without a political process in French, months as months', () => {
    const text = FRICTION_TEXT.fr.violenceWithoutProcess({
      admin1: 'Kessa Highlands',
      events: 14,
      from: '2025-05',
      to: '2025-10',
      country: 'Testland',
      since: '2024-10',
    });
    assertFrench(text, 'violence-without-process');
    assert.match(
      text,
      /^Kessa Highlands\u00a0: 14 événements contre des civils entre mai 2025 et octobre 2025.*depuis octobre 2024/,
    );
  });
});

describe('the suggested mitigations and protective measures in French', () => {
  for (const [what, en, fr] of [
    ['mitigations (data/mitigations.yaml)', loadMitigations(), loadMitigations('fr')],
    [
      'protective measures (data/participation-measures.yaml)',
      loadParticipationMeasures(),
      loadParticipationMeasures(undefined, 'fr'),
    ],
  ] as const)
    it(`${what}: every option has its French, the same ids`, () => {
      for (const [kind, options] of Object.entries(en)) {
        const french = (fr as Record<string, { id: string; text: string }[]>)[kind]!;
        assert.deepEqual(
          french.map((o) => o.id),
          options.map((o: { id: string }) => o.id),
        );
        options.forEach((o: { text: string }, i: number) => {
          assert.notEqual(french[i]!.text, o.text, `${kind} ${french[i]!.id} has no French`);
          assertFrench(french[i]!.text, `${kind} ${french[i]!.id}`);
        });
      }
    });
});

describe('the producers write in the language asked, English by default', () => {
  const CLEAN = readFileSync(new URL('fixtures/plans/clean-plan.yaml', import.meta.url), 'utf8');

  it('plan check: findings and notes in French with lang fr; English by default, as before', () => {
    const doc = parse(CLEAN);
    doc.strategies
      .flatMap((s: { objectives: { id: string; anchors: string[] }[] }) => s.objectives)
      .find((o: { id: string }) => o.id === 'Q2').anchors = [];
    doc.cells = [];
    const { plan } = readPlan(JSON.stringify(doc), 'variant.json');
    const evidence = { events: [], stateActors: new Set<string>(), dataAreas: [] };
    const en = checkPlanAgainst(plan, evidence, loadMitigations());
    const fr = checkPlanAgainst(plan, evidence, loadMitigations(), 'fr');
    assert.deepEqual(
      fr.findings.map((f) => [f.kind, f.subject]),
      en.findings.map((f) => [f.kind, f.subject]),
    );
    assert.ok(fr.findings.length >= 2 && fr.notes.length >= 2);
    for (const f of fr.findings) assertFrench(f.message, f.kind);
    for (const n of fr.notes) assertFrench(n, 'note');
    assert.match(en.findings[0]!.message, /anchors in no mission-concept objective/);
    assert.ok(en.notes.includes('the plan names no joint planning cell (recommendation 3)'));
    // A misspelt field's reason, in a French note (held-out probe: it stayed English).
    const ignored = PLAN_CHECK_TEXT.fr.notes.ignoredFields([
      'p.yaml:6:1: mandat: not a field Tandem reads (did you mean "mandate"?)',
      'p.yaml:7:3: activities[0].quoi: not a field Tandem reads (misspelt?)',
    ]);
    assert.match(
      ignored,
      /p\.yaml:6:1: mandat: champ que Tandem ne lit pas \(vouliez-vous dire «.mandate.».\?\)/,
    );
    assert.match(ignored, /quoi: champ que Tandem ne lit pas \(mal orthographié.\?\)/);
    assert.doesNotMatch(ignored, /not a field/);
  });

  const PROCESS: NegotiationProcess = {
    process: 'Pourparlers de Kessa',
    country: 'Testland',
    quota: { women: 0.3 },
    parties: [{ id: 'klf', name: 'KLF', actors: ['KLF'] }],
    rounds: [{ id: 'R1', start: '2025-06-01', delegations: {} }],
  } as unknown as NegotiationProcess;

  it('negotiation check: the pre-talks alert in French', () => {
    const events = Array.from({ length: 5 }, (_, i) => ({
      id: i + 1,
      source: 'acled',
      sourceEventId: `E${i}`,
      dateStart: `2025-05-1${i}`,
      admin1: 'North',
      actor1: 'KLF',
      actor2: 'Civilians',
      violenceType: 'violence-against-civilians',
      fatalities: 1,
    }));
    const fr = testEscalation(PROCESS, events, undefined, 'fr').alerts;
    const en = testEscalation(PROCESS, events).alerts;
    assert.equal(fr.length, 1);
    assertFrench(fr[0]!.message, 'pre-talks-escalation');
    assert.match(en[0]!.message, /^KLF \(klf\) perpetrated 5 violent events \(/);
  });

  it('local-process check: findings in French', () => {
    const p = {
      id: 'pact',
      name: 'Pacte de Kessa',
      date: '2025-06-01',
      status: 'signed',
      nationalLink: 'none',
      objectives: [],
      parties: ['Kessa Front'],
    } as unknown as LocalProcess;
    const ev = (id: number, date: string) => ({
      id,
      source: 'acled',
      sourceEventId: `E${id}`,
      date,
      actor1: 'Kessa Front',
      actor2: 'Civilians',
      fatalities: 0,
      distanceKm: 3,
    });
    const around = {
      before: { from: '', to: '', events: 0, fatalities: 0, evidence: [] },
      after: {
        from: '',
        to: '',
        events: 2,
        fatalities: 0,
        evidence: [ev(1, '2025-07-01'), ev(2, '2025-08-01')],
      },
    };
    const touching = [{ kind: 'incident' as const, id: 9 }];
    const fr = processFindings(p, around as never, null, touching as never, 'fr');
    assert.deepEqual(
      fr.map((f) => f.kind),
      ['local-national-disconnect', 'breaking-down', 'participants-or-mediators-targeted'],
    );
    for (const f of fr) assertFrench(f.message, f.kind);
    const doc = parse(CLEAN);
    const { plan } = readPlan(JSON.stringify(doc), 'clean.json');
    const field = plan.activities.find(
      (a) => a.office && plan.offices.find((o) => o.id === a.office)?.level === 'field' && a.areas.length,
    );
    assert.ok(field, 'the clean plan has a field activity with areas');
    const local = Array.from({ length: 6 }, (_, i) => ({
      ...ev(i + 10, '2025-01-01'),
      admin1: field.areas[0]!,
    }));
    const offices = officeFindings(plan, [], local as never, 'fr');
    assert.ok(offices.length >= 1);
    for (const f of offices) assertFrench(f.message, f.kind);
  });

  it('participation alerts: every kind in French from the producers', () => {
    const incident = (id: number, occurredOn: string, targetedGroups: string[] = []) => ({
      id,
      occurredOn,
      category: 'threat-or-intimidation',
      admin1: 'North',
      targetedGroups,
    });
    const person = {
      id: 1,
      organisation: 'forum',
      processes: [
        { process: '7', kind: 'negotiation' as const, rounds: [] },
        { process: 'pact', kind: 'local' as const, rounds: [] },
      ],
      incidents: [10],
    };
    const rounds = new Map([['negotiation:7', [{ id: 'R1', date: '2025-03-01' }]]]);
    const incidents = [incident(10, '2025-02-20'), incident(11, '2025-02-21', ['mediators of kessa'])];
    const alerts = [
      ...threatsBeforeRounds([person], rounds, incidents, 6, 'fr'),
      ...belowQuotaTrend(
        '7',
        0.3,
        [
          { id: 'R1', women: 1, total: 10 },
          { id: 'R2', women: 1, total: 10 },
        ],
        'fr',
      ),
      ...localMediatorsAttacked(
        [
          {
            id: 'pact',
            name: 'Pacte',
            date: '2025-03-01',
            mediators: ['mediators of kessa'],
            thirdParties: [],
          },
        ],
        [person],
        incidents,
        'fr',
      ),
    ];
    assert.deepEqual(
      alerts.map((a) => a.kind),
      ['threat-before-round', 'below-quota-trend', 'local-mediators-attacked', 'local-mediators-attacked'],
    );
    for (const a of alerts) assertFrench(a.message, a.kind);
  });
});
