import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ALLOCATION_TEXT } from '../src/planning/allocation-text.ts';
import type { AreaRanking } from '../src/planning/area-ranking.ts';
import { readPlan } from '../src/planning/plan-reader.ts';
import { type AllocationResult, allocateResources, UNUSED } from '../src/planning/resource-allocation.ts';
import { assertFrench } from './french-words.ts';
import { runCli } from './run-cli.ts';

/**
 * `tandem plan allocate --lang fr`: every sentence of the proposal (method, reasons, moves, notes)
 * and every line the command prints in French; the numbers, codes and JSON fields as in English.
 */

type Solve = Parameters<typeof allocateResources>[2];
let solve: Solve;
before(async () => {
  const mod = (await import('highs')) as unknown as { default: () => Promise<{ solve: Solve }> };
  const highs = await mod.default();
  solve = (lp) => highs.solve(lp);
});

/** The keys of a catalogue, deep: French must say everything English says. */
function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o)
    .flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    )
    .sort();
}

const RANKING: AreaRanking = {
  basis: 'events',
  measure: 'test',
  topRule: 'test',
  topCount: 3,
  areas: [
    { admin1: 'Amon', civilianTargetingEvents: 10, fatalities: 0, rank: 1 },
    { admin1: 'Bero', civilianTargetingEvents: 6, fatalities: 0, rank: 2 },
    { admin1: 'Cala', civilianTargetingEvents: 3, fatalities: 0, rank: 3 },
  ],
};

// Every sentence at least once: a plan priority with its reason, political work in an area, a
// flagged activity (X2), units used where no area is named (X3), more boats used than held, a
// resource with none available (rafts), and trucks the plan leaves unused, more than can be placed.
const PLAN = readPlan(
  `mission: M
country: Testland
period: { from: 2024-01-01, to: 2024-12-31 }
mandate: { tasks: [] }
concept: { objectives: [ { id: C1, text: c } ] }
strategies:
  - { id: S, kind: poc, objectives: [ { id: P1, text: p, anchors: [C1], standalone: s } ] }
  - { id: Q, kind: political, objectives: [ { id: Q1, text: q, anchors: [C1] } ] }
priorities: [ { area: Amon, priority: 2, reason: talks venue } ]
resources:
  - { id: boats, available: 2 }
  - { id: rafts, available: 0 }
  - { id: trucks, available: 60 }
activities:
  - { id: X1, text: x1, objectives: [P1, Q1], component: military, areas: [Cala], uses: { boats: 2, rafts: 1 } }
  - { id: X2, text: x2, objectives: [P1], component: military, areas: [Bero], uses: { boats: 1 } }
  - { id: X3, text: x3, objectives: [P1], component: military, uses: { boats: 1 } }
`,
  'allocation.yaml',
).plan;

/** Every sentence of a proposal, each with where it stands. */
function sentences(r: AllocationResult): [string, string][] {
  return [
    ['method', r.method],
    ...r.notes.map((n, i): [string, string] => [`notes[${i}]`, n]),
    ...r.resources.flatMap((res) => [
      ...res.areas.flatMap((a): [string, string][] => [
        [`${res.resource} ${a.area} reason`, a.reason],
        [`${res.resource} ${a.area} priorityReason`, a.priorityReason],
      ]),
      ...res.moves.map((m): [string, string] => [`${res.resource} move to ${m.to}`, m.why]),
    ]),
  ];
}

/** The proposal without its sentences: what must not change with the language. */
function figures(r: AllocationResult) {
  return JSON.parse(
    JSON.stringify(r, (k, v) =>
      ['method', 'notes', 'reason', 'priorityReason', 'why'].includes(k) ? undefined : v,
    ),
  );
}

describe('plan allocate in French', () => {
  it('the French catalogue has every sentence the English one has', () => {
    assert.deepEqual(keysOf(ALLOCATION_TEXT.fr), keysOf(ALLOCATION_TEXT.en));
  });

  it('writes every sentence in French with lang fr, the figures and codes as in English', () => {
    const unsure: Solve = (lp) => ({ ...solve(lp), Status: 'Time limit reached' });
    const en = allocateResources(PLAN, RANKING, unsure, new Set(['X2']));
    const fr = allocateResources(PLAN, RANKING, unsure, new Set(['X2']), 'fr');
    assert.deepEqual(figures(fr), figures(en));
    // Each kind of sentence is there to be read.
    assert.equal(fr.notes.length, 7, fr.notes.join('\n'));
    assert.ok(fr.resources.some((r) => r.moves.some((m) => m.from === UNUSED)));
    assert.ok(fr.resources.some((r) => r.moves.some((m) => m.from !== UNUSED)));
    for (const [where, text] of sentences(fr)) assertFrench(text, where);

    const fromAll = sentences(fr).map(([, t]) => t);
    const has = (re: RegExp) =>
      assert.ok(
        fromAll.some((t) => re.test(t)),
        `${re} in\n${fromAll.join('\n')}`,
      );
    has(/^fixée dans le plan\u00a0: «\u00a0talks venue\u00a0»$/);
    has(/^objectif de la stratégie politique Q1 poursuivi ici$/);
    has(
      /^retirer 1\u00a0: l’activité X2, signalée par la vérification du plan \(state-perpetrator-friction\)/,
    );
    has(/^retirer 1\u00a0: le plan ne met aucune unité de rafts à disposition$/);
    has(/^boats\u00a0: au plus 0 unité pour Bero, ce qu’y utilisent les activités non signalées/);
    has(
      /^boats\u00a0: 1 unité utilisée par des activités sans zone, laissée hors de la répartition actuelle$/,
    );
    has(/^boats\u00a0: le plan en utilise 3 alors que seules 2 sont disponibles/);
    has(/^rafts\u00a0: le plan en utilise 1 alors qu’aucune n’est disponible, si bien que/);
    has(/^trucks\u00a0: 12 unités sur 60 non placées\. /);
    has(/^le solveur s’est arrêté avec le statut Time limit reached\u00a0; /);
    // X1's boats go to Amon and Bero: it keeps no asset in Cala. Rafts, none available, went
    // nowhere else, so they are not among the assets said to go where more civilians were targeted.
    has(/^l’activité X1 \(Cala\) ne garde aucun des moyens qu’elle utilise \(boats\)\u00a0: /);
    has(/^unités que le plan laisse inutilisées\u00a0; Amon pèse 20 \(risque 10 × priorité 2\)$/);
    has(/× priorité 1,5 \(objectif de la stratégie politique Q1 poursuivi ici\) = poids 4,5/);
  });

  it('writes English by default, as before', () => {
    const r = allocateResources(PLAN, RANKING, solve, new Set(['X2']));
    assert.match(r.method, /^Maximise the sum over areas of weight × coverage/);
    assert.ok(
      r.notes.includes(
        'boats: at most 0 units in Bero, what activities not flagged use there; X2 is flagged by the plan check (state-perpetrator-friction) and gets none',
      ),
      r.notes.join('\n'),
    );
    const rafts = r.resources.find((x) => x.resource === 'rafts')!;
    assert.equal(rafts.areas[0]!.reason, 'remove 1: the plan makes no unit of rafts available');
  });
});

describe('tandem plan allocate --lang fr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-allocate-fr-'));
  const db = join(dir, 'tandem.db');
  const plan = join(dir, 'plan.yaml');
  before(async () => {
    // Civilian-targeting events in Testland, 2024: North 5, East 3, South 1.
    const header =
      'event_id_cnty,event_date,year,event_type,sub_event_type,actor1,inter1,actor2,inter2,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities';
    const rows = [
      ...Array.from({ length: 5 }, () => 'North'),
      ...Array.from({ length: 3 }, () => 'East'),
      'South',
    ].map(
      (area, i) =>
        `TST${i + 1},2024-0${1 + (i % 9)}-15,2024,Violence against civilians,Attack,Rebels of Testland,2,Civilians (Testland),7,Testland,${area},,${area},1.5,30.5,1,Test Monitor,Synthetic.,1`,
    );
    const events = join(dir, 'events.csv');
    writeFileSync(events, `${[header, ...rows].join('\n')}\n`);
    const imported = await runCli(['import', events, '--db', db]);
    assert.equal(imported.code, 0, imported.stderr);
    // The clean test plan, with a third helicopter use (more than held) and 60 boats it leaves unused.
    const { readFileSync } = await import('node:fs');
    const clean = readFileSync(new URL('fixtures/plans/clean-plan.yaml', import.meta.url), 'utf8');
    writeFileSync(
      plan,
      clean
        .replace('  - { id: teams,', '  - { id: boats, text: river boats, available: 60 }\n  - { id: teams,')
        .replace(
          'kind: early-warning, uses: { teams: 1 } }',
          'kind: early-warning, uses: { teams: 1, helicopters: 1 } }',
        ),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every line in French: headings, reasons, moves and notes', async () => {
    const r = await runCli(['plan', 'allocate', plan, '--lang', 'fr', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n').filter(Boolean);
    for (const line of lines) assertFrench(line, 'plan allocate --lang fr');
    assert.match(
      lines[0]!,
      /^risque couvert\u00a0: [\d,]+ actuellement → [\d,]+ avec la proposition \(solveur\u00a0: Optimal\)$/,
    );
    assert.match(lines[1]!, /^méthode\u00a0: Maximiser la somme/);
    assert.ok(
      lines.includes(
        'helicopters (utility helicopters)\u00a0: 2 disponibles, 3 utilisées actuellement, 2 proposées',
      ),
    );
    assert.ok(
      lines.some((l) =>
        /^ {2}affecter \d+ unités inutilisées à North\u00a0: unités que le plan laisse inutilisées/.test(l),
      ),
    );
    assert.ok(
      // What the unit covers where it goes against what it covered where it was (each unit half the one before).
      lines.some((l) =>
        /^ {2}déplacer 1 unité de South vers North\u00a0: à North, l’unité couvre 2,5 \(poids 5\u00a0: risque 5 × priorité 1\), plus que ce qu’elle couvrait à South \(1\u00a0; poids 1/.test(
          l,
        ),
      ),
      r.stdout,
    );
    assert.ok(lines.includes('notes\u00a0:'));
    assert.ok(lines.some((l) => l.startsWith('  - boats\u00a0: ') && l.includes('non placées')));
  });

  it('--json keeps its fields and figures; only the sentences are French', async () => {
    const en = await runCli(['plan', 'allocate', plan, '--json', '--db', db]);
    const fr = await runCli(['plan', 'allocate', plan, '--json', '--lang', 'fr', '--db', db]);
    assert.equal(fr.code, 0, fr.stderr);
    const [e, f] = [JSON.parse(en.stdout), JSON.parse(fr.stdout)] as AllocationResult[];
    assert.deepEqual(figures(f!), figures(e!));
    assert.deepEqual(keysOf(f!), keysOf(e!));
    for (const [where, text] of sentences(f!)) assertFrench(text, where);
    assert.match(e!.method, /^Maximise the sum/);
  });
});
